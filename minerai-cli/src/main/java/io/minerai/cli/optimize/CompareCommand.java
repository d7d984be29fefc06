package io.minerai.cli.optimize;

import io.minerai.cli.ExitCodes;
import io.minerai.cli.OutputFormat;
import io.minerai.cli.ScenarioOptions;
import io.minerai.dispatch.DispatchSummary;
import io.minerai.optimize.Comparison;
import io.minerai.optimize.Optimizer;
import io.minerai.optimize.RevenueStack;
import io.minerai.report.chart.ChartImage;
import io.minerai.report.chart.ChartStyle;
import io.minerai.report.summary.TextTable;
import java.awt.Color;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Policy versus optimal versus perfect foresight on one scenario: one table and one chart. */
@Command(
        name = "compare",
        mixinStandardHelpOptions = true,
        description = {
            "Merit-order policy vs the optimiser with persistence and day-ahead forecasts (rolling horizon) vs perfect"
                    + " foresight, all settled under the same terms (4CP included): one table of the revenue stack and"
                    + " the value of foresight, and one chart (compare.png). With no SCENARIO it runs the bundled West"
                    + " Texas 2024 site."
        })
public final class CompareCommand implements Callable<Integer> {
    static final String CHART = "compare.png";

    @Spec
    @SuppressWarnings("NullAway.Init")
    CommandSpec spec;

    @Mixin
    ScenarioOptions scenario = new ScenarioOptions();

    @Option(names = "--solver", description = "Solver backend: glop, highs_lp, pdlp, highs, scip, sat, ojalgo.")
    @Nullable
    String solver;

    @Option(
            names = {"-o", "--out"},
            description = "Output folder. Default: minerai-out/<scenario name>-compare.")
    @Nullable
    Path out;

    @Option(
            names = "--format",
            defaultValue = "table",
            description = "stdout: table, csv or json (default ${DEFAULT-VALUE}).")
    OutputFormat format = OutputFormat.table;

