package io.minerai.solver;

/** A backend that solves {@link LpModel}s. Implementations pass the same contract test kit. */
public interface LpSolver {
    /** Short name, e.g. "highs", "glop", "ojalgo". */
    String name();

    /** Whether integer columns are honoured (otherwise a model with integers is {@link SolveOutcome.Failed}). */
    boolean supportsIntegers();

    /** Solves {@code model} (maximising); never throws for a bad model, returns {@link SolveOutcome.Failed}. */
    SolveOutcome solve(LpModel model, SolveOptions options);
}
