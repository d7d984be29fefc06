package io.minerai.core.scenario;

import io.minerai.core.time.TimeGrid;
import java.time.Duration;
import java.time.Instant;

/**
 * The period a scenario covers and its step.
 *
 * @param startUtc first interval start
 * @param endUtc end (exclusive)
 * @param step interval length
 */
public record Period(Instant startUtc, Instant endUtc, Duration step) {
    /** The time grid of this period. */
    public TimeGrid grid() {
        return TimeGrid.between(startUtc, endUtc, step);
    }
}
