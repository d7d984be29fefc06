package io.minerai.sustainability.report;

import io.minerai.report.chart.ChartImage;
import io.minerai.report.chart.ChartStyle;
import io.minerai.report.chart.DispatchCharts;
import io.minerai.sustainability.Flexibility;
import io.minerai.sustainability.Fuel;
import io.minerai.sustainability.MonthlyMix;
import io.minerai.sustainability.SiteEnergy;
import io.minerai.sustainability.SustainabilityResult;
import java.awt.Color;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The sustainability charts, in the report's shared style. */
public final class SustainabilityCharts {
    public static final String FACTOR_VS_PRICE = "sustainability_grid_factor_vs_price.png";
    public static final String DAILY_PROFILE = "sustainability_daily_profile.png";
    public static final String ENERGY_MIX = "sustainability_energy_mix_monthly.png";

    /** Share of intervals drawn on the price axis of the scatter; the most extreme prices are left out and counted. */
    static final double PRICE_AXIS_PERCENTILE = 99.5;

    static final Color RUNNING = new Color(0x49, 0x50, 0x57);
    static final Color CURTAILED = new Color(0xF7, 0x93, 0x1A);
    static final Color FACTOR = new Color(0x5C, 0x3D, 0x2E);
    static final Color ON_SITE = new Color(0x2B, 0x8A, 0x3E);
    static final Color UNSPECIFIED = new Color(0xAD, 0xB5, 0xBD);

    private static final Map<Fuel, Color> FUEL_COLORS = fuelColors();

    private SustainabilityCharts() {}

    /** Every chart that has something to show. */
    public static List<ChartImage> renderAll(SustainabilityResult r) {
        List<ChartImage> out = new ArrayList<>();
        factorVsPrice(r)
                .ifPresent(c -> out.add(ChartImage.render(
                        c,
                        FACTOR_VS_PRICE,
                        "Grid emission factor vs price, every interval",
                        "Each dot is one interval: the real-time price the site paid and the ERCOT grid's average"
                                + " emission factor then. Orange dots are intervals in which the site held back some of"
                                + " its interruptible load. " + clippedNote(r))));
        dailyProfile(r)
                .ifPresent(c -> out.add(ChartImage.render(
                        c,
                        DAILY_PROFILE,
                        "Grid emission factor, price and curtailment by hour of day",
                        "Means over the period for each hour of the day in ERCOT time (US Central): the grid's average"
                                + " emission factor (left axis), the real-time price and the site's curtailed load"
                                + " (right axis).")));
        energyMix(r)
                .ifPresent(c -> out.add(ChartImage.render(
                        c,
                        ENERGY_MIX,
                        "Monthly energy mix of the site's consumption",
                        "What the site's loads consumed each month: its own generation used on site, and grid"
                                + " imports split by the ERCOT grid's fuel shares in each interval. A physical view: it"
                                + " shows where the electrons came from on average, not what certificates claim.")));
        return out;
    }

    static String clippedNote(SustainabilityResult r) {
        Clip clip = clip(r);
        return clip.hidden() == 0
                ? "All intervals are shown."
                : String.format(
                        Locale.US,
                        "%d interval(s) with prices above $%,.0f/MWh are beyond the right edge and not drawn.",
                        clip.hidden(),
                        clip.maxPrice());
    }

    record Clip(double maxPrice, int hidden) {}

    static Clip clip(SustainabilityResult r) {
        SiteEnergy e = r.energy();
        double[] p = new double[e.size()];
        int k = 0;
        for (int t = 0; t < e.size(); t++) {
            if (e.dispatched()[t]) {
                p[k++] = e.priceUsdPerMwh()[t];
            }
        }
        if (k == 0) {
            return new Clip(0, 0);
        }
        double[] v = Arrays.copyOf(p, k);
        Arrays.sort(v);
        double max = v[Math.max(0, (int) Math.ceil(PRICE_AXIS_PERCENTILE / 100 * k) - 1)];
        int hidden = 0;
        for (double x : v) {
            if (x > max) {
                hidden++;
            }
        }
        return new Clip(max, hidden);
    }

