package io.minerai.planning.chart;

import io.minerai.planning.decision.Tornado;
import io.minerai.planning.engine.MonthGrid;
import io.minerai.planning.engine.StrategyPaths;
import io.minerai.planning.montecarlo.MonteCarloResult;
import io.minerai.planning.montecarlo.Stats;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.HorizontalBarChart;
import org.knowm.xchart.HorizontalBarChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** PNG charts of plan results, rendered headless with XChart. Money is shown in $ million. */
public final class PlanCharts {
    private static final Color[] PALETTE = {
        new Color(0x1f77b4),
        new Color(0xd62728),
        new Color(0x2ca02c),
        new Color(0xff7f0e),
        new Color(0x9467bd),
        new Color(0x8c564b),
        new Color(0xe377c2),
        new Color(0x17becf)
    };
    private static final int WIDTH = 1100;
    private static final int HEIGHT = 650;

    private PlanCharts() {}

    /**
     * Fan chart of cumulative cash flow to equity: per strategy the median (solid) and the 10th and 90th percentiles
     * (dashed) by month. Needs a run that kept cumulative cash flows.
     */
    public static XYChart fan(MonteCarloResult r, MonthGrid grid, List<String> strategies) {
        XYChart c = new XYChartBuilder()
                .width(WIDTH)
                .height(HEIGHT)
                .title("Cumulative cash flow to equity: median and P10-P90 band ("
                        + r.paths().get(0).paths() + " paths)")
                .xAxisTitle("month from " + grid.start())
                .yAxisTitle("cumulative cash flow to equity ($ million)")
                .build();
        style(c);
        int months = grid.months();
        double[] x = new double[months];
        for (int m = 0; m < months; m++) {
            x[m] = m;
        }
        int k = 0;
        for (String name : strategies) {
            StrategyPaths p = r.pathsOf(name).orElseThrow();
            double[] p10 = new double[months];
            double[] p50 = new double[months];
            double[] p90 = new double[months];
            for (int m = 0; m < months; m++) {
                double[] v = Stats.sorted(p.cumulativeAt(m)
                        .orElseThrow(() -> new IllegalArgumentException("run did not keep cumulative cash flows")));
                p10[m] = Stats.quantile(v, 0.1) / 1e6;
                p50[m] = Stats.quantile(v, 0.5) / 1e6;
                p90[m] = Stats.quantile(v, 0.9) / 1e6;
            }
            Color col = PALETTE[k++ % PALETTE.length];
            line(c, name + " median", x, p50, col, new BasicStroke(2.5f), true);
            BasicStroke dash =
                    new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);
            line(c, name + " P10 / P90", x, p10, col, dash, true);
            line(c, name + " P90", x, p90, col, dash, false);
        }
        return c;
    }

    private static void line(XYChart c, String name, double[] x, double[] y, Color col, BasicStroke s, boolean legend) {
        XYSeries ser = c.addSeries(name, x, y);
        ser.setLineColor(col);
        ser.setLineStyle(s);
        ser.setMarker(SeriesMarkers.NONE);
        ser.setShowInLegend(legend);
    }

    /** NPV distribution per strategy: share of paths per NPV bin (same bins for all), as step lines. */
    public static XYChart npvDistribution(MonteCarloResult r, int bins) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        List<double[]> all = new ArrayList<>();
        for (StrategyPaths p : r.paths()) {
            double[] v = Stats.sorted(p.npvUsd());
            all.add(v);
            // clip the extreme 0.5 % tails so one outlier does not flatten the picture
            lo = Math.min(lo, Stats.quantile(v, 0.005));
            hi = Math.max(hi, Stats.quantile(v, 0.995));
        }
        if (!(hi > lo)) {
            hi = lo + 1;
        }
        double width = (hi - lo) / bins;
        XYChart c = new XYChartBuilder()
                .width(WIDTH)
                .height(HEIGHT)
                .title("NPV of cash flows to equity per strategy ("
                        + r.paths().get(0).paths() + " paths; P0.5-P99.5)")
                .xAxisTitle("NPV ($ million)")
                .yAxisTitle("share of paths per bin (%)")
                .build();
        style(c);
        for (int s = 0; s < all.size(); s++) {
            double[] v = all.get(s);
            double[] counts = new double[bins];
            for (double d : v) {
                int b = (int) Math.floor((d - lo) / width);
                if (b >= 0 && b < bins) {
                    counts[b]++;
                } else if (b == bins) {
                    counts[bins - 1]++;
                }
            }
            double[] x = new double[2 * bins];
            double[] y = new double[2 * bins];
            for (int b = 0; b < bins; b++) {
                x[2 * b] = (lo + b * width) / 1e6;
                x[2 * b + 1] = (lo + (b + 1) * width) / 1e6;
                y[2 * b] = 100.0 * counts[b] / v.length;
                y[2 * b + 1] = y[2 * b];
            }
            double mean = Stats.mean(v);
            line(
                    c,
                    r.paths().get(s).strategy() + String.format(java.util.Locale.ROOT, " (mean %.0f)", mean / 1e6),
                    x,
                    y,
                    PALETTE[s % PALETTE.length],
                    new BasicStroke(2f),
                    true);
        }
        return c;
    }

    /** Tornado: change of expected NPV from the base when each input moves to its low and high setting. */
    public static HorizontalBarChart tornado(Tornado.Result t) {
        HorizontalBarChart c = new HorizontalBarChartBuilder()
                .width(WIDTH)
                .height(900)
                .title(String.format(
                        java.util.Locale.ROOT,
                        "Tornado: expected NPV of '%s' (base %.0f $ million, %d paths each)",
                        t.strategy(),
                        t.baseNpvUsd() / 1e6,
                        t.paths()))
                .xAxisTitle("change of expected NPV from base ($ million)")
                .yAxisTitle("input (low / high setting)")
                .build();
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        c.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        c.getStyler().setChartBackgroundColor(Color.WHITE);
        c.getStyler().setPlotGridLinesVisible(true);
        c.getStyler().setXAxisDecimalPattern("#,##0");
        c.getStyler().setYAxisTickMarkSpacingHint(10);
        c.getStyler().setAxisTickLabelsFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 11));
        List<String> labels = new ArrayList<>();
        List<Double> low = new ArrayList<>();
        List<Double> high = new ArrayList<>();
        // largest swing first (drawn at the top); inputs that do not move this strategy are left out
        for (Tornado.Bar b : t.bars()) {
            if (!(b.swingUsd() > 1e-9 * Math.max(1, Math.abs(t.baseNpvUsd())))) {
                continue;
            }
            labels.add(b.input() + " (" + b.lowLabel() + " / " + b.highLabel() + ")");
            low.add((b.lowNpvUsd() - t.baseNpvUsd()) / 1e6);
            high.add((b.highNpvUsd() - t.baseNpvUsd()) / 1e6);
        }
        if (labels.isEmpty()) {
            labels.add("no input moves this strategy");
            low.add(0.0);
            high.add(0.0);
        }
        c.addSeries("low setting", low, labels).setFillColor(PALETTE[1]);
        c.addSeries("high setting", high, labels).setFillColor(PALETTE[2]);
        return c;
    }

    private static void style(XYChart c) {
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        c.getStyler().setChartBackgroundColor(Color.WHITE);
        c.getStyler().setYAxisDecimalPattern("#,##0");
        c.getStyler().setXAxisDecimalPattern("#,##0");
        c.getStyler().setPlotGridLinesVisible(true);
    }

    /** Renders a chart to a PNG file (headless). */
    public static void writePng(Chart<?, ?> chart, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            BufferedImage img = BitmapEncoder.getBufferedImage(chart);
            ImageIO.write(img, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write chart " + file, e);
        }
    }
}
