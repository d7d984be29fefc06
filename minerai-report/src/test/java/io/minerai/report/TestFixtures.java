package io.minerai.report;

import io.minerai.core.inputs.ScenarioInputs;
import io.minerai.core.scenario.BitcoinSource;
import io.minerai.core.scenario.Period;
import io.minerai.core.scenario.PriceSource;
import io.minerai.core.scenario.Scenario;
import io.minerai.core.site.ColocationLease;
import io.minerai.core.site.Generator;
import io.minerai.core.site.GeneratorKind;
import io.minerai.core.site.GpuCloud;
import io.minerai.core.site.GridConnection;
import io.minerai.core.site.MinerFleet;
import io.minerai.core.site.ProfileSource;
import io.minerai.core.site.Site;
import io.minerai.core.site.SiteOpex;
import io.minerai.core.site.TariffAdder;
import io.minerai.core.time.TimeGrid;
import io.minerai.core.time.TimeSeries;
import io.minerai.dispatch.Backtest;
import io.minerai.dispatch.DispatchResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Hand-built sites and inputs for report tests. Prices and Bitcoin figures here are SYNTHETIC (chosen so results can
 * be computed by hand), not market data.
 *
 * <p>The tiny case: 4 hourly intervals from 2024-06-01T00:00Z; price 20, 50, 1000 $/MWh and missing; adders 5 $/MWh;
 * import cap 10 MW, no export. BTC per TH/s per day 5e-7 at 60,000 USD/BTC (hashprice 30 $/PH/day). Loads:
 *
 * <ul>
 *   <li>{@code S21-fleet}: 1,000 x 200 TH/s x 3,500 W, PUE 1, no pool fee: 3.5 MW, worth 0.03 x 200 / 0.0035 / 24 =
 *       71.43 $/MWh; mines 200,000 x 5e-7 / 24 = 0.0041667 BTC per hour = 250 USD;
 *   <li>{@code H100-cloud}: 1,000 GPUs x 1 kW, PUE 1, 2 $/GPU-h, 100 % utilised, interruptible: 1 MW, 2,000 USD/h,
 *       worth 2,000 $/MWh;
 *   <li>{@code Colo-A}: 1 MW critical IT at 100 $/kW-month, PUE 1, load factor 1, energy in rent: 1 MW firm,
 *       100,000 / 720 = 138.8889 USD per hour in June.
 * </ul>
 */
public final class TestFixtures {
    public static final Instant START = Instant.parse("2024-06-01T00:00:00Z");
    public static final double BTC_PER_TH_DAY = 5e-7;
    public static final double BTC_PRICE_USD = 60_000;

    private TestFixtures() {}

    public static MinerFleet fleet(String name) {
        return new MinerFleet(name, "Antminer S21", 1000, 200, 3500, 1.0, 0.0, 0, 0);
    }

    public static GpuCloud cloud() {
        return new GpuCloud("H100-cloud", "H100 SXM", 1000, 1.0, 1.0, 2.0, 1.0, false);
    }

    public static ColocationLease colo() {
        return new ColocationLease("Colo-A", "Tenant A", 1.0, 100, 1.0, 1.0, false);
    }

    public static Site site(String name, List<MinerFleet> fleets, List<GpuCloud> clouds, List<ColocationLease> leases) {
        return new Site(
                name,
                new GridConnection("HB_WEST", 10, false, 0, List.of(new TariffAdder("TDSP", 5))),
                fleets,
                clouds,
                leases,
                List.of(),
                Optional.empty(),
                SiteOpex.NONE);
    }

    public static Site tinySite() {
        return site("Tiny site", List.of(fleet("S21-fleet")), List.of(cloud()), List.of(colo()));
    }

    public static TimeGrid tinyGrid() {
        return new TimeGrid(START, Duration.ofHours(1), 4);
    }

    public static ScenarioInputs tinyInputs() {
        TimeGrid g = tinyGrid();
        TimeSeries price = TimeSeries.builder("price", "USD/MWh", g)
                .set(0, 20)
                .set(1, 50)
                .set(2, 1000)
                .build();
        return inputs(g, price, List.of());
    }

    public static ScenarioInputs inputs(TimeGrid g, TimeSeries price, List<TimeSeries> cf) {
        return new ScenarioInputs(
                g,
                price,
                TimeSeries.constant("btcPerThDay", "BTC/TH/s/day", g, BTC_PER_TH_DAY),
                TimeSeries.constant("btcPrice", "USD", g, BTC_PRICE_USD),
                cf,
                Optional.empty(),
                Map.of(),
                Map.of());
    }

    public static Scenario scenario(Site site, TimeGrid g) {
        return Scenario.energyOnly(
                "test-" + site.name().toLowerCase(java.util.Locale.ROOT).replace(' ', '-'),
                "Hand-built test scenario with synthetic prices.",
                new Period(g.startUtc(), g.endUtc(), g.step()),
                new PriceSource.ErcotBundled("RTM"),
                new BitcoinSource.CoinMetricsBundled(),
                site);
    }

    public static DispatchResult tinyResult() {
        return Backtest.meritOrder(tinySite(), tinyInputs());
    }

    /**
     * Thirty SYNTHETIC days, hourly, with a daily price shape, a 2,500 $/MWh spike on day 20 at 20:00 UTC, one
     * missing day (day 10) and a solar-like generator: exercises daily means, the peak-week zoom and gap runs.
     */
    public static Site monthSite() {
        return new Site(
                "Synthetic month site",
                new GridConnection("LZ_WEST", 12, true, 3, List.of(new TariffAdder("TDSP", 5))),
                List.of(
                        fleet("S21-fleet"),
                        new MinerFleet("S19-fleet", "Antminer S19j Pro", 800, 100, 3050, 1.05, 0.02, 0, 0)),
                List.of(cloud()),
                List.of(colo()),
                List.of(new Generator(
                        "Solar-1", GeneratorKind.SOLAR, 4, new ProfileSource.Csv("solar.csv", "time", "cf"))),
                Optional.empty(),
                new SiteOpex(20_000, 2));
    }

    public static TimeGrid monthGrid() {
        return new TimeGrid(START, Duration.ofHours(1), 30 * 24);
    }

    public static ScenarioInputs monthInputs() {
        TimeGrid g = monthGrid();
        TimeSeries.Builder p = TimeSeries.builder("price", "USD/MWh", g);
        TimeSeries.Builder cf = TimeSeries.builder("cf", "1", g);
        for (int t = 0; t < g.count(); t++) {
            int day = t / 24;
            int hour = t % 24;
            cf.set(t, hour >= 13 && hour <= 23 ? 0.6 * Math.sin(Math.PI * (hour - 12) / 12.0) : 0);
            if (day == 10) {
                continue;
            }
            double v = 25 + 40 * Math.max(0, Math.sin(Math.PI * (hour - 14) / 10.0)) + day;
            if (day == 20 && hour == 20) {
                v = 2500;
            }
            if (hour == 4) {
                v = -5;
            }
            p.set(t, v);
        }
        return inputs(g, p.build(), List.of(cf.build()));
    }

    public static DispatchResult monthResult() {
        return Backtest.meritOrder(monthSite(), monthInputs());
    }
}
