package io.minerai.planning.engine;

import io.minerai.planning.model.PowerSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Power months ready for monthly economics: for each calendar month a bank of months, each stored as its hourly
 * prices (rounded to float) sorted ascending with prefix sums. A month's value is then one binary search: mining runs in the hours whose
 * price is below its breakeven, firm loads pay the mean. Each entry's prices stand for equal shares of the plan
 * month's hours, so a 30-day sample serves a 31-day month.
 *
 * <p>Banks: a flat deck gives one entry per calendar month; real days give either the pooled average month (every
 * real day of that calendar month, for the deterministic plan) or {@code bankMonths} months, each made of real days of
 * that calendar month drawn with replacement, seeded (same bank whatever the thread count).
 */
public final class PowerBank {
    private final String label;
    private final int perMonth;
    /** Offsets into {@link #sorted} per entry (12 x perMonth + 1). */
    private final int[] offset;

    /** Sorted prices stored as float: half the cache footprint of the binary searches ($0.001/MWh resolution). */
    private final float[] sorted;
    /** prefix[offset[e] + entry + k] = sum of the k smallest prices of entry e (one extra slot per entry). */
    private final double[] prefix;
    /**
     * Per entry, the last price of each of {@value #FENCES} equal segments of its sorted prices: one cache line that
     * narrows a search to one segment, so a lookup touches about 4 cache lines instead of about 10.
     */
    private final float[] fences;

    private final int[] segment;
    private static final int FENCES = 16;

    private PowerBank(String label, List<double[]> entries, int perMonth) {
        this.label = label;
        this.perMonth = perMonth;
        this.offset = new int[entries.size() + 1];
        int total = 0;
        for (int e = 0; e < entries.size(); e++) {
            offset[e] = total;
            total += entries.get(e).length;
        }
        offset[entries.size()] = total;
        this.sorted = new float[total];
        this.prefix = new double[total + entries.size()];
        this.fences = new float[entries.size() * FENCES];
        this.segment = new int[entries.size()];
        for (int e = 0; e < entries.size(); e++) {
            double[] raw = entries.get(e);
            float[] p = new float[raw.length];
            for (int k = 0; k < raw.length; k++) {
                p[k] = (float) raw[k];
            }
            Arrays.sort(p);
            System.arraycopy(p, 0, sorted, offset[e], p.length);
            int base = offset[e] + e;
            prefix[base] = 0;
            for (int k = 0; k < p.length; k++) {
                prefix[base + k + 1] = prefix[base + k] + p[k];
            }
            int seg = (p.length + FENCES - 1) / FENCES;
            segment[e] = seg;
            for (int j = 0; j < FENCES; j++) {
                fences[e * FENCES + j] = p[Math.min(p.length - 1, (j + 1) * seg - 1)];
            }
        }
    }

    /** A flat deck: every hour at {@code usdPerMwh} (escalation and adder are applied by the engine). */
    public static PowerBank flat(double usdPerMwh) {
        List<double[]> entries = new ArrayList<>();
        for (int m = 0; m < 12; m++) {
            entries.add(new double[] {usdPerMwh});
        }
        return new PowerBank("deck " + usdPerMwh + " $/MWh", entries, 1);
    }

    /** The pooled average month: every real day of each calendar month in one entry. */
    public static PowerBank pooled(String label, List<PowerDay> days) {
        List<List<PowerDay>> byMonth = byMonth(days);
        List<double[]> entries = new ArrayList<>();
        for (int m = 0; m < 12; m++) {
            entries.add(concat(byMonth.get(m)));
        }
        return new PowerBank(label + " (pooled average month)", entries, 1);
    }

