package io.minerai.bench.optimize;

import io.minerai.core.inputs.ScenarioInputs;
import io.minerai.core.scenario.AncillaryProgram;
import io.minerai.core.scenario.CoincidentPeakProgram;
import io.minerai.core.scenario.DefaultScenario;
import io.minerai.core.scenario.MarketPrograms;
import io.minerai.core.scenario.OptimizeSettings;
import io.minerai.core.scenario.Period;
import io.minerai.core.scenario.Scenario;
import io.minerai.core.time.TimeGrid;
import io.minerai.optimize.Formulation;
import io.minerai.optimize.OptimizationProblem;
import io.minerai.optimize.OptimizeResult;
import io.minerai.optimize.Optimizer;
import io.minerai.optimize.PeakResolver;
import io.minerai.dispatch.program.CoincidentPeaks;
import io.minerai.optimize.RollingHorizon;
import io.minerai.solver.OrToolsSolver;
import io.minerai.solver.SolveOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Bench command for the optimiser; prints figures for docs/PERFORMANCE.md.
 *
 * <ul>
 *   <li>{@code hourly [backends...]}: the default site over its year at 1 h (8,784 intervals) as one stacked LP with
 *       4CP (hindsight peaks from the bundled 2024 fuel mix) and RRS/ECRS/Non-Spin offers; per backend the best and
 *       median of 5 runs of model build (our code), load (handing it to OR-Tools), solve, and the total.
 *   <li>{@code rolling5m [backend]}: the default site over 2024 at 5 minutes (105,120 intervals) by rolling horizon
 *       (day-ahead forecast, 48 h window, 24 h commit, two solves per day), on SYNTHETIC prices.
 * </ul>
 *
 * Memory is the process's peak resident set (VmHWM: heap, metaspace and the solver's native memory). Inputs of the
 * hourly case: the real bundled 2024 data through minerai-data's resolver ({@code -Dminerai.bench.synthetic=true} for
 * SYNTHETIC ones); the 5-minute case always uses SYNTHETIC prices (see {@link SyntheticYear}).
 */
public final class OptimizeBench {
    private OptimizeBench() {}

    public static void main(String[] args) throws Exception {
        String what = args.length > 0 ? args[0] : "hourly";
        List<String> rest = args.length > 1 ? Arrays.asList(args).subList(1, args.length) : List.of();
        long t0 = System.nanoTime();
        OrToolsSolver.loadNativeLibraries();
        System.out.printf(Locale.ROOT, "native library load: %.2f s%n", (System.nanoTime() - t0) / 1e9);
        switch (what) {
            case "hourly" -> hourly(rest.isEmpty() ? List.of("glop", "highs_lp", "pdlp") : rest);
            case "rolling5m" -> rolling5m(rest.isEmpty() ? "glop" : rest.get(0));
            default -> throw new IllegalArgumentException("usage: OptimizeBench hourly|rolling5m [backend...]");
        }
        System.out.printf(Locale.ROOT, "peak resident memory (VmHWM): %.0f MB%n", peakRssMb());
    }

    static MarketPrograms programs() {
        return new MarketPrograms(
                Optional.of(new CoincidentPeakProgram(
                        60,
                        new CoincidentPeakProgram.PeakSource.ErcotFuelMix(0),
                        new CoincidentPeakProgram.PeakRule.Hindsight())),
                Optional.of(new AncillaryProgram(true, true, true, 1.0)));
    }

