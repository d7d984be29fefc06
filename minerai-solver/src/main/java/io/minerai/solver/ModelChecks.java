package io.minerai.solver;

import java.util.Locale;
import java.util.Optional;

/**
 * Checks a model before it reaches a backend: values that are not numbers, empty column ranges and coefficients so
 * large or small that floating-point solvers lose accuracy. Each message names the family and interval at fault.
 */
public final class ModelChecks {
    /** Largest coefficient magnitude accepted in the matrix. */
    public static final double MAX_COEFFICIENT = 1e9;
    /** Smallest non-zero coefficient magnitude accepted in the matrix. */
    public static final double MIN_COEFFICIENT = 1e-9;
    /** Largest finite bound or objective coefficient magnitude accepted. */
    public static final double MAX_BOUND = 1e12;

    private ModelChecks() {}

    /** The first problem found, as the outcome a backend should return, or empty when the model is fine. */
    public static Optional<SolveOutcome> check(LpModel m) {
        for (int j = 0; j < m.columnCount(); j++) {
            double lo = m.colLower(j);
            double up = m.colUpper(j);
            double c = m.objective(j);
            if (Double.isNaN(lo) || Double.isNaN(up) || !Double.isFinite(c)) {
                return fail("column " + m.columnLabel(j) + " has a bound or objective coefficient that is not a number"
                        + " (lower " + lo + ", upper " + up + ", objective " + c + ")");
            }
            if (lo > up + 1e-9 * (1 + Math.abs(up))) {
                return Optional.of(new SolveOutcome.Infeasible(String.format(
                        Locale.ROOT,
                        "variable %s must lie between %.6g and %.6g, an empty range",
                        m.columnLabel(j),
                        lo,
                        up)));
            }
            if (Math.abs(c) > MAX_BOUND || finiteTooLarge(lo) || finiteTooLarge(up)) {
                return fail(String.format(
                        Locale.ROOT,
                        "badly scaled: column %s has objective %.3g, bounds %.3g .. %.3g (limit %.0e); check the units"
                                + " of the inputs behind it",
                        m.columnLabel(j),
                        c,
                        lo,
                        up,
                        MAX_BOUND));
            }
        }
        for (int i = 0; i < m.rowCount(); i++) {
            double lo = m.rowLower(i);
            double up = m.rowUpper(i);
            if (Double.isNaN(lo) || Double.isNaN(up)) {
                return fail("constraint " + m.rowLabel(i) + " has a bound that is not a number");
            }
            if (lo > up + 1e-9 * (1 + Math.abs(up))) {
                return Optional.of(new SolveOutcome.Infeasible(String.format(
                        Locale.ROOT,
                        "constraint %s needs a value between %.6g and %.6g, an empty range",
                        m.rowLabel(i),
                        lo,
                        up)));
            }
            if (finiteTooLarge(lo) || finiteTooLarge(up)) {
                return fail(String.format(
                        Locale.ROOT,
                        "badly scaled: constraint %s has bounds %.3g .. %.3g (limit %.0e); check the units of its inputs",
                        m.rowLabel(i),
                        lo,
                        up,
                        MAX_BOUND));
            }
            for (int k = m.rowStart(i); k < m.rowStart(i + 1); k++) {
                double v = m.entryValue(k);
                if (!Double.isFinite(v)) {
                    return fail("constraint " + m.rowLabel(i) + " has a coefficient that is not a number for "
                            + m.columnLabel(m.entryColumn(k)));
                }
                double a = Math.abs(v);
                if (a > MAX_COEFFICIENT || a < MIN_COEFFICIENT) {
                    return fail(String.format(
                            Locale.ROOT,
                            "badly scaled: constraint %s has coefficient %.3g for %s (accepted %.0e .. %.0e); check the"
                                    + " units of its inputs",
                            m.rowLabel(i),
                            v,
                            m.columnLabel(m.entryColumn(k)),
                            MIN_COEFFICIENT,
                            MAX_COEFFICIENT));
                }
            }
        }
        return Optional.empty();
    }

    private static boolean finiteTooLarge(double v) {
        return Double.isFinite(v) && Math.abs(v) > MAX_BOUND;
    }

    private static Optional<SolveOutcome> fail(String reason) {
        return Optional.of(new SolveOutcome.Failed(reason));
    }
}
