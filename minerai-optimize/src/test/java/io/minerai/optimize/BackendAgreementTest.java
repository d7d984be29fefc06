package io.minerai.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.minerai.core.inputs.ScenarioInputs;
import io.minerai.core.site.Site;
import io.minerai.solver.LpSolver;
import io.minerai.solver.OjAlgoSolver;
import io.minerai.solver.OrToolsSolver;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The same small formulations solved by every backend reach the same settled net (the interface is real). */
class BackendAgreementTest {
    @Test
    void everyBackendReachesTheSameOptimumOnRandomSmallSites() {
        List<LpSolver> solvers = List.of(
                new OrToolsSolver(OrToolsSolver.Backend.GLOP),
                new OrToolsSolver(OrToolsSolver.Backend.HIGHS_LP),
                new OrToolsSolver(OrToolsSolver.Backend.SCIP),
                new OjAlgoSolver());
        SplittableRandom r = new SplittableRandom(11);
        for (int trial = 0; trial < 8; trial++) {
            int n = 6 + r.nextInt(10);
            Site site = OptimalNeverWorseProperties.randomSite(r);
            Fixtures.Inputs in = new Fixtures.Inputs(Fixtures.hourly(n), OptimalNeverWorseProperties.prices(r, n));
            for (int g = 0; g < site.generators().size(); g++) {
                double[] cf = new double[n];
                for (int t = 0; t < n; t++) {
                    cf[t] = r.nextDouble();
                }
                in.capacityFactor(cf);
            }
            ScenarioInputs inputs = in.build();
            OptimizationProblem p = OptimizationProblem.of(site, inputs);
            double first = new Optimizer(solvers.get(0)).perfectForesight(p).netUsd();
            for (LpSolver s : solvers) {
                double net = new Optimizer(s).perfectForesight(p).netUsd();
                assertThat(net)
                        .as("trial %d, %s", trial, s.name())
                        .isCloseTo(first, within(1e-5 * (1 + Math.abs(first))));
            }
        }
    }
}