    /**
     * Resampled months: for each calendar month, {@code bankMonths} months of {@code daysPerMonth} real days of that
     * calendar month drawn with replacement.
     */
    public static PowerBank resampled(String label, List<PowerDay> days, int bankMonths, long seed) {
        List<List<PowerDay>> byMonth = byMonth(days);
        List<double[]> entries = new ArrayList<>();
        SplittableRandom rng = new SplittableRandom(PathSeeds.mix(seed, -1));
        for (int m = 0; m < 12; m++) {
            List<PowerDay> pool = byMonth.get(m);
            int daysPerMonth = java.time.Month.of(m + 1).length(false);
            for (int b = 0; b < bankMonths; b++) {
                List<PowerDay> pick = new ArrayList<>(daysPerMonth);
                for (int d = 0; d < daysPerMonth; d++) {
                    pick.add(pool.get(rng.nextInt(pool.size())));
                }
                entries.add(concat(pick));
            }
        }
        return new PowerBank(label + " (" + bankMonths + " resampled months per calendar month)", entries, bankMonths);
    }

    /** Builds the bank a plan's power source asks for. */
    public static PowerBank forSource(
            PowerSource source, List<PowerDay> days, boolean resample, int bankMonths, long seed) {
        return switch (source) {
            case PowerSource.Deck d -> flat(d.usdPerMwh());
            case PowerSource.ErcotResampled e -> {
                String label = "ERCOT " + e.settlementPoint() + " " + e.market();
                yield resample ? resampled(label, days, bankMonths, seed) : pooled(label, days);
            }
        };
    }

    private static List<List<PowerDay>> byMonth(List<PowerDay> days) {
        List<List<PowerDay>> byMonth = new ArrayList<>();
        for (int m = 0; m < 12; m++) {
            byMonth.add(new ArrayList<>());
        }
        for (PowerDay d : days) {
            byMonth.get(d.date().getMonthValue() - 1).add(d);
        }
        for (int m = 0; m < 12; m++) {
            if (byMonth.get(m).isEmpty()) {
                throw new IllegalArgumentException("no power days for calendar month " + (m + 1));
            }
        }
        return byMonth;
    }

    private static double[] concat(List<PowerDay> days) {
        int n = 0;
        for (PowerDay d : days) {
            n += d.pricesUsdPerMwh().length;
        }
        double[] out = new double[n];
        int i = 0;
        for (PowerDay d : days) {
            double[] p = d.pricesUsdPerMwh();
            System.arraycopy(p, 0, out, i, p.length);
            i += p.length;
        }
        return out;
    }

    public String label() {
        return label;
    }

    /** Entries per calendar month. */
    public int perMonth() {
        return perMonth;
    }

    /** Entry index of draw {@code j} (0..perMonth-1) for calendar month {@code monthOfYear} (0 = January). */
    public int entry(int monthOfYear, int j) {
        return monthOfYear * perMonth + j;
    }

    /** Number of prices in an entry. */
    public int size(int entry) {
        return offset[entry + 1] - offset[entry];
    }

    /**
     * Number of prices of an entry strictly below {@code threshold}, without data-dependent branches: the fences
     * below the threshold are counted (they are sorted, so the count is the segment holding the answer), then the
     * segment is halved a fixed number of times with conditional moves. No branch mispredictions, so the searches of
     * a month's paths overlap in the CPU (about twice as fast as a branching search on the engine's thresholds).
     */
    public int countBelow(int entry, double threshold) {
        int f = entry * FENCES;
        int j = 0;
        for (int q = 0; q < FENCES; q++) {
            j += fences[f + q] < threshold ? 1 : 0;
        }
        int start = offset[entry];
        int end = offset[entry + 1];
        if (j == FENCES) {
            return end - start;
        }
        int seg = segment[entry];
        int base = start + j * seg;
        int len = Math.min(end, base + seg) - base;
        while (len > 1) {
            int half = len >>> 1;
            base = sorted[base + half - 1] < threshold ? base + half : base;
            len -= half;
        }
        return base + (len == 1 && sorted[base] < threshold ? 1 : 0) - start;
    }

    /** Sum of the k smallest prices of an entry. */
    public double sumSmallest(int entry, int k) {
        return prefix[offset[entry] + entry + k];
    }

    /** Mean price of an entry. */
    public double mean(int entry) {
        int n = size(entry);
        return sumSmallest(entry, n) / n;
    }
}
