package io.minerai.optimize;

import java.util.Arrays;

/**
 * The state a model window starts from: what ran in the interval before it and how much of each job is done. A rolling
 * horizon passes each window's end state to the next.
 *
 * @param previousFraction per load: running fraction in the interval before the window (NaN = unknown, no ramp limit
 *     applies to the first interval)
 * @param previousBlocks per load: blocks running before the window (-1 = unknown)
 * @param jobDoneMwh per deferrable job: energy already done
 */
public record InitialState(double[] previousFraction, int[] previousBlocks, double[] jobDoneMwh) {

    /** Nothing known: the start of a run. */
    public static InitialState free(int loads, int jobs) {
        double[] f = new double[loads];
        Arrays.fill(f, Double.NaN);
        int[] b = new int[loads];
        Arrays.fill(b, -1);
        return new InitialState(f, b, new double[jobs]);
    }
}
