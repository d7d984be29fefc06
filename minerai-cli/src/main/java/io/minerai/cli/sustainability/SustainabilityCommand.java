package io.minerai.cli.sustainability;

import io.minerai.cli.ExitCodes;
import io.minerai.cli.OutputFormat;
import io.minerai.cli.ScenarioOptions;
import io.minerai.core.inputs.ScenarioInputs;
import io.minerai.core.scenario.Scenario;
import io.minerai.dispatch.DispatchResult;
import io.minerai.optimize.ScenarioSettlement;
import io.minerai.sustainability.SustainabilityAnalysis;
import io.minerai.sustainability.SustainabilityExport;
import io.minerai.sustainability.SustainabilityResult;
import io.minerai.sustainability.report.SustainabilityFiles;
import io.minerai.sustainability.report.SustainabilityText;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Runs the merit-order backtest of a scenario and reports its sustainability figures. */
@Command(
        name = "sustainability",
        mixinStandardHelpOptions = true,
        description = {
            "Energy mix, GHG Protocol Scope 2 emissions (location- and market-based, side by side), renewable share and"
                    + " grid flexibility of a scenario's merit-order backtest, interval by interval on the bundled"
                    + " ERCOT 15-minute fuel mix (2023, 2024) or your own factors (scenario section 'sustainability').",
            "Writes sustainability.json, sustainability_intervals.csv, sustainability_months.csv, PNG charts and"
                    + " sustainability.html (a self-contained page) to the output folder. Method: docs/SUSTAINABILITY.md."
        })
public final class SustainabilityCommand implements Callable<Integer> {
    @Spec
    @SuppressWarnings("NullAway.Init")
    CommandSpec spec;

    @Mixin
    @SuppressWarnings("NullAway.Init")
    ScenarioOptions scenario;

    @Option(names = "--out", description = "Output folder. Default: minerai-out/<scenario name>.")
    @Nullable
    Path out;

    @Option(
            names = "--format",
            defaultValue = "table",
            description = "What to print: table (summary), json (sustainability.json) or csv (every interval)"
                    + " (default ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Option(names = "--no-files", description = "Print only; write no files.")
    boolean noFiles;

    @Override
    public Integer call() throws Exception {
        Scenario s = scenario.load();
        ScenarioInputs inputs = scenario.resolveInputs(s);
        DispatchResult result = ScenarioSettlement.meritOrder(s, inputs, scenario.baseDir());
        SustainabilityResult r = SustainabilityAnalysis.forScenario(s, result, scenario.baseDir());
        PrintWriter pw = spec.commandLine().getOut();
        switch (format) {
            case table -> pw.print(SustainabilityText.summary(r));
            case json -> pw.println(SustainabilityExport.json(r));
            case csv -> pw.print(SustainabilityExport.intervalsCsv(r));
        }
        pw.flush();
        if (!noFiles) {
            Path dir = out != null ? out : Path.of("minerai-out", s.name());
            SustainabilityFiles.Written w = SustainabilityFiles.write(r, dir);
            Path html = dir.resolve(SustainabilityFiles.HTML);
            SustainabilityFiles.standalonePage(r, w.images()).writeTo(html);
            spec.commandLine()
                    .getErr()
                    .println("minerai: wrote " + w.json() + ", "
                            + w.intervalsCsv().getFileName() + ", "
                            + w.monthsCsv().getFileName() + ", " + w.charts().size() + " chart(s) and " + html);
        }
        return ExitCodes.OK;
    }
}
