package io.minerai.dispatch;

import static io.minerai.dispatch.Fixtures.grid;
import static io.minerai.dispatch.Fixtures.hourly;
import static io.minerai.dispatch.Fixtures.inputs;
import static io.minerai.dispatch.Fixtures.site;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.minerai.core.ai.Cooling;
import io.minerai.core.ai.GpuGeneration;
import io.minerai.core.ai.GpuWorkload;
import io.minerai.core.ai.PowerCapping;
import io.minerai.core.inputs.GpuInputs;
import io.minerai.core.inputs.ScenarioInputs;
import io.minerai.core.site.GpuCloud;
import io.minerai.core.site.Site;
import io.minerai.data.specs.GpuCatalogueReader;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Hand-computed cases of GPU job classes and cap levels (synthetic sites and prices). The test cloud: 1,000 GPUs at 1 kW
 * IT each, PUE 1 (1 MW), $2 per GPU-hour, fully used: $2,000 an hour at full throughput, $2,000 per MWh. Its model is
 * the bundled catalogue's H100 SXM (989.4 dense BF16 TFLOPS, throughput 0.76 at a 70% cap).
 */
class GpuJobClassesTest {
    private static final GpuGeneration H100 =
            GpuCatalogueReader.bundled().find("H100 SXM").orElseThrow();

    private static GpuCloud cloud(PowerCapping capping, GpuWorkload workload) {
        return new GpuCloud("gpu", "H100 SXM", 1000, 1.0, 1.0, 2.0, 1.0, false).with(Cooling.LIQUID, capping, workload);
    }

    private static ScenarioInputs withCatalogue(Site s, ScenarioInputs in) {
        return in.withGpus(new GpuInputs(
                Map.of("gpu", GpuInputs.Profile.of(s.gpuClouds().get(0), Optional.of(H100))),
                GpuInputs.NONE.precision()));
    }

    private static Site siteWith(GpuCloud g) {
        return site(grid(10, false, 0, 0), List.of(), List.of(g), List.of(), List.of(), Optional.empty());
    }

    private static Dispatch byHand(Site s, double[] fraction) {
        int n = fraction.length;
        double[] imp = new double[n];
        for (int t = 0; t < n; t++) {
            imp[t] = fraction[t] * s.gpuClouds().get(0).facilityPowerMw();
        }
        boolean[] all = new boolean[n];
        java.util.Arrays.fill(all, true);
        return new Dispatch(
                "by hand", hourly(n), LoadInfo.of(s), all, fraction, new double[n], imp, new double[n], new double[n]);
    }

    @Test
    void aTrainingJobPausedForOneHourLosesTheWorkSinceItsLastCheckpointPlusTheRestart() {
        // checkpoint every 40 min, 2 min to write (progress 38/40 = 0.95 of running time), 10 min to restart
        Site s = siteWith(cloud(PowerCapping.NONE, new GpuWorkload.Training(40, 2, 10)));
        ScenarioInputs in =
                withCatalogue(s, inputs(hourly(6), new double[] {30, 30, 30, 5000, 30, 30}, 0, 0, new double[0][]));
        // runs hours 0-2, paused in hour 3 (a 4CP hour), runs hours 4-5
        DispatchResult r = Settlement.settle(s, in, byHand(s, new double[] {1, 1, 1, 0, 1, 1}));
        // value of progress: $2,000/h x 0.95 = $1,900 per running hour, 5 running hours
        assertThat(r.summary().streamTotalUsd("ai_cloud")).isCloseTo(5 * 1900.0, within(1e-9));
        // 180 running minutes when paused = 4 checkpoints + 20 min since the last: 20 min lost; then a 10-min restart
        assertThat(r.summary().streamTotalUsd("ai_training_loss")).isCloseTo(-(20 + 10) / 60.0 * 1900, within(1e-9));
        double[] loss = r.ledger().amounts(r.ledger().stream("ai_training_loss").orElseThrow());
        assertThat(loss[3]).isCloseTo(-20 / 60.0 * 1900, within(1e-9)); // the pause, booked in the paused hour
        assertThat(loss[4]).isCloseTo(-10 / 60.0 * 1900, within(1e-9)); // the restart, booked on resuming
        // compute: 5 h x 1,000 GPUs x 989.4 TFLOPS x 0.95, minus the 0.5 GPU-fleet-hour lost, in exaFLOP-hours
        assertThat(r.summary().gpu().computeDeliveredExaflopHours())
                .isCloseTo((5 - 0.5) * 1000 * 989.4 * 0.95 / 1e6, within(1e-9));
        assertThat(r.summary().gpu().gpuHoursDelivered()).isCloseTo(5000, within(1e-9));
        assertThat(r.summary().gpu().computePrecision()).isEqualTo("bf16-dense");
    }

