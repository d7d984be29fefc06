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
     * @param facilityKwPerGpu facility power per GPU (IT kW x PUE) to count GPU-hours; 0 when unknown (no GPU-hours)
     */
    public record Job(String name, double maxPowerMw, double valueUsdPerMwh, double facilityKwPerGpu) {
        /** A job whose GPUs are not known (its energy counts, its GPU-hours do not). */
        public Job(String name, double maxPowerMw, double valueUsdPerMwh) {
            this(name, maxPowerMw, valueUsdPerMwh, 0);
        }

        /** GPU-hours of work done with {@code energyMwh} of facility energy (0 when the GPUs are not known). */
        public double gpuHours(double energyMwh) {
            return facilityKwPerGpu > 0 ? energyMwh * 1000.0 / facilityKwPerGpu : 0;
        }
    }

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
