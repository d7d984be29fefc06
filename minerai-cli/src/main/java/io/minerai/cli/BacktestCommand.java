package io.minerai.cli;

import io.minerai.core.inputs.ScenarioInputs;
import io.minerai.core.scenario.Scenario;
import io.minerai.dispatch.DispatchResult;
import io.minerai.optimize.ScenarioSettlement;
import io.minerai.report.ReportWriter;
import io.minerai.report.csv.BacktestCsvWriter;
import io.minerai.report.summary.SummaryJson;
import io.minerai.report.summary.SummaryTable;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Merit-order backtest of a scenario on real market history. */
@Command(
        name = "backtest",
        mixinStandardHelpOptions = true,
        description = {
            "Run a site interval by interval over real market history with the merit-order policy and settle every"
                    + " interval: which loads run, what each stream earns, what power costs.",
            "Writes intervals.csv, summary.json, PNG charts and a self-contained report.html to the output folder and"
                    + " prints the summary. With no SCENARIO it runs the bundled West Texas 2024 site."
        })
final class BacktestCommand implements Callable<Integer> {
    @Spec
    @SuppressWarnings("NullAway.Init")
    CommandSpec spec;

    @Mixin
    ScenarioOptions scenario = new ScenarioOptions();

    @Option(
            names = {"-o", "--out"},
            description = "Output folder. Default: minerai-out/<scenario name>.")
    @Nullable
    Path out;

    @Option(
            names = "--format",
            defaultValue = "table",
            description = "Summary on stdout: table or json (default ${DEFAULT-VALUE}).")
    OutputFormat format = OutputFormat.table;

    @Option(
            names = "--no-report",
            description = "Skip the PNG charts and the HTML report (CSV and JSON are still written).")
    boolean noReport;

    @Option(
            names = "--sustainability",
            description = "Also report the energy mix, Scope 2 emissions (location- and market-based), renewable share"
                    + " and grid flexibility: a section in report.html plus sustainability.json and CSVs"
                    + " (docs/SUSTAINABILITY.md); ignored with --no-report.")
    boolean sustainability;

    @Option(
            names = {"-q", "--quiet"},
            description = "No progress output.")
    boolean quiet;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        try (Progress progress = new Progress("backtest", 4, quiet || format == OutputFormat.json)) {
            progress.step("reading the scenario");
            Scenario s = scenario.load();
            progress.step("loading market and Bitcoin data");
            ScenarioInputs inputs = scenario.resolveInputs(s);
            progress.step("dispatching " + inputs.grid().count() + " intervals");
            long t0 = System.nanoTime();
            DispatchResult result = ScenarioSettlement.meritOrder(s, inputs, scenario.baseDir());
            long dispatchMicros = (System.nanoTime() - t0) / 1000;
            progress.step(noReport ? "writing CSV and JSON" : "writing CSV, JSON, charts and the HTML report");
            Path dir = out != null ? out : Path.of("minerai-out", safe(s.name()));
            Files.createDirectories(dir);
            ReportWriter.ReportFiles files = write(result, s, inputs, dir);
            progress.close();
            if (format == OutputFormat.json) {
                stdout.println(SummaryJson.toJson(result.summary()));
            } else {
                stdout.println(SummaryTable.render(result.summary()));
                stdout.println();
                stdout.println("Wrote:");
                stdout.println("  " + files.intervalsCsv());
                stdout.println("  " + files.summaryJson());
                for (Path c : files.charts()) {
                    stdout.println("  " + c);
                }
                if (!noReport) {
                    stdout.println("  " + files.reportHtml() + "   <- open in a browser");
                }
                stdout.printf(
                        Locale.ROOT,
                        "Dispatch and settlement of %d intervals took %.1f ms.%n",
                        inputs.grid().count(),
                        dispatchMicros / 1000.0);
            }
            if (result.summary().missingIntervals() > 0 && format != OutputFormat.json) {
                stderr.printf(
                        Locale.ROOT,
                        "minerai: %d of %d intervals skipped for missing data (price %d, Bitcoin %d, generation %d);"
                                + " see the gap list in report.html%n",
                        result.summary().missingIntervals(),
                        result.summary().intervals(),
                        result.summary().gaps().missingPriceIntervals(),
                        result.summary().gaps().missingBitcoinIntervals(),
                        result.summary().gaps().missingGenerationIntervals());
            }
            List<String> jobs =
                    s.optimize().gpuJobs().stream().map(j -> j.name()).toList();
            if (!jobs.isEmpty() && format != OutputFormat.json) {
                stderr.printf(
                        Locale.ROOT,
                        "minerai: note: the deferrable GPU jobs of optimize.gpuJobs (%s) need look-ahead and are"
                                + " scheduled only by `minerai optimize`; the merit-order backtest does not run them%n",
                        String.join(", ", jobs));
            }
            stdout.flush();
            return ExitCodes.OK;
        }
    }

    private ReportWriter.ReportFiles write(DispatchResult result, Scenario s, ScenarioInputs inputs, Path dir) {
        try {
            if (noReport) {
                Path csv = dir.resolve(ReportWriter.INTERVALS_CSV);
                BacktestCsvWriter.write(result, csv);
                Path json = dir.resolve(ReportWriter.SUMMARY_JSON);
                SummaryJson.write(result.summary(), json);
                return new ReportWriter.ReportFiles(dir, csv, json, List.of(), dir.resolve(ReportWriter.REPORT_HTML));
            }
            ReportWriter report = ReportWriter.builder(result, s).inputs(inputs);
            if (sustainability) {
                io.minerai.cli.sustainability.SustainabilityOption.addTo(report, s, result, scenario.baseDir(), dir);
            }
            return report.write(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report to " + dir + ": " + e.getMessage(), e);
        }
    }

    static String safe(String name) {
        String s = name.replaceAll("[^A-Za-z0-9._-]+", "-");
        return s.isEmpty() ? "scenario" : s;
    }
}
