package io.minerai.portfolio.chart;

import io.minerai.planning.chart.PlanCharts;
import io.minerai.planning.engine.SiteAllocation;
import io.minerai.planning.montecarlo.Stats;
import io.minerai.portfolio.engine.PortfolioEvaluation;
import io.minerai.portfolio.engine.PortfolioEvaluation.AcquisitionValue;
import io.minerai.portfolio.engine.PortfolioEvaluation.PricePoint;
import io.minerai.portfolio.engine.PortfolioEvaluation.SiteRecommendation;
import io.minerai.portfolio.run.PortfolioRun;
import java.awt.BasicStroke;
import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** PNG charts of a portfolio run, rendered headless with XChart (money in $ million). */
public final class PortfolioCharts {
    private static final Color[] PALETTE = {
        new Color(0x1f77b4),
        new Color(0xd62728),
        new Color(0x2ca02c),
        new Color(0xff7f0e),
        new Color(0x9467bd),
        new Color(0x8c564b)
    };
    private static final BasicStroke SOLID = new BasicStroke(2.0f);
    private static final BasicStroke DASHED =
            new BasicStroke(2.0f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);

    private PortfolioCharts() {}

    /** Writes every chart of the run into {@code dir}; returns the files. */
    public static List<Path> write(PortfolioRun run, Path dir) {
        List<Path> out = new ArrayList<>();
        Path npv = dir.resolve("portfolio-npv-distribution.png");
        PlanCharts.writePng(npvDistribution(run, 50), npv);
        out.add(npv);
        Path sites = dir.resolve("portfolio-sites-by-strategy.png");
        PlanCharts.writePng(sitesOverTime(run), sites);
        out.add(sites);
        for (AcquisitionValue a : run.result().acquisitions()) {
            Path f = dir.resolve("portfolio-acquisition-" + a.name().replaceAll("[^A-Za-z0-9_-]", "_") + ".png");
            PlanCharts.writePng(acquisition(a), f);
            out.add(f);
        }
        return out;
    }

    /** Share of paths per NPV bin: every site keeping its current strategy, and the chosen mix. */
    public static XYChart npvDistribution(PortfolioRun run, int bins) {
        PortfolioEvaluation.Result r = run.result();
        double[] cur = r.current().npvUsd();
        double[] cho = r.chosen().npvUsd();
        double lo = Math.min(Stats.quantile(Stats.sorted(cur), 0.005), Stats.quantile(Stats.sorted(cho), 0.005));
        double hi = Math.max(Stats.quantile(Stats.sorted(cur), 0.995), Stats.quantile(Stats.sorted(cho), 0.995));
        if (hi <= lo) {
            hi = lo + 1;
        }
        XYChart c = new XYChartBuilder()
                .width(1100)
                .height(650)
                .title("Portfolio NPV distribution (" + cur.length + " paths, common random numbers)")
                .xAxisTitle("portfolio NPV ($ million)")
                .yAxisTitle("share of paths (%)")
                .build();
        style(c);
        histogram(c, "every site keeps its current strategy", cur, lo, hi, bins, PALETTE[0]);
        histogram(c, "chosen mix", cho, lo, hi, bins, PALETTE[1]);
        return c;
    }

    private static void histogram(XYChart c, String name, double[] v, double lo, double hi, int bins, Color col) {
        double w = (hi - lo) / bins;
        double[] x = new double[bins];
        double[] y = new double[bins];
        for (int b = 0; b < bins; b++) {
            x[b] = (lo + (b + 0.5) * w) / 1e6;
        }
        for (double d : v) {
            int b = (int) Math.floor((d - lo) / w);
            if (b >= 0 && b < bins) {
                y[b] += 100.0 / v.length;
            }
        }
        XYSeries s = c.addSeries(name, x, y);
        s.setLineColor(col);
        s.setLineStyle(SOLID);
        s.setMarker(SeriesMarkers.NONE);
    }

