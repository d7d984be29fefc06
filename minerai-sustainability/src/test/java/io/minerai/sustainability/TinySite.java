package io.minerai.sustainability;

import io.minerai.core.scenario.SustainabilitySettings;
import io.minerai.core.scenario.SustainabilitySettings.FlexibilityThresholds;
import io.minerai.core.scenario.SustainabilitySettings.MarketInstruments;
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
import io.minerai.dispatch.Dispatch;
import io.minerai.dispatch.LoadInfo;
import io.minerai.dispatch.ledger.Ledger;
import io.minerai.dispatch.ledger.Measure;
import io.minerai.dispatch.ledger.Stream;
import io.minerai.dispatch.program.AncillaryCapacity;
import io.minerai.dispatch.settle.MiningSettler;
import io.minerai.dispatch.settle.SiteMeasures;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A site small enough to check by hand: a 3 MW miner fleet, a 1 MW GPU cloud (800 GPUs x 1.25 kW, 50 % sold), a 2 MW
 * solar plant and a 2 MW PPA, over four hourly intervals from 2024-07-01T00:00Z (= 19:00 on 30 June, Central time).
 *
 * <pre>
 *   t  miner x  gpu x  load MW  gen  export  import  price  factor       system MW
 *   0   1.0      1.0    4.0      1    0       3.0      20    400          100
 *   1   0.5      1.0    2.5      0    0       2.5     150    500          200
 *   2   0        0      0        2    2       0       900    missing      300
 *   3   skipped (no data)                                    700          400
 * </pre>
 */
public final class TinySite {
    public static final TimeGrid GRID = new TimeGrid(Instant.parse("2024-07-01T00:00:00Z"), Duration.ofHours(1), 4);

    private TinySite() {}

    public static Site site(boolean withPpa) {
        return new Site(
                "tiny",
                new GridConnection("HB_WEST", 10, true, 5, List.of()),
                List.of(new MinerFleet("miners", "S19", 1000, 100, 3000, 1.0, 0, 0, 3)),
                List.of(new GpuCloud("gpus", "H100", 800, 1.25, 1.0, 2.0, 0.5, false)),
                List.of(),
                List.of(new Generator("pv", GeneratorKind.SOLAR, 2, new ProfileSource.Constant(0.5))),
                withPpa ? Optional.of(new Ppa(2, 30)) : Optional.empty(),
                SiteOpex.NONE);
    }

    public static Ledger ledger(Site site) {
        int n = 4;
        Dispatch d = new Dispatch(
                "hand",
                GRID,
                LoadInfo.of(site),
                new boolean[] {true, true, true, false},
                new double[] {1, 1, 0.5, 1, 0, 0, 0, 0},
                new double[] {1, 0, 2, 0},
                new double[] {3, 2.5, 0, 0},
                new double[] {0, 0, 2, 0},
                new double[] {0, 0, 0, 0});
        return ledger(d, new double[] {0, 100, 50, 0}, new double[] {0.01, 0.005, 0, 0});
    }

    /** A hand-made ledger of a dispatch: prices 20, 150, 900; the given ancillary payments and BTC mined. */
    public static Ledger ledger(Dispatch d, double[] ancillaryUsd, double[] btcMined) {
        Map<Stream, double[]> streams = new LinkedHashMap<>();
        streams.put(AncillaryCapacity.ANCILLARY, ancillaryUsd);
        Map<Measure, double[]> measures = new LinkedHashMap<>();
        measures.put(SiteMeasures.PRICE, new double[] {20, 150, 900, 0});
        measures.put(MiningSettler.BTC_MINED, btcMined);
        return Ledger.of(d, streams, measures);
    }

    public static GridFactors factors() {
        TimeSeries f = TimeSeries.builder("gridFactor", "kg CO2e/MWh", GRID)
                .set(0, 400)
                .set(1, 500)
                .set(3, 700)
                .build();
        TimeSeries sys = TimeSeries.of("sys", "MW", GRID, 100, 200, 300, 400);
        return new GridFactors(
                GRID,
                f,
                Optional.of(sys),
                Map.of(
                        Fuel.WIND, TimeSeries.of("w", "1", GRID, 0.25, 0.5, 0.5, 0.5),
                        Fuel.GAS_CC, TimeSeries.of("g", "1", GRID, 0.75, 0.5, 0.5, 0.5)),
                EmissionBasis.COMBUSTION,
                "hand",
                "hand",
                List.of());
    }

    public static SustainabilitySettings settings(MarketInstruments m, FlexibilityThresholds th) {
        return new SustainabilitySettings(SustainabilitySettings.DEFAULT.gridFactors(), m, th);
    }

    public static SustainabilitySettings settings(MarketInstruments m) {
        return settings(m, SustainabilitySettings.DEFAULT.flexibility());
    }
}