    /** Scatter of grid factor against price, running and curtailed intervals in two colours. */
    public static Optional<XYChart> factorVsPrice(SustainabilityResult r) {
        SiteEnergy e = r.energy();
        Clip clip = clip(r);
        List<Double> xr = new ArrayList<>();
        List<Double> yr = new ArrayList<>();
        List<Double> xc = new ArrayList<>();
        List<Double> yc = new ArrayList<>();
        for (int t = 0; t < e.size(); t++) {
            if (!e.dispatched()[t] || e.priceUsdPerMwh()[t] > clip.maxPrice()) {
                continue;
            }
            boolean c = e.curtailed(t);
            (c ? xc : xr).add(e.priceUsdPerMwh()[t]);
            (c ? yc : yr).add(r.factors().kgCo2ePerMwh()[t]);
        }
        if (xr.isEmpty() && xc.isEmpty()) {
            return Optional.empty();
        }
        XYChart c = ChartStyle.xyChart(
                r.siteName() + ": grid emission factor vs real-time price, " + period(r),
                "Real-time price (USD/MWh)",
                "Grid emission factor (kg CO2e/MWh)",
                ChartStyle.WIDTH_PX,
                ChartStyle.HEIGHT_PX);
        c.getStyler().setMarkerSize(5);
        c.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        if (!xr.isEmpty()) {
            XYSeries s = c.addSeries("Site running all interruptible load (" + xr.size() + " intervals)", xr, yr);
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setMarkerColor(ChartStyle.alpha(RUNNING, 90));
        }
        if (!xc.isEmpty()) {
            XYSeries s = c.addSeries("Site curtailed (" + xc.size() + " intervals)", xc, yc);
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setMarkerColor(ChartStyle.alpha(CURTAILED, 170));
        }
        return Optional.of(c);
    }

