package io.minerai.optimize;

import io.minerai.core.scenario.OptimizeSettings;
import io.minerai.core.scenario.OptimizeSettings.ForecastMode;
import io.minerai.core.time.TimeGrid;
import io.minerai.core.validation.Problem;
import io.minerai.core.validation.ValidationException;
import io.minerai.dispatch.Dispatch;
import io.minerai.dispatch.DispatchResult;
import io.minerai.dispatch.Settlement;
import io.minerai.solver.Infeasibility;
import io.minerai.solver.LpModel;
import io.minerai.solver.LpSolver;
import io.minerai.solver.Solution;
import io.minerai.solver.SolveOptions;
import io.minerai.solver.SolveOutcome;
import io.minerai.solver.Solvers;
import java.time.Duration;

/**
 * Solves a site's dispatch as one model over the whole period (perfect foresight) or by rolling horizon (see {@link
 * RollingHorizon}), turns the solution into a {@link Dispatch} and settles it like every policy. A model that cannot be
 * solved raises a {@link ValidationException} naming the constraint family and the interval (UTC) at fault.
 */
public final class Optimizer {
    /** Policy name of the perfect-foresight optimum in reports. */
    public static final String PERFECT = "optimal-perfect-foresight";

    private final LpSolver solver;
    private final SolveOptions options;
    private final Formulation formulation;

    public Optimizer(LpSolver solver, SolveOptions options, Formulation formulation) {
        this.solver = solver;
        this.options = options;
        this.formulation = formulation;
    }

    public Optimizer(LpSolver solver) {
        this(solver, SolveOptions.DEFAULT, Formulation.full());
    }

    /**
     * The backend named in the settings; a mixed-integer backend (SCIP) when fleets are switched in blocks and the named
     * one solves LPs only.
     */
    public static Optimizer forSettings(OptimizeSettings s) {
        LpSolver solver = Solvers.byName(s.solver());
        boolean integers = s.fleetControls().stream().anyMatch(c -> c.blockCount() > 0);
        if (integers && !solver.supportsIntegers()) {
            solver = Solvers.defaultMip();
        }
        return new Optimizer(solver, SolveOptions.DEFAULT.withTimeLimit(Duration.ofMinutes(10)), Formulation.full());
    }

    public LpSolver solver() {
        return solver;
    }

    public SolveOptions options() {
        return options;
    }

    public Formulation formulation() {
        return formulation;
    }

    /** Runs the problem in its forecast mode: one stacked solve for perfect foresight, else a rolling horizon. */
    public OptimizeResult run(OptimizationProblem p) {
        return run(p, IntervalProgress.NONE);
    }

    /** As {@link #run(OptimizationProblem)}, telling {@code progress} after each committed window. */
    public OptimizeResult run(OptimizationProblem p, IntervalProgress progress) {
        if (p.settings().forecast() == ForecastMode.PERFECT) {
            OptimizeResult r = perfectForesight(p);
            progress.decided(p.inputs().grid().count(), p.inputs().grid().count());
            return r;
        }
        return new RollingHorizon(this).run(p, p.settings().forecast(), progress);
    }

    /** One model over the whole period with the actual real-time prices: the upper bound. */
    public OptimizeResult perfectForesight(OptimizationProblem p) {
        SiteTerms terms = p.siteTerms();
        ModelData data = p.actualData();
        long t0 = System.nanoTime();
        Formulation.Built built = formulation.build(data, terms);
        double build = (System.nanoTime() - t0) / 1e9;
        Solution s = solve(built.model(), data.grid());
        DispatchArrays arrays = new DispatchArrays(data.grid(), terms, data.products());
        built.read(s, arrays);
        Dispatch d = arrays.toDispatch(PERFECT);
        DispatchResult r = Settlement.settle(p.site(), p.inputs(), d, p.settlementTerms());
        LpModel m = built.model();
        return new OptimizeResult(
                r,
                new SolveReport(
                        solver.name(),
                        1,
                        m.columnCount(),
                        m.rowCount(),
                        m.nonZeroCount(),
                        build,
                        s.stats().loadSeconds(),
                        s.stats().solveSeconds(),
                        s.objectiveValue(),
                        "optimal"));
    }

    /** Solves a model or throws a {@link ValidationException} that names the family and interval at fault. */
    Solution solve(LpModel m, TimeGrid grid) {
        return solution(solver.solve(m, options), m, grid);
    }

    /** The solution of an outcome of model {@code m}, or a {@link ValidationException} naming what is at fault. */
    Solution solution(SolveOutcome o, LpModel m, TimeGrid grid) {
        return switch (o) {
            case SolveOutcome.Optimal opt -> opt.value();
            case SolveOutcome.FeasibleWithGap g -> g.value();
            case SolveOutcome.TimeLimit tl
            when tl.best().isPresent() -> tl.best().get();
            case SolveOutcome.Infeasible inf -> {
                String where = Infeasibility.describe(
                        Infeasibility.violatedRows(m, solver),
                        i -> i >= 0 && i < grid.count() ? grid.start(i).toString() : "interval " + i);
                throw new ValidationException(
                        "optimisation model", new Problem("infeasible", where + " (" + inf.reason() + ")"));
            }
            default -> throw new ValidationException("optimisation model", new Problem(solver.name(), o.describe()));
        };
    }
}
