package io.minerai.core.scenario;

import java.time.Instant;
import java.util.List;

/**
 * How the optimiser runs and the flexibility it may use beyond the site's assets. Absent means: perfect foresight over
 * the whole period, continuous miner fractions, no deferrable jobs.
 *
 * @param forecast what the optimiser knows about prices when it decides
 * @param windowHours rolling-horizon look-ahead (day-ahead and persistence modes)
 * @param commitHours hours fixed from each window before rolling on
 * @param solver solver backend name (glop, highs_lp, pdlp, highs, scip, sat, ojalgo)
 * @param fleetControls integer blocks, minimum on/off times and restore limits per miner fleet
 * @param gpuJobs deferrable GPU jobs
 */
public record OptimizeSettings(
        ForecastMode forecast,
        int windowHours,
        int commitHours,
        String solver,
        List<FleetControl> fleetControls,
        List<GpuJob> gpuJobs) {

    public OptimizeSettings {
        fleetControls = List.copyOf(fleetControls);
        gpuJobs = List.copyOf(gpuJobs);
    }

    public static final OptimizeSettings DEFAULT =
            new OptimizeSettings(ForecastMode.PERFECT, 48, 24, "glop", List.of(), List.of());

    /**
     * These settings with a run's overrides (a command-line option or a server run parameter), shared by every
     * entry point so they cannot drift.
     *
     * @param forecastOverride another forecast mode, or empty
     * @param solverOverride another solver backend, or empty
     */
    public OptimizeSettings withOverrides(
            java.util.Optional<ForecastMode> forecastOverride, java.util.Optional<String> solverOverride) {
        return new OptimizeSettings(
                forecastOverride.orElse(forecast),
                windowHours,
                commitHours,
                solverOverride.orElse(solver),
                fleetControls,
                gpuJobs);
    }

    /** What the optimiser knows about real-time prices when it decides. */
    public enum ForecastMode {
        /** Real-time prices known in advance: one solve over the whole period, an upper bound. */
        PERFECT,
        /** Day-ahead prices as the forecast of real-time prices, rolling day by day. */
        DAY_AHEAD,
        /** Yesterday's real-time prices as the forecast (naive persistence), rolling day by day. */
        PERSISTENCE
    }

    /**
     * Operating limits of one miner fleet.
     *
     * @param fleet name of the miner fleet
     * @param blockCount switch the fleet in this many equal blocks (integer); 0 = continuous fraction
     * @param minOnIntervals a started block stays on at least this many intervals (needs blocks)
     * @param minOffIntervals a stopped block stays off at least this many intervals (needs blocks)
     * @param maxRestoreMwPerInterval most facility MW restarted from one interval to the next (0 = no limit)
     */
    public record FleetControl(
            String fleet, int blockCount, int minOnIntervals, int minOffIntervals, double maxRestoreMwPerInterval) {}

    /**
     * A deferrable GPU job: work due within a window, run at any power up to its maximum.
     *
     * @param name job name
     * @param maxPowerMw facility power at full speed
     * @param energyMwh facility energy the job needs (or 0 when given as GPU-hours)
     * @param gpuHours GPU-hours the job needs (or 0 when given as energy)
     * @param facilityKwPerGpu facility power per GPU (IT kW x PUE), converts GPU-hours to energy
     * @param windowStartUtc earliest start
     * @param deadlineUtc the work is due by this instant
     * @param valueUsdPerMwh revenue per facility MWh of work done
     * @param required true: all of it must be done by the deadline; false: do what pays
     * @param gpuModel the GPU model it runs on, looked up in the GPU catalogue to count its FLOPs ("" = not given: it
     *     counts GPU-hours only)
     */
    public record GpuJob(
            String name,
            double maxPowerMw,
            double energyMwh,
            double gpuHours,
            double facilityKwPerGpu,
            Instant windowStartUtc,
            Instant deadlineUtc,
            double valueUsdPerMwh,
            boolean required,
            String gpuModel) {

        /** A job without a GPU model (GPU-hours counted, no FLOPs). */
        public GpuJob(
                String name,
                double maxPowerMw,
                double energyMwh,
                double gpuHours,
                double facilityKwPerGpu,
                Instant windowStartUtc,
                Instant deadlineUtc,
                double valueUsdPerMwh,
                boolean required) {
            this(
                    name,
                    maxPowerMw,
                    energyMwh,
                    gpuHours,
                    facilityKwPerGpu,
                    windowStartUtc,
                    deadlineUtc,
                    valueUsdPerMwh,
                    required,
                    "");
        }

        /** Energy due, MWh. */
        public double requiredEnergyMwh() {
            return energyMwh > 0 ? energyMwh : gpuHours * facilityKwPerGpu / 1000.0;
        }
    }
}
