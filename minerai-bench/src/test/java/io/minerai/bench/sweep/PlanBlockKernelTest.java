package io.minerai.bench.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import io.minerai.planning.PlanReader;
import io.minerai.planning.engine.StrategyPaths;
import io.minerai.planning.history.PlanHistory;
import io.minerai.planning.model.Plan;
import io.minerai.planning.montecarlo.MonteCarloResult;
import io.minerai.planning.montecarlo.PlanSimulation;
import io.minerai.planning.montecarlo.RunSettings;
import io.minerai.sweep.InProcessExecutor;
import io.minerai.sweep.Sweep;
import io.minerai.sweep.SweepResult;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The benchmark's kernel computes what the planning Monte Carlo computes, block by block, on any thread count. */
class PlanBlockKernelTest {
    @Test
    void blocksOfASweepEqualTheWholeMonteCarloRunPathByPath() {
        PlanBlockKernel kernel = PlanBlockKernel.threeStrategies();
        Sweep<PlanBlock> sweep = PlanSweeps.blocks(6, 4); // paths 0..23 in blocks of 4
        SweepResult<PlanBlockNpv> one = new InProcessExecutor(1).run(sweep, kernel);
        SweepResult<PlanBlockNpv> two = new InProcessExecutor(2).run(sweep, kernel);

        Plan plan = PlanReader.bundledDefault();
        PlanSimulation sim = new PlanSimulation(plan, PlanHistory.load(plan));
        MonteCarloResult whole = sim.run(
                kernel.strategies().stream()
                        .map(s -> plan.strategy(s).orElseThrow())
                        .toList(),
                24,
                new RunSettings(1, 256, false, 0.1),
                n -> {});
        for (int s = 0; s < 3; s++) {
            StrategyPaths paths = whole.pathsOf(kernel.strategies().get(s)).orElseThrow();
            for (int t = 0; t < 6; t++) {
                double[] block = Arrays.copyOfRange(one.get(t).npvUsd(), s * 4, s * 4 + 4);
                double[] expected = Arrays.copyOfRange(paths.npvUsd(), t * 4, t * 4 + 4);
                assertThat(block).containsExactly(expected);
                double[] dscr = Arrays.copyOfRange(one.get(t).minDscr(), s * 4, s * 4 + 4);
                assertThat(dscr).containsExactly(Arrays.copyOfRange(paths.minDscr(), t * 4, t * 4 + 4));
                assertThat(two.get(t).npvUsd()).containsExactly(one.get(t).npvUsd());
            }
        }
        assertThat(one.get(0).npvUsd()).doesNotContain(0.0);
    }
}
