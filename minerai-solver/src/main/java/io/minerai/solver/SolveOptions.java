package io.minerai.solver;

import java.time.Duration;

/**
 * Options every backend honours.
 *
 * @param timeLimit wall-clock limit of the solve
 * @param relativeGap relative MIP gap at which a mixed-integer solve may stop (ignored for LPs)
 * @param wantDuals whether to fetch row duals (LP only; costs one call per row)
 */
public record SolveOptions(Duration timeLimit, double relativeGap, boolean wantDuals) {
    public static final SolveOptions DEFAULT = new SolveOptions(Duration.ofMinutes(5), 1e-4, false);

    public SolveOptions withTimeLimit(Duration d) {
        return new SolveOptions(d, relativeGap, wantDuals);
    }

    public SolveOptions withDuals(boolean b) {
        return new SolveOptions(timeLimit, relativeGap, b);
    }

    public SolveOptions withRelativeGap(double g) {
        return new SolveOptions(timeLimit, g, wantDuals);
    }
}
