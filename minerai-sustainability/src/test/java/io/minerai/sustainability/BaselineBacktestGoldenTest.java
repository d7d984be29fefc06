package io.minerai.sustainability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.minerai.core.inputs.ScenarioInputs;
import io.minerai.core.scenario.DefaultScenario;
import io.minerai.core.scenario.Scenario;
import io.minerai.data.resolve.InputResolver;
import io.minerai.dispatch.Backtest;
import io.minerai.dispatch.DispatchResult;
import io.minerai.dispatch.DispatchSummary;
import io.minerai.report.ReportWriter;
import io.minerai.sustainability.report.SustainabilityFiles;
import io.minerai.sustainability.report.SustainabilitySections;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The sustainability report of the baseline 2024 backtest (bundled real ERCOT and Coin Metrics data). */
class BaselineBacktestGoldenTest {
    static Scenario scenario;
    static DispatchResult result;
    static SustainabilityResult r;

    @BeforeAll
    static void run() throws Exception {
        scenario = DefaultScenario.loadBaseline();
        ScenarioInputs inputs = InputResolver.resolve(scenario, Path.of("."));
        result = Backtest.meritOrder(scenario.site(), inputs);
        r = SustainabilityAnalysis.forScenario(scenario, result, Path.of("."));
        // for people to look at: target/sustainability-default-2024/report.html
        Path out = Path.of("target", "sustainability-default-2024");
        SustainabilityFiles.Written w = SustainabilityFiles.write(r, out);
        ReportWriter.builder(result, scenario)
                .inputs(inputs)
                .section(SustainabilitySections.main(r, w.images()))
                .appendix(SustainabilitySections.appendix(r))
                .write(out);
        System.out.println(SustainabilityExport.json(r));
    }

    /**
     * Golden figures of the default 2024 backtest (merit order, hourly). The grid factor depends only on the bundled
     * fuel mix and on which hours were dispatched, so it is pinned to 0.1 %; the emissions also depend on how much the
     * merit-order policy imports each hour, pinned to 1 %: a larger move means the dispatch semantics or the data
     * changed, and these figures (and docs/SUSTAINABILITY.md) must be re-pinned on purpose.
     */
    @Test
    void goldenFigures() {
        assertThat(r.meanGridFactorKgCo2ePerMwh()).isCloseTo(322.536, within(0.001 * 322.536));
        assertThat(r.location().emissionsTCo2e()).isCloseTo(485_204, within(0.01 * 485_204));
        assertThat(r.location().importWeightedFactorKgCo2ePerMwh()).isCloseTo(322.24, within(0.01 * 322.24));
        assertThat(r.intensity().locationTCo2ePerBtc()).isCloseTo(148.89, within(0.01 * 148.89));
        assertThat(r.renewable().onSiteShare()).isCloseTo(0.1086, within(0.01 * 0.1086));
        assertThat(r.flexibility().coincidentPeaks()).hasSize(4);
        assertThat(r.flexibility().highPriceIntervals()).isEqualTo(432);
    }

    @Test
    void consistentWithTheDispatchSummary() {
        DispatchSummary s = result.summary();
        assertThat(r.location().importMwh())
                .isCloseTo(
                        s.energy().energyImportedMwh(), within(1e-6 * s.energy().energyImportedMwh()));
        assertThat(r.renewable().consumptionMwh())
                .isCloseTo(
                        s.energy().totalLoadEnergyMwh(),
                        within(1e-6 * s.energy().totalLoadEnergyMwh()));
        assertThat(r.intensity().btcMined()).isCloseTo(s.btcMined(), within(1e-9 * s.btcMined()));
        assertThat(r.dispatchedIntervals()).isEqualTo(s.intervals() - s.missingIntervals());
        assertThat(r.factorFilledIntervals())
                .as("the 2024 fuel mix covers the whole run")
                .isZero();
    }

    @Test
    void independentRecomputationOfLocationBased() {
        // sum of import x factor done here from the raw dispatch, not through LocationBased
        var d = result.ledger().dispatch();
        double kg = 0;
        for (int t = 0; t < d.grid().count(); t++) {
            if (d.dispatched()[t]) {
                kg += d.importMw()[t] * d.grid().stepHours() * r.factors().kgCo2ePerMwh()[t];
            }
        }
        assertThat(r.location().emissionsTCo2e()).isCloseTo(kg / 1000, within(1e-9 * kg));
    }

    @Test
    void defaultSettingsMeanMarketEqualsLocation() {
        // no certificates and no residual mix in the default scenario: the market-based method falls back to the grid
        // average for all imports
        assertThat(r.market().residualMixGiven()).isFalse();
        assertThat(r.market().emissionsTCo2e())
                .isCloseTo(
                        r.location().emissionsTCo2e(),
                        within(1e-9 * r.location().emissionsTCo2e()));
    }
}
