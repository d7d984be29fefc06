package io.minerai.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.minerai.core.ai.Cooling;
import io.minerai.core.ai.GpuWorkload;
import io.minerai.core.ai.PowerCapCurve;
import io.minerai.core.ai.PowerCapping;
import io.minerai.core.inputs.ScenarioInputs;
import io.minerai.core.scenario.OptimizeSettings;
import io.minerai.core.site.GpuCloud;
import io.minerai.core.site.Site;
import io.minerai.dispatch.Dispatch;
import io.minerai.dispatch.MeritOrderPolicy;
import io.minerai.dispatch.SettlementTerms;
import io.minerai.solver.OrToolsSolver;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * The optimiser's GPU cap levels and job classes (synthetic sites and prices): hand-computed cases on a 1 MW cloud of
 * 1,000 GPUs at $2 per GPU-hour ($2,000 per MWh at full throughput) with the curve (0.6, 0.66), (0.7, 0.76), (0.8,
 * 0.85), (0.9, 0.93), (1, 1), and the property that allowing cap levels never lowers the optimiser's net.
 */
class GpuCapLevelsTest {
    private static final Optimizer LP = new Optimizer(new OrToolsSolver(OrToolsSolver.Backend.HIGHS_LP));
    private static final PowerCapCurve CURVE = new PowerCapCurve(List.of(
            new PowerCapCurve.Point(0.6, 0.66),
            new PowerCapCurve.Point(0.7, 0.76),
            new PowerCapCurve.Point(0.8, 0.85),
            new PowerCapCurve.Point(0.9, 0.93),
            new PowerCapCurve.Point(1, 1)));

    private static GpuCloud cloud(String name, PowerCapping capping, GpuWorkload workload) {
        return new GpuCloud(name, "test GPU", 1000, 1.0, 1.0, 2.0, 1.0, false).with(Cooling.LIQUID, capping, workload);
    }

    private static Site site(GpuCloud... clouds) {
        return Fixtures.site(Fixtures.grid(10, 0), List.of(), List.of(clouds), List.of(), List.of(), Optional.empty());
    }

    private static OptimizeResult optimise(Site s, ScenarioInputs in) {
        return LP.perfectForesight(OptimizationProblem.of(s, in));
    }

    @Test
    void capsAlongTheCurveWhereTheUpperBlocksAreWorthLessThanPower() {
        Site s = site(cloud("gpu", new PowerCapping(0.6, Optional.of(CURVE)), GpuWorkload.RENTAL));
        ScenarioInputs in = Fixtures.inputs(1000, 1700, 1900, 2500).build();
        OptimizeResult r = optimise(s, in);
        Dispatch d = r.result().ledger().dispatch();
        assertThat(d.fraction(0, 0)).isCloseTo(1.0, within(1e-9));
        assertThat(d.fraction(1, 0)).isCloseTo(0.8, within(1e-9));
        assertThat(d.fraction(2, 0)).isCloseTo(0.7, within(1e-9));
        assertThat(d.fraction(3, 0)).isCloseTo(0.0, within(1e-9));
        // earnings: 2,000 x (1 + 0.85 + 0.76); power: 1,000 + 0.8 x 1,700 + 0.7 x 1,900
        double net = 2000 * (1 + 0.85 + 0.76) - (1000 + 0.8 * 1700 + 0.7 * 1900);
        assertThat(r.netUsd()).isCloseTo(net, within(1e-6));
        assertThat(r.report().objectiveUsd()).isCloseTo(net, within(1e-6));
        // the merit order takes the same blocks
        Dispatch m = new MeritOrderPolicy().decide(s, in);
        for (int t = 0; t < 4; t++) {
            assertThat(m.fraction(t, 0)).isCloseTo(d.fraction(t, 0), within(1e-9));
        }
    }

    @Test
    void pausingTrainingIsPricedAtItsExpectedLoss() {
        // training: progress 38/40 = $1,900 per MWh; a pause costs (40/2 + 10) min of it = $950 (linear term)
        Site s = site(cloud("gpu", PowerCapping.NONE, new GpuWorkload.Training(40, 2, 10)));
        // hour 1 saves $600 by pausing (< $950): it runs; hour 3 saves $1,100 (> $950): it pauses
        OptimizeResult r = optimise(s, Fixtures.inputs(30, 2500, 30, 3000).build());
        Dispatch d = r.result().ledger().dispatch();
        assertThat(d.fraction(1, 0)).isCloseTo(1.0, within(1e-9));
        assertThat(d.fraction(3, 0)).isCloseTo(0.0, within(1e-9));
        double objective = 1900 * 3 - (30 + 2500 + 30) - 950;
        assertThat(r.report().objectiveUsd()).isCloseTo(objective, within(1e-6));
        // settlement counts the exact loss: 180 running minutes = 4 checkpoints + 20 min, no restart
        assertThat(r.netUsd()).isCloseTo(1900 * 3 - (30 + 2500 + 30) - 20 / 60.0 * 1900, within(1e-6));
    }

