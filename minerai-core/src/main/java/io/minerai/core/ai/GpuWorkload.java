package io.minerai.core.ai;

/**
 * What runs on a GPU cloud's GPUs, which decides what interrupting or capping it costs. In every class the cloud's
 * {@code priceUsdPerGpuHour x utilizationFraction} is what one GPU-hour at full throughput earns: rent for rentals and
 * inference, the value of training progress for training.
 */
public sealed interface GpuWorkload {

    /** GPUs rented out by the hour: pausing or capping loses only the hours' revenue (the default). */
    record Rental() implements GpuWorkload {}

    /**
     * A training job that writes a checkpoint every {@code checkpointIntervalMinutes} of running: writing takes {@code
     * checkpointWriteMinutes} without progress, so while running it progresses at {@link #progressFraction()} of full
     * speed. Pausing GPUs loses the work they did since the last checkpoint; resuming them costs {@code
     * restartMinutes} of running without progress (reload the checkpoint, warm up).
     *
     * @param checkpointIntervalMinutes running time from one checkpoint to the next, including the write
     * @param checkpointWriteMinutes time to write a checkpoint, no progress meanwhile
     * @param restartMinutes time from resuming to progress again
     */
    record Training(double checkpointIntervalMinutes, double checkpointWriteMinutes, double restartMinutes)
            implements GpuWorkload {
        public Training {
            if (!(checkpointIntervalMinutes > 0)
                    || !(checkpointWriteMinutes >= 0 && checkpointWriteMinutes < checkpointIntervalMinutes)
                    || !(restartMinutes >= 0)) {
                throw new IllegalArgumentException("invalid training job: interval " + checkpointIntervalMinutes
                        + " min, write " + checkpointWriteMinutes + " min, restart " + restartMinutes + " min");
            }
        }

        /** Share of running time that makes progress: (interval - write) / interval. */
        public double progressFraction() {
            return (checkpointIntervalMinutes - checkpointWriteMinutes) / checkpointIntervalMinutes;
        }

        /**
         * Expected work lost by pausing at a random moment, in minutes of running: half an interval plus the restart.
         * The LP's linear pause cost uses it; settlement counts the exact work since the last checkpoint.
         */
        public double expectedPauseLossMinutes() {
            return checkpointIntervalMinutes / 2.0 + restartMinutes;
        }
    }

    /**
     * Inference serving a committed capacity: {@code committedFraction} of the cloud's full throughput is sold firm,
     * and every MWh of throughput-equivalent power short of it (by pausing or capping) pays {@code
     * slaPenaltyUsdPerMwh}.
     *
     * @param committedFraction committed share of the cloud's full throughput, 0..1
     * @param slaPenaltyUsdPerMwh penalty per MWh short of the commitment (at the cloud's full-power MW per throughput)
     */
    record Inference(double committedFraction, double slaPenaltyUsdPerMwh) implements GpuWorkload {
        public Inference {
            if (!(committedFraction >= 0 && committedFraction <= 1) || !(slaPenaltyUsdPerMwh >= 0)) {
                throw new IllegalArgumentException(
                        "invalid inference commitment: " + committedFraction + ", " + slaPenaltyUsdPerMwh);
            }
        }
    }

    /** The default: rentals. */
    GpuWorkload RENTAL = new Rental();

    /** Short name for reports: rental, training, inference. */
    default String kind() {
        return switch (this) {
            case Rental r -> "rental";
            case Training t -> "training";
            case Inference i -> "inference";
        };
    }

    /** Share of running time that makes progress (below 1 only for training, by its checkpoint writes). */
    default double progressFraction() {
        return this instanceof Training t ? t.progressFraction() : 1.0;
    }
}
