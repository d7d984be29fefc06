package io.minerai.core.ai;

import java.util.Optional;

/**
 * How far a GPU cloud's power may be capped: no lower than {@code minPowerFraction} of its full IT power, along its
 * generation's throughput curve (from the GPU catalogue) or the scenario's own {@code curve}. With {@code
 * minPowerFraction = 1} the cloud only runs or stops, as before cap levels existed.
 *
 * @param minPowerFraction lowest cap, as a fraction of full IT power, in (0, 1]
 * @param curve the scenario's own throughput curve; empty = the catalogue's curve of the cloud's GPU model
 */
public record PowerCapping(double minPowerFraction, Optional<PowerCapCurve> curve) {
    /** Run or stop only. */
    public static final PowerCapping NONE = new PowerCapping(1.0, Optional.empty());

    public PowerCapping {
        if (!(minPowerFraction > 0 && minPowerFraction <= 1)) {
            throw new IllegalArgumentException("minPowerFraction must be in (0, 1], was " + minPowerFraction);
        }
    }

    /** Whether the dispatch may set caps below full power. */
    public boolean allowsCaps() {
        return minPowerFraction < 1;
    }

    /** The cap levels to dispatch along: the curve cut at the minimum cap (run or stop when capping is off). */
    public PowerCapCurve levels(PowerCapCurve generationCurve) {
        if (!allowsCaps()) {
            return PowerCapCurve.RUN_STOP;
        }
        return curve.orElse(generationCurve).from(minPowerFraction);
    }
}
