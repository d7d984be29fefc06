package io.minerai.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.minerai.core.ai.Cooling;
import io.minerai.core.ai.GpuContract;
import io.minerai.core.ai.GpuWorkload;
import io.minerai.core.ai.PowerCapCurve;
import io.minerai.core.ai.PowerCapping;
import io.minerai.core.inputs.ScenarioInputs;
import io.minerai.core.site.GpuCloud;
import io.minerai.core.site.Site;
import io.minerai.dispatch.Dispatch;
import io.minerai.dispatch.MeritOrderPolicy;
import io.minerai.dispatch.SettlementTerms;
import io.minerai.dispatch.program.DemandReductionService;
import io.minerai.dispatch.program.FlexibleComputeContract;
import io.minerai.solver.OrToolsSolver;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The optimiser's flexible-compute contract and contracted GPU capacity (issues 15.3 and 16.5), hand-computed on a 1 MW
 * cloud of 1,000 GPUs at $2 per GPU-hour ($2,000 per MWh at full throughput) capped from 60 % along (0.6, 0.66), (0.7,
 * 0.76), (0.8, 0.85), (0.9, 0.93), (1, 1). Synthetic prices; contract figures are test values.
 */
class GpuContractsLpTest {
    private static final Optimizer LP = new Optimizer(new OrToolsSolver(OrToolsSolver.Backend.HIGHS_LP));
    private static final PowerCapCurve CURVE = new PowerCapCurve(List.of(
            new PowerCapCurve.Point(0.6, 0.66),
            new PowerCapCurve.Point(0.7, 0.76),
            new PowerCapCurve.Point(0.8, 0.85),
            new PowerCapCurve.Point(0.9, 0.93),
            new PowerCapCurve.Point(1, 1)));

    private static GpuCloud cloud(PowerCapping capping) {
        return new GpuCloud("gpu", "test GPU", 1000, 1.0, 1.0, 2.0, 1.0, false)
                .with(Cooling.LIQUID, capping, GpuWorkload.RENTAL);
    }

    private static Site site(GpuCloud g) {
        return Fixtures.site(Fixtures.grid(10, 0), List.of(), List.of(g), List.of(), List.of(), Optional.empty());
    }

    private static OptimizeResult optimise(Site s, ScenarioInputs in, SettlementTerms terms) {
        return LP.perfectForesight(OptimizationProblem.of(s, in).withTerms(terms));
    }

    @Test
    void aPriceSpikeAboveTheCloudsValueDoesNotCurtailTheContractedPart() {
        GpuContract contract = new GpuContract(0.6, 10, new GpuContract.ServiceCredit.PerMwh(100), 0);
        Site s = site(cloud(PowerCapping.NONE).withContract(contract));
        ScenarioInputs in = Fixtures.inputs(30, 5000, 30).build();
        OptimizeResult r = optimise(s, in, SettlementTerms.NONE);
        Dispatch d = r.result().ledger().dispatch();
        assertThat(d.fraction(0, 0)).isCloseTo(1.0, within(1e-9));
        assertThat(d.fraction(1, 0)).isCloseTo(0.6, within(1e-9));
        assertThat(d.fraction(2, 0)).isCloseTo(1.0, within(1e-9));
        // net: 2,000 x 2.6 - (30 + 0.6 x 5,000 + 30)
        assertThat(r.netUsd()).isCloseTo(2000 * 2.6 - (30 + 3000 + 30), within(1e-6));
        assertThat(r.result().summary().streamTotalUsd("ai_contract_service_credit"))
                .isEqualTo(0.0);
        // the same cloud all spot stops in the spike
        OptimizeResult spot = optimise(site(cloud(PowerCapping.NONE)), in, SettlementTerms.NONE);
        assertThat(spot.result().ledger().dispatch().fraction(1, 0)).isCloseTo(0.0, within(1e-9));
    }

