package io.minerai.optimize;

/**
 * How the optimisation of a run went.
 *
 * @param backend solver backend
 * @param windows models solved (1 for a single stacked solve)
 * @param columns columns of the largest model
 * @param rows rows of the largest model
 * @param nonZeros matrix entries of the largest model
 * @param buildSeconds time spent building models (our code)
 * @param loadSeconds time spent handing models to the backend
 * @param solveSeconds time spent in the backend's solve
 * @param objectiveUsd sum of the solved objectives (planned net at the planning prices)
 * @param outcome outcome of the last solve, e.g. "optimal"
 */
public record SolveReport(
        String backend,
        int windows,
        int columns,
        int rows,
        int nonZeros,
        double buildSeconds,
        double loadSeconds,
        double solveSeconds,
        double objectiveUsd,
        String outcome) {

    public double totalSeconds() {
        return buildSeconds + loadSeconds + solveSeconds;
    }
}
