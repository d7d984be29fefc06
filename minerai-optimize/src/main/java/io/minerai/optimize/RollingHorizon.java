package io.minerai.optimize;

import io.minerai.core.scenario.OptimizeSettings.ForecastMode;
import io.minerai.core.time.TimeGrid;
import io.minerai.core.time.TimeSeries;
import io.minerai.dispatch.Dispatch;
import io.minerai.dispatch.DispatchResult;
import io.minerai.dispatch.Settlement;
import io.minerai.solver.LpModel;
import io.minerai.solver.Solution;
import java.util.Optional;

/**
 * Rolling-horizon optimisation in two stages per commit period (a day by default):
 *
 * <ol>
 *   <li>Day-ahead: solve a look-ahead window (48 h by default) on forecast prices and commit the first period's
 *       reserve offers and deferrable-job schedule.
 *   <li>Real time: re-solve the committed period on the actual real-time prices with those commitments fixed, and keep
 *       its decisions; its end state (running fractions, blocks, job progress) starts the next window.
 * </ol>
 *
 * Forecasts: {@link ForecastMode#PERFECT} uses the actual prices; {@link ForecastMode#DAY_AHEAD} uses the day-ahead
 * price (yesterday's real-time price where the day-ahead one is missing); {@link ForecastMode#PERSISTENCE} repeats the
 * last real-time day known when the window starts (for the very first day, the first interval's price). Generation,
 * hashprice and ancillary prices are taken as known for the window (they are day-ahead quantities or daily). The
 * real-time stage sees the whole committed period's prices at once: without ramp or minimum on/off limits its
 * decisions are independent per interval, so this equals deciding each interval on its own price; with those limits it
 * is a mild look-ahead within the period.
 */
public final class RollingHorizon {
    private final Optimizer optimizer;

    public RollingHorizon(Optimizer optimizer) {
        this.optimizer = optimizer;
    }

    public OptimizeResult run(OptimizationProblem p, ForecastMode mode) {
        return run(p, mode, IntervalProgress.NONE);
    }

    /** As {@link #run(OptimizationProblem, ForecastMode)}, telling {@code progress} after each committed window. */
    public OptimizeResult run(OptimizationProblem p, ForecastMode mode, IntervalProgress progress) {
        SiteTerms terms = p.siteTerms();
        ModelData actual = p.actualData();
        TimeGrid grid = actual.grid();
        int n = grid.count();
        int perHour = (int) Math.max(1, Math.round(1.0 / grid.stepHours()));
        int commit = Math.max(1, p.settings().commitHours() * perHour);
        int window = Math.max(commit, p.settings().windowHours() * perHour);
        int perDay = Math.max(1, (int) Math.round(24.0 / grid.stepHours()));
        double[] forecast = new double[n];
        ModelData planned = actual.withPrices(forecast);

        DispatchArrays arrays = new DispatchArrays(grid, terms, actual.products());
        InitialState state = InitialState.free(
                terms.loadCount(), terms.jobs().size(), actual.peakCharges().size());
        double build = 0;
        double load = 0;
        double solve = 0;
        double objective = 0;
        int windows = 0;
        int maxCols = 0;
        int maxRows = 0;
        int maxNz = 0;
        Formulation f = optimizer.formulation();
        for (int from = 0; from < n; from += commit) {
            int to = Math.min(n, from + window);
            int commitTo = Math.min(n, from + commit);
            long t0 = System.nanoTime();
            forecast(p, actual, mode, perDay, from, to, forecast);
            Formulation.Built plan = f.build(planned, terms, from, to, state);
            build += (System.nanoTime() - t0) / 1e9;
            Solution ps = optimizer.solve(plan.model(), grid);
            load += ps.stats().loadSeconds();
            solve += ps.stats().solveSeconds();
            windows++;
            maxCols = Math.max(maxCols, plan.model().columnCount());
            maxRows = Math.max(maxRows, plan.model().rowCount());
            maxNz = Math.max(maxNz, plan.model().nonZeroCount());

            long t1 = System.nanoTime();
            Formulation.Built rt = f.build(actual, terms, from, commitTo, state);
            LpModel fixed = fixCommitments(rt, plan, ps, 0);
            build += (System.nanoTime() - t1) / 1e9;
            Solution rs = solveRealTime(fixed, () -> fixCommitments(rt, plan, ps, RELAXED_AWARD), grid);
            load += rs.stats().loadSeconds();
            solve += rs.stats().solveSeconds();
            objective += rs.objectiveValue();
            rt.read(rs, arrays);
            state = rt.stateAfter(rs, commitTo, state);
            progress.decided(commitTo, n);
        }
        Dispatch d = arrays.toDispatch(policyName(mode));
        DispatchResult r = Settlement.settle(p.site(), p.inputs(), d, p.settlementTerms());
        return new OptimizeResult(
                r,
                new SolveReport(
                        optimizer.solver().name(),
                        windows * 2,
                        maxCols,
                        maxRows,
                        maxNz,
                        build,
                        load,
                        solve,
                        objective,
                        "optimal"));
    }

