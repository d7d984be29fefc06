package io.minerai.ops.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.minerai.core.audit.AuditEntry;
import io.minerai.core.audit.AuditLog;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The contract every AuditLog passes. */
class AuditLogContractTest {
    @TempDir
    Path dir;

    AuditLog make(String kind) {
        // the JDBC audit log lives in minerai-store and passes the same checks in its StoreContract (H2 and PostgreSQL)
        return new InMemoryAuditLog();
    }

    static AuditEntry e(String t, String action, String outcome) {
        return new AuditEntry(
                0, Instant.parse(t), "controller", "device:m1", action, outcome, Map.of("command", "7", "k", "v"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory"})
    void appendsInOrderAndReadsByHalfOpenTimeRange(String kind) throws Exception {
        AuditLog log = make(kind);
        AuditEntry a = log.append(e("2024-01-01T00:00:00Z", "sleep", "sent"));
        AuditEntry b = log.append(e("2024-01-01T00:00:10Z", "sleep", "confirmed"));
        log.append(e("2024-01-01T00:00:20Z", "run", "sent"));
        assertThat(a.sequence()).isEqualTo(1);
        assertThat(b.sequence()).isEqualTo(2);
        assertThat(log.size()).isEqualTo(3);
        List<AuditEntry> r = log.read(Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2024-01-01T00:00:20Z"));
        assertThat(r).extracting(AuditEntry::outcome).containsExactly("sent", "confirmed");
        assertThat(r.get(1).details()).containsEntry("command", "7").containsEntry("k", "v");
        assertThat(r.get(1).timeUtc()).isEqualTo(Instant.parse("2024-01-01T00:00:10Z"));
        if (log instanceof AutoCloseable c) {
            c.close();
        }
    }
}