    @Test
    void anEventWithinTheAllowanceCurtailsTheContractedPartThenTheExhaustedAllowanceKeepsItRunning() {
        // as the merit-order case (FlexibleComputeTest): 90 % contracted, 1 hour allowance, $100/MWh short; events in
        // hours 1 and 3 limit import to 0.7 MW. Hour 1: capped to 70 %, credit (0.9 - 0.7) x 1 x $100 = $20; hour 3:
        // the contracted 90 % runs through the event, above the limit (the LP raises the bound for it), and the
        // program charges 0.2 MWh x $5,000 = $1,000.
        GpuContract contract = new GpuContract(0.9, 1, new GpuContract.ServiceCredit.PerMwh(100), 0);
        Site s = site(cloud(new PowerCapping(0.6, Optional.of(CURVE))).withContract(contract));
        ScenarioInputs in = Fixtures.inputs(30, 30, 30, 30).build();
        DemandReductionService sb6 = new DemandReductionService(
                0.3, 0.7, 0, 5000, new boolean[] {true, true, true, true}, new boolean[] {false, true, false, true});
        SettlementTerms terms = SettlementTerms.of(List.of(sb6));
        OptimizeResult r = optimise(s, in, terms);
        Dispatch d = r.result().ledger().dispatch();
        assertThat(d.fraction(1, 0)).isCloseTo(0.7, within(1e-9));
        assertThat(d.fraction(3, 0)).isCloseTo(0.9, within(1e-9));
        assertThat(r.result().summary().streamTotalUsd("ai_contract_service_credit"))
                .isCloseTo(-20, within(1e-6));
        assertThat(r.result().summary().streamTotalUsd("demand_reduction_penalty"))
                .isCloseTo(-1000, within(1e-6));
        // the merit order decides the same
        Dispatch m = MeritOrderPolicy.under(terms).decide(s, in);
        for (int t = 0; t < 4; t++) {
            assertThat(m.fraction(t, 0)).isCloseTo(d.fraction(t, 0), within(1e-9));
        }
    }

    @Test
    void aFlexibleComputeEventIsMetByCappingTheGpusTo70Percent() {
        // 0.3 MW committed at $3,000/MW-month, firm level 0.7 MW in hour 1: the LP caps the cloud to 70 % (throughput
        // 0.76), no claw-back; availability 0.3 x 3,000 x 12 / 8,760 x 2 h
        Site s = site(cloud(new PowerCapping(0.6, Optional.of(CURVE))));
        ScenarioInputs in = Fixtures.inputs(30, 30).build();
        double rate = 3000 * 12 / 8760.0;
        SettlementTerms terms = SettlementTerms.of(
                List.of(new FlexibleComputeContract(0.3, 0.7, rate, 0.5, new boolean[] {false, true})));
        OptimizeResult r = optimise(s, in, terms);
        assertThat(r.result().ledger().dispatch().fraction(1, 0)).isCloseTo(0.7, within(1e-9));
        assertThat(r.result().summary().streamTotalUsd("flexible_compute_clawback"))
                .isCloseTo(0, within(1e-9));
        assertThat(r.result().summary().streamTotalUsd("flexible_compute_availability"))
                .isCloseTo(0.3 * rate * 2, within(1e-9));
        assertThat(r.result().summary().streamTotalUsd("ai_cloud")).isCloseTo(2000 + 1520, within(1e-6));
    }

    @Test
    void theComparisonsMeritOrderHonoursTheProgramsEvents() {
        // compare's merit-order row decides under the same import limits as the backtest: capped to 70 % in the
        // flexible-compute event, no claw-back (it ran at full power and missed the event before)
        Site s = site(cloud(new PowerCapping(0.6, Optional.of(CURVE))));
        ScenarioInputs in = Fixtures.inputs(30, 30).build();
        SettlementTerms terms = SettlementTerms.of(
                List.of(new FlexibleComputeContract(0.3, 0.7, 4.0, 0.5, new boolean[] {false, true})));
        Comparison c = Comparison.run(OptimizationProblem.of(s, in).withTerms(terms), LP);
        assertThat(c.merit().result().ledger().dispatch().fraction(1, 0)).isCloseTo(0.7, within(1e-12));
        assertThat(c.merit().result().summary().streamTotalUsd("flexible_compute_clawback"))
                .isEqualTo(0.0);
    }
}
