package io.minerai.solver;

import com.google.ortools.Loader;
import com.google.ortools.modelbuilder.ModelBuilderHelper;
import com.google.ortools.modelbuilder.ModelSolverHelper;
import com.google.ortools.modelbuilder.SolveStatus;
import java.util.Locale;
import java.util.Optional;

/**
 * OR-Tools backends through its index-based model builder (no Java object per variable): GLOP, PDLP and HiGHS for
 * LPs, SCIP, HiGHS and CP-SAT for mixed-integer models. The native libraries are loaded once per JVM; solver output is
 * off.
 */
public final class OrToolsSolver implements LpSolver {

    /** The OR-Tools solvers we use. */
    public enum Backend {
        /** Google's primal/dual simplex (LP). */
        GLOP("glop", false),
        /** First-order primal-dual hybrid gradient (LP; fast, lower accuracy). */
        PDLP("pdlp", false),
        /** HiGHS dual simplex / IPM (LP). */
        HIGHS_LP("highs_lp", false),
        /** HiGHS branch and bound (MILP). */
        HIGHS("highs", true),
        /** SCIP (MILP). */
        SCIP("scip", true),
        /** CP-SAT (MILP; scales non-integer coefficients). */
        CP_SAT("sat", true);

        private final String id;
        private final boolean integers;

        Backend(String id, boolean integers) {
            this.id = id;
            this.integers = integers;
        }

        public String id() {
            return id;
        }
    }

    private static final String HIGHS_QUIET = "output_flag=false";

    private static volatile boolean loaded;

    private final Backend backend;

    public OrToolsSolver(Backend backend) {
        this.backend = backend;
    }

    /** Loads the OR-Tools native libraries (about 0.7 s the first time; later calls return at once). */
    public static synchronized void loadNativeLibraries() {
        if (!loaded) {
            Loader.loadNativeLibraries();
            loaded = true;
        }
    }

    public Backend backend() {
        return backend;
    }

    @Override
    public String name() {
        return backend.id();
    }

    @Override
    public boolean supportsIntegers() {
        return backend.integers;
    }

    @Override
    public SolveOutcome solve(LpModel m, SolveOptions options) {
        Optional<SolveOutcome> bad = ModelChecks.check(m);
        if (bad.isPresent()) {
            return bad.get();
        }
        if (m.hasIntegers() && !backend.integers) {
            return new SolveOutcome.Failed("backend " + backend.id()
                    + " solves LPs only but the model has integer variables;" + " use scip, highs or sat");
        }
        loadNativeLibraries();
        long t0 = System.nanoTime();
        ModelBuilderHelper b = new ModelBuilderHelper();
        ModelSolverHelper s = new ModelSolverHelper(backend.id());
        try {
            if (!s.solverIsSupported()) {
                return new SolveOutcome.Failed("OR-Tools was built without the " + backend.id() + " solver");
            }
            load(m, b, true);
            int nc = m.columnCount();
            int nr = m.rowCount();
            s.enableOutput(false);
            s.setTimeLimitInSeconds(options.timeLimit().toMillis() / 1000.0);
            String gap = String.format(Locale.ROOT, "%.6g", options.relativeGap());
            switch (backend) {
                // HiGHS prints a banner on stdout unless output_flag is off
                case HIGHS_LP -> s.setSolverSpecificParameters(HIGHS_QUIET);
                case HIGHS -> s.setSolverSpecificParameters(HIGHS_QUIET + "\nmip_rel_gap=" + gap);
                case SCIP -> {
                    if (m.hasIntegers()) {
                        s.setSolverSpecificParameters("limits/gap = " + gap);
                    }
                }
                case CP_SAT -> s.setSolverSpecificParameters("relative_gap_limit:" + gap);
                default -> {}
            }
            double load = (System.nanoTime() - t0) / 1e9;
            long t1 = System.nanoTime();
            s.solve(b);
            double solveSeconds = (System.nanoTime() - t1) / 1e9;
            SolveStats stats = new SolveStats(backend.id(), load, solveSeconds, nc, nr, m.nonZeroCount());
            SolveStatus st = s.getStatus();
            return switch (st) {
                case OPTIMAL -> new SolveOutcome.Optimal(read(m, s, stats, options.wantDuals()));
                case FEASIBLE -> feasible(m, s, stats, options);
                case INFEASIBLE ->
                    // some presolvers say "infeasible" for "infeasible or unbounded": a feasibility solve tells which
                    hasObjective(m) && feasible(m, options)
                            ? new SolveOutcome.Unbounded(
                                    backend.id() + " found the objective unbounded (a missing bound)")
                            : new SolveOutcome.Infeasible(backend.id() + " proved the constraints contradictory");
                case UNBOUNDED ->
                    new SolveOutcome.Unbounded(backend.id() + " found the objective unbounded (a missing bound)");
                default -> {
                    if (solveSeconds >= options.timeLimit().toMillis() / 1000.0 * 0.98) {
                        yield new SolveOutcome.TimeLimit(
                                s.hasSolution() ? Optional.of(read(m, s, stats, false)) : Optional.empty(),
                                options.timeLimit().toMillis() / 1000.0);
                    }
                    yield new SolveOutcome.Failed(
                            backend.id() + " stopped with status " + st + " (" + s.getStatusString() + ")");
                }
            };
        } finally {
            s.delete();
            b.delete();
        }
    }