    @Test
    void inferenceIsFirmUpToItsCommitmentUnlessPowerIsWorthMoreThanThePenalty() {
        Site s = site(cloud("gpu", new PowerCapping(0.6, Optional.of(CURVE)), new GpuWorkload.Inference(0.66, 500)));
        // at $2,400 the 0-60% block ($2,200 + $550 penalty avoided per MWh) runs, nothing above; at $2,800 nothing
        OptimizeResult r = optimise(s, Fixtures.inputs(2400, 2800).build());
        Dispatch d = r.result().ledger().dispatch();
        assertThat(d.fraction(0, 0)).isCloseTo(0.6, within(1e-9));
        assertThat(d.fraction(1, 0)).isCloseTo(0.0, within(1e-9));
        assertThat(r.result().summary().streamTotalUsd("ai_sla_penalty")).isCloseTo(-0.66 * 500, within(1e-6));
    }

    /**
     * On random sites (miners, one or two GPU clouds renting, serving inference or training, random concave curves and
     * cap floors, random prices with spikes): the optimum with cap levels is never below the optimum that may only run
     * or stop the same clouds, in objective; without training also in settled net (settlement reads the exact curve and
     * the LP's throughput never exceeds it).
     */
    @Property(tries = 40)
    void allowingCapLevelsNeverLowersTheOptimisersNet(@ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int n = 4 + r.nextInt(30);
        List<GpuCloud> capped = new ArrayList<>();
        List<GpuCloud> runStop = new ArrayList<>();
        boolean training = false;
        int clouds = 1 + r.nextInt(2);
        for (int k = 0; k < clouds; k++) {
            GpuWorkload w = switch (r.nextInt(3)) {
                case 0 -> GpuWorkload.RENTAL;
                case 1 -> new GpuWorkload.Inference(r.nextDouble(0, 1), r.nextDouble(0, 3000));
                default -> new GpuWorkload.Training(r.nextDouble(10, 120), r.nextDouble(0, 5), r.nextDouble(0, 30));
            };
            training |= w instanceof GpuWorkload.Training;
            GpuCloud base = new GpuCloud(
                    "g" + k,
                    "test GPU",
                    100 + r.nextInt(2000),
                    1.275,
                    1.2,
                    r.nextDouble(0.5, 4),
                    r.nextDouble(0.3, 1),
                    false);
            PowerCapCurve curve = randomCurve(r);
            capped.add(base.with(Cooling.LIQUID, new PowerCapping(r.nextDouble(0.1, 0.95), Optional.of(curve)), w));
            runStop.add(base.with(Cooling.LIQUID, new PowerCapping(1.0, Optional.of(curve)), w));
        }
        List<io.minerai.core.site.MinerFleet> fleets = List.of(Fixtures.fleet("f", r.nextDouble(0.5, 3)));
        double cap = r.nextDouble(1, 6);
        Site withCaps = Fixtures.site(Fixtures.grid(cap, 0), fleets, capped, List.of(), List.of(), Optional.empty());
        Site without = Fixtures.site(Fixtures.grid(cap, 0), fleets, runStop, List.of(), List.of(), Optional.empty());
        double[] price = new double[n];
        for (int t = 0; t < n; t++) {
            double u = r.nextDouble();
            price[t] = u < 0.1 ? r.nextDouble(-50, 0) : u < 0.8 ? r.nextDouble(0, 300) : r.nextDouble(300, 5000);
        }
        ScenarioInputs in = Fixtures.inputs(price).build();
        OptimizeResult a = LP.perfectForesight(new OptimizationProblem(
                withCaps, in, SettlementTerms.NONE, MarketResponse.NONE, OptimizeSettings.DEFAULT));
        OptimizeResult b = LP.perfectForesight(new OptimizationProblem(
                without, in, SettlementTerms.NONE, MarketResponse.NONE, OptimizeSettings.DEFAULT));
        double scale = 1 + Math.abs(b.report().objectiveUsd());
        assertThat(a.report().objectiveUsd()).isGreaterThanOrEqualTo(b.report().objectiveUsd() - 1e-7 * scale);
        if (!training) {
            assertThat(b.netUsd()).isCloseTo(b.report().objectiveUsd(), within(1e-6 * scale));
            assertThat(a.netUsd()).isGreaterThanOrEqualTo(a.report().objectiveUsd() - 1e-6 * scale);
            assertThat(a.netUsd()).isGreaterThanOrEqualTo(b.netUsd() - 1e-6 * scale);
        }
    }

    /** A random concave curve through the origin ending at (1, 1), with one to four levels below full power. */
    static PowerCapCurve randomCurve(SplittableRandom r) {
        int k = 1 + r.nextInt(4);
        double[] x = new double[k + 1];
        for (int i = 0; i < k; i++) {
            x[i] = Math.round(r.nextDouble(0.2, 0.95) * 100) / 100.0;
        }
        x[k] = 1;
        java.util.Arrays.sort(x);
        double[] slope = new double[k + 1];
        for (int i = 0; i <= k; i++) {
            slope[i] = r.nextDouble(0.2, 2);
        }
        java.util.Arrays.sort(slope);
        List<PowerCapCurve.Point> pts = new ArrayList<>();
        double y = 0;
        double prevX = 0;
        List<double[]> raw = new ArrayList<>();
        for (int i = 0; i <= k; i++) {
            if (x[i] <= prevX + 1e-9) {
                continue;
            }
            y += slope[k - i] * (x[i] - prevX); // descending slopes
            raw.add(new double[] {x[i], y});
            prevX = x[i];
        }
        for (int i = 0; i < raw.size(); i++) {
            boolean last = i == raw.size() - 1;
            pts.add(new PowerCapCurve.Point(last ? 1 : raw.get(i)[0], last ? 1 : raw.get(i)[1] / y));
        }
        return new PowerCapCurve(pts);
    }
}
