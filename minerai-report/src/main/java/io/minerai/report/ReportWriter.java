package io.minerai.report;

import io.minerai.core.inputs.ScenarioInputs;
import io.minerai.core.scenario.Scenario;
import io.minerai.dispatch.DispatchResult;
import io.minerai.report.chart.ChartImage;
import io.minerai.report.chart.ComputeCharts;
import io.minerai.report.chart.DispatchCharts;
import io.minerai.report.csv.BacktestCsvWriter;
import io.minerai.report.html.ComputeSection;
import io.minerai.report.html.DispatchSections;
import io.minerai.report.html.HtmlReport;
import io.minerai.report.html.ReportSection;
import io.minerai.report.summary.SummaryJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Writes everything about one dispatch result into a folder: {@value #INTERVALS_CSV} (one row per interval), {@value
 * #SUMMARY_JSON}, the PNG charts and {@value #REPORT_HTML} (self-contained: the charts are embedded, so the page can
 * be mailed on its own). Existing files of the same names are replaced; the folder is created if needed.
 *
 * <pre>{@code
 * ReportFiles files = ReportWriter.write(result, scenario, Path.of("out"));
 * // or, with the resolved inputs (gap runs then name what was missing) and extra sections:
 * ReportFiles files = ReportWriter.builder(result, scenario).inputs(inputs).section(extra).write(Path.of("out"));
 * }</pre>
 *
 * A result with no dispatched interval, or a site without miners or GPUs, still gets every file; charts that would be
 * empty are left out (and {@link ReportFiles#charts()} lists only the charts written).
 */
public final class ReportWriter {
    public static final String INTERVALS_CSV = "intervals.csv";
    public static final String SUMMARY_JSON = "summary.json";
    public static final String REPORT_HTML = "report.html";

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.US);

    private final DispatchResult result;
    private final Scenario scenario;
    private Optional<ScenarioInputs> inputs = Optional.empty();
    private final List<ReportSection> extraSections = new ArrayList<>();
    private final List<ReportSection> extraAppendices = new ArrayList<>();
    private Clock clock = Clock.systemUTC();
    private boolean charts = true;

    private ReportWriter(DispatchResult result, Scenario scenario) {
        this.result = result;
        this.scenario = scenario;
    }

    /**
     * The files written.
     *
     * @param directory output folder
     * @param intervalsCsv per-interval CSV
     * @param summaryJson summary JSON
     * @param charts PNG charts, in report order
     * @param reportHtml the self-contained HTML report
     */
    public record ReportFiles(Path directory, Path intervalsCsv, Path summaryJson, List<Path> charts, Path reportHtml) {
        public ReportFiles {
            charts = List.copyOf(charts);
        }
    }

    /** Writes the CSV, the summary JSON, the charts and the HTML report of {@code result} into {@code outDir}. */
    public static ReportFiles write(DispatchResult result, Scenario scenario, Path outDir) throws IOException {
        return builder(result, scenario).write(outDir);
    }

    /** A writer to configure before {@link #write(Path)}. */
    public static ReportWriter builder(DispatchResult result, Scenario scenario) {
        return new ReportWriter(result, scenario);
    }

    /** The inputs the result was computed from; the report then names the missing input behind each gap run. */
    public ReportWriter inputs(ScenarioInputs in) {
        this.inputs = Optional.of(in);
        return this;
    }

    /** Adds a section after the standard main sections (e.g. a policy vs optimal comparison). */
    public ReportWriter section(ReportSection section) {
        extraSections.add(section);
        return this;
    }

    /** Adds an appendix section after the standard appendices. */
    public ReportWriter appendix(ReportSection section) {
        extraAppendices.add(section);
        return this;
    }

    /** Clock for the "generated at" line (default: system UTC). */
    public ReportWriter clock(Clock c) {
        this.clock = c;
        return this;
    }

    /** Leaves the PNG charts out (of the folder and the HTML): the fast path when only numbers are wanted. */
    public ReportWriter withoutCharts() {
        this.charts = false;
        return this;
    }

    /** Writes every file into {@code outDir}. */
    public ReportFiles write(Path outDir) throws IOException {
        Files.createDirectories(outDir);
        Path csv = outDir.resolve(INTERVALS_CSV);
        BacktestCsvWriter.write(result, csv);
        Path json = outDir.resolve(SUMMARY_JSON);
        SummaryJson.write(result.summary(), json);
        List<ChartImage> images = charts ? DispatchCharts.renderAll(result, scenario.site()) : List.of();
        Optional<ChartImage> compute = charts ? ComputeCharts.render(result, scenario.site()) : Optional.empty();
        List<Path> chartPaths = new ArrayList<>();
        for (ChartImage c : images) {
            chartPaths.add(c.writeTo(outDir));
        }
        if (compute.isPresent()) {
            chartPaths.add(compute.get().writeTo(outDir));
        }
        Path html = outDir.resolve(REPORT_HTML);
        htmlReport(images, compute).writeTo(html);
        return new ReportFiles(outDir, csv, json, chartPaths, html);
    }

    /** The HTML report with these charts (no files written). */
    public HtmlReport htmlReport(List<ChartImage> charts) {
        return htmlReport(charts, Optional.empty());
    }

    /** The HTML report with these charts and the chart of the "Compute delivered" section (no files written). */
    public HtmlReport htmlReport(List<ChartImage> charts, Optional<ChartImage> computeChart) {
        DispatchSections.Context ctx = new DispatchSections.Context(result, scenario, inputs, charts);
        return HtmlReport.builder()
                .title(DispatchSections.title(ctx))
                .subtitle(DispatchSections.subtitle(ctx))
                .sections(DispatchSections.main(ctx))
                .sections(ComputeSection.of(ctx, computeChart))
                .sections(extraSections)
                .appendices(DispatchSections.appendices(ctx))
                .appendices(extraAppendices)
                .footer("Generated by minerai on "
                        + STAMP.format(clock.instant().atOffset(ZoneOffset.UTC))
                        + " UTC from scenario '" + scenario.name() + "'. The data behind every figure is in "
                        + INTERVALS_CSV + " and " + SUMMARY_JSON + " next to this file.")
                .build();
    }
}
