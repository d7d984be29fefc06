package io.minerai.optimize;

import io.minerai.core.inputs.ScenarioInputs;
import io.minerai.core.site.ColocationLease;
import io.minerai.core.site.Generator;
import io.minerai.core.site.GeneratorKind;
import io.minerai.core.site.GpuCloud;
import io.minerai.core.site.GridConnection;
import io.minerai.core.site.MinerFleet;
import io.minerai.core.site.Ppa;
import io.minerai.core.site.ProfileSource;
import io.minerai.core.site.Site;
import io.minerai.core.site.SiteOpex;
import io.minerai.core.time.TimeGrid;
import io.minerai.core.time.TimeSeries;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Hand-built sites and inputs small enough to check on paper. Synthetic numbers, not market data.
 *
 * <p>The standard fleet: 1,000 machines of 100 TH/s at 1,000 W, PUE 1, no pool fee: 1 MW and 100,000 TH/s. With a BTC
 * price of $100,000 and {@link #BTC_PER_TH_DAY_AT_50} BTC per TH/s-day the hashprice is $0.012 per TH/s-day and the
 * fleet earns exactly $50 per MWh.
 */
final class Fixtures {
    static final Instant T0 = Instant.parse("2024-07-01T00:00:00Z");
    static final double BTC_PRICE = 100_000;
    static final double BTC_PER_TH_DAY_AT_50 = 0.012 / BTC_PRICE;

    private Fixtures() {}

    static TimeGrid hourly(int n) {
        return new TimeGrid(T0, Duration.ofHours(1), n);
    }

    /** A 1 MW fleet earning $50/MWh at {@link #BTC_PER_TH_DAY_AT_50}, scaled to {@code mw}. */
    static MinerFleet fleet(String name, double mw) {
        return new MinerFleet(name, "test", (int) Math.round(mw * 1000), 100, 1000, 1.0, 0, 0, 3);
    }

    static GridConnection grid(double importCapMw, double exportCapMw) {
        return new GridConnection("HB_WEST", importCapMw, exportCapMw > 0, exportCapMw, List.of());
    }

    static Site site(GridConnection grid, List<MinerFleet> fleets) {
        return new Site("test", grid, fleets, List.of(), List.of(), List.of(), Optional.empty(), SiteOpex.NONE);
    }

    static Site site(
            GridConnection grid,
            List<MinerFleet> fleets,
            List<GpuCloud> gpus,
            List<ColocationLease> leases,
            List<Generator> gens,
            Optional<Ppa> ppa) {
        return new Site("test", grid, fleets, gpus, leases, gens, ppa, SiteOpex.NONE);
    }

    static Generator solar(double mw) {
        return new Generator("solar", GeneratorKind.SOLAR, mw, new ProfileSource.Constant(1));
    }

    /** A colocation lease of {@code mw} facility MW (PUE 1, full load), rent {@code usdPerKwMonth}. */
    static ColocationLease lease(double mw, double usdPerKwMonth) {
        return new ColocationLease("colo", "tenant", mw, usdPerKwMonth, 1.0, 1.0, false);
    }

    /** A GPU cloud of 1,000 GPUs at 1 kW (1 MW) earning {@code usdPerMwh} per MWh (utilisation 1). */
    static GpuCloud gpu(double usdPerMwh, boolean firm) {
        return new GpuCloud("gpu", "H100", 1000, 1.0, 1.0, usdPerMwh / 1000.0, 1.0, firm);
    }

    static Inputs inputs(double... prices) {
        return new Inputs(hourly(prices.length), prices);
    }

    /** Builder of inputs on a grid. */
    static final class Inputs {
        final TimeGrid grid;
        final double[] price;
        double[] btcPerThDay;
        final List<double[]> capacityFactors = new ArrayList<>();
        final java.util.LinkedHashMap<String, double[]> ancillary = new java.util.LinkedHashMap<>();
        double @org.jspecify.annotations.Nullable [] dayAhead;

        Inputs(TimeGrid grid, double[] price) {
            this.grid = grid;
            this.price = price;
            this.btcPerThDay = new double[grid.count()];
            java.util.Arrays.fill(btcPerThDay, BTC_PER_TH_DAY_AT_50);
        }

        /** Sets the fleet value per MWh of the standard fleet per interval. */
        Inputs minerValue(double... usdPerMwh) {
            for (int t = 0; t < usdPerMwh.length; t++) {
                btcPerThDay[t] = BTC_PER_TH_DAY_AT_50 * usdPerMwh[t] / 50.0;
            }
            return this;
        }

        Inputs capacityFactor(double... cf) {
            capacityFactors.add(cf);
            return this;
        }

        Inputs ancillary(String product, double... usdPerMwh) {
            ancillary.put(product, usdPerMwh);
            return this;
        }

        Inputs dayAhead(double... usdPerMwh) {
            dayAhead = usdPerMwh;
            return this;
        }

        ScenarioInputs build() {
            List<TimeSeries> cfs = new ArrayList<>();
            for (double[] cf : capacityFactors) {
                cfs.add(series("cf", cf));
            }
            java.util.Map<String, TimeSeries> anc = new java.util.LinkedHashMap<>();
            ancillary.forEach((k, v) -> anc.put(k, series(k, v)));
            double[] da = dayAhead;
            return new ScenarioInputs(
                    grid,
                    series("price", price),
                    series("btcPerThDay", btcPerThDay),
                    TimeSeries.constant("btcPrice", "USD", grid, BTC_PRICE),
                    cfs,
                    da == null ? Optional.empty() : Optional.of(series("da", da)),
                    anc,
                    Map.of());
        }

        private TimeSeries series(String name, double[] v) {
            TimeSeries.Builder b = TimeSeries.builder(name, "", grid);
            for (int t = 0; t < v.length; t++) {
                if (!Double.isNaN(v[t])) {
                    b.set(t, v[t]);
                }
            }
            return b.build();
        }
    }
}
