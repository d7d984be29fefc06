package io.minerai.report.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.Locale;
import java.util.TimeZone;
import java.util.function.Function;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;

/**
 * The look shared by every minerai chart: large readable fonts, a light grid, the legend below the plot, UTC dates, and
 * one colour per load class and revenue stream so the same thing has the same colour in every chart.
 */
public final class ChartStyle {
    /** Default width of a full-width chart, px. */
    public static final int WIDTH_PX = 1400;
    /** Default height of a full-width chart, px. */
    public static final int HEIGHT_PX = 700;

    public static final Color MINING = new Color(0xF7, 0x93, 0x1A);
    public static final Color AI_CLOUD = new Color(0x84, 0x5E, 0xF7);
    public static final Color COLOCATION = new Color(0x33, 0x9A, 0xF0);
    public static final Color GENERATION = new Color(0x0B, 0x71, 0x26);
    public static final Color PRICE = new Color(0xC9, 0x2A, 0x2A);
    public static final Color EXPORT = new Color(0x0C, 0xA6, 0x78);
    public static final Color PPA_SELLBACK = new Color(0x66, 0xA8, 0x0F);
    public static final Color ANCILLARY = new Color(0xE6, 0x49, 0x80);
    public static final Color POWER_COST = new Color(0x86, 0x8E, 0x96);
    public static final Color NET = new Color(0x21, 0x25, 0x29);

    private static final Color[] REVENUE_PALETTE = {
        MINING,
        AI_CLOUD,
        COLOCATION,
        EXPORT,
        PPA_SELLBACK,
        ANCILLARY,
        new Color(0x1F, 0x9E, 0xB3),
        new Color(0xB5, 0x8B, 0x00),
        new Color(0x6F, 0x42, 0xC1),
        new Color(0x20, 0xC9, 0x97)
    };
    private static final Color[] COST_PALETTE = {
        POWER_COST, new Color(0x8B, 0x1E, 0x3F), new Color(0x49, 0x50, 0x57), new Color(0xA6, 0x61, 0x1E)
    };

    /** Colour of the k-th revenue stream of a ledger (the site's streams keep their familiar colours). */
    public static Color revenueColor(int k) {
        return REVENUE_PALETTE[k % REVENUE_PALETTE.length];
    }

    /** Colour of the k-th cost stream of a ledger. */
    public static Color costColor(int k) {
        return COST_PALETTE[k % COST_PALETTE.length];
    }

    private static final String FONT = Font.SANS_SERIF;

    private ChartStyle() {}

    /** A styled XY chart with a date x-axis in UTC. */
    public static XYChart xyChart(String title, String xAxisTitle, String yAxisTitle, int widthPx, int heightPx) {
        Headless.ensure();
        XYChart c = new XYChartBuilder()
                .width(widthPx)
                .height(heightPx)
                .title(title)
                .xAxisTitle(xAxisTitle)
                .yAxisTitle(yAxisTitle)
                .build();
        common(c.getStyler());
        c.getStyler().setMarkerSize(0);
        fitTitle(c.getStyler(), title, widthPx);
        return c;
    }

    /** A styled category (bar) chart. */
    public static CategoryChart categoryChart(
            String title, String xAxisTitle, String yAxisTitle, int widthPx, int heightPx) {
        Headless.ensure();
        CategoryChart c = new CategoryChartBuilder()
                .width(widthPx)
                .height(heightPx)
                .title(title)
                .xAxisTitle(xAxisTitle)
                .yAxisTitle(yAxisTitle)
                .build();
        common(c.getStyler());
        fitTitle(c.getStyler(), title, widthPx);
        return c;
    }

    private static void common(AxesChartStyler s) {
        s.setChartTitleFont(new Font(FONT, Font.BOLD, TITLE_PT));
        s.setAxisTitleFont(new Font(FONT, Font.PLAIN, 17));
        s.setAxisTickLabelsFont(new Font(FONT, Font.PLAIN, 14));
        s.setLegendFont(new Font(FONT, Font.PLAIN, 16));
        s.setAnnotationTextFont(new Font(FONT, Font.PLAIN, 15));
        s.setLegendPosition(Styler.LegendPosition.OutsideS);
        s.setLegendLayout(Styler.LegendLayout.Horizontal);
        s.setLegendBorderColor(Color.WHITE);
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderColor(new Color(0xAD, 0xB5, 0xBD));
        s.setPlotGridLinesColor(new Color(0xE9, 0xEC, 0xEF));
        s.setPlotGridLinesStroke(new BasicStroke(1f));
        s.setChartTitleBoxVisible(false);
        s.setChartPadding(16);
        s.setTimezone(TimeZone.getTimeZone("UTC"));
        s.setLocale(Locale.US);
        s.setAntiAlias(true);
        s.setTextAntiAlias(true);
    }

    /** Largest title font size, pt. */
    static final int TITLE_PT = 22;
    /** Smallest title font size before a title may overflow, pt. */
    static final int MIN_TITLE_PT = 15;

    /** Shrinks the title font (22 pt down to 15 pt) until {@code title} fits the chart's width. */
    static void fitTitle(AxesChartStyler s, String title, int widthPx) {
        // XChart centres the title over the plot area, which sits right of the y-axis labels: keep a margin for that
        int available = widthPx - 2 * 16 - 2 * 64;
        java.awt.image.BufferedImage scratch =
                new java.awt.image.BufferedImage(1, 1, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = scratch.createGraphics();
        try {
            int pt = TITLE_PT;
            while (pt > MIN_TITLE_PT
                    && g.getFontMetrics(new Font(FONT, Font.BOLD, pt)).stringWidth(title) > available) {
                pt--;
            }
            s.setChartTitleFont(new Font(FONT, Font.BOLD, pt));
        } finally {
            g.dispose();
        }
    }

    /** A solid line stroke of the given width. */
    public static BasicStroke line(float width) {
        return new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }

    /** A dashed line stroke of the given width. */
    public static BasicStroke dashed(float width) {
        return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {8f, 6f}, 0f);
    }

    /** {@code c} with alpha 0..255. */
    public static Color alpha(Color c, int alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }

    /**
     * A scale for US-dollar axes that may run into millions: divisor and suffix for values up to {@code maxAbs}.
     *
     * @param maxAbs largest absolute value on the axis
     */
    public static UsdScale usdScale(double maxAbs) {
        if (maxAbs >= 1e6) {
            return new UsdScale(1e6, "million USD", "M");
        }
        if (maxAbs >= 1e4) {
            return new UsdScale(1e3, "thousand USD", "k");
        }
        return new UsdScale(1, "USD", "");
    }

    /**
     * Divides dollar amounts for an axis.
     *
     * @param divisor values are divided by this
     * @param axisUnit unit for the axis title, e.g. "million USD"
     * @param suffix tick label suffix, e.g. "M"
     */
    public record UsdScale(double divisor, String axisUnit, String suffix) {
        /** Tick label formatter: "$12.5M". */
        public Function<Double, String> tickFormatter() {
            return v -> {
                double x = v;
                if (Math.abs(x) < 1e-9) {
                    return "$0";
                }
                String sign = x < 0 ? "-" : "";
                double a = Math.abs(x);
                String body = a >= 100 || a == Math.rint(a)
                        ? String.format(Locale.US, "%,.0f", a)
                        : String.format(Locale.US, "%,.1f", a);
                return sign + "$" + body + suffix;
            };
        }

        public double[] scale(double[] usd) {
            double[] out = new double[usd.length];
            for (int i = 0; i < usd.length; i++) {
                out[i] = usd[i] / divisor;
            }
            return out;
        }
    }
}