    private static boolean hasObjective(LpModel m) {
        for (int j = 0; j < m.columnCount(); j++) {
            if (m.objective(j) != 0) {
                return true;
            }
        }
        return false;
    }

    /** Whether the model without its objective has a feasible point. */
    private boolean feasible(LpModel m, SolveOptions options) {
        ModelBuilderHelper b = new ModelBuilderHelper();
        ModelSolverHelper s = new ModelSolverHelper(backend.id());
        try {
            load(m, b, false);
            s.enableOutput(false);
            if (backend == Backend.HIGHS_LP || backend == Backend.HIGHS) {
                s.setSolverSpecificParameters(HIGHS_QUIET);
            }
            s.setTimeLimitInSeconds(options.timeLimit().toMillis() / 1000.0);
            s.solve(b);
            return s.getStatus() == SolveStatus.OPTIMAL || s.getStatus() == SolveStatus.FEASIBLE;
        } finally {
            s.delete();
            b.delete();
        }
    }

    private static void load(LpModel m, ModelBuilderHelper b, boolean withObjective) {
        int nc = m.columnCount();
        for (int j = 0; j < nc; j++) {
            int v = b.addVar();
            b.setVarLowerBound(v, m.colLower(j));
            b.setVarUpperBound(v, m.colUpper(j));
            if (m.isInteger(j)) {
                b.setVarIntegrality(v, true);
            }
            double c = m.objective(j);
            if (c != 0 && withObjective) {
                b.setVarObjectiveCoefficient(v, c);
            }
        }
        int nr = m.rowCount();
        for (int i = 0; i < nr; i++) {
            int r = b.addLinearConstraint();
            b.setConstraintLowerBound(r, m.rowLower(i));
            b.setConstraintUpperBound(r, m.rowUpper(i));
            for (int k = m.rowStart(i); k < m.rowStart(i + 1); k++) {
                b.addConstraintTerm(r, m.entryColumn(k), m.entryValue(k));
            }
        }
        b.setMaximize(true);
        if (withObjective) {
            b.setObjectiveOffset(m.objectiveOffset());
        }
    }

    private SolveOutcome feasible(LpModel m, ModelSolverHelper s, SolveStats stats, SolveOptions options) {
        Solution sol = read(m, s, stats, false);
        double limit = options.timeLimit().toMillis() / 1000.0;
        if (stats.solveSeconds() >= limit * 0.98) {
            return new SolveOutcome.TimeLimit(Optional.of(sol), limit);
        }
        double bound = s.getBestObjectiveBound();
        double gap = Math.abs(bound - sol.objectiveValue()) / Math.max(1, Math.abs(sol.objectiveValue()));
        return new SolveOutcome.FeasibleWithGap(sol, bound, gap);
    }

    private static Solution read(LpModel m, ModelSolverHelper s, SolveStats stats, boolean duals) {
        int nc = m.columnCount();
        double[] x = new double[nc];
        for (int j = 0; j < nc; j++) {
            x[j] = s.getVariableValue(j);
        }
        Optional<double[]> y = Optional.empty();
        if (duals && !m.hasIntegers()) {
            double[] d = new double[m.rowCount()];
            for (int i = 0; i < d.length; i++) {
                d[i] = s.getDualValue(i);
            }
            y = Optional.of(d);
        }
        return new Solution(s.getObjectiveValue(), x, y, stats);
    }
}
