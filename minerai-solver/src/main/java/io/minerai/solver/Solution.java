package io.minerai.solver;

import java.util.Optional;

/**
 * A primal point found by a solver.
 *
 * @param objectiveValue objective at the point, including the model's offset
 * @param values column values, in the model's column order (owned by this object)
 * @param rowDuals dual value per row when the backend gives them (LP only): the change of the maximised objective per
 *     unit increase of the row's binding bound
 * @param stats how the solve went
 */
public record Solution(double objectiveValue, double[] values, Optional<double[]> rowDuals, SolveStats stats) {
    public double value(int col) {
        return values[col];
    }
}
