package io.minerai.report.chart;

import io.minerai.core.site.MinerFleet;
import io.minerai.core.site.Site;
import io.minerai.core.time.TimeGrid;
import io.minerai.dispatch.Dispatch;
import io.minerai.dispatch.DispatchResult;
import io.minerai.dispatch.LoadClass;
import io.minerai.dispatch.LoadInfo;
import io.minerai.dispatch.ledger.Direction;
import io.minerai.dispatch.ledger.Ledger;
import io.minerai.dispatch.settle.SiteMeasures;
import io.minerai.report.summary.Fmt;
import java.awt.Color;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.IntToDoubleFunction;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The charts of a dispatch result. Each builder returns empty when there is nothing to draw (no dispatched interval, no
 * miners...), so callers never hit XChart's empty-axis errors.
 *
 * <ul>
 *   <li>{@link #PRICE_DISPATCH}: stacked MW by load class (colocation, AI cloud, mining) and on-site generation against
 *       the real-time price on a second axis; daily means when the period is longer than two weeks, else every
 *       interval.
 *   <li>{@link #PRICE_DISPATCH_PEAK_WEEK}: the same, interval by interval, for the seven days around the highest price
 *       (only for periods longer than two weeks).
 *   <li>{@link #CUMULATIVE_REVENUE}: cumulative revenue by stream, minus power cost, and net.
 *   <li>{@link #REVENUE_BY_PERIOD}: revenue stack per month (per day for periods up to two months) with power cost below
 *       zero and net as a line.
 *   <li>{@link #HASHPRICE_BREAKEVEN}: daily hashprice against each fleet's breakeven hashprice at the average cost of the
 *       energy it drew that day.
 * </ul>
 */
public final class DispatchCharts {
    public static final String PRICE_DISPATCH = "price_dispatch.png";
    public static final String PRICE_DISPATCH_PEAK_WEEK = "price_dispatch_peak_week.png";
    public static final String CUMULATIVE_REVENUE = "cumulative_revenue.png";
    public static final String REVENUE_BY_PERIOD = "revenue_by_period.png";
    public static final String HASHPRICE_BREAKEVEN = "hashprice_breakeven.png";

    /** Periods longer than this are drawn as daily means, with a separate zoom on the peak-price week. */
    static final Duration DETAIL_LIMIT = Duration.ofDays(14);
    /** Periods longer than this get monthly revenue bars, shorter ones daily bars. */
    static final Duration MONTHLY_LIMIT = Duration.ofDays(62);
    /** At most this many fleets get a breakeven line (the largest by power). */
    static final int MAX_BREAKEVEN_FLEETS = 6;

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.US);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.US);

    private DispatchCharts() {}

    /** Every applicable chart, rendered to PNG, in report order. */
    public static List<ChartImage> renderAll(DispatchResult result, Site site) {
        List<ChartImage> out = new ArrayList<>();
        String period = periodLabel(result.ledger().grid());
        priceDispatch(result, site)
                .ifPresent(c -> out.add(ChartImage.render(
                        c,
                        PRICE_DISPATCH,
                        "Price and dispatch by load class",
                        isLong(result.ledger().grid())
                                ? "Daily means over " + period + ". Stacked areas: power drawn by each load class (left"
                                        + " axis, MW); green: on-site generation available; red: real-time price"
                                        + " (right axis, $/MWh). Days without a dispatched interval are gaps."
                                : "Every interval of " + period + ". Stacked areas: power drawn by each load class"
                                        + " (left axis, MW); green: on-site generation available; red: real-time"
                                        + " price (right axis, $/MWh).")));
        peakWeek(result, site)
                .ifPresent(c -> out.add(ChartImage.render(
                        c,
                        PRICE_DISPATCH_PEAK_WEEK,
                        "Zoom: the week of the highest price",
                        "Interval by interval, the seven days around the highest real-time price of the period:"
                                + " curtailable loads step down while the price is above their value per MWh.")));
        cumulativeRevenue(result, site)
                .ifPresent(c -> out.add(ChartImage.render(
                        c,
                        CUMULATIVE_REVENUE,
                        "Cumulative revenue by stream",
                        "Running totals over " + period + ": each revenue stream, power cost (below zero) and net"
                                + " (revenues minus power cost, before opex). Streams that are zero throughout are"
                                + " left out.")));
        revenueByPeriod(result, site)
                .ifPresent(c -> out.add(ChartImage.render(
                        c,
                        REVENUE_BY_PERIOD,
                        isMonthly(result.ledger().grid()) ? "Revenue stack by month" : "Revenue stack by day",
                        "Bars: revenue streams stacked above zero, costs and charges below zero; black line: net before"
                                + " opex. Months and days are UTC.")));
        hashpriceBreakeven(result, site)
                .ifPresent(c -> out.add(ChartImage.render(
                        c,
                        HASHPRICE_BREAKEVEN,
                        "Hashprice vs breakeven",
                        "Black: daily hashprice ($/PH/s/day). Dashed: each fleet's breakeven hashprice, the"
                                + " hashprice at which it would just pay for the energy it actually drew that day:"
                                + " its average cost per MWh (after curtailing expensive intervals) x 0.024 x J/TH x"
                                + " PUE / (1 - pool fee). The gap between the lines is the fleet's energy margin per"
                                + " PH/s; a missing dashed line means the fleet did not run that day.")));
        return out;
    }

    /** Price vs dispatch by load class over the whole period (daily means for long periods). */
    public static Optional<XYChart> priceDispatch(DispatchResult result, Site site) {
        Ledger ledger = result.ledger();
        TimeGrid grid = ledger.grid();
        if (ledger.dispatch().dispatchedCount() == 0) {
            return Optional.empty();
        }
        boolean daily = isLong(grid);
        Buckets b = daily ? Buckets.of(grid, Buckets.Size.DAY) : Buckets.of(grid, Buckets.Size.INTERVAL);
        String what = daily ? "daily means" : "by interval";
        String title = siteLabel(site) + ": price and dispatch, " + what + ", " + periodLabel(grid);
        return Optional.of(priceLoadChart(ledger, site, b, !daily, title));
    }

    /** The seven days around the highest price, interval by interval; empty for periods of two weeks or less. */
    public static Optional<XYChart> peakWeek(DispatchResult result, Site site) {
        Ledger ledger = result.ledger();
        TimeGrid grid = ledger.grid();
        boolean[] dispatched = ledger.dispatch().dispatched();
        if (!isLong(grid) || ledger.dispatch().dispatchedCount() == 0) {
            return Optional.empty();
        }
        int peak = -1;
        for (int t = 0; t < grid.count(); t++) {
            if (dispatched[t]
                    && (peak < 0 || ledger.values(SiteMeasures.PRICE)[t] > ledger.values(SiteMeasures.PRICE)[peak])) {
                peak = t;
            }
        }
        int perDay = (int) Math.max(1, Duration.ofDays(1).toSeconds() / grid.stepSeconds());
        long intoDay = Math.floorMod(grid.start(peak).getEpochSecond(), 86_400L) / grid.stepSeconds();
        int dayStart = (int) Math.max(0, peak - intoDay);
        int from = Math.max(0, dayStart - 3 * perDay);
        int to = Math.min(grid.count(), from + 7 * perDay);
        from = Math.max(0, to - 7 * perDay);
        Buckets b = Buckets.intervals(grid, from, to);
        String title =
                siteLabel(site) + ": week of the highest price (" + Fmt.num(ledger.values(SiteMeasures.PRICE)[peak], 0)
                        + " $/MWh at " + DATE_TIME.format(grid.start(peak).atOffset(ZoneOffset.UTC)) + " UTC)";
        return Optional.of(priceLoadChart(ledger, site, b, true, title));
    }

    private static XYChart priceLoadChart(Ledger ledger, Site site, Buckets b, boolean steps, String title) {
        Dispatch d = ledger.dispatch();
        boolean[] dispatched = d.dispatched();
        XYChart c = ChartStyle.xyChart(title, "Time (UTC)", "Power (MW)", ChartStyle.WIDTH_PX, ChartStyle.HEIGHT_PX);
        c.setYAxisGroupTitle(0, "Power (MW)");
        c.setYAxisGroupTitle(1, "Real-time price ($/MWh)");
        c.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
        c.getStyler().setYAxisGroupTitleColor(1, ChartStyle.PRICE);
        c.getStyler().setYAxisGroupTickLabelsColorMap(1, ChartStyle.PRICE);
        dateAxis(c, b);

        // Stacked from the bottom: colocation (firm), AI cloud, mining (most curtailable); drawn top-down so each
        // lower layer paints over the one above it.
        LoadClass[] order = {LoadClass.COLOCATION, LoadClass.AI_CLOUD, LoadClass.MINING};
        Color[] colors = {ChartStyle.COLOCATION, ChartStyle.AI_CLOUD, ChartStyle.MINING};
        String[] names = {"Colocation load", "AI cloud load", "Mining load"};
        double[][] cumulative = new double[order.length][];
        double[] running = new double[b.count()];
        for (int k = 0; k < order.length; k++) {
            LoadClass lc = order[k];
            double[] byClass = ledger.values(SiteMeasures.classMeasure(lc));
            double[] mw = b.mean(dispatched, t -> byClass[t]);
            for (int i = 0; i < running.length; i++) {
                running[i] += mw[i];
            }
            cumulative[k] = running.clone();
        }
        double maxMw = 0;
        for (int k = order.length - 1; k >= 0; k--) {
            if (!hasClass(d, order[k])) {
                continue;
            }
            Series s = series(b, cumulative[k], steps);
            XYSeries xs = c.addSeries(names[k], s.x(), s.y());
            xs.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
            xs.setFillColor(ChartStyle.alpha(colors[k], 190));
            xs.setLineColor(colors[k]);
            xs.setLineStyle(ChartStyle.line(2f));
            xs.setMarker(SeriesMarkers.NONE);
            maxMw = Math.max(maxMw, max(cumulative[k]));
        }
        if (!site.generators().isEmpty()) {
            double[] gen = b.mean(dispatched, t -> d.generationMw()[t]);
            Series s = series(b, gen, steps);
            XYSeries xs = c.addSeries("On-site generation available", s.x(), s.y());
            xs.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            xs.setLineColor(ChartStyle.GENERATION);
            xs.setLineStyle(ChartStyle.line(3f));
            xs.setMarker(SeriesMarkers.NONE);
            maxMw = Math.max(maxMw, max(gen));
        }
        double[] price = b.mean(dispatched, t -> ledger.values(SiteMeasures.PRICE)[t]);
        Series ps = series(b, price, steps);
        XYSeries px = c.addSeries("Real-time price (right axis)", ps.x(), ps.y());
        px.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        px.setYAxisGroup(1);
        px.setLineColor(ChartStyle.PRICE);
        px.setLineStyle(ChartStyle.line(2f));
        px.setMarker(SeriesMarkers.NONE);
        c.getStyler().setYAxisMin(0, 0.0);
        c.getStyler().setYAxisMax(0, niceCeiling(maxMw * 1.08));
        double pMin = min(price);
        double pMax = max(price);
        if (pMax > pMin) {
            c.getStyler().setYAxisMin(1, pMin >= 0 ? 0.0 : -niceCeiling(-pMin * 1.05));
            c.getStyler().setYAxisMax(1, pMax > 0 ? niceCeiling(pMax * 1.05) : 0.0);
        } else {
            c.getStyler().setYAxisMax(1, pMax + Math.max(1, Math.abs(pMax) * 0.1));
            c.getStyler().setYAxisMin(1, pMin - Math.max(1, Math.abs(pMin) * 0.1));
        }
        c.getStyler().putYAxisGroupDecimalPatternMap(0, "#,##0.#");
        c.getStyler().putYAxisGroupDecimalPatternMap(1, "#,##0");
        return c;
    }

    /** A ledger stream as a chart series: its label, colour and signed USD amounts. */
    private record Stream(String name, Color color, IntToDoubleFunction usd) {}

    /** Every stream of the ledger in its order, revenues in the revenue palette and costs in the cost palette. */
    private static List<Stream> streams(Ledger l) {
        List<Stream> out = new ArrayList<>();
        int revenue = 0;
        int cost = 0;
        for (io.minerai.dispatch.ledger.Stream st : l.streams()) {
            double[] a = l.amounts(st);
            Color color = st.direction() == Direction.COST
                    ? ChartStyle.costColor(cost++)
                    : ChartStyle.revenueColor(revenue++);
            out.add(new Stream(st.label(), color, t -> a[t]));
        }
        return out;
    }

    /** Cumulative revenue by stream, minus power cost, and net. */
    public static Optional<XYChart> cumulativeRevenue(DispatchResult result, Site site) {
        Ledger ledger = result.ledger();
        TimeGrid grid = ledger.grid();
        boolean[] dispatched = ledger.dispatch().dispatched();
        if (ledger.dispatch().dispatchedCount() == 0) {
            return Optional.empty();
        }
        Buckets b = isLong(grid) ? Buckets.of(grid, Buckets.Size.DAY) : Buckets.of(grid, Buckets.Size.INTERVAL);
        List<double[]> values = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Color> colors = new ArrayList<>();
        for (Stream s : streams(ledger)) {
            double[] sums = b.sum(dispatched, s.usd());
            if (nonZero(sums)) {
                values.add(cumulate(sums));
                names.add(s.name());
                colors.add(s.color());
            }
        }
        values.add(cumulate(b.sum(dispatched, ledger::netUsd)));
        names.add("Net");
        colors.add(ChartStyle.NET);
        double maxAbs = 0;
        for (double[] v : values) {
            maxAbs = Math.max(maxAbs, maxAbs(v));
        }
        ChartStyle.UsdScale scale = ChartStyle.usdScale(maxAbs);
        XYChart c = ChartStyle.xyChart(
                siteLabel(site) + ": cumulative revenue by stream, " + periodLabel(grid),
                "Time (UTC)",
                "Cumulative (" + scale.axisUnit() + ")",
                ChartStyle.WIDTH_PX,
                ChartStyle.HEIGHT_PX);
        dateAxis(c, b);
        c.setCustomYAxisTickLabelsFormatter(scale.tickFormatter());
        List<Date> x = new ArrayList<>(b.count() + 1);
        x.add(Date.from(b.startUtc()[0]));
        for (Instant e : b.endUtc()) {
            x.add(Date.from(e));
        }
        for (int k = 0; k < values.size(); k++) {
            double[] scaled = scale.scale(values.get(k));
            List<Double> y = new ArrayList<>(scaled.length + 1);
            y.add(0.0);
            for (double v : scaled) {
                y.add(v);
            }
            XYSeries s = c.addSeries(names.get(k), x, y);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            s.setLineColor(colors.get(k));
            boolean net = k == values.size() - 1;
            s.setLineStyle(net ? ChartStyle.line(3.5f) : ChartStyle.line(2.2f));
            s.setMarker(SeriesMarkers.NONE);
        }
        ensureRange(c, values, scale);
        return Optional.of(c);
    }

    /** Revenue stack by month (or by day for short periods) with power cost below zero and net as a line. */
    public static Optional<CategoryChart> revenueByPeriod(DispatchResult result, Site site) {
        Ledger ledger = result.ledger();
        TimeGrid grid = ledger.grid();
        boolean[] dispatched = ledger.dispatch().dispatched();
        if (ledger.dispatch().dispatchedCount() == 0) {
            return Optional.empty();
        }
        boolean monthly = isMonthly(grid);
        Buckets b = Buckets.of(grid, monthly ? Buckets.Size.MONTH : Buckets.Size.DAY);
        DateTimeFormatter f = DateTimeFormatter.ofPattern(monthly ? "MMM yyyy" : "MMM d", Locale.US);
        List<String> labels = new ArrayList<>();
        boolean anyPartial = false;
        for (int i = 0; i < b.count(); i++) {
            long covered = (long) (b.first()[i + 1] - b.first()[i]) * grid.stepSeconds();
            boolean partial =
                    covered < Duration.between(b.startUtc()[i], b.endUtc()[i]).toSeconds();
            anyPartial |= partial;
            labels.add(f.format(b.startUtc()[i].atOffset(ZoneOffset.UTC)) + (partial ? "*" : ""));
        }
        String unit = monthly ? "month" : "day";
        List<double[]> values = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Color> colors = new ArrayList<>();
        for (Stream s : streams(ledger)) {
            double[] sums = b.sum(dispatched, s.usd());
            if (nonZero(sums)) {
                values.add(sums);
                names.add(s.name());
                colors.add(s.color());
            }
        }
        double[] net = b.sum(dispatched, ledger::netUsd);
        double maxAbs = maxAbs(net);
        double[] pos = new double[b.count()];
        double[] neg = new double[b.count()];
        for (double[] v : values) {
            for (int i = 0; i < v.length; i++) {
                if (v[i] > 0) {
                    pos[i] += v[i];
                } else {
                    neg[i] += v[i];
                }
            }
        }
        maxAbs = Math.max(maxAbs, Math.max(maxAbs(pos), maxAbs(neg)));
        ChartStyle.UsdScale scale = ChartStyle.usdScale(maxAbs);
        CategoryChart c = ChartStyle.categoryChart(
                siteLabel(site) + ": revenue stack by " + (monthly ? "month" : "day") + ", " + periodLabel(grid),
                (monthly ? "Month (UTC)" : "Day (UTC)")
                        + (anyPartial ? "   * partial " + unit + ", the period covers only part of it" : ""),
                scale.axisUnit(),
                ChartStyle.WIDTH_PX,
                ChartStyle.HEIGHT_PX);
        c.getStyler().setStacked(true);
        c.getStyler().setOverlapped(false);
        c.getStyler().setAvailableSpaceFill(0.7);
        c.getStyler().setXAxisLabelRotation(b.count() > 14 ? 45 : 0);
        c.setCustomYAxisTickLabelsFormatter(scale.tickFormatter());
        for (int k = 0; k < values.size(); k++) {
            CategorySeries s = c.addSeries(names.get(k), labels, boxed(scale.scale(values.get(k))));
            s.setFillColor(colors.get(k));
        }
        CategorySeries n = c.addSeries("Net", labels, boxed(scale.scale(net)));
        n.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Line);
        n.setLineColor(ChartStyle.NET);
        n.setLineStyle(ChartStyle.line(3f));
        n.setMarker(SeriesMarkers.CIRCLE);
        n.setMarkerColor(ChartStyle.NET);
        c.getStyler().setMarkerSize(8);
        double lo = Math.min(0, min(neg) / scale.divisor());
        double hi = Math.max(max(pos), max(net)) / scale.divisor();
        lo = Math.min(lo, min(net) / scale.divisor());
        if (!(hi > lo)) {
            hi = lo + 1;
        }
        c.getStyler().setYAxisMin(lo * 1.05);
        c.getStyler().setYAxisMax(hi * 1.05);
        return Optional.of(c);
    }

    /**
     * Daily hashprice against each fleet's breakeven hashprice at the average cost of the energy that fleet actually
     * drew that day (after curtailing expensive intervals): cost x 0.024 x J/TH x PUE / (1 - pool fee).
     */
    public static Optional<XYChart> hashpriceBreakeven(DispatchResult result, Site site) {
        Ledger ledger = result.ledger();
        Dispatch d = ledger.dispatch();
        TimeGrid grid = ledger.grid();
        boolean[] dispatched = d.dispatched();
        if (site.minerFleets().isEmpty() || d.dispatchedCount() == 0) {
            return Optional.empty();
        }
        Buckets b = Buckets.of(grid, Buckets.Size.DAY);
        int days = 0;
        for (int i = 0; i < b.count(); i++) {
            if (b.anyDispatched(dispatched, i)) {
                days++;
            }
        }
        if (days < 2) {
            return Optional.empty();
        }
        double[] hash = b.mean(dispatched, t -> ledger.values(SiteMeasures.HASHPRICE)[t]);
        XYChart c = ChartStyle.xyChart(
                siteLabel(site) + ": hashprice vs fleet breakeven, daily, " + periodLabel(grid),
                "Day (UTC)",
                "USD per PH/s per day",
                ChartStyle.WIDTH_PX,
                ChartStyle.HEIGHT_PX);
        dateAxis(c, b);
        c.getStyler().putYAxisGroupDecimalPatternMap(0, "#,##0");
        List<Date> x = dates(b);
        XYSeries hs = c.addSeries("Hashprice", x, boxed(hash));
        hs.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        hs.setLineColor(ChartStyle.NET);
        hs.setLineStyle(ChartStyle.line(3f));
        hs.setMarker(SeriesMarkers.NONE);
        // each fleet's column in the dispatch, found by name (the site given may list its loads differently)
        List<MinerFleet> fleets = new ArrayList<>();
        List<Integer> column = new ArrayList<>();
        for (MinerFleet f : site.minerFleets()) {
            for (int l = 0; l < d.loads().size(); l++) {
                LoadInfo li = d.loads().get(l);
                if (li.loadClass() == LoadClass.MINING && li.name().equals(f.name())) {
                    fleets.add(f);
                    column.add(l);
                    break;
                }
            }
        }
        // show the largest few
        List<Integer> fleetIdx = new ArrayList<>();
        for (int k = 0; k < fleets.size(); k++) {
            fleetIdx.add(k);
        }
        fleetIdx.sort(Comparator.comparingDouble((Integer k) -> fleets.get(k).facilityPowerMw())
                .reversed());
        Color[] palette = {
            ChartStyle.MINING,
            new Color(0xD9, 0x48, 0x0F),
            new Color(0x1C, 0x7E, 0xD6),
            new Color(0x2F, 0x9E, 0x44),
            new Color(0x86, 0x2E, 0x9C),
            new Color(0x86, 0x8E, 0x96)
        };
        double maxY = max(hash);
        double[] cost = ledger.values(SiteMeasures.ENERGY_COST);
        for (int k = 0; k < Math.min(MAX_BREAKEVEN_FLEETS, fleetIdx.size()); k++) {
            MinerFleet f = fleets.get(fleetIdx.get(k));
            int l = column.get(fleetIdx.get(k));
            double perMwh = 0.024 * f.efficiencyJPerTh() * f.pue() / (1 - f.poolFeeFraction());
            double[] usd = b.sum(dispatched, t -> cost[t] * d.loadMw(t, l));
            double[] mw = b.sum(dispatched, t -> d.loadMw(t, l));
            double[] be = new double[b.count()];
            for (int i = 0; i < be.length; i++) {
                be[i] = mw[i] > 0 ? usd[i] / mw[i] * perMwh : Double.NaN;
            }
            maxY = Math.max(maxY, max(be));
            String label = f.name() + " breakeven (" + Fmt.num(f.efficiencyJPerTh(), 1) + " J/TH, PUE "
                    + Fmt.num(f.pue(), 2) + ")";
            XYSeries s = c.addSeries(label, x, boxed(be));
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            s.setLineColor(palette[k % palette.length]);
            s.setLineStyle(ChartStyle.dashed(2f));
            s.setMarker(SeriesMarkers.NONE);
        }
        c.getStyler().setYAxisMin(Math.min(0.0, min(hash)));
        c.getStyler().setYAxisMax(niceCeiling(Math.max(1, maxY) * 1.05));
        return Optional.of(c);
    }

    /** "2024-01-01 to 2024-12-31" for whole UTC days, else "2024-01-01 00:00 to 2024-01-01 04:00 UTC". */
    public static String periodLabel(TimeGrid grid) {
        Instant start = grid.startUtc();
        Instant end = grid.endUtc();
        if (start.getEpochSecond() % 86_400 == 0 && end.getEpochSecond() % 86_400 == 0) {
            return DATE.format(start.atOffset(ZoneOffset.UTC)) + " to "
                    + DATE.format(end.minusSeconds(1).atOffset(ZoneOffset.UTC)) + " (UTC)";
        }
        return DATE_TIME.format(start.atOffset(ZoneOffset.UTC)) + " to "
                + DATE_TIME.format(end.atOffset(ZoneOffset.UTC)) + " UTC";
    }

    /** The site name for chart titles, cut to 48 characters. */
    static String siteLabel(Site site) {
        String n = site.name();
        return n.length() <= 48 ? n : n.substring(0, 47) + "\u2026";
    }

    static boolean isLong(TimeGrid grid) {
        return Duration.between(grid.startUtc(), grid.endUtc()).compareTo(DETAIL_LIMIT) > 0;
    }

    static boolean isMonthly(TimeGrid grid) {
        return Duration.between(grid.startUtc(), grid.endUtc()).compareTo(MONTHLY_LIMIT) > 0;
    }

    /**
     * Tick label pattern for a date axis. XChart spaces date ticks evenly from the epoch rather than at month starts, so
     * the labels always name the exact day (never just a month, which would be misread as the 1st).
     */
    private static String datePattern(Buckets b) {
        Duration span = Duration.between(b.startUtc()[0], b.endUtc()[b.count() - 1]);
        if (span.compareTo(Duration.ofDays(120)) > 0) {
            return "yyyy-MM-dd";
        }
        if (span.compareTo(Duration.ofDays(3)) > 0) {
            return "MMM d";
        }
        return "MMM d HH:mm";
    }

    /** Sets a date x-axis to exactly the buckets' span (XChart pads it otherwise). */
    private static void dateAxis(XYChart c, Buckets b) {
        c.getStyler().setDatePattern(datePattern(b));
        c.getStyler().setPlotContentSize(0.985);
        c.getStyler().setXAxisMin((double) b.startUtc()[0].toEpochMilli());
        c.getStyler().setXAxisMax((double) b.endUtc()[b.count() - 1].toEpochMilli());
    }

    private static boolean hasClass(Dispatch d, LoadClass c) {
        for (LoadInfo l : d.loads()) {
            if (l.loadClass() == c) {
                return true;
            }
        }
        return false;
    }

    private record Series(List<Date> x, List<Double> y) {}

    /**
     * Points at bucket midpoints (a daily mean sits at noon of its day), or, for steps, at each bucket's start and end
     * so the value holds over the whole bucket.
     */
    private static Series series(Buckets b, double[] v, boolean steps) {
        List<Date> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (int i = 0; i < b.count(); i++) {
            if (steps) {
                x.add(Date.from(b.startUtc()[i]));
                y.add(v[i]);
                x.add(Date.from(b.endUtc()[i]));
            } else {
                x.add(midpoint(b, i));
            }
            y.add(v[i]);
        }
        return new Series(x, y);
    }

    private static List<Date> dates(Buckets b) {
        List<Date> x = new ArrayList<>(b.count());
        for (int i = 0; i < b.count(); i++) {
            x.add(midpoint(b, i));
        }
        return x;
    }

    private static Date midpoint(Buckets b, int i) {
        long s = b.startUtc()[i].toEpochMilli();
        long e = b.endUtc()[i].toEpochMilli();
        return new Date(s + (e - s) / 2);
    }

    private static List<Double> boxed(double[] v) {
        List<Double> out = new ArrayList<>(v.length);
        for (double d : v) {
            out.add(d);
        }
        return out;
    }

    private static double[] cumulate(double[] v) {
        double[] out = new double[v.length];
        double s = 0;
        for (int i = 0; i < v.length; i++) {
            s += v[i];
            out[i] = s;
        }
        return out;
    }

    private static boolean nonZero(double[] v) {
        for (double d : v) {
            if (d != 0) {
                return true;
            }
        }
        return false;
    }

    private static double max(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double d : v) {
            if (!Double.isNaN(d)) {
                m = Math.max(m, d);
            }
        }
        return m == Double.NEGATIVE_INFINITY ? 0 : m;
    }

    private static double min(double[] v) {
        double m = Double.POSITIVE_INFINITY;
        for (double d : v) {
            if (!Double.isNaN(d)) {
                m = Math.min(m, d);
            }
        }
        return m == Double.POSITIVE_INFINITY ? 0 : m;
    }

    private static double maxAbs(double[] v) {
        return Math.max(Math.abs(max(v)), Math.abs(min(v)));
    }

    /** A round number at or above {@code v} (1, 2, 2.5 or 5 times a power of ten); 1 for v <= 0. */
    static double niceCeiling(double v) {
        if (!(v > 0)) {
            return 1;
        }
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 1.2, 1.5, 2, 2.5, 3, 3.5, 4, 5, 6, 7, 8, 10}) {
            if (m * p >= v) {
                return m * p;
            }
        }
        return 10 * p;
    }

    /** Keeps a flat cumulative chart from collapsing its y-axis. */
    private static void ensureRange(XYChart c, List<double[]> values, ChartStyle.UsdScale scale) {
        double lo = 0;
        double hi = 0;
        for (double[] v : values) {
            lo = Math.min(lo, min(v) / scale.divisor());
            hi = Math.max(hi, max(v) / scale.divisor());
        }
        if (!(hi > lo)) {
            c.getStyler().setYAxisMin(lo - 1);
            c.getStyler().setYAxisMax(hi + 1);
        }
    }
}
