package io.minerai.report.chart;

import io.minerai.core.site.Site;
import io.minerai.core.time.TimeGrid;
import io.minerai.dispatch.DispatchResult;
import io.minerai.dispatch.ledger.Ledger;
import io.minerai.dispatch.settle.AiCloudSettler;
import io.minerai.dispatch.settle.MiningSettler;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The chart of the report's "Compute delivered" section: AI and mining output side by side over the period. */
public final class ComputeCharts {
    public static final String COMPUTE_AND_BITCOIN = "compute_and_bitcoin.png";

    private ComputeCharts() {}

    /** The section's chart, rendered; empty when the site has no GPU side or nothing was dispatched. */
    public static Optional<ChartImage> render(DispatchResult result, Site site) {
        return computeAndBitcoin(result, site)
                .map(c -> ChartImage.render(
                        c,
                        COMPUTE_AND_BITCOIN,
                        "Compute delivered and Bitcoin mined",
                        "Purple bars: compute the GPU side delivered ("
                                + result.summary().gpu().computePrecision()
                                + ", exaFLOP-hours, left axis), after cap levels, checkpoint writes and work lost to"
                                + " pauses; orange line: BTC mined after pool fees (right axis). Months and days are"
                                + " UTC."));
    }

    /** Compute delivered per month (or day) as bars, BTC mined as a line on a second axis. */
    public static Optional<CategoryChart> computeAndBitcoin(DispatchResult result, Site site) {
        Ledger ledger = result.ledger();
        TimeGrid grid = ledger.grid();
        if (ledger.dispatch().dispatchedCount() == 0
                || ledger.measure(AiCloudSettler.COMPUTE_ID).isEmpty()) {
            return Optional.empty();
        }
        boolean monthly = DispatchCharts.isMonthly(grid);
        Buckets b = Buckets.of(grid, monthly ? Buckets.Size.MONTH : Buckets.Size.DAY);
        DateTimeFormatter f = DateTimeFormatter.ofPattern(monthly ? "MMM yyyy" : "MMM d", Locale.US);
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < b.count(); i++) {
            labels.add(f.format(b.startUtc()[i].atOffset(ZoneOffset.UTC)));
        }
        boolean[] dispatched = ledger.dispatch().dispatched();
        double[] eflop = ledger.valuesOrZero(AiCloudSettler.COMPUTE_ID);
        double[] btc = ledger.valuesOrZero(MiningSettler.BTC_MINED.id());
        double[] computeSum = b.sum(dispatched, t -> eflop[t]);
        double[] btcSum = b.sum(dispatched, t -> btc[t]);
        CategoryChart c = ChartStyle.categoryChart(
                DispatchCharts.siteLabel(site) + ": compute delivered and BTC mined by " + (monthly ? "month" : "day")
                        + ", " + DispatchCharts.periodLabel(grid),
                monthly ? "Month (UTC)" : "Day (UTC)",
                "Compute (EFLOP-h)",
                ChartStyle.WIDTH_PX,
                ChartStyle.HEIGHT_PX);
        c.setYAxisGroupTitle(
                0, "Compute delivered (EFLOP-h, " + result.summary().gpu().computePrecision() + ")");
        c.setYAxisGroupTitle(1, "BTC mined");
        c.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
        c.getStyler().setYAxisGroupTitleColor(1, ChartStyle.MINING);
        c.getStyler().setYAxisGroupTitleColor(0, ChartStyle.AI_CLOUD);
        c.getStyler().setOverlapped(true);
        c.getStyler().setAvailableSpaceFill(0.7);
        c.getStyler().setXAxisLabelRotation(b.count() > 14 ? 45 : 0);
        c.getStyler().putYAxisGroupDecimalPatternMap(0, "#,##0.##");
        c.getStyler().putYAxisGroupDecimalPatternMap(1, "#,##0.###");
        c.getStyler().setYAxisMin(0, 0.0);
        c.getStyler().setYAxisMin(1, 0.0);
        c.getStyler().setYAxisMax(0, Math.max(1e-9, max(computeSum)) * 1.1);
        c.getStyler().setYAxisMax(1, Math.max(1e-9, max(btcSum)) * 1.1);
        CategorySeries cs = c.addSeries("Compute delivered (left)", labels, boxed(computeSum));
        cs.setFillColor(ChartStyle.AI_CLOUD);
        cs.setYAxisGroup(0);
        CategorySeries bs = c.addSeries("BTC mined (right)", labels, boxed(btcSum));
        bs.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Line);
        bs.setYAxisGroup(1);
        bs.setLineColor(ChartStyle.MINING);
        bs.setLineStyle(ChartStyle.line(3f));
        bs.setMarker(SeriesMarkers.CIRCLE);
        bs.setMarkerColor(ChartStyle.MINING);
        c.getStyler().setMarkerSize(8);
        return Optional.of(c);
    }

    private static double max(double[] v) {
        double m = 0;
        for (double d : v) {
            m = Math.max(m, d);
        }
        return m;
    }

    private static List<Double> boxed(double[] v) {
        List<Double> out = new ArrayList<>(v.length);
        for (double d : v) {
            out.add(d);
        }
        return out;
    }
}
