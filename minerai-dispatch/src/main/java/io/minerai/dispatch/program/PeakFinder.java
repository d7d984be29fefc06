package io.minerai.dispatch.program;

import io.minerai.core.time.TimeGrid;
import io.minerai.core.time.TimeSeries;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds a program's coincident peaks on a system-load series (pure computation: the series comes resolved from the
 * data module) and places them on a run's grid.
 *
 * <ol>
 *   <li>Candidate intervals: a series finer than the definition's peak interval is averaged to it, in buckets aligned
 *       to the market's local clock (an incomplete bucket is not a candidate); a series as coarse or coarser is taken
 *       as it is, each of its intervals standing for the peak interval inside it (an approximation the caller
 *       states). Only candidates starting within the run's period and in the definition's months (local calendar)
 *       count.
 *   <li>Each local day's highest candidate is its daily peak; the peaks are the highest daily peaks of each month
 *       ({@link CoincidentPeakDefinition.Selection.MonthlyPeaks}) or of each year's season ({@link
 *       CoincidentPeakDefinition.Selection.TopDailyPeaks}). Ties go to the earlier interval.
 *   <li>Alert rule (optional, a rule an operator can follow in real time): a candidate alerts when its load is at least
 *       (1 - within) x the k-th highest daily peak so far of its month or season (k = peaks per month or season; today's
 *       running peak counts; with fewer than k days so far, the lowest of them). With one peak per month this is
 *       "within x of the month's running peak".
 * </ol>
 */
public final class PeakFinder {
    private PeakFinder() {}

    /** Peaks of {@code definition} on {@code systemLoadMw} within the run's period, without alerts. */
    public static CoincidentPeaks find(CoincidentPeakDefinition definition, TimeSeries systemLoadMw, TimeGrid runGrid) {
        return find(definition, systemLoadMw, runGrid, Double.NaN);
    }

