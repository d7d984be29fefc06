package io.minerai.solver;

/** The pure-Java backend passes the same contract as the OR-Tools ones. */
class OjAlgoSolverContractTest extends LpSolverContract {
    @Override
    LpSolver solver() {
        return new OjAlgoSolver();
    }
}
