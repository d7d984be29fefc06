package io.minerai.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The store contract on a real PostgreSQL 14 server that this test starts itself (the binaries come in a Maven
 * artifact), on a random loopback port, with a fresh database per test.
 */
class PostgresStoreTest extends StoreContract {
    private static final AtomicInteger DB = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    @Override
    void failWrites(boolean fail) throws Exception {
        // a constraint that no new ledger row can meet stands for a full disk; existing rows are not checked
        try (var c = store.dataSourceForTests().getConnection();
                var st = c.createStatement()) {
            st.execute(
                    fail
                            ? "ALTER TABLE run_series_chunk ADD CONSTRAINT disk_full CHECK (false) NOT VALID"
                            : "ALTER TABLE run_series_chunk DROP CONSTRAINT disk_full");
        }
    }

    @Test
    void aSecondExclusiveOpenIsRefusedByTheAdvisoryLock() {
        StoreConfig config = newConfig();
        try (Store first = Store.openExclusive(config, CLOCK)) {
            assertThatThrownBy(() -> Store.openExclusive(config, CLOCK))
                    .isInstanceOf(StoreLockedException.class)
                    .hasMessageContaining("advisory lock");
            assertThat(first.scenarios().create("one", "{}", "a").scenarioId()).isEqualTo(1);
        }
        try (Store again = Store.openExclusive(config, CLOCK)) {
            assertThat(again.scenarios().countAll()).isEqualTo(1);
        }
    }

    /**
     * A PostgreSQL store of the H2 era (schema V1..V3, the fixed-column run ledger) is migrated when this version opens
     * it: every scenario version, run, result, ledger row (now columns under their API names) and token is kept.
     */
    @Test
    void aStoreOfTheH2EraIsMigratedWithEverythingKept() throws Exception {
        StoreConfig config = newConfig();
        org.flywaydb.core.Flyway.configure()
                .dataSource(config.jdbcUrl(), config.user(), config.password())
                .locations("classpath:io/minerai/store/migration/postgresql")
                .target("3")
                .load()
                .migrate();
        try (Connection c = java.sql.DriverManager.getConnection(config.jdbcUrl(), config.user(), config.password());
                Statement st = c.createStatement()) {
            st.execute(
                    "INSERT INTO scenario (name, created_utc, created_by) VALUES ('s', '2026-11-20T09:00:00Z', 'a')");
            st.execute("INSERT INTO scenario_version VALUES (1, 1, 's', '{}', '2026-11-20T09:00:00Z', 'a')");
            st.execute("INSERT INTO scenario_version VALUES (1, 2, 's', '{\"v\":2}', '2026-11-21T09:00:00Z', 'a')");
            st.execute("INSERT INTO run (kind, scenario_id, scenario_version, parameters_json, status,"
                    + " progress_fraction, phase, created_by, queued_utc) VALUES ('backtest', 1, 2, '{}', 'SUCCEEDED',"
                    + " 1, 'done', 'a', '2026-11-21T10:00:00Z')");
            st.execute("INSERT INTO run_result VALUES (1, '{\"netUsd\":1}', 3, '[]')");
            for (int i = 0; i < 3; i++) {
                StringBuilder sql = new StringBuilder(
                        "INSERT INTO run_ledger VALUES (1, " + i + ", '2024-07-01T0" + i + ":00:00Z', " + (i != 1));
                for (int k = 0; k < 20; k++) {
                    sql.append(", ").append(100 * i + k); // column k of interval i holds 100 i + k
                }
                st.execute(sql.append(", '1.0')").toString());
            }
            st.execute("INSERT INTO api_token (name, role, token_sha256, created_utc, created_by) VALUES ('ops',"
                    + " 'OPERATOR', '" + "b".repeat(64) + "', '2026-11-20T09:00:00Z', 'a')");
        }
        try (Store s = Store.openExclusive(config, CLOCK)) {
            assertThat(s.scenarios().latest(1).orElseThrow().version()).isEqualTo(2);
            assertThat(s.runs().get(1).orElseThrow().status()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(s.runs().summaryJson(1)).hasValue("{\"netUsd\":1}");
            SeriesPage page = s.runs().series(1, java.util.List.of("dispatched", "priceUsdPerMwh", "netUsd"), 0, 10);
            assertThat(page.timesUtc()).hasSize(3);
            assertThat(page.column("dispatched")).containsExactly(1, 0, 1);
            assertThat(page.column("priceUsdPerMwh")).containsExactly(0, 100, 200);
            assertThat(page.column("netUsd")).containsExactly(16, 116, 216);
            assertThat(s.tokens().findActive("b".repeat(64))).isPresent();
            assertThat(StoreMaintenance.check(s).problems()).isEmpty();
        }
    }

    @Override
    Store newStore() {
        return Store.open(newConfig(), CLOCK);
    }

    private static StoreConfig newConfig() {
        String db = "contract" + DB.incrementAndGet();
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + db);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        String url = "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + db;
        return new StoreConfig(url, "postgres", "postgres", 4);
    }
}
