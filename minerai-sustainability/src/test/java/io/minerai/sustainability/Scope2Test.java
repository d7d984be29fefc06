package io.minerai.sustainability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.minerai.core.scenario.SustainabilitySettings.MarketInstruments;
import io.minerai.core.site.Site;
import io.minerai.core.time.TimeSeries;
import io.minerai.core.validation.ValidationException;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Hand-computed cases on {@link TinySite}. */
class Scope2Test {
    static final double EPS = 1e-9;

    private static SustainabilityResult run(boolean ppa, MarketInstruments m) {
        Site s = TinySite.site(ppa);
        return SustainabilityAnalysis.run(s, TinySite.ledger(s), TinySite.factors(), TinySite.settings(m));
    }

    @Test
    void missingFactorInADispatchedIntervalIsFilledWithTheRunMeanAndCounted() {
        SustainabilityResult r = run(false, new MarketInstruments(false, 0, 0, Optional.empty()));
        // dispatched factors 400 and 500 present, t2 missing -> (400 + 500) / 2; t3 is not dispatched
        assertThat(r.factors().fillKgCo2ePerMwh()).isCloseTo(450, within(EPS));
        assertThat(r.factorFilledIntervals()).isEqualTo(1);
        assertThat(r.factors().filled()).containsExactly(false, false, true, false);
        assertThat(r.dispatchedIntervals()).isEqualTo(3);
        assertThat(r.meanGridFactorKgCo2ePerMwh()).isCloseTo(450, within(EPS));
    }

    @Test
    void locationBasedIsImportTimesFactorIntervalByInterval() {
        LocationBased loc =
                run(false, new MarketInstruments(false, 0, 0, Optional.empty())).location();
        // 3 MWh x 400 + 2.5 MWh x 500 + 0 x 450 = 2450 kg
        assertThat(loc.importMwh()).isCloseTo(5.5, within(EPS));
        assertThat(loc.emissionsTCo2e()).isCloseTo(2.45, within(EPS));
        assertThat(loc.importWeightedFactorKgCo2ePerMwh()).isCloseTo(2450 / 5.5, within(EPS));
        assertThat(loc.intervalKgCo2e()).containsExactly(1200, 1250, 0, 0);
        // attribution by share of load: t0 3/4 and 1/4 of 1200; t1 1.5/2.5 and 1/2.5 of 1250
        assertThat(loc.miningTCo2e()).isCloseTo(0.9 + 0.75, within(EPS));
        assertThat(loc.aiCloudTCo2e()).isCloseTo(0.3 + 0.5, within(EPS));
        assertThat(loc.colocationTCo2e()).isZero();
    }

    @Test
    void marketBasedWithRenewablePpaCertificatesCoversAllImports() {
        MarketBased m =
                run(true, new MarketInstruments(true, 0, 0, Optional.empty())).market();
        // 2 MW x 3 dispatched hours = 6 MWh of certificates for 5.5 MWh of imports
        assertThat(m.ppaEacMwh()).isCloseTo(6, within(EPS));
        assertThat(m.ppaAppliedMwh()).isCloseTo(5.5, within(EPS));
        assertThat(m.uncoveredMwh()).isZero();
        assertThat(m.emissionsTCo2e()).isZero();
        assertThat(m.unusedInstrumentsMwh()).isCloseTo(0.5, within(EPS));
        // interval matching: min(3,2) + min(2.5,2) + min(0,2) = 4
        assertThat(m.ppaIntervalMatchedMwh()).isCloseTo(4, within(EPS));
    }

    @Test
    void marketBasedWithRecsAndAResidualMix() {
        SustainabilityResult r = run(true, new MarketInstruments(false, 0, 2, Optional.of(415.0)));
        MarketBased m = r.market();
        // the PPA conveys no certificates; 2 MWh RECs; 3.5 MWh x 415 = 1452.5 kg
        assertThat(m.ppaEacMwh()).isZero();
        assertThat(m.recsAppliedMwh()).isCloseTo(2, within(EPS));
        assertThat(m.uncoveredMwh()).isCloseTo(3.5, within(EPS));
        assertThat(m.residualMixGiven()).isTrue();
        assertThat(m.emissionsTCo2e()).isCloseTo(1.4525, within(EPS));
        // mining drew 2.25 + 1.5 = 3.75 of the 5.5 MWh imported
        assertThat(r.intensity().miningMarketTCo2e()).isCloseTo(1.4525 * 3.75 / 5.5, within(EPS));
    }