    /** Per site of the chosen mix, by plan year: mining MW (solid) and critical IT running GPUs or leased (dashed). */
    public static XYChart sitesOverTime(PortfolioRun run) {
        XYChart c = new XYChartBuilder()
                .width(1100)
                .height(650)
                .title("Sites by strategy over time (chosen mix)")
                .xAxisTitle("plan year from " + run.portfolio().startMonth())
                .yAxisTitle("MW")
                .build();
        style(c);
        int i = 0;
        for (SiteRecommendation s : run.result().recommendations()) {
            List<SiteAllocation> a = s.allocationByYear();
            double[] x = new double[a.size()];
            double[] mining = new double[a.size()];
            double[] ai = new double[a.size()];
            for (int y = 0; y < a.size(); y++) {
                x[y] = y + 1;
                mining[y] = a.get(y).miningMw();
                ai[y] = a.get(y).gpuItMw() + a.get(y).leasedItMw();
            }
            Color col = PALETTE[i++ % PALETTE.length];
            String label = s.site() + " (" + s.chosen().candidate().label() + ")";
            XYSeries m = c.addSeries(label + ": mining MW", x, mining);
            m.setLineColor(col);
            m.setLineStyle(SOLID);
            m.setMarker(SeriesMarkers.NONE);
            XYSeries g = c.addSeries(label + ": AI critical IT MW", x, ai);
            g.setLineColor(col);
            g.setLineStyle(DASHED);
            g.setMarker(SeriesMarkers.NONE);
        }
        return c;
    }

    /** Value per share after the deal by price, against the value per share without it; asking and maximum price. */
    public static XYChart acquisition(AcquisitionValue a) {
        XYChart c = new XYChartBuilder()
                .width(1100)
                .height(650)
                .title(String.format(
                        Locale.ROOT,
                        "Acquisition %s: value per share (%s) by price; max price $%,.1f M",
                        a.name(),
                        a.riskMeasure().key(),
                        a.maxPriceUsd() / 1e6))
                .xAxisTitle("price ($ million)")
                .yAxisTitle("value per share ($)")
                .build();
        style(c);
        List<PricePoint> pts = a.curve();
        double[] x = new double[pts.size()];
        double[] after = new double[pts.size()];
        double[] before = new double[pts.size()];
        for (int i = 0; i < pts.size(); i++) {
            x[i] = pts.get(i).priceUsd() / 1e6;
            after[i] = pts.get(i).valuePerShareAfterUsd();
            before[i] = pts.get(i).valuePerShareBeforeUsd();
        }
        XYSeries s1 = c.addSeries("with the deal (synergies)", x, after);
        s1.setLineColor(PALETTE[1]);
        s1.setLineStyle(SOLID);
        s1.setMarker(SeriesMarkers.NONE);
        XYSeries s2 = c.addSeries("without the deal", x, before);
        s2.setLineColor(PALETTE[0]);
        s2.setLineStyle(DASHED);
        s2.setMarker(SeriesMarkers.NONE);
        double ask = a.atAsk().priceUsd() / 1e6;
        XYSeries s3 = c.addSeries("asking price", new double[] {ask, ask}, new double[] {
            Math.min(min(after), min(before)), Math.max(max(after), max(before))
        });
        s3.setLineColor(Color.GRAY);
        s3.setLineStyle(DASHED);
        s3.setMarker(SeriesMarkers.NONE);
        return c;
    }

    private static double min(double[] v) {
        double m = Double.POSITIVE_INFINITY;
        for (double d : v) {
            m = Math.min(m, d);
        }
        return m;
    }

    private static double max(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double d : v) {
            m = Math.max(m, d);
        }
        return m;
    }

    private static void style(XYChart c) {
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        c.getStyler().setChartBackgroundColor(Color.WHITE);
        c.getStyler().setYAxisDecimalPattern("#,##0.##");
        c.getStyler().setXAxisDecimalPattern("#,##0");
        c.getStyler().setPlotGridLinesVisible(true);
    }
}