    @Test
    void pausingRightAfterACheckpointLosesOnlyTheRestart() {
        Site s = siteWith(cloud(PowerCapping.NONE, new GpuWorkload.Training(40, 2, 10)));
        ScenarioInputs in = withCatalogue(s, inputs(hourly(4), new double[] {30, 30, 30, 30}, 0, 0, new double[0][]));
        // 120 running minutes = exactly 3 checkpoints when paused in hour 2
        DispatchResult r = Settlement.settle(s, in, byHand(s, new double[] {1, 1, 0, 1}));
        assertThat(r.summary().streamTotalUsd("ai_training_loss")).isCloseTo(-10 / 60.0 * 1900, within(1e-9));
    }

    @Test
    void cappingTo70PercentPowerCostsTheThroughputTheCurveSays() {
        Site s = siteWith(cloud(new PowerCapping(0.6, Optional.empty()), GpuWorkload.RENTAL));
        ScenarioInputs in = withCatalogue(s, inputs(hourly(2), new double[] {30, 30}, 0, 0, new double[0][]));
        DispatchResult r = Settlement.settle(s, in, byHand(s, new double[] {1, 0.7}));
        // hour 0 at full power: $2,000; hour 1 at a 70% cap: 0.76 of the throughput (catalogue curve): $1,520
        assertThat(r.summary().streamTotalUsd("ai_cloud")).isCloseTo(2000 + 0.76 * 2000, within(1e-9));
        assertThat(r.summary().energy().aiCloudEnergyMwh()).isCloseTo(1.7, within(1e-12));
        // every GPU still runs at the cap: 2,000 GPU-hours; compute 1.76 h x 1,000 x 989.4 TFLOPS
        assertThat(r.summary().gpu().gpuHoursDelivered()).isCloseTo(2000, within(1e-9));
        assertThat(r.summary().gpu().computeDeliveredExaflopHours()).isCloseTo(1.76 * 1000 * 989.4 / 1e6, within(1e-9));
        assertThat(r.summary().gpu().gpuHoursPerMwh()).isCloseTo(2000 / 1.7, within(1e-9));
    }

    @Test
    void aDemandReductionEventCapsTheGpusTo70PercentAndTheProgramPaysForTheCommitment() {
        // SB 6-style service: 0.3 MW committed at $40/MW-h in force in both hours; an event in hour 1 limits import to
        // 0.7 MW (the firm service level), $5,000 per MWh above it. The GPU cloud (1 MW, cap levels from 60 %) is worth
        // more than the $30 price in both hours, so the merit order runs it fully in hour 0 and caps it to 70 % in
        // the event: the curve keeps 0.76 of the throughput, no penalty is due.
        Site s = siteWith(cloud(new PowerCapping(0.6, Optional.empty()), GpuWorkload.RENTAL));
        ScenarioInputs in = withCatalogue(s, inputs(hourly(2), new double[] {30, 30}, 0, 0, new double[0][]));
        io.minerai.dispatch.program.DemandReductionService sb6 = new io.minerai.dispatch.program.DemandReductionService(
                0.3, 0.7, 40, 5000, new boolean[] {true, true}, new boolean[] {false, true});
        SettlementTerms terms = SettlementTerms.of(List.of(sb6));
        Dispatch d = MeritOrderPolicy.under(terms).decide(s, in);
        assertThat(d.fraction(0, 0)).isEqualTo(1.0);
        assertThat(d.fraction(1, 0)).isCloseTo(0.7, within(1e-12));
        DispatchResult r = Settlement.settle(s, in, d, terms);
        assertThat(r.summary().streamTotalUsd("ai_cloud")).isCloseTo(2000 + 0.76 * 2000, within(1e-9));
        assertThat(r.summary().streamTotalUsd("demand_reduction_availability")).isCloseTo(2 * 0.3 * 40, within(1e-9));
        assertThat(r.summary().streamTotalUsd("demand_reduction_penalty")).isCloseTo(0, within(1e-9));
        // run or stop only, the same cloud stops 30 % of its GPUs in the event: 0.7 of the throughput, not 0.76
        Site runStop = siteWith(cloud(PowerCapping.NONE, GpuWorkload.RENTAL));
        ScenarioInputs in2 = withCatalogue(runStop, inputs(hourly(2), new double[] {30, 30}, 0, 0, new double[0][]));
        DispatchResult r2 =
                Settlement.settle(runStop, in2, MeritOrderPolicy.under(terms).decide(runStop, in2), terms);
        assertThat(r2.ledger().dispatch().fraction(1, 0)).isCloseTo(0.7, within(1e-12));
        assertThat(r2.summary().streamTotalUsd("ai_cloud")).isCloseTo(2000 + 0.7 * 2000, within(1e-9));
    }