    /**
     * Peaks and the alert mask.
     *
     * @param alertWithinFraction e.g. 0.03 for "within 3 %"; NaN for no alert mask
     */
    public static CoincidentPeaks find(
            CoincidentPeakDefinition definition,
            TimeSeries systemLoadMw,
            TimeGrid runGrid,
            double alertWithinFraction) {
        Candidates c = candidates(definition, systemLoadMw, runGrid);
        int perGroup = definition.selection().perGroup();
        boolean monthly = definition.selection() instanceof CoincidentPeakDefinition.Selection.MonthlyPeaks;
        boolean alerts = !Double.isNaN(alertWithinFraction);
        boolean[] alert = new boolean[runGrid.count()];
        double[] alertHit = new double[runGrid.count()];
        // daily peak per local day (index of the candidate), grouped by month or season
        Map<Object, List<Integer>> groupDays = new LinkedHashMap<>();
        Map<LocalDate, Integer> dayPeak = new HashMap<>();
        Map<Object, double[]> finishedTop = new HashMap<>();
        LocalDate today = LocalDate.MIN;
        Object todayGroup = "";
        double todayMax = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < c.size; i++) {
            ZonedDateTime local = c.start[i].atZone(definition.zone());
            LocalDate day = local.toLocalDate();
            Object group = monthly ? java.time.YearMonth.from(local) : Integer.valueOf(local.getYear());
            double v = c.mw[i];
            Integer pk = dayPeak.get(day);
            List<Integer> days = groupDays.computeIfAbsent(group, g -> new ArrayList<>());
            if (pk == null) {
                dayPeak.put(day, i);
                days.add(i);
            } else if (v > c.mw[pk]) {
                dayPeak.put(day, i);
                days.set(days.size() - 1, i);
            }
            if (!alerts) {
                continue;
            }
            if (!day.equals(today)) {
                if (!today.equals(LocalDate.MIN)) {
                    push(finishedTop.computeIfAbsent(todayGroup, g -> emptyTop(perGroup)), todayMax);
                }
                today = day;
                todayGroup = group;
                todayMax = Double.NEGATIVE_INFINITY;
            }
            todayMax = Math.max(todayMax, v);
            double threshold = kthWithToday(finishedTop.getOrDefault(group, emptyTop(perGroup)), todayMax);
            if (v >= (1 - alertWithinFraction) * threshold) {
                CoincidentPeaks.spread(runGrid, c.start[i], c.length, alertHit, 1.0);
            }
        }
        List<Instant> peaks = new ArrayList<>();
        for (List<Integer> days : groupDays.values()) {
            List<Integer> sorted = new ArrayList<>(days);
            sorted.sort(Comparator.comparingDouble((Integer i) -> -c.mw[i]).thenComparingInt(i -> i));
            for (int k = 0; k < Math.min(perGroup, sorted.size()); k++) {
                peaks.add(c.start[sorted.get(k)]);
            }
        }
        peaks.sort(Comparator.naturalOrder());
        for (int t = 0; t < alert.length; t++) {
            alert[t] = alertHit[t] > 0;
        }
        return CoincidentPeaks.ofPeaks(runGrid, peaks, c.length).withAlerts(alert);
    }

    private static double[] emptyTop(int k) {
        double[] a = new double[k];
        Arrays.fill(a, Double.NaN);
        return a;
    }

    /** Keeps the k highest values, descending, NaN for unfilled places. */
    private static void push(double[] top, double v) {
        for (int i = 0; i < top.length; i++) {
            if (Double.isNaN(top[i]) || v > top[i]) {
                System.arraycopy(top, i, top, i + 1, top.length - i - 1);
                top[i] = v;
                return;
            }
        }
    }

    /** The k-th highest of the finished days' top list and today's running peak (the lowest when fewer than k). */
    private static double kthWithToday(double[] top, double today) {
        double[] all = new double[top.length + 1];
        int n = 0;
        for (double v : top) {
            if (!Double.isNaN(v)) {
                all[n++] = v;
            }
        }
        all[n++] = today;
        Arrays.sort(all, 0, n);
        int k = top.length;
        return n >= k ? all[n - k] : all[0];
    }

    /** Candidate peak intervals in time order. */
    private record Candidates(Instant[] start, double[] mw, int size, Duration length) {}

    private static Candidates candidates(CoincidentPeakDefinition d, TimeSeries load, TimeGrid runGrid) {
        TimeGrid lg = load.grid();
        long step = lg.stepSeconds();
        long len = d.peakInterval().toSeconds();
        Instant from = runGrid.startUtc();
        Instant to = runGrid.endUtc();
        Instant[] start = new Instant[lg.count()];
        double[] mw = new double[lg.count()];
        int n = 0;
        if (step >= len) {
            for (int i = 0; i < lg.count(); i++) {
                Instant s = lg.start(i);
                if (!load.isMissing(i) && inside(s, from, to) && inMonths(d, s)) {
                    start[n] = s;
                    mw[n++] = load.value(i);
                }
            }
            return new Candidates(start, mw, n, Duration.ofSeconds(step));
        }
        if (len % step != 0) {
            throw new IllegalArgumentException(d.id() + ": a " + d.peakInterval() + " peak interval cannot be made of "
                    + lg.step() + " system-load intervals");
        }
        int per = (int) (len / step);
        Instant bucket = null;
        double sum = 0;
        int count = 0;
        for (int i = 0; i <= lg.count(); i++) {
            Instant b = i < lg.count() ? bucketStart(lg.start(i), d, len) : null;
            if (bucket != null && (b == null || !b.equals(bucket))) {
                if (count == per && inside(bucket, from, to) && inMonths(d, bucket)) {
                    start[n] = bucket;
                    mw[n++] = sum / per;
                }
                sum = 0;
                count = 0;
            }
            if (b == null) {
                break;
            }
            bucket = b;
            if (!load.isMissing(i)) {
                sum += load.value(i);
                count++;
            }
        }
        return new Candidates(start, mw, n, d.peakInterval());
    }

    /** Start of the peak-interval bucket holding {@code t}, aligned to the market's local clock. */
    private static Instant bucketStart(Instant t, CoincidentPeakDefinition d, long len) {
        ZonedDateTime local = t.atZone(d.zone());
        long intoDay = local.toLocalTime().toSecondOfDay() % len;
        return t.minusSeconds(intoDay);
    }

    private static boolean inside(Instant s, Instant from, Instant to) {
        return !s.isBefore(from) && s.isBefore(to);
    }

    private static boolean inMonths(CoincidentPeakDefinition d, Instant s) {
        return d.months().contains(s.atZone(d.zone()).getMonth());
    }
}
