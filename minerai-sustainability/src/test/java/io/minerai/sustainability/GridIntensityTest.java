package io.minerai.sustainability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.minerai.core.time.TimeGrid;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GridIntensityTest {
    static final Instant T0 = Instant.parse("2024-07-01T00:00:00Z");
    static final TimeGrid Q = new TimeGrid(T0, Duration.ofMinutes(15), 4);

    /** Round factors: coal 1000, gas-CC 400, gas 600, wind 10, everything else 0. */
    static final FuelFactorSet ROUND = new FuelFactorSet(
            "round",
            "round numbers for hand calculation",
            EmissionBasis.COMBUSTION,
            "test",
            Map.of(
                    Fuel.COAL, 1000.0,
                    Fuel.GAS_CC, 400.0,
                    Fuel.GAS, 600.0,
                    Fuel.WIND, 10.0,
                    Fuel.BIOMASS, 0.0,
                    Fuel.HYDRO, 0.0,
                    Fuel.NUCLEAR, 0.0,
                    Fuel.OTHER, 0.0,
                    Fuel.SOLAR, 0.0));

    /**
     * MWh per 15 minutes.
     *
     * <pre>
     *        coal gasCC gas wind solar other  WSL
     *   i0    100  200    0  100    0     10  -20   E = 100000+80000+1000 = 181000 kg, net = 410-20 = 390
     *   i1    100  100   50  250    0      0    0   E = 100000+40000+30000+2500 = 172500, net = 500
     *   i2      0  300    0    0  100      0    0   E = 120000, net = 400
     *   i3      0  NaN    0    0  100      0    0   missing
     * </pre>
     */
    static FuelMix mix() {
        Map<Fuel, double[]> e = new EnumMap<>(Fuel.class);
        e.put(Fuel.COAL, new double[] {100, 100, 0, 0});
        e.put(Fuel.GAS_CC, new double[] {200, 100, 300, Double.NaN});
        e.put(Fuel.GAS, new double[] {0, 50, 0, 0});
        e.put(Fuel.WIND, new double[] {100, 250, 0, 0});
        e.put(Fuel.SOLAR, new double[] {0, 0, 100, 100});
        e.put(Fuel.OTHER, new double[] {10, 0, 0, 0});
        e.put(Fuel.STORAGE_CHARGING, new double[] {-20, 0, 0, 0});
        return FuelMix.ofEnergyMwh(Q, e);
    }

    @Test
    void fifteenMinuteFactorsByHand() {
        GridFactors g = GridIntensity.of(mix(), ROUND, "test mix");
        assertThat(g.kgCo2ePerMwh().value(0)).isCloseTo(181000.0 / 390, within(1e-9));
        assertThat(g.kgCo2ePerMwh().value(1)).isCloseTo(345.0, within(1e-9));
        assertThat(g.kgCo2ePerMwh().value(2)).isCloseTo(300.0, within(1e-9));
        assertThat(g.kgCo2ePerMwh().isMissing(3)).isTrue();
        // system net generation, MW = MWh / 0.25 h
        assertThat(g.systemNetGenerationMw().orElseThrow().value(0)).isCloseTo(390 * 4, within(1e-9));
        // shares of gross generation (without storage charging): 410 MWh in i0
        assertThat(g.share(Fuel.COAL).orElseThrow().value(0)).isCloseTo(100.0 / 410, within(1e-12));
        assertThat(g.share(Fuel.OTHER).orElseThrow().value(0)).isCloseTo(10.0 / 410, within(1e-12));
        assertThat(g.description()).isEqualTo("test mix, factor set round");
        // all four quarter hours are 30 June in Central time; the highest net generation is i1 (500 MWh)
        assertThat(g.systemPeaksUtc()).containsExactly(T0.plus(Duration.ofMinutes(15)));
    }

    @Test
    void storageChargingLeavesTheDenominatorNotTheNumerator() {
        // without the -20 MWh of charging the factor of i0 would be 181000 / 410 = 441.5; with it, 464.1
        GridFactors g = GridIntensity.of(mix(), ROUND, "t");
        assertThat(g.kgCo2ePerMwh().value(0)).isGreaterThan(181000.0 / 410);
    }

    @Test
    void coarserGridIsEnergyWeightedNotAMeanOfFactors() {
        TimeGrid half = new TimeGrid(T0, Duration.ofMinutes(30), 2);
        GridFactors g = GridIntensity.of(mix(), ROUND, half, "t");
        // (181000 + 172500) / (390 + 500) = 397.19; the plain mean of the two factors would be 404.55
        assertThat(g.kgCo2ePerMwh().value(0)).isCloseTo(353500.0 / 890, within(1e-9));
        assertThat(g.kgCo2ePerMwh().isMissing(1))
                .as("a missing quarter-hour makes the half hour missing")
                .isTrue();
        assertThat(g.share(Fuel.WIND).orElseThrow().value(0)).isCloseTo(350.0 / 910, within(1e-12));
        double sum = 0;
        for (io.minerai.core.time.TimeSeries s : g.sourceShare().values()) {
            sum += s.value(0);
        }
        assertThat(sum).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void runGridOutsideTheDataIsMissing() {
        TimeGrid later = new TimeGrid(T0.plus(Duration.ofHours(5)), Duration.ofHours(1), 2);
        GridFactors g = GridIntensity.of(mix(), ROUND, later, "t");
        assertThat(g.kgCo2ePerMwh().missingCount()).isEqualTo(2);
    }

    @Test
    void annualAverageIsTotalEmissionsOverTotalNetGeneration() {
        // i3 is skipped: (181000 + 172500 + 120000) / (390 + 500 + 400)
        assertThat(GridIntensity.annualAverageKgPerMwh(mix(), ROUND)).isCloseTo(473500.0 / 1290, within(1e-9));
    }

    @Test
    void defaultSetOnTheTinyMix() {
        GridFactors g = GridIntensity.of(mix(), FuelFactorSet.COMBUSTION_EPA_EIA, "t");
        FuelFactorSet s = FuelFactorSet.COMBUSTION_EPA_EIA;
        double e1 = 100 * s.factor(Fuel.COAL) + 100 * s.factor(Fuel.GAS_CC) + 50 * s.factor(Fuel.GAS);
        assertThat(g.kgCo2ePerMwh().value(1)).isCloseTo(e1 / 500, within(1e-9));
        GridFactors l = GridIntensity.of(mix(), FuelFactorSet.IPCC_AR5_LIFECYCLE, "t");
        // i2: 300 gas-CC x 490 + 100 solar x 48 over 400
        assertThat(l.kgCo2ePerMwh().value(2)).isCloseTo((300 * 490 + 100 * 48) / 400.0, within(1e-9));
        assertThat(l.basis()).isEqualTo(EmissionBasis.LIFECYCLE);
    }

    @Test
    void mappingAnotherYearOntoTheRunByCalendarPosition() {
        // 2024 is a leap year: 2025-01-01 06:00 UTC minus 2024-01-01 06:00 UTC = 366 days
        assertThat(FuelMix.shiftMapping(2024, Instant.parse("2025-01-01T06:00:00Z")))
                .isEqualTo(Duration.ofDays(366));
        assertThat(FuelMix.shiftMapping(2024, Instant.parse("2024-03-01T00:00:00Z")))
                .isZero();
        FuelMix later = mix().shifted(Duration.ofDays(1));
        assertThat(later.grid().startUtc()).isEqualTo(T0.plus(Duration.ofDays(1)));
        GridFactors g = GridIntensity.of(later, ROUND, "t");
        assertThat(g.kgCo2ePerMwh().value(1)).isCloseTo(345.0, within(1e-9));
        assertThat(g.kgCo2ePerMwh().isMissing(3)).isTrue();
    }
}
