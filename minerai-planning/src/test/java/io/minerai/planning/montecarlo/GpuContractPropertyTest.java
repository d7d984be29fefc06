package io.minerai.planning.montecarlo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minerai.core.validation.ValidationException;
import io.minerai.planning.Fixtures;
import io.minerai.planning.PlanReader;
import io.minerai.planning.engine.MarketData;
import io.minerai.planning.engine.StrategyPaths;
import io.minerai.planning.model.Plan;
import io.minerai.planning.model.Uncertainty;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** Properties of GPU contracts on the paper plan (SYNTHETIC data), and the errors of impossible contracts. */
class GpuContractPropertyTest {
    private static final MarketData DATA = Fixtures.syntheticData();

    @Property(tries = 8)
    void contractedRevenueDoesNotDependOnThePath(
            @ForAll @LongRange(min = 0, max = 1_000_000) long seed,
            @ForAll @DoubleRange(min = 0.05, max = 0.5) double gpuDeclineSd) {
        Plan base = PlanReader.parse(Fixtures.contractPlanYaml("", ""), "contract");
        Uncertainty u = base.uncertainty();
        // the market moves (GPU spot prices, BTC, fees): the contract's payments do not
        Plan p = base.withUncertainty(
                new Uncertainty(30, seed, 1.0, 30, u.historyFrom(), 0.05, 0.5, gpuDeclineSd, false, 4, true));
        MonteCarloResult mc = new PlanSimulation(p, DATA)
                .run(
                        List.of(
                                p.strategy("idle").orElseThrow(),
                                p.strategy("contract").orElseThrow(),
                                p.strategy("spot").orElseThrow()),
                        30,
                        new RunSettings(2, 8, false, 0.1),
                        n -> {});
        StrategyPaths contract = mc.pathsOf("contract").orElseThrow();
        double[] revenue = contract.contractRevenueUsd();
        for (double r : revenue) {
            assertThat(r).isEqualTo(revenue[0]);
        }
        assertThat(revenue[0]).isPositive();
        // while the spot strategy's revenue does move with the paths
        double[] spot = mc.pathsOf("spot").orElseThrow().spotGpuRevenueUsd();
        assertThat(java.util.Arrays.stream(spot).distinct().count()).isGreaterThan(1);
    }

    @Property(tries = 12)
    void morePrepaymentNeverLowersTheEquityIrrAtTheSamePrice(
            @ForAll @DoubleRange(min = 0, max = 0.45) double prepaidA,
            @ForAll @DoubleRange(min = 0, max = 0.15) double extra,
            @ForAll @DoubleRange(min = 0.9, max = 3.0) double price) {
        // the 'contract' strategy (all equity) against the idle baseline: its equity IRR is that of its own flows;
        // prices from $0.90 and prepaid shares up to 60 % keep the flows conventional (the monthly payments stay above
        // the power bill) and the IRR above 0, where moving cash earlier raises it
        double[] irr = new double[2];
        double[] peakEquity = new double[2];
        double[] prepaid = {prepaidA, Math.min(1, prepaidA + extra)};
        for (int k = 0; k < 2; k++) {
            Plan p = PlanReader.parse(
                    Fixtures.contractPlanYaml("", "")
                            .replace("prepaymentFraction: 0.2", "prepaymentFraction: " + prepaid[k])
                            .replace("usdPerGpuHour: 1.5", "usdPerGpuHour: " + price),
                    "contract");
            MonteCarloResult det = PlanSimulation.deterministicOf(p, MarketData.none())
                    .run(
                            List.of(
                                    p.strategy("idle").orElseThrow(),
                                    p.strategy("contract").orElseThrow()),
                            1,
                            new RunSettings(1, 1, false, 0.1),
                            n -> {});
            irr[k] = det.paths().get(1).irrPerYear()[0];
            peakEquity[k] = det.paths().get(1).peakEquityNeedUsd()[0];
        }
        // a prepayment covering (nearly) all the GPUs leaves no or little equity in: the IRR is unbounded or above the
        // solver's bracket and reported undefined; it then counts as the highest, so more prepayment must give an
        // undefined IRR too (seen in CI: prepaid 0.35 at a high price left $133,620 of equity and an IRR past the
        // bracket)
        for (int k = 0; k < 2; k++) {
            if (Double.isNaN(irr[k])) {
                assertThat(peakEquity[k])
                        .as("peak equity at a prepaid share of %s", prepaid[k])
                        .isGreaterThanOrEqualTo(0);
                irr[k] = Double.POSITIVE_INFINITY;
            }
        }
        assertThat(irr[1]).isGreaterThanOrEqualTo(irr[0] - 1e-12);
    }

    @Test
    void impossibleContractsAreRefusedWithTheirPaths() {
        // longer than the GPUs' 5-year life without a refresh; prepaid above 100 %; larger than the hall
        String prepaid =
                Fixtures.contractPlanYaml("", "").replace("prepaymentFraction: 0.2", "prepaymentFraction: 1.5");
        assertThatThrownBy(() -> PlanReader.parse(prepaid, "prepaid.yaml"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("prepaid.yaml")
                .hasMessageContaining("plan.gpuContracts[0].prepaymentFraction: must be 0 .. 1, was 1.5");
        String yaml = Fixtures.contractPlanYaml("", "")
                .replace("termMonths: 60, usdPerGpuHour", "termMonths: 72, usdPerGpuHour")
                .replace("name: c, gpuCloud: g,", "name: c, gpuCloud: g, gpuCount: 1500,");
        assertThatThrownBy(() -> PlanReader.parse(yaml, "contract.yaml"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("contract.yaml")
                .hasMessageContaining("plan.gpuContracts[0].termMonths")
                .hasMessageContaining("longer than the GPUs' life of 60 months")
                .hasMessageContaining("plan.gpuContracts[0].gpuCount")
                .hasMessageContaining("more than hall 'h' holds (1.0 MW)");
        // a refresh makes the longer term possible
        String refreshed = Fixtures.contractPlanYaml(", refreshWith: g2", "")
                .replace("termMonths: 60, usdPerGpuHour", "termMonths: 72, usdPerGpuHour");
        assertThat(PlanReader.parse(refreshed, "ok").contract("c").orElseThrow().termMonths())
                .isEqualTo(72);
        // a loan the contract does not cover to the end
        String longLoan = Fixtures.contractPlanYaml("", "").replace("tenorMonths: 48}", "tenorMonths: 60}");
        assertThatThrownBy(() -> PlanReader.parse(longLoan, "loan.yaml"))
                .hasMessageContaining("plan.financing.facilities[0].tenorMonths")
                .hasMessageContaining("run past the contract's term");
    }
}