    @Test
    void marketBasedWithAFossilPpaUsesItsFactor() {
        MarketBased m = run(true, new MarketInstruments(true, 400, 0, Optional.of(500.0)))
                .market();
        // 5.5 MWh covered by the PPA at 400 kg/MWh
        assertThat(m.emissionsTCo2e()).isCloseTo(2.2, within(EPS));
    }

    @Test
    void marketBasedWithoutResidualMixFallsBackToTheGridAverage() {
        SustainabilityResult r = run(false, new MarketInstruments(false, 0, 0, Optional.empty()));
        assertThat(r.market().residualMixGiven()).isFalse();
        assertThat(r.market().residualFactorKgCo2ePerMwh()).isCloseTo(2450 / 5.5, within(EPS));
        assertThat(r.market().emissionsTCo2e()).isCloseTo(r.location().emissionsTCo2e(), within(EPS));
    }

    @Test
    void recsBeyondConsumptionAreUnusedNotNegative() {
        MarketBased m = run(false, new MarketInstruments(false, 0, 100, Optional.of(415.0)))
                .market();
        assertThat(m.recsAppliedMwh()).isCloseTo(5.5, within(EPS));
        assertThat(m.emissionsTCo2e()).isZero();
        assertThat(m.unusedInstrumentsMwh()).isCloseTo(94.5, within(EPS));
    }

    @Test
    void intensityPerBtcAndPerGpuHour() {
        Intensity i =
                run(false, new MarketInstruments(false, 0, 0, Optional.empty())).intensity();
        assertThat(i.btcMined()).isCloseTo(0.015, within(EPS));
        assertThat(i.locationTCo2ePerBtc()).isCloseTo(1.65 / 0.015, within(1e-6));
        // 800 GPUs x 50 % sold x 1 h in t0 and t1
        assertThat(i.gpuHoursSold()).isCloseTo(800, within(EPS));
        assertThat(i.locationKgCo2ePerGpuHour()).isCloseTo(1.0, within(EPS));
        // market-based is attributed by share of the period's imports: GPUs drew 0.75 + 1 = 1.75 of 5.5 MWh
        assertThat(i.marketKgCo2ePerGpuHour()).isCloseTo(2450 * 1.75 / 5.5 / 800, within(EPS));
    }

    @Test
    void renewableShares() {
        RenewableShare s =
                run(true, new MarketInstruments(true, 0, 0, Optional.empty())).renewable();
        // consumption 4 + 2.5 = 6.5 MWh; own solar used 1 MWh (t2's 2 MWh were exported); PPA certificates 5.5 MWh
        assertThat(s.consumptionMwh()).isCloseTo(6.5, within(EPS));
        assertThat(s.onSiteShare()).isCloseTo(1 / 6.5, within(EPS));
        assertThat(s.contractedShare()).isCloseTo(5.5 / 6.5, within(EPS));
        assertThat(s.claimedShare()).isCloseTo(1, within(EPS));
        // grid wind share 0.25 in t0 and 0.5 in t1: 3 x 0.25 + 2.5 x 0.5 = 2 MWh
        assertThat(s.gridRenewableMwh()).isCloseTo(2, within(EPS));
        // a fossil PPA is not contracted renewable energy
        RenewableShare fossil =
                run(true, new MarketInstruments(true, 400, 0, Optional.empty())).renewable();
        assertThat(fossil.contractedShare()).isZero();
    }

    @Test
    void noFactorAtAllIsAClearError() {
        Site s = TinySite.site(false);
        GridFactors none = GridFactors.given(
                TimeSeries.builder("f", "kg CO2e/MWh", TinySite.GRID).build(), EmissionBasis.COMBUSTION, "empty");
        assertThatThrownBy(() -> SustainabilityAnalysis.run(
                        s,
                        TinySite.ledger(s),
                        none,
                        TinySite.settings(new MarketInstruments(false, 0, 0, Optional.empty()))))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("sustainability.gridFactors")
                .hasMessageContaining("2023 and 2024");
        assertThat(none.sourceShare()).isEqualTo(Map.of());
    }
}
