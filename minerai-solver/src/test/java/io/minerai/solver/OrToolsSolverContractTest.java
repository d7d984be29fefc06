package io.minerai.solver;

import org.junit.jupiter.api.Nested;

/** Every OR-Tools backend we offer passes the contract. */
class OrToolsSolverContractTest {
    @Nested
    class Glop extends LpSolverContract {
        @Override
        LpSolver solver() {
            return new OrToolsSolver(OrToolsSolver.Backend.GLOP);
        }
    }

    @Nested
    class HighsLp extends LpSolverContract {
        @Override
        LpSolver solver() {
            return new OrToolsSolver(OrToolsSolver.Backend.HIGHS_LP);
        }
    }

    @Nested
    class Pdlp extends LpSolverContract {
        @Override
        LpSolver solver() {
            return new OrToolsSolver(OrToolsSolver.Backend.PDLP);
        }

        @Override
        double tolerance() {
            return 1e-3;
        }
    }

    @Nested
    class Scip extends LpSolverContract {
        @Override
        LpSolver solver() {
            return new OrToolsSolver(OrToolsSolver.Backend.SCIP);
        }
    }

    @Nested
    class Highs extends LpSolverContract {
        @Override
        LpSolver solver() {
            return new OrToolsSolver(OrToolsSolver.Backend.HIGHS);
        }
    }
}
