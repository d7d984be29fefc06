package io.minerai.report.html;

import io.minerai.dispatch.DispatchSummary;
import io.minerai.report.chart.ChartImage;
import io.minerai.report.summary.Fmt;
import io.minerai.report.summary.SummaryTable;
import java.util.List;
import java.util.Optional;

/**
 * The report's "Compute delivered" section: what the site's GPUs delivered (GPU-hours, FLOP-hours at a stated
 * precision, per MWh and per dollar of power) beside what its miners delivered (BTC, BTC per MWh), with a chart of both
 * over the period. Only for sites with a GPU side.
 */
public final class ComputeSection {
    private ComputeSection() {}

    /** The section, or nothing when the site has no GPU clouds or GPU jobs. */
    public static List<ReportSection> of(DispatchSections.Context ctx, Optional<ChartImage> chart) {
        DispatchSummary s = ctx.summary();
        if (!SummaryTable.hasGpuSide(s)) {
            return List.of();
        }
        return List.of(ReportSection.of("compute-delivered", "Compute delivered", w -> write(s, chart, w)));
    }

    private static void write(DispatchSummary s, Optional<ChartImage> chart, HtmlWriter w) {
        DispatchSummary.GpuTotals g = s.gpu();
        w.keyFigures(List.of(
                new HtmlWriter.KeyFigure(
                        "Compute delivered",
                        Fmt.num(g.computeDeliveredExaflopHours(), 1) + " EFLOP-h",
                        g.computePrecision() + ", useful work"),
                new HtmlWriter.KeyFigure(
                        "GPU-hours delivered", Fmt.num(g.gpuHoursDelivered(), 0), "GPUs x share running x hours"),
                new HtmlWriter.KeyFigure(
                        "GPU-hours per MWh", Fmt.num(g.gpuHoursPerMwh(), 1), "facility energy of the GPU side"),
                new HtmlWriter.KeyFigure("BTC per MWh", Fmt.num(g.btcPerMwh(), 6), "energy drawn by the miners")));
        w.table(SummaryTable.computeDelivered(s));
        w.paragraph("The same site turns power into two products. Each MWh the GPU side drew delivered "
                + Fmt.num(g.gpuHoursPerMwh(), 1) + " GPU-hours (" + Fmt.num(g.exaflopHoursPerMwh(), 4)
                + " exaFLOP-hours of " + g.computePrecision() + " compute) and earned "
                + Fmt.usd(g.revenueUsdPerGpuHour() * g.gpuHoursPerMwh()) + "; each MWh the miners drew mined "
                + Fmt.num(g.btcPerMwh(), 6) + " BTC. Compute counts dense tensor throughput at each interval's power"
                + " cap (a capped GPU keeps most of its throughput), after checkpoint writes and the work training"
                + " loses when it is paused; GPU-hours count GPUs running, capped or not.");
        chart.ifPresent(w::figure);
    }
}
