package io.minerai.cli.optimize;

import io.minerai.cli.ExitCodes;
import io.minerai.cli.OutputFormat;
import io.minerai.cli.ScenarioOptions;
import io.minerai.optimize.MarginalValues;
import io.minerai.optimize.OptimizeResult;
import io.minerai.optimize.Optimizer;
import io.minerai.optimize.RevenueStack;
import io.minerai.optimize.SolveReport;
import io.minerai.report.ReportWriter;
import io.minerai.report.summary.SummaryJson;
import io.minerai.report.summary.SummaryTable;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Optimal dispatch of a scenario with a real LP/MILP solver. */
@Command(
        name = "optimize",
        mixinStandardHelpOptions = true,
        description = {
            "Optimal dispatch of a site with an LP/MILP solver: energy, 4CP, ancillary services, PPA sell-back and"
                    + " flexible GPU work stacked, settled like the backtest.",
            "Prints the summary, the revenue stack, solver figures and the marginal value of +1 MW of grid and of GPU"
                    + " capacity; writes intervals.csv, summary.json, charts and report.html like `backtest`. With no"
                    + " SCENARIO it runs the bundled West Texas 2024 site. See docs/OPTIMIZE.md."
        })
public final class OptimizeCommand implements Callable<Integer> {
    @Spec
    @SuppressWarnings("NullAway.Init")
    CommandSpec spec;

    @Mixin
    ScenarioOptions scenario = new ScenarioOptions();

    @Option(
            names = "--forecast",
            description = "Override the scenario's forecast mode: ${COMPLETION-CANDIDATES} (perfect = one solve over"
                    + " the period; the others roll day by day).")
    OptimizeSetup.@Nullable ForecastOption forecast;

    @Option(
            names = "--solver",
            description = "Override the solver backend: glop, highs_lp, pdlp, highs, scip, sat, ojalgo.")
    @Nullable
    String solver;

    @Option(
            names = {"-o", "--out"},
            description = "Output folder. Default: minerai-out/<scenario name>-optimal.")
    @Nullable
    Path out;

    @Option(
            names = "--format",
            defaultValue = "table",
            description = "Summary on stdout: table or json (default ${DEFAULT-VALUE}).")
    OutputFormat format = OutputFormat.table;

    @Option(names = "--no-report", description = "Skip the PNG charts and the HTML report.")
    boolean noReport;

    @Option(names = "--no-marginal", description = "Skip the marginal values (two extra solves).")
    boolean noMarginal;

