package io.minerai.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

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
    Store newStore() {
        String db = "contract" + DB.incrementAndGet();
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + db);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        String url = "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + db;
        return Store.open(new StoreConfig(url, "postgres", "postgres", 4), CLOCK);
    }
}
