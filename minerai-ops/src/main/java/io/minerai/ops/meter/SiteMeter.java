package io.minerai.ops.meter;

import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The site's power meter. {@link #poll()} reads it (blocking I/O, called by the loop that drives the controller,
 * never by the controller step); {@link #latest()} hands the controller the last good reading without blocking. A
 * reading older than {@link #staleAfter()} is a stale signal: the controller goes to its safe state.
 */
public interface SiteMeter extends AutoCloseable {
    /** Name for logs, the audit log and the status view, e.g. {@code modbus:10.0.0.5:502/40073}. */
    String name();

    /** How old the latest reading may be before the meter counts as lost. */
    Duration staleAfter();

    /** Reads the meter now. Returns whether it succeeded; the reason of a failure is {@link #lastError()}. */
    boolean poll();

    /** The last good reading, if any. Never blocks. */
    Optional<MeterReading> latest();

    /** Why the last poll failed, or null when it succeeded. */
    @Nullable
    String lastError();

    @Override
    default void close() {}
}
