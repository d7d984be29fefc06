package io.minerai.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minerai.core.audit.AuditEntry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code store check}, backup and restore, on both kinds of store. */
class StoreMaintenanceTest {
    private static final Clock CLOCK = Clock.systemUTC();

    private static long fill(Store s) {
        long sid = s.scenarios().create("kept", "{\"a\":1}", "alice").scenarioId();
        long run = 0;
        for (int i = 0; i < 3; i++) {
            RunRecord r = s.runs().create(new NewRun("backtest", sid, 1, "{}", "alice"));
            s.runs().markRunning(r.id());
            s.runs().complete(r.id(), Ledgers.result("{\"i\":" + i + "}", Ledgers.wide(SeriesChunks.CHUNK + 10, 3), 1));
            run = r.id();
        }
        s.tokens().create("admin", Role.ADMIN, "a".repeat(64), "setup");
        for (int i = 0; i < 5; i++) {
            s.auditLog().append(new AuditEntry(0, Instant.now(), "alice", "x", "y", "ok", Map.of("i", "" + i)));
        }
        return run;
    }

    @Test
    void checkFindsDamagedLedgersAndATruncatedAuditLog(@TempDir Path dir) throws Exception {
        try (Store s = Store.open(StoreConfig.embedded(dir), CLOCK)) {
            long run = fill(s);
            var sound = StoreMaintenance.check(s);
            assertThat(sound.problems()).isEmpty();
            assertThat(sound.runsChecked()).isEqualTo(3);
            assertThat(sound.auditEntries()).isEqualTo(5);
            try (Connection c = s.dataSourceForTests().getConnection();
                    Statement st = c.createStatement()) {
                st.executeUpdate("UPDATE run_series_chunk SET data = zeroblob(length(data)) WHERE run_id = " + run
                        + " AND column_name = 'column2Usd' AND chunk = 1");
                st.executeUpdate("DELETE FROM audit_entry WHERE sequence = 5");
            }
            var damaged = StoreMaintenance.check(s);
            assertThat(damaged.sound()).isFalse();
            assertThat(damaged.problems())
                    .anySatisfy(p -> assertThat(p).contains("run " + run).contains("column2Usd"))
                    .anySatisfy(p -> assertThat(p).startsWith("audit chain").contains("removed"));
        }
    }

    @Test
    void aBackupOfTheEmbeddedStoreRestoresIntoPostgresAndBack(@TempDir Path dir) throws Exception {
        Path backup = dir.resolve("backup.db");
        try (Store s = Store.open(StoreConfig.embedded(dir.resolve("a")), CLOCK)) {
            fill(s);
            StoreMaintenance.backup(s, backup, CLOCK);
            assertThatThrownBy(() -> StoreMaintenance.backup(s, backup, CLOCK)).hasMessageContaining("exists");
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(backup)))
                .isEqualTo("rw-------");
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            try (Connection c = pg.getPostgresDatabase().getConnection();
                    Statement st = c.createStatement()) {
                st.execute("CREATE DATABASE restored");
            }
            StoreConfig pgConfig = new StoreConfig(
                    "jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/restored", "postgres", "postgres", 2);
            try (Store target = Store.openExclusive(pgConfig, CLOCK)) {
                var report = StoreMaintenance.restore(backup, target, CLOCK);
                assertThat(report.runsChecked()).isEqualTo(3);
                assertThat(StoreMaintenance.check(target).problems()).isEmpty();
                assertThat(target.runs()
                                .series(3, List.of("column1Usd"), SeriesChunks.CHUNK, 3)
                                .column("column1Usd"))
                        .containsExactly(
                                1000.0 + SeriesChunks.CHUNK, 1001.0 + SeriesChunks.CHUNK, 1002.0 + SeriesChunks.CHUNK);
                assertThat(target.tokens().findActive("a".repeat(64))).isPresent();
                // ids go on after the restored ones, and the chain goes on from the restored head
                assertThat(target.scenarios().create("new", "{}", "bob").scenarioId())
                        .isEqualTo(2);
                target.auditLog().append(new AuditEntry(0, Instant.now(), "bob", "x", "y", "ok", Map.of()));
                assertThat(target.auditLog().verify().intact()).isTrue();
                assertThatThrownBy(() -> StoreMaintenance.restore(backup, target, CLOCK))
                        .isInstanceOf(StoreRefusedException.class)
                        .hasMessageContaining("not empty");
                // and back: a backup of PostgreSQL is an embedded store
                StoreMaintenance.backup(target, dir.resolve("from-pg.db"), CLOCK);
            }
        }
        try (Store back = Store.open(StoreConfig.embedded(dir.resolve("b")), CLOCK)) {
            StoreMaintenance.restore(dir.resolve("from-pg.db"), back, CLOCK);
            assertThat(back.scenarios().countAll()).isEqualTo(2);
            assertThat(back.auditLog().verify().entries()).isEqualTo(6);
            assertThat(StoreMaintenance.check(back).sound()).isTrue();
        }
    }
}