    @Test
    void anInferenceCommitmentCutShortPaysItsPenalty() {
        // 60% of the throughput committed, $500 per MWh short at full facility power (1 MW)
        Site s = siteWith(cloud(new PowerCapping(0.6, Optional.empty()), new GpuWorkload.Inference(0.6, 500)));
        ScenarioInputs in = withCatalogue(s, inputs(hourly(3), new double[] {30, 30, 30}, 0, 0, new double[0][]));
        // hour 0 full; hour 1 at the lowest cap, 60% power = 66% throughput (above the commitment); hour 2 at 30%
        // power: half the GPUs running at the 60% cap, throughput 0.33
        DispatchResult r = Settlement.settle(s, in, byHand(s, new double[] {1, 0.6, 0.3}));
        assertThat(r.summary().streamTotalUsd("ai_sla_penalty")).isCloseTo(-(0.6 - 0.33) * 1 * 500, within(1e-9));
        assertThat(r.summary().streamTotalUsd("ai_cloud")).isCloseTo((1 + 0.66 + 0.33) * 2000, within(1e-9));
        assertThat(r.summary().gpu().gpuHoursDelivered()).isCloseTo(1000 + 1000 + 500, within(1e-9));
    }

    @Test
    void meritOrderCapsAlongTheCurveWhenPowerIsWorthMoreThanTheUpperBlocks() {
        // blocks of the default curve from the 60% cap: 0-60% power at 0.66/0.6 x $2,000 = $2,200/MWh, 60-70% at
        // $2,000, 70-80% at $1,800, 80-90% at $1,600, 90-100% at $1,400
        Site s = siteWith(cloud(new PowerCapping(0.6, Optional.empty()), GpuWorkload.RENTAL));
        ScenarioInputs in =
                withCatalogue(s, inputs(hourly(4), new double[] {1000, 1700, 1900, 2500}, 0, 0, new double[0][]));
        Dispatch d = Backtest.meritOrder(s, in).ledger().dispatch();
        assertThat(d.fraction(0, 0)).isCloseTo(1.0, within(1e-12));
        assertThat(d.fraction(1, 0)).isCloseTo(0.8, within(1e-12)); // blocks worth $2,200, $2,000, $1,800 run
        assertThat(d.fraction(2, 0)).isCloseTo(0.7, within(1e-12));
        assertThat(d.fraction(3, 0)).isZero();
    }

    @Test
    void meritOrderKeepsTrainingRunningThroughASpikeWorthLessThanTheWorkAPauseLoses() {
        // training value $1,900/MWh; an expected pause loses half an interval (20 min) + restart (10 min) of it:
        // $950, a premium of $950/MWh for one hour of the 1 MW cloud. A rental cloud of equal value stops at $2,500.
        Site training = siteWith(cloud(PowerCapping.NONE, new GpuWorkload.Training(40, 2, 10)));
        ScenarioInputs in =
                withCatalogue(training, inputs(hourly(4), new double[] {30, 2500, 30, 3000}, 0, 0, new double[0][]));
        Dispatch d = Backtest.meritOrder(training, in).ledger().dispatch();
        assertThat(d.fraction(1, 0)).isEqualTo(1.0); // $2,500 < $1,900 + $950
        assertThat(d.fraction(3, 0)).isZero(); // $3,000 > $2,850
        Site rental = siteWith(new GpuCloud("gpu", "H100 SXM", 1000, 1.0, 1.0, 1.9, 1.0, false));
        Dispatch r = Backtest.meritOrder(
                        rental, inputs(hourly(4), new double[] {30, 2500, 30, 3000}, 0, 0, new double[0][]))
                .ledger()
                .dispatch();
        assertThat(r.fraction(1, 0)).isZero();
    }

    @Test
    void meritOrderKeepsInferenceUpToItsCommitmentUnlessPowerIsWorthMoreThanThePenalty() {
        // run or stop, 60% committed, penalty $500/MWh: the first 60% of power is worth $2,500/MWh, the rest $2,000
        Site s = siteWith(cloud(PowerCapping.NONE, new GpuWorkload.Inference(0.6, 500)));
        ScenarioInputs in = withCatalogue(s, inputs(hourly(3), new double[] {2200, 2600, 30}, 0, 0, new double[0][]));
        Dispatch d = Backtest.meritOrder(s, in).ledger().dispatch();
        assertThat(d.fraction(0, 0)).isCloseTo(0.6, within(1e-12));
        assertThat(d.fraction(1, 0)).isZero();
        assertThat(d.fraction(2, 0)).isEqualTo(1.0);
    }
}