    /** Mean factor, price and curtailed MW by hour of day (ERCOT time). */
    public static Optional<XYChart> dailyProfile(SustainabilityResult r) {
        SiteEnergy e = r.energy();
        double[] f = new double[24];
        double[] p = new double[24];
        double[] cut = new double[24];
        int[] n = new int[24];
        for (int t = 0; t < e.size(); t++) {
            if (!e.dispatched()[t]) {
                continue;
            }
            int h = e.grid().start(t).atZone(Flexibility.ERCOT_ZONE).getHour();
            f[h] += r.factors().kgCo2ePerMwh()[t];
            p[h] += e.priceUsdPerMwh()[t];
            cut[h] += e.curtailedMw()[t];
            n[h]++;
        }
        List<Double> hours = new ArrayList<>();
        List<Double> fm = new ArrayList<>();
        List<Double> pm = new ArrayList<>();
        List<Double> cm = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            if (n[h] > 0) {
                hours.add((double) h);
                fm.add(f[h] / n[h]);
                pm.add(p[h] / n[h]);
                cm.add(cut[h] / n[h]);
            }
        }
        if (hours.isEmpty()) {
            return Optional.empty();
        }
        XYChart c = ChartStyle.xyChart(
                r.siteName() + ": average day, " + period(r),
                "Hour of day (ERCOT time, US Central; interval start)",
                "Grid emission factor (kg CO2e/MWh)",
                ChartStyle.WIDTH_PX,
                ChartStyle.HEIGHT_PX);
        XYSeries fs = c.addSeries("Grid emission factor (kg CO2e/MWh, left)", hours, fm);
        fs.setLineColor(FACTOR);
        fs.setLineStyle(ChartStyle.line(3.5f));
        fs.setMarker(SeriesMarkers.NONE);
        XYSeries ps = c.addSeries("Real-time price (USD/MWh, right)", hours, pm);
        ps.setYAxisGroup(1);
        ps.setLineColor(ChartStyle.PRICE);
        ps.setLineStyle(ChartStyle.line(2.5f));
        ps.setMarker(SeriesMarkers.NONE);
        XYSeries cs = c.addSeries("Curtailed load (MW, right)", hours, cm);
        cs.setYAxisGroup(1);
        cs.setLineColor(CURTAILED);
        cs.setLineStyle(ChartStyle.dashed(2.5f));
        cs.setMarker(SeriesMarkers.NONE);
        c.setYAxisGroupTitle(1, "USD/MWh and MW");
        c.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
        c.getStyler().setYAxisMin(0, 0.0);
        c.getStyler()
                .setYAxisMin(
                        1,
                        Math.min(
                                0.0,
                                pm.stream()
                                        .mapToDouble(Double::doubleValue)
                                        .min()
                                        .orElse(0)));
        c.getStyler().setXAxisMin(0.0);
        c.getStyler().setXAxisMax(23.0);
        return Optional.of(c);
    }

    /** Stacked monthly bars: on-site use and grid imports by fuel, GWh or MWh. */
    public static Optional<CategoryChart> energyMix(SustainabilityResult r) {
        List<MonthlyMix> months = r.months();
        if (months.isEmpty()) {
            return Optional.empty();
        }
        double max =
                months.stream().mapToDouble(MonthlyMix::consumptionMwh).max().orElse(0);
        boolean gwh = max >= 10_000;
        double div = gwh ? 1000 : 1;
        DateTimeFormatter fmt = DateTimeFormatter.ofPattern("MMM yyyy", Locale.US);
        List<String> labels = months.stream().map(m -> fmt.format(m.month())).toList();
        CategoryChart c = ChartStyle.categoryChart(
                r.siteName() + ": energy by source, by month",
                "Month (ERCOT time)",
                gwh ? "GWh" : "MWh",
                ChartStyle.WIDTH_PX,
                ChartStyle.HEIGHT_PX);
        c.getStyler().setStacked(true);
        c.getStyler().setOverlapped(false);
        c.getStyler().setAvailableSpaceFill(0.7);
        c.getStyler().setXAxisLabelRotation(months.size() > 14 ? 45 : 0);
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        c.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
        add(c, "On-site generation used", labels, months.stream().mapToDouble(m -> m.onSiteMwh() / div), ON_SITE);
        for (Fuel f : stackOrder()) {
            double[] v = months.stream()
                    .mapToDouble(m -> m.gridByFuelMwh().getOrDefault(f, 0.0) / div)
                    .toArray();
            if (Arrays.stream(v).anyMatch(x -> x > 1e-9)) {
                add(c, "Grid: " + label(f), labels, Arrays.stream(v), FUEL_COLORS.getOrDefault(f, UNSPECIFIED));
            }
        }
        double[] unspecified =
                months.stream().mapToDouble(m -> m.gridUnspecifiedMwh() / div).toArray();
        if (Arrays.stream(unspecified).anyMatch(x -> x > 1e-9)) {
            add(c, "Grid: fuel unknown", labels, Arrays.stream(unspecified), UNSPECIFIED);
        }
        return Optional.of(c);
    }

    private static void add(
            CategoryChart c, String name, List<String> labels, java.util.stream.DoubleStream values, Color color) {
        List<Double> v = values.boxed().toList();
        CategorySeries s = c.addSeries(name, labels, v);
        s.setFillColor(color);
    }

    /** Stacking order: renewables at the bottom, then nuclear, gas, coal, other. */
    static List<Fuel> stackOrder() {
        return List.of(
                Fuel.WIND,
                Fuel.SOLAR,
                Fuel.HYDRO,
                Fuel.BIOMASS,
                Fuel.NUCLEAR,
                Fuel.GAS_CC,
                Fuel.GAS,
                Fuel.COAL,
                Fuel.OTHER);
    }

    static String label(Fuel f) {
        return switch (f) {
            case GAS_CC -> "gas, combined cycle";
            case GAS -> "gas, other";
            case OTHER -> "other (mostly storage)";
            case STORAGE_CHARGING -> "storage charging";
            default -> f.ercotName().toLowerCase(Locale.ROOT);
        };
    }

    private static Map<Fuel, Color> fuelColors() {
        EnumMap<Fuel, Color> m = new EnumMap<>(Fuel.class);
        m.put(Fuel.WIND, new Color(0x4D, 0xAB, 0xF7));
        m.put(Fuel.SOLAR, new Color(0xFC, 0xC4, 0x19));
        m.put(Fuel.HYDRO, new Color(0x1C, 0x7E, 0xD6));
        m.put(Fuel.BIOMASS, new Color(0x82, 0xC9, 0x1E));
        m.put(Fuel.NUCLEAR, new Color(0xAE, 0x3E, 0xC9));
        m.put(Fuel.GAS_CC, new Color(0xFF, 0xA9, 0x4D));
        m.put(Fuel.GAS, new Color(0xE8, 0x59, 0x0C));
        m.put(Fuel.COAL, new Color(0x34, 0x3A, 0x40));
        m.put(Fuel.OTHER, new Color(0x96, 0xF2, 0xD7));
        return m;
    }

    private static String period(SustainabilityResult r) {
        return DispatchCharts.periodLabel(r.energy().grid());
    }
}
