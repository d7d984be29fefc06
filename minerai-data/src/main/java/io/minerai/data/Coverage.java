package io.minerai.data;

import io.minerai.core.time.TimeGrid;
import java.time.Instant;
import java.util.Objects;

/**
 * The UTC span a dataset has rows for, {@code [startUtc, endUtc)}. Intervals inside it may still be missing; those
 * are gaps, reported separately.
 *
 * @param startUtc start of the first interval
 * @param endUtc end of the last interval (exclusive)
 */
public record Coverage(Instant startUtc, Instant endUtc) {

    public Coverage {
        Objects.requireNonNull(startUtc, "startUtc");
        Objects.requireNonNull(endUtc, "endUtc");
        if (!endUtc.isAfter(startUtc)) {
            throw new IllegalArgumentException("end " + endUtc + " must be after start " + startUtc);
        }
    }

    /** Whether the grid shares any time with this coverage. */
    public boolean overlaps(TimeGrid grid) {
        return grid.startUtc().isBefore(endUtc) && grid.endUtc().isAfter(startUtc);
    }

    /** Whether the whole grid lies inside this coverage. */
    public boolean covers(TimeGrid grid) {
        return !grid.startUtc().isBefore(startUtc) && !grid.endUtc().isAfter(endUtc);
    }

    @Override
    public String toString() {
        return startUtc + " .. " + endUtc;
    }
}
