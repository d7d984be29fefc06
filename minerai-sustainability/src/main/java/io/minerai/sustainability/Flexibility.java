package io.minerai.sustainability;

import io.minerai.core.scenario.SustainabilitySettings.FlexibilityThresholds;
import io.minerai.core.time.TimeGrid;
import io.minerai.core.time.TimeSeries;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What the site's flexibility gave the grid.
 *
 * <ul>
 *   <li>Curtailed energy: curtailable (non-firm) load capacity not drawn, MW x hours, per interval; an interval counts
 *       as curtailed when any of that capacity was held back.
 *   <li>High-price intervals: price at or above a fixed threshold, or else at or above the given percentile of the
 *       run's prices (nearest rank). High-load intervals: ERCOT system net generation (the fuel-mix proxy for system
 *       load) at or above the given percentile over the run.
 *   <li>4CP: in each of June..September (ERCOT months, Central time) the 15-minute interval of highest system net
 *       generation in the fuel mix (a proxy for ERCOT's coincident peak), and the run's interval that contains it, with
 *       the site's load and the load removed (curtailable capacity not drawn) then. Without the 15-minute data (factors
 *       from a CSV) nothing is reported; with a system series on the run's grid only, its monthly maxima are used.
 *   <li>Emissions avoided by curtailment: curtailed MWh x the interval's AVERAGE grid factor. An estimate: the
 *       generation that actually stops when load steps down is the marginal unit, often gas, whose rate differs from
 *       the average; and the GHG Protocol does not let avoided emissions reduce Scope 2. Reported apart from Scope 2.
 * </ul>
 *
 * @param highPriceThresholdUsdPerMwh the price threshold used
 * @param highPriceThresholdSource how it was chosen, e.g. "95th percentile of the run's prices"
 * @param highPriceIntervals dispatched intervals at or above it
 * @param highLoadThresholdMw system net generation threshold (NaN when system load is unknown)
 * @param highLoadIntervals dispatched intervals at or above it (0 when unknown)
 * @param highLoadAvailable whether system load was known (fuel-mix factors)
 * @param curtailedMwh curtailable energy not drawn, whole run
 * @param curtailedHours hours with any curtailment
 * @param curtailedHighPriceMwh the same, in high-price intervals
 * @param curtailedHighPriceHours hours with curtailment in high-price intervals
 * @param curtailedHighLoadMwh the same, in high-load intervals
 * @param curtailedHighLoadHours hours with curtailment in high-load intervals
 * @param avoidedTCo2eAverageFactor curtailed MWh x average grid factor, whole run (estimate, not Scope 2)
 * @param avoidedHighPriceTCo2eAverageFactor the same, in high-price intervals
 * @param coincidentPeaks the 4CP proxy intervals in the run
 * @param meanLoadRemovedAtPeaksMw mean load removed over those intervals (0 when none)
 * @param ancillaryRevenueUsd ancillary-service payments in the ledger
 * @param reservesOfferedMwh reserve capacity offered, all products, MW x hours (0 for policies that offer none)
 * @param highPrice per interval: high-price flag
 * @param highLoad per interval: high-load flag
 */
