package io.minerai.optimize;

import java.util.Arrays;

/**
 * The state a model window starts from: what ran in the interval before it, how much of each job is done and what the
 * site imported in the coincident peaks already past. A rolling horizon passes each window's end state to the next.
 *
 * @param previousFraction per load: running fraction in the interval before the window (NaN = unknown, no ramp limit
 *     applies to the first interval)
 * @param previousBlocks per load: blocks running before the window (-1 = unknown)
 * @param jobDoneMwh per deferrable job: energy already done
 * @param peakTagMw per priced coincident-peak charge ({@link ModelData#peakCharges()} order): the tag accrued in the
 *     peaks before the window, MW (import in each past peak / peaks per tag)
 */
public record InitialState(double[] previousFraction, int[] previousBlocks, double[] jobDoneMwh, double[] peakTagMw) {

    /** Nothing known: the start of a run, no peak charges. */
    public static InitialState free(int loads, int jobs) {
        return free(loads, jobs, 0);
    }

    /** Nothing known: the start of a run. */
    public static InitialState free(int loads, int jobs, int peakCharges) {
        double[] f = new double[loads];
        Arrays.fill(f, Double.NaN);
        int[] b = new int[loads];
        Arrays.fill(b, -1);
        return new InitialState(f, b, new double[jobs], new double[peakCharges]);
    }

    /** The tag accrued before the window for charge {@code p} (0 when not tracked). */
    public double peakTagMw(int p) {
        return p < peakTagMw.length ? peakTagMw[p] : 0;
    }
}
