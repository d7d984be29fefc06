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