    static void hourly(List<String> backends) {
        Scenario s = DefaultScenario.load();
        TimeGrid grid = s.period().grid();
        Inputs in = inputs(s, grid);
        System.out.printf(
                Locale.ROOT, "hourly stacked LP, default site, %d intervals, inputs: %s%n", grid.count(), in.label());
        CoincidentPeaks peaks = PeakResolver.resolve(programs(), grid, Path.of("."));
        OptimizationProblem p =
                new OptimizationProblem(s.site(), in.inputs(), programs(), OptimizeSettings.DEFAULT, peaks);
        for (String b : backends) {
            Optimizer o = new Optimizer(
                    io.minerai.solver.Solvers.byName(b),
                    SolveOptions.DEFAULT.withTimeLimit(Duration.ofMinutes(5)),
                    Formulation.full());
            OptimizeResult last = o.perfectForesight(p); // warm-up (JIT, solver)
            List<double[]> runs = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                OptimizeResult r = o.perfectForesight(p);
                runs.add(new double[] {
                    r.report().buildSeconds(),
                    r.report().loadSeconds(),
                    r.report().solveSeconds(),
                    r.report().totalSeconds()
                });
                last = r;
            }
            runs.sort((a, c) -> Double.compare(a[3], c[3]));
            double[] best = runs.get(0);
            double[] median = runs.get(runs.size() / 2);
            var rep = last.report();
            System.out.printf(
                    Locale.ROOT,
                    "  %-9s cols %,d rows %,d nz %,d | best: build %.3f s, load %.3f s, solve %.3f s, total %.3f s |"
                            + " median total %.3f s | net $%,.0f%n",
                    b,
                    rep.columns(),
                    rep.rows(),
                    rep.nonZeros(),
                    best[0],
                    best[1],
                    best[2],
                    best[3],
                    median[3],
                    last.netUsd());
        }
    }

    static void rolling5m(String backend) {
        Scenario s = DefaultScenario.load();
        Period period = new Period(s.period().startUtc(), s.period().endUtc(), Duration.ofMinutes(5));
        TimeGrid grid = period.grid();
        ScenarioInputs in = SyntheticYear.inputs(grid, s.site().generators().size(), 7);
        CoincidentPeaks peaks = PeakResolver.resolve(programs(), grid, Path.of("."));
        OptimizeSettings settings =
                new OptimizeSettings(OptimizeSettings.ForecastMode.DAY_AHEAD, 48, 24, backend, List.of(), List.of());
        OptimizationProblem p = new OptimizationProblem(s.site(), in, programs(), settings, peaks);
        Optimizer o = new Optimizer(
                io.minerai.solver.Solvers.byName(backend),
                SolveOptions.DEFAULT.withTimeLimit(Duration.ofMinutes(5)),
                Formulation.full());
        long t0 = System.nanoTime();
        OptimizeResult r = new RollingHorizon(o).run(p, OptimizeSettings.ForecastMode.DAY_AHEAD);
        double wall = (System.nanoTime() - t0) / 1e9;
        var rep = r.report();
        System.out.printf(
                Locale.ROOT,
                "rolling horizon, 5-minute year (%,d intervals, SYNTHETIC prices), day-ahead forecast, 48 h window /"
                        + " 24 h commit, %s: %d solves, largest model %,d cols %,d rows | build %.2f s, load %.2f s,"
                        + " solve %.2f s | wall %.2f s (incl. settlement) | net $%,.0f%n",
                grid.count(),
                backend,
                rep.windows(),
                rep.columns(),
                rep.rows(),
                rep.buildSeconds(),
                rep.loadSeconds(),
                rep.solveSeconds(),
                wall,
                r.netUsd());
    }

    /**
     * Inputs and where they come from.
     *
     * @param inputs resolved or synthetic inputs
     * @param label what they are
     */
    record Inputs(ScenarioInputs inputs, String label) {}

    static Inputs inputs(Scenario s, TimeGrid grid) {
        if (Boolean.getBoolean("minerai.bench.synthetic")) {
            return new Inputs(
                    SyntheticYear.inputs(grid, s.site().generators().size(), 7), "SYNTHETIC prices and hashprice");
        }
        return new Inputs(
                io.minerai.data.resolve.InputResolver.resolve(s, Path.of(".")),
                "real bundled data: ERCOT 2024 HB_WEST real-time and day-ahead prices, DAM ancillary clearing prices,"
                        + " Coin Metrics Bitcoin data, fuel-mix solar shape");
    }

    static double peakRssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Double.parseDouble(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }
}