public record Flexibility(
        double highPriceThresholdUsdPerMwh,
        String highPriceThresholdSource,
        int highPriceIntervals,
        double highLoadThresholdMw,
        int highLoadIntervals,
        boolean highLoadAvailable,
        double curtailedMwh,
        double curtailedHours,
        double curtailedHighPriceMwh,
        double curtailedHighPriceHours,
        double curtailedHighLoadMwh,
        double curtailedHighLoadHours,
        double avoidedTCo2eAverageFactor,
        double avoidedHighPriceTCo2eAverageFactor,
        List<CoincidentPeak> coincidentPeaks,
        double meanLoadRemovedAtPeaksMw,
        double ancillaryRevenueUsd,
        double reservesOfferedMwh,
        boolean[] highPrice,
        boolean[] highLoad) {

    /** ERCOT market time, for months of the 4CP window. */
    public static final ZoneId ERCOT_ZONE = ZoneId.of("America/Chicago");

    public Flexibility {
        coincidentPeaks = List.copyOf(coincidentPeaks);
    }

    /**
     * One 4CP-proxy interval.
     *
     * @param month the ERCOT month
     * @param peakUtc start of the peak 15 minutes (or of the run's interval when only run-grid data is known)
     * @param startUtc start of the run's interval that contains the peak
     * @param systemNetGenerationMw system net generation in the run's interval (its mean on a coarser grid)
     * @param dispatched whether the run's interval was dispatched (otherwise the site figures are 0)
     * @param siteLoadMw site load drawn then
     * @param loadRemovedMw curtailable capacity not drawn then
     */
    public record CoincidentPeak(
            YearMonth month,
            Instant peakUtc,
            Instant startUtc,
            double systemNetGenerationMw,
            boolean dispatched,
            double siteLoadMw,
            double loadRemovedMw) {}

    /** Flexibility of a run, with the system series and peaks of its grid factors. */
    public static Flexibility of(SiteEnergy e, IntervalFactors f, GridFactors factors, FlexibilityThresholds th) {
        return of(e, f, factors.systemNetGenerationMw(), factors.systemPeaksUtc(), th);
    }

    public static Flexibility of(
            SiteEnergy e,
            IntervalFactors f,
            Optional<TimeSeries> systemNetGenerationMw,
            List<Instant> systemPeaksUtc,
            FlexibilityThresholds th) {
        int n = e.size();
        TimeGrid grid = e.grid();
        double h = grid.stepHours();
        double priceThreshold;
        String priceSource;
        if (th.highPriceUsdPerMwh().isPresent()) {
            priceThreshold = th.highPriceUsdPerMwh().get();
            priceSource = "fixed threshold";
        } else {
            double[] prices = dispatchedValues(e, e.priceUsdPerMwh(), Optional.empty());
            priceThreshold = percentile(prices, th.highPricePercentile());
            priceSource = fmtPercentile(th.highPricePercentile()) + " percentile of the run's prices";
        }
        double loadThreshold = Double.NaN;
        if (systemNetGenerationMw.isPresent()) {
            double[] sys = dispatchedValues(e, new double[0], systemNetGenerationMw);
            loadThreshold = sys.length == 0 ? Double.NaN : percentile(sys, th.highLoadPercentile());
        }
        boolean[] hp = new boolean[n];
        boolean[] hl = new boolean[n];
        int hpCount = 0;
        int hlCount = 0;
        double curtMwh = 0;
        double curtH = 0;
        double hpMwh = 0;
        double hpH = 0;
        double hlMwh = 0;
        double hlH = 0;
        double avoidedKg = 0;
        double avoidedHpKg = 0;
        double anc = 0;
        double reservesMwh = 0;
        for (int t = 0; t < n; t++) {
            if (!e.dispatched()[t]) {
                continue;
            }
            anc += e.revenueAncillaryUsd()[t];
            reservesMwh += e.reservesOfferedMw()[t] * h;
            hp[t] = e.priceUsdPerMwh()[t] >= priceThreshold;
            if (systemNetGenerationMw.isPresent() && !Double.isNaN(loadThreshold)) {
                TimeSeries s = systemNetGenerationMw.get();
                hl[t] = !s.isMissing(t) && s.value(t) >= loadThreshold;
            }
            hpCount += hp[t] ? 1 : 0;
            hlCount += hl[t] ? 1 : 0;
            double mwh = e.curtailedMw()[t] * h;
            boolean c = e.curtailed(t);
            curtMwh += mwh;
            curtH += c ? h : 0;
            double kg = mwh * f.kgCo2ePerMwh()[t];
            avoidedKg += kg;
            if (hp[t]) {
                hpMwh += mwh;
                hpH += c ? h : 0;
                avoidedHpKg += kg;
            }
            if (hl[t]) {
                hlMwh += mwh;
                hlH += c ? h : 0;
            }
        }
        List<CoincidentPeak> peaks = systemNetGenerationMw
                .map(s -> systemPeaksUtc.isEmpty() ? coincidentPeaks(e, s) : peaksAt(e, s, systemPeaksUtc))
                .orElse(List.of());
        double meanRemoved = peaks.stream()
                .filter(CoincidentPeak::dispatched)
                .mapToDouble(CoincidentPeak::loadRemovedMw)
                .average()
                .orElse(0);
        return new Flexibility(
                priceThreshold,
                priceSource,
                hpCount,
                loadThreshold,
                hlCount,
                systemNetGenerationMw.isPresent(),
                curtMwh,
                curtH,
                hpMwh,
                hpH,
                hlMwh,
                hlH,
                avoidedKg / 1000,
                avoidedHpKg / 1000,
                peaks,
                meanRemoved,
                anc,
                reservesMwh,
                hp,
                hl);
    }

    /** The interval of highest system net generation in each June..September month of the run (ERCOT time). */
    static List<CoincidentPeak> coincidentPeaks(SiteEnergy e, TimeSeries sys) {
        TimeGrid grid = e.grid();
        List<CoincidentPeak> out = new ArrayList<>();
        YearMonth current = null;
        int best = -1;
        for (int t = 0; t <= grid.count(); t++) {
            YearMonth ym = t < grid.count() ? YearMonth.from(grid.start(t).atZone(ERCOT_ZONE)) : null;
            if (current != null && !current.equals(ym)) {
                if (best >= 0) {
                    out.add(peak(e, sys, current, grid.start(best), best));
                }
                best = -1;
            }
            current = ym;
            if (ym == null) {
                break;
            }
            int m = ym.getMonthValue();
            if (m >= 6 && m <= 9 && e.dispatched()[t] && !sys.isMissing(t)) {
                if (best < 0 || sys.value(t) > sys.value(best)) {
                    best = t;
                }
            }
        }
        return out;
    }

    /** The run's intervals containing the given peaks (peaks outside the run are left out). */
    static List<CoincidentPeak> peaksAt(SiteEnergy e, TimeSeries sys, List<Instant> peaksUtc) {
        List<CoincidentPeak> out = new ArrayList<>();
        for (Instant p : peaksUtc) {
            int t = e.grid().indexContaining(p);
            if (t >= 0) {
                out.add(peak(e, sys, YearMonth.from(p.atZone(ERCOT_ZONE)), p, t));
            }
        }
        return out;
    }

    private static CoincidentPeak peak(SiteEnergy e, TimeSeries sys, YearMonth month, Instant peakUtc, int t) {
        double h = e.grid().stepHours();
        return new CoincidentPeak(
                month,
                peakUtc,
                e.grid().start(t),
                sys.isMissing(t) ? Double.NaN : sys.value(t),
                e.dispatched()[t],
                e.loadMwh()[t] / h,
                e.curtailedMw()[t]);
    }

    private static double[] dispatchedValues(SiteEnergy e, double[] values, Optional<TimeSeries> series) {
        double[] out = new double[e.size()];
        int k = 0;
        for (int t = 0; t < e.size(); t++) {
            if (!e.dispatched()[t]) {
                continue;
            }
            if (series.isPresent()) {
                if (!series.get().isMissing(t)) {
                    out[k++] = series.get().value(t);
                }
            } else {
                out[k++] = values[t];
            }
        }
        return Arrays.copyOf(out, k);
    }

    /**
     * Nearest-rank percentile: the smallest value with at least p % of the values at or below it. Infinity for no
     * values (so nothing is flagged).
     */
    static double percentile(double[] values, double p) {
        if (values.length == 0) {
            return Double.POSITIVE_INFINITY;
        }
        double[] v = values.clone();
        Arrays.sort(v);
        int rank = (int) Math.ceil(p / 100.0 * v.length);
        return v[Math.max(0, Math.min(v.length - 1, rank - 1))];
    }

    private static String fmtPercentile(double p) {
        String s = p == Math.rint(p) ? Long.toString((long) p) : Double.toString(p);
        return s
                + (s.endsWith("1") && !s.endsWith("11")
                        ? "st"
                        : s.endsWith("2") && !s.endsWith("12")
                                ? "nd"
                                : s.endsWith("3") && !s.endsWith("13") ? "rd" : "th");
    }
}
