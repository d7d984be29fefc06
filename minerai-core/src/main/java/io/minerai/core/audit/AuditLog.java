package io.minerai.core.audit;

import java.time.Instant;
import java.util.List;

/** Append-only audit log: entries can be added and read, never changed or removed. */
public interface AuditLog {
    /** Appends an entry and returns it with its sequence number. */
    AuditEntry append(AuditEntry entry);

    /** Entries with {@code fromUtc <= time < toUtc}, in sequence order. */
    List<AuditEntry> read(Instant fromUtc, Instant toUtc);

    /** Number of entries. */
    long size();
}