    @Option(
            names = {"-q", "--quiet"},
            description = "No progress output.")
    boolean quiet;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter progress =
                quiet || format == OutputFormat.json ? null : spec.commandLine().getErr();
        OptimizeSetup.Loaded loaded = OptimizeSetup.load(scenario, forecast, solver, progress);
        Optimizer optimizer = Optimizer.forSettings(loaded.problem().settings());
        OptimizeSetup.step(
                progress,
                "optimising " + loaded.problem().inputs().grid().count() + " intervals with "
                        + optimizer.solver().name() + " ("
                        + loaded.problem().settings().forecast().name().toLowerCase(Locale.ROOT) + ")");
        OptimizeResult r = optimizer.run(loaded.problem());
        Optional<MarginalValues> mv = Optional.empty();
        if (!noMarginal) {
            OptimizeSetup.step(progress, "marginal values (+1 MW grid, +1 MW GPU)");
            mv = Optional.of(MarginalValues.of(loaded.problem(), optimizer));
        }
        Path dir = out != null
                ? out
                : Path.of("minerai-out", safe(loaded.scenario().name()) + "-optimal");
        OptimizeSetup.step(progress, "writing results to " + dir);
        ReportWriter.ReportFiles files = write(r, loaded, dir);
        if (format == OutputFormat.json) {
            stdout.println(json(r, mv));
        } else {
            stdout.println(SummaryTable.render(r.result().summary()));
            stdout.println();
            stdout.println(stackText(RevenueStack.of(r.result().summary())));
            stdout.println(reportText(r.report()));
            mv.ifPresent(m -> stdout.println(marginalText(m)));
            stdout.println("Wrote " + files.intervalsCsv() + ", " + files.summaryJson()
                    + (noReport ? "" : ", " + files.reportHtml()));
        }
        stdout.flush();
        return ExitCodes.OK;
    }

    private ReportWriter.ReportFiles write(OptimizeResult r, OptimizeSetup.Loaded loaded, Path dir) {
        try {
            Files.createDirectories(dir);
            if (noReport) {
                Path json = dir.resolve(ReportWriter.SUMMARY_JSON);
                SummaryJson.write(r.result().summary(), json);
                Path csv = dir.resolve(ReportWriter.INTERVALS_CSV);
                io.minerai.report.csv.BacktestCsvWriter.write(r.result(), csv);
                return new ReportWriter.ReportFiles(
                        dir, csv, json, java.util.List.of(), dir.resolve(ReportWriter.REPORT_HTML));
            }
            return ReportWriter.builder(r.result(), loaded.scenario())
                    .inputs(loaded.problem().inputs())
                    .write(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write results to " + dir + ": " + e.getMessage(), e);
        }
    }

    static String stackText(RevenueStack s) {
        StringBuilder sb = new StringBuilder("Revenue stack (USD)\n");
        s.bySource()
                .forEach((k, v) -> sb.append(String.format(Locale.ROOT, "  %-26s %18s%n", k, OptimizeSetup.usd(v))));
        sb.append(String.format(Locale.ROOT, "  %-26s %18s%n", "net", OptimizeSetup.usd(s.netUsd())));
        return sb.toString();
    }

    static String reportText(SolveReport r) {
        return String.format(
                Locale.ROOT,
                "Solver %s: %d model(s), largest %,d columns x %,d rows (%,d non-zeros); build %.3f s, load %.3f s,"
                        + " solve %.3f s%n",
                r.backend(),
                r.windows(),
                r.columns(),
                r.rows(),
                r.nonZeros(),
                r.buildSeconds(),
                r.loadSeconds(),
                r.solveSeconds());
    }

    static String marginalText(MarginalValues m) {
        StringBuilder sb =
                new StringBuilder("Marginal values over the period (finite differences, perfect foresight)\n");
        sb.append(String.format(Locale.ROOT, "  +1 MW grid import capacity: %,.0f USD%n", m.gridCapacityUsdPerMw()));
        if (m.gpuCapacityUsdPerMw().isPresent()) {
            sb.append(String.format(
                    Locale.ROOT,
                    "  +1 MW GPU capacity (%s): %,.0f USD%n",
                    m.gpuCloud().orElse("GPU cloud"),
                    m.gpuCapacityUsdPerMw().get()));
        } else {
            sb.append("  +1 MW GPU capacity: n/a (the site has no GPU cloud)\n");
        }
        return sb.toString();
    }

    private static String json(OptimizeResult r, Optional<MarginalValues> mv) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(
                "summary",
                io.minerai.cli.optimize.Jsons.tree(SummaryJson.toJson(r.result().summary())));
        m.put("revenueStackUsd", RevenueStack.of(r.result().summary()).byStreamId());
        m.put("solver", r.report());
        mv.ifPresent(v -> {
            Map<String, Object> mm = new LinkedHashMap<>();
            mm.put("gridCapacityUsdPerMw", v.gridCapacityUsdPerMw());
            mm.put("gpuCapacityUsdPerMw", v.gpuCapacityUsdPerMw().orElse(null));
            m.put("marginalValues", mm);
        });
        return Jsons.write(m);
    }

    static String safe(String name) {
        String s = name.replaceAll("[^A-Za-z0-9._-]+", "-");
        return s.isEmpty() ? "scenario" : s;
    }
}
