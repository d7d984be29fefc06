package io.minerai.solver;

import java.util.Optional;

/** What a solve ended with. Callers switch over it; nobody logs and carries on. */
public sealed interface SolveOutcome {

    /** The solution if there is one (optimal, within the gap, or the best found before the time limit). */
    Optional<Solution> solution();

    /** One line for people. */
    String describe();

    /** Proven optimal (within the backend's tolerances). */
    record Optimal(Solution value) implements SolveOutcome {
        @Override
        public Optional<Solution> solution() {
            return Optional.of(value);
        }

        @Override
        public String describe() {
            return "optimal, objective " + value.objectiveValue();
        }
    }

    /**
     * A feasible integer solution whose optimality is proven only up to a gap.
     *
     * @param value the solution
     * @param bestBound best bound on the maximised objective
     * @param relativeGap (bound - objective) / max(1, |objective|)
     */
    record FeasibleWithGap(Solution value, double bestBound, double relativeGap) implements SolveOutcome {
        @Override
        public Optional<Solution> solution() {
            return Optional.of(value);
        }

        @Override
        public String describe() {
            return "feasible, objective " + value.objectiveValue() + " within a relative gap of " + relativeGap;
        }
    }

    /**
     * No point satisfies every constraint.
     *
     * @param reason why, naming the constraint family and interval where known
     */
    record Infeasible(String reason) implements SolveOutcome {
        @Override
        public Optional<Solution> solution() {
            return Optional.empty();
        }

        @Override
        public String describe() {
            return "infeasible: " + reason;
        }
    }

    /**
     * The objective can grow without limit (a missing bound in the formulation).
     *
     * @param reason what the backend said
     */
    record Unbounded(String reason) implements SolveOutcome {
        @Override
        public Optional<Solution> solution() {
            return Optional.empty();
        }

        @Override
        public String describe() {
            return "unbounded: " + reason;
        }
    }

    /**
     * The time limit stopped the solve.
     *
     * @param best the best point found, if any
     * @param limitSeconds the limit
     */
    record TimeLimit(Optional<Solution> best, double limitSeconds) implements SolveOutcome {
        @Override
        public Optional<Solution> solution() {
            return best;
        }

        @Override
        public String describe() {
            return "time limit of " + limitSeconds + " s reached" + (best.isPresent() ? " with a feasible point" : "");
        }
    }

    /**
     * The model was rejected before or by the backend (not a number, badly scaled, unsupported feature) or the backend
     * failed.
     *
     * @param reason what is wrong, naming the family and interval where known
     */
    record Failed(String reason) implements SolveOutcome {
        @Override
        public Optional<Solution> solution() {
            return Optional.empty();
        }

        @Override
        public String describe() {
            return "failed: " + reason;
        }
    }
}