    @Option(
            names = {"-q", "--quiet"},
            description = "No progress output.")
    boolean quiet;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter progress = quiet || format != OutputFormat.table
                ? null
                : spec.commandLine().getErr();
        OptimizeSetup.Loaded loaded = OptimizeSetup.load(scenario, null, solver, progress);
        Optimizer optimizer = Optimizer.forSettings(loaded.problem().settings());
        OptimizeSetup.step(progress, "running merit order, two rolling horizons and perfect foresight");
        Comparison c = Comparison.run(loaded.problem(), optimizer);
        Path dir = out != null
                ? out
                : Path.of("minerai-out", OptimizeCommand.safe(loaded.scenario().name()) + "-compare");
        Path chart = writeChart(c, loaded.scenario().name(), dir);
        switch (format) {
            case json -> stdout.println(Jsons.write(json(c)));
            case csv -> stdout.print(csv(c));
            default -> {
                stdout.println(table(c).render());
                stdout.println("Wrote " + chart);
            }
        }
        stdout.flush();
        return ExitCodes.OK;
    }

    static TextTable table(Comparison c) {
        List<String> headers = new ArrayList<>(List.of("policy"));
        List<String> sources = new ArrayList<>(c.merit().stack().bySource().keySet());
        for (String s : sources) {
            headers.add(s + " $");
        }
        headers.addAll(List.of("net $", "vs merit $", "BTC", "miner uptime", "4CP tag MW"));
        List<Boolean> numeric = new ArrayList<>();
        numeric.add(false);
        for (int i = 1; i < headers.size(); i++) {
            numeric.add(true);
        }
        List<List<String>> rows = new ArrayList<>();
        List<Boolean> emphasis = new ArrayList<>();
        double merit = c.merit().netUsd();
        for (Comparison.Row r : c.rows()) {
            List<String> row = new ArrayList<>();
            row.add(r.policy());
            for (String source : sources) {
                row.add(OptimizeSetup.usd(r.stack().bySource().getOrDefault(source, 0.0)));
            }
            DispatchSummary s = r.result().summary();
            row.add(OptimizeSetup.usd(r.netUsd()));
            row.add(OptimizeSetup.usd(r.netUsd() - merit));
            row.add(String.format(Locale.ROOT, "%,.1f", s.btcMined()));
            row.add(String.format(Locale.ROOT, "%.1f %%", 100 * s.bitcoin().minerUptimeFraction()));
            row.add(String.format(Locale.ROOT, "%.1f", s.programFactOrZero("ercot-4cp", "tagMw")));
            rows.add(row);
            emphasis.add(r.policy().equals(Optimizer.PERFECT));
        }
        List<String> notes = new ArrayList<>();
        for (Comparison.Row r : c.rows()) {
            if (!r.policy().equals(Optimizer.PERFECT)
                    && !r.policy().equals(c.merit().policy())) {
                notes.add(String.format(
                        Locale.ROOT,
                        "Value of foresight over %s: $%s",
                        r.policy(),
                        OptimizeSetup.usd(c.valueOfForesightUsd(r.policy()))));
            }
        }
        notes.add("All runs settled alike: real-time energy, PPA, ancillary offers at day-ahead clearing prices, 4CP"
                + " charge on the actual peaks.");
        return new TextTable("Policy vs optimal", headers, numeric, rows, emphasis, notes);
    }

    static Path writeChart(Comparison c, String scenarioName, Path dir) {
        CategoryChart chart = ChartStyle.categoryChart(
                "Revenue stack by policy: " + scenarioName,
                "",
                "USD (millions)",
                ChartStyle.WIDTH_PX,
                ChartStyle.HEIGHT_PX);
        chart.getStyler().setStacked(true);
        chart.getStyler().setOverlapped(false);
        List<String> policies = c.rows().stream().map(Comparison.Row::policy).toList();
        // every stream any policy declares, in ledger order; the site's own streams in their usual colours, programs'
        // streams in the chart library's
        Map<String, String> labels = new LinkedHashMap<>();
        for (Comparison.Row r : c.rows()) {
            r.stack().entries().forEach(e -> labels.putIfAbsent(e.id(), e.label()));
        }
        Map<String, Color> colors = Map.of(
                "mining", ChartStyle.MINING,
                "ai_cloud", ChartStyle.AI_CLOUD,
                "colocation", ChartStyle.COLOCATION,
                "export", ChartStyle.EXPORT,
                "ppa_sellback", ChartStyle.PPA_SELLBACK,
                "ancillary", ChartStyle.ANCILLARY,
                "power_cost", ChartStyle.POWER_COST,
                "transmission_4cp", ChartStyle.PRICE);
        for (Map.Entry<String, String> e : labels.entrySet()) {
            List<Double> values = new ArrayList<>();
            for (Comparison.Row r : c.rows()) {
                values.add(r.stack().totalUsd(e.getKey()) / 1e6);
            }
            if (values.stream().allMatch(v -> Math.abs(v) < 1e-9)) {
                continue;
            }
            CategorySeries s = chart.addSeries(e.getValue(), policies, values);
            Color color = colors.get(e.getKey());
            if (color != null) {
                s.setFillColor(color);
            }
        }
        List<Double> net = c.rows().stream().map(r -> r.netUsd() / 1e6).toList();
        CategorySeries n = chart.addSeries("net", policies, net);
        n.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Line);
        n.setLineColor(ChartStyle.NET);
        n.setMarkerColor(ChartStyle.NET);
        ChartImage img = ChartImage.render(
                chart,
                CHART,
                "Revenue stack by policy",
                "Stacked revenue (above zero) and costs (below zero) per policy; the line is the net.");
        try {
            Files.createDirectories(dir);
            return img.writeTo(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(CHART) + ": " + e.getMessage(), e);
        }
    }

    static String csv(Comparison c) {
        StringBuilder sb = new StringBuilder("policy");
        List<String> ids = new ArrayList<>(c.merit().stack().byStreamId().keySet());
        for (String id : ids) {
            sb.append(",stream_").append(id).append("_usd");
        }
        sb.append(",net_usd\n");
        for (Comparison.Row r : c.rows()) {
            sb.append(r.policy());
            for (String id : ids) {
                sb.append(',')
                        .append(String.format(Locale.ROOT, "%.2f", r.stack().totalUsd(id)));
            }
            sb.append(',')
                    .append(String.format(Locale.ROOT, "%.2f", r.netUsd()))
                    .append('\n');
        }
        return sb.toString();
    }

    static Map<String, Object> json(Comparison c) {
        Map<String, Object> m = new LinkedHashMap<>();
        List<Object> rows = new ArrayList<>();
        for (Comparison.Row r : c.rows()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("policy", r.policy());
            row.put("netUsd", r.netUsd());
            RevenueStack st = r.stack();
            row.put("revenueStackUsd", st.byStreamId());
            r.report().ifPresent(rep -> row.put("solver", rep));
            rows.add(row);
        }
        m.put("runs", rows);
        Map<String, Object> fv = new LinkedHashMap<>();
        for (Comparison.Row r : c.rows()) {
            if (!r.policy().equals(Optimizer.PERFECT)) {
                fv.put(r.policy(), c.valueOfForesightUsd(r.policy()));
            }
        }
        m.put("valueOfForesightUsd", fv);
        return m;
    }
}
