package io.minerai.solver;

/**
 * How a solve went.
 *
 * @param backend backend name, e.g. "highs" or "ojalgo"
 * @param loadSeconds time to hand the model to the backend
 * @param solveSeconds wall time of the backend's solve
 * @param columns columns of the model
 * @param rows rows of the model
 * @param nonZeros matrix entries of the model
 */
public record SolveStats(
        String backend, double loadSeconds, double solveSeconds, int columns, int rows, int nonZeros) {}
