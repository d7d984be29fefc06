package io.minerai.ops.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.minerai.core.audit.AuditEntry;
import io.minerai.core.audit.AuditLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
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
        return kind.equals("memory") ? new InMemoryAuditLog() : JdbcAuditLog.openH2(dir.resolve("audit"));
    }

    static AuditEntry e(String t, String action, String outcome) {
        return new AuditEntry(
                0, Instant.parse(t), "controller", "device:m1", action, outcome, Map.of("command", "7", "k", "v"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "h2"})
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

    @ParameterizedTest
    @ValueSource(strings = {"h2"})
    void reopensAndContinuesTheChainAndDetectsTampering(String kind) throws Exception {
        Path file = dir.resolve("chain");
        try (JdbcAuditLog log = JdbcAuditLog.openH2(file)) {
            log.append(e("2024-01-01T00:00:00Z", "sleep", "sent"));
        }
        try (JdbcAuditLog log = JdbcAuditLog.openH2(file)) {
            assertThat(log.append(e("2024-01-01T00:00:10Z", "sleep", "confirmed"))
                            .sequence())
                    .isEqualTo(2);
            assertThat(log.verifyChain()).isEqualTo(-1);
        }
        // Someone edits a row behind the log's back.
        try (var c = DriverManager.getConnection("jdbc:h2:file:" + file.toAbsolutePath());
                var st = c.createStatement()) {
            st.executeUpdate("UPDATE minerai_audit_log SET outcome = 'confirmed' WHERE seq = 1");
        }
        try (JdbcAuditLog log = JdbcAuditLog.openH2(file)) {
            assertThat(log.verifyChain()).isEqualTo(1);
        }
    }

    @org.junit.jupiter.api.Test
    void jdbcLogSourceHasNoUpdateOrDelete() throws Exception {
        Path src = Path.of("src/main/java/io/minerai/ops/audit/JdbcAuditLog.java");
        String code = Files.readString(src);
        assertThat(code)
                .doesNotContainPattern("(?i)UPDATE\\s+\\S+\\s+SET")
                .doesNotContainPattern("(?i)DELETE\\s+FROM")
                .doesNotContainPattern("(?i)TRUNCATE|DROP\\s+TABLE");
    }
}