    /** Share by which a committed offer may fall short when the exactly fixed real-time model fails numerically. */
    static final double RELAXED_AWARD = 1e-7;

    /**
     * Solves the real-time model with the awards fixed exactly; if the backend fails on it numerically (GLOP stopped
     * with ABNORMAL on such a model of a 5-minute year: the plan meets the capacity rows only within its tolerance),
     * solves it again with each award allowed to fall short by {@link #RELAXED_AWARD} of itself. Offers pay, so the
     * optimum keeps the award unless the tolerance forces a hair less.
     */
    private Solution solveRealTime(LpModel fixed, java.util.function.Supplier<LpModel> relaxed, TimeGrid grid) {
        io.minerai.solver.SolveOutcome o = optimizer.solver().solve(fixed, optimizer.options());
        if (o instanceof io.minerai.solver.SolveOutcome.Failed) {
            return optimizer.solve(relaxed.get(), grid);
        }
        return optimizer.solution(o, fixed, grid);
    }

    /** Report name of a rolling-horizon run. */
    public static String policyName(ForecastMode mode) {
        return switch (mode) {
            case PERFECT -> "rolling-perfect";
            case DAY_AHEAD -> "rolling-day-ahead";
            case PERSISTENCE -> "rolling-persistence";
        };
    }

    /**
     * Copies the real-time model with the plan's reserve offers (the awards) and job powers fixed in the committed
     * period; with {@code slack} > 0 an offer may fall short of the award by that share (see {@link #solveRealTime}).
     */
    private static LpModel fixCommitments(Formulation.Built rt, Formulation.Built plan, Solution ps, double slack) {
        LpModel m = rt.model();
        ModelContext rc = rt.context();
        ModelContext pc = plan.context();
        double[] lower = new double[m.columnCount()];
        double[] upper = new double[m.columnCount()];
        for (int j = 0; j < lower.length; j++) {
            lower[j] = m.colLower(j);
            upper[j] = m.colUpper(j);
        }
        int products = rc.data.reserves().size();
        int jobs = rc.jobs();
        for (int i = 0; i < rc.n; i++) {
            for (int k = 0; k < products; k++) {
                int re = rc.reserveStart[i * products + k];
                int pe = pc.reserveStart[i * products + k];
                int count = rc.reserveStart[i * products + k + 1] - re;
                int planCount = pc.reserveStart[i * products + k + 1] - pe;
                for (int e = 0; e < count; e++) {
                    int rcol = rc.reserveColumn[re + e];
                    double v = e < planCount ? Math.max(0, ps.value(pc.reserveColumn[pe + e])) : 0;
                    lower[rcol] = Math.max(0, v - slack * Math.max(1, v));
                    upper[rcol] = v;
                }
            }
            for (int j = 0; j < jobs; j++) {
                int rcol = rc.jobCol[i * jobs + j];
                int pcol = pc.jobCol[i * jobs + j];
                if (rcol >= 0) {
                    double v = pcol >= 0 ? Math.min(Math.max(0, ps.value(pcol)), m.colUpper(rcol)) : 0;
                    lower[rcol] = v;
                    upper[rcol] = v;
                }
            }
        }
        return m.withColumnBounds(lower, upper);
    }

    /**
     * Planning prices for the window {@code [from, to)} written into {@code out}: the first {@code perDay} intervals get
     * the mode's forecast for the coming day, later ones repeat it (nothing beyond the next day is known).
     */
    static void forecast(
            OptimizationProblem p, ModelData actual, ForecastMode mode, int perDay, int from, int to, double[] out) {
        double[] rt = actual.priceUsdPerMwh();
        boolean[] known = actual.dispatched();
        Optional<TimeSeries> da = p.inputs().dayAheadPriceUsdPerMwh();
        double fallback = from > 0 ? lastKnown(rt, known, from - 1) : rt[0];
        for (int t = from; t < to; t++) {
            int base = from + (t - from) % perDay;
            double v;
            if (mode == ForecastMode.PERFECT) {
                v = rt[t];
            } else if (mode == ForecastMode.DAY_AHEAD
                    && da.isPresent()
                    && !da.get().isMissing(base)) {
                v = da.get().value(base);
            } else {
                int y = base - perDay;
                v = y >= 0 && known[y] ? rt[y] : fallback;
            }
            out[t] = v;
        }
    }

    private static double lastKnown(double[] rt, boolean[] known, int t) {
        for (int i = t; i >= 0; i--) {
            if (known[i]) {
                return rt[i];
            }
        }
        return 0;
    }
}
