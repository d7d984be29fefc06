package io.minerai.ops.signal;

import java.time.Instant;

/**
 * The latest value of a signal.
 *
 * @param value the value in the unit of its {@link SignalKind}
 * @param receivedAtUtc when it was received or, for replays, when it became valid; staleness is measured from here
 */
public record SignalValue(double value, Instant receivedAtUtc) {}
