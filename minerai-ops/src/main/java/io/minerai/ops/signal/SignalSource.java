package io.minerai.ops.signal;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One grid or market signal the controller follows. A signal with no value, or one older than {@link #staleAfter()},
 * puts the site in its safe state.
 */
public interface SignalSource {
    /** Name for logs, the audit log and the status view, e.g. {@code price:LZ_WEST}, {@code mqtt:maestro/target}. */
    String name();

    SignalKind kind();

    /** How old the latest value may be before the signal counts as lost. */
    Duration staleAfter();

    /** The latest value as of {@code nowUtc}, empty when none was received yet. Never blocks. */
    Optional<SignalValue> latest(Instant nowUtc);
}
