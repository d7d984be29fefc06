package io.minerai.dispatch;

import java.util.List;

/**
 * Deferrable GPU jobs (training or batch work with energy due within a window) and the power each drew per interval.
 * Their energy counts as GPU cloud energy and their value as GPU cloud revenue. Arrays are owned by this object.
 *
 * @param jobs the jobs
 * @param powerMw facility power of job {@code j} in interval {@code t} at index {@code t * jobs.size() + j}
 */
public record DeferrableWork(List<Job> jobs, double[] powerMw) {
    public DeferrableWork {
        jobs = List.copyOf(jobs);
    }

    /**
     * One deferrable job as settlement sees it.
     *
     * @param name job name
     * @param maxPowerMw facility power at full speed
     * @param valueUsdPerMwh revenue per facility MWh of work done
     */
    public record Job(String name, double maxPowerMw, double valueUsdPerMwh) {}

    public static DeferrableWork none() {
        return new DeferrableWork(List.of(), new double[0]);
    }

    public double powerMw(int t, int j) {
        return powerMw[t * jobs.size() + j];
    }

    /** Total job power in interval {@code t}. */
    public double totalMw(int t) {
        double s = 0;
        for (int j = 0; j < jobs.size(); j++) {
            s += powerMw(t, j);
        }
        return s;
    }
}
