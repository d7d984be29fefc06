package io.minerai.ops.audit;

import io.minerai.core.audit.AuditEntry;
import io.minerai.core.audit.AuditLog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** An append-only audit log in memory (tests, simulations). Thread-safe. */
public final class InMemoryAuditLog implements AuditLog {
    private final List<AuditEntry> entries = new ArrayList<>();

    @Override
    public synchronized AuditEntry append(AuditEntry e) {
        AuditEntry withSeq = new AuditEntry(
                entries.size() + 1L, e.timeUtc(), e.actor(), e.target(), e.action(), e.outcome(), e.details());
        entries.add(withSeq);
        return withSeq;
    }

    @Override
    public synchronized List<AuditEntry> read(Instant fromUtc, Instant toUtc) {
        List<AuditEntry> out = new ArrayList<>();
        for (AuditEntry e : entries) {
            if (!e.timeUtc().isBefore(fromUtc) && e.timeUtc().isBefore(toUtc)) {
                out.add(e);
            }
        }
        return out;
    }

    /** Every entry, in order. */
    public synchronized List<AuditEntry> all() {
        return List.copyOf(entries);
    }

    @Override
    public synchronized long size() {
        return entries.size();
    }
}
