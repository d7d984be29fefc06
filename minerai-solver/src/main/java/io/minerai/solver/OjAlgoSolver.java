package io.minerai.solver;

import java.util.Optional;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * The pure-Java backend (ojAlgo): no native code, correct but slow beyond a few thousand variables. For small models,
 * cross-checks and the contract kit. Gives no row duals.
 */
public final class OjAlgoSolver implements LpSolver {
    public static final String NAME = "ojalgo";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean supportsIntegers() {
        return true;
    }

    @Override
    public SolveOutcome solve(LpModel m, SolveOptions options) {
        Optional<SolveOutcome> bad = ModelChecks.check(m);
        if (bad.isPresent()) {
            return bad.get();
        }
        long t0 = System.nanoTime();
        ExpressionsBasedModel model = new ExpressionsBasedModel();
        int nc = m.columnCount();
        Variable[] vars = new Variable[nc];
        for (int j = 0; j < nc; j++) {
            Variable v = model.addVariable("x" + j);
            if (Double.isFinite(m.colLower(j))) {
                v.lower(m.colLower(j));
            }
            if (Double.isFinite(m.colUpper(j))) {
                v.upper(m.colUpper(j));
            }
            if (m.isInteger(j)) {
                v.integer(true);
            }
            if (m.objective(j) != 0) {
                v.weight(m.objective(j));
            }
            vars[j] = v;
        }
        for (int i = 0; i < m.rowCount(); i++) {
            Expression e = model.addExpression("r" + i);
            if (Double.isFinite(m.rowLower(i))) {
                e.lower(m.rowLower(i));
            }
            if (Double.isFinite(m.rowUpper(i))) {
                e.upper(m.rowUpper(i));
            }
            for (int k = m.rowStart(i); k < m.rowStart(i + 1); k++) {
                e.set(vars[m.entryColumn(k)], m.entryValue(k));
            }
        }
        long limitMs = options.timeLimit().toMillis();
        model.options.time_abort = limitMs;
        model.options.time_suffice = limitMs;
        double load = (System.nanoTime() - t0) / 1e9;
        long t1 = System.nanoTime();
        Optimisation.Result r;
        try {
            r = model.maximise();
        } catch (RuntimeException e) {
            return new SolveOutcome.Failed("ojalgo failed: " + e.getMessage());
        }
        double solveSeconds = (System.nanoTime() - t1) / 1e9;
        SolveStats stats = new SolveStats(NAME, load, solveSeconds, nc, m.rowCount(), m.nonZeroCount());
        Optimisation.State st = r.getState();
        if (st == Optimisation.State.INFEASIBLE) {
            return new SolveOutcome.Infeasible("ojalgo proved the constraints contradictory");
        }
        if (st == Optimisation.State.UNBOUNDED) {
            return new SolveOutcome.Unbounded("ojalgo found the objective unbounded (a missing bound)");
        }
        if (!st.isFeasible()) {
            if (solveSeconds * 1000 >= limitMs * 0.98) {
                return new SolveOutcome.TimeLimit(Optional.empty(), limitMs / 1000.0);
            }
            return new SolveOutcome.Failed("ojalgo stopped with state " + st);
        }
        double[] x = new double[nc];
        for (int j = 0; j < nc; j++) {
            x[j] = r.doubleValue(j);
        }
        Solution sol = new Solution(m.objectiveValue(x), x, Optional.empty(), stats);
        if (st.isOptimal()) {
            return new SolveOutcome.Optimal(sol);
        }
        if (solveSeconds * 1000 >= limitMs * 0.98) {
            return new SolveOutcome.TimeLimit(Optional.of(sol), limitMs / 1000.0);
        }
        return new SolveOutcome.FeasibleWithGap(sol, Double.NaN, Double.NaN);
    }
}
