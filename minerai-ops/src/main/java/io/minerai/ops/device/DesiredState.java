package io.minerai.ops.device;

/** What the controller asks a device to do. */
public sealed interface DesiredState {
    /** Run at full (stock) power. */
    DesiredState RUN = new Run();
    /** Sleep / curtail. */
    DesiredState SLEEP = new Sleep();

    /** Short name for logs and the audit trail, e.g. {@code run}, {@code sleep}, {@code power-target 2800W}. */
    String label();

    /** Run at full power (restores the pre-curtail work mode where the firmware has several). */
    record Run() implements DesiredState {
        @Override
        public String label() {
            return "run";
        }
    }

    /** Sleep: hashing stopped, fans and control board on. */
    record Sleep() implements DesiredState {
        @Override
        public String label() {
            return "sleep";
        }
    }

    /**
     * Run under a power target. Firmware that only has presets applies the highest preset not above it.
     *
     * @param powerW requested wall power, W
     */
    record PowerTarget(double powerW) implements DesiredState {
        public PowerTarget {
            if (!(powerW > 0) || Double.isInfinite(powerW)) {
                throw new IllegalArgumentException("powerW must be > 0, was " + powerW);
            }
        }

        @Override
        public String label() {
            return "power-target " + Math.round(powerW) + "W";
        }
    }
}
