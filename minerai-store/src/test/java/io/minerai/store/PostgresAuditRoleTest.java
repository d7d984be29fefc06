package io.minerai.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minerai.core.audit.AuditEntry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The store works under the PostgreSQL role of docs/SERVER.md that cannot update or delete audit entries, and that role
 * really cannot.
 */
class PostgresAuditRoleTest {
    @Test
    void theStoreWorksUnderARoleThatCannotChangeTheAuditLog() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            try (Connection c = pg.getPostgresDatabase().getConnection();
                    Statement st = c.createStatement()) {
                st.execute("CREATE DATABASE minerai");
            }
            String url = "jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/minerai";
            // migrations once as the owner
            Store.open(new StoreConfig(url, "postgres", "postgres", 2), Clock.systemUTC())
                    .close();
            try (Connection c = DriverManager.getConnection(url, "postgres", "postgres");
                    Statement st = c.createStatement()) {
                // the grants of docs/SERVER.md, "A PostgreSQL role that cannot change the audit log"
                st.execute("CREATE ROLE minerai_app LOGIN PASSWORD 'app-secret'");
                st.execute("GRANT CONNECT ON DATABASE minerai TO minerai_app");
                st.execute("GRANT USAGE ON SCHEMA public TO minerai_app");
                st.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO minerai_app");
                st.execute("REVOKE UPDATE, DELETE, TRUNCATE ON audit_entry FROM minerai_app");
                st.execute("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO minerai_app");
            }
            StoreConfig app = new StoreConfig(url, "minerai_app", "app-secret", 2);
            try (Store s = Store.openExclusive(app, Clock.systemUTC())) {
                long sid = s.scenarios().create("s", "{}", "a").scenarioId();
                RunRecord r = s.runs().create(new NewRun("backtest", sid, 1, "{}", "a"));
                s.runs().markRunning(r.id());
                s.runs().complete(r.id(), Ledgers.result("{}", Ledgers.small(), 1));
                s.tokens().create("admin", Role.ADMIN, "b".repeat(64), "a");
                s.auditLog().append(new AuditEntry(0, Instant.now(), "a", "run:1", "start", "ok", Map.of()));
                assertThat(s.runs().delete(r.id())).isEqualTo(RunRepository.DeleteOutcome.DELETED);
                assertThat(s.auditLog().verify().intact()).isTrue();
                assertThat(StoreMaintenance.check(s).sound()).isTrue();
            }
            try (Connection c = DriverManager.getConnection(url, "minerai_app", "app-secret");
                    Statement st = c.createStatement()) {
                assertThatThrownBy(() -> st.executeUpdate("UPDATE audit_entry SET outcome = 'x'"))
                        .hasMessageContaining("permission denied");
                assertThatThrownBy(() -> st.executeUpdate("DELETE FROM audit_entry"))
                        .hasMessageContaining("permission denied");
            }
        }
    }
}
