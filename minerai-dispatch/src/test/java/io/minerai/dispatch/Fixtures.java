package io.minerai.dispatch;

import io.minerai.core.bitcoin.BitcoinDay;
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
import io.minerai.core.site.TariffAdder;
import io.minerai.core.time.TimeGrid;
import io.minerai.core.time.TimeSeries;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Small hand-built sites and inputs for tests (synthetic, labelled as such). */
public final class Fixtures {
    public static final Instant T0 = Instant.parse("2024-06-01T00:00:00Z");

    private Fixtures() {}

    public static TimeGrid hourly(int n) {
        return new TimeGrid(T0, Duration.ofHours(1), n);
    }

    /** 1,000 machines x 100 TH/s x 3,000 W, PUE 1, no fee: 3 MW. */
    public static MinerFleet fleet(String name, int units, double th, double w) {
        return new MinerFleet(name, "test", units, th, w, 1.0, 0.0, 0, 3);
    }

    public static GridConnection grid(double capMw, boolean export, double exportCapMw, double adder) {
        return new GridConnection(
                "HB_WEST",
                capMw,
                export,
                export ? exportCapMw : 0,
                adder == 0 ? List.of() : List.of(new TariffAdder("a", adder)));
    }

    public static Site site(
            GridConnection grid,
            List<MinerFleet> fleets,
            List<GpuCloud> gpus,
            List<ColocationLease> leases,
            List<Double> solarMw,
            Optional<Ppa> ppa) {
        List<Generator> gens = new ArrayList<>();
        for (int i = 0; i < solarMw.size(); i++) {
            gens.add(new Generator("pv" + i, GeneratorKind.SOLAR, solarMw.get(i), new ProfileSource.Constant(1)));
        }
        return new Site("test", grid, fleets, gpus, leases, gens, ppa, SiteOpex.NONE);
    }

    /**
     * Inputs with the given prices, a constant BTC per TH/s-day and BTC price, and capacity factors per generator.
     */
    public static ScenarioInputs inputs(
            TimeGrid g, double[] price, double btcPerThDay, double btcPriceUsd, double[][] cf) {
        TimeSeries.Builder p = TimeSeries.builder("price", "USD/MWh", g);
        for (int t = 0; t < price.length; t++) {
            if (!Double.isNaN(price[t])) {
                p.set(t, price[t]);
            }
        }
        List<TimeSeries> cfs = new ArrayList<>();
        for (double[] c : cf) {
            cfs.add(TimeSeries.of("cf", "1", g, c));
        }
        return new ScenarioInputs(
                g,
                p.build(),
                TimeSeries.constant("btcPerThDay", "BTC/TH/s/day", g, btcPerThDay),
                TimeSeries.constant("btcPrice", "USD/BTC", g, btcPriceUsd),
                cfs,
                Optional.empty(),
                Map.of(),
                Map.<java.time.LocalDate, BitcoinDay>of());
    }
}
