package io.minerai.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The store: a pooled JDBC data source with the schema migrated to the latest version, and one repository per kind of
 * record. Thread-safe. Close it to release the pool (and, for the embedded store, the file lock).
 */
public final class Store implements AutoCloseable {
    private final StoreConfig config;
    private final HikariDataSource dataSource;
    private final ScenarioRepository scenarios;
    private final DatasetRepository datasets;
    private final RunRepository runs;
    private final TokenRepository tokens;
    private final JdbcAuditLog auditLog;

    private Store(StoreConfig config, HikariDataSource dataSource, Clock clock) {
        this.config = config;
        this.dataSource = dataSource;
        Jdbc jdbc = new Jdbc(dataSource);
        this.scenarios = new ScenarioRepository(jdbc, clock);
        this.datasets = new DatasetRepository(jdbc, clock);
        this.runs = new RunRepository(jdbc, clock);
        this.tokens = new TokenRepository(jdbc, clock);
        this.auditLog = new JdbcAuditLog(jdbc);
    }

    /** Opens the store and migrates its schema (creating the embedded file's folder when needed). */
    public static Store open(StoreConfig config, Clock clock) {
        if (config.jdbcUrl().startsWith("jdbc:h2:file:")) {
            String file = config.jdbcUrl().substring("jdbc:h2:file:".length()).split(";", 2)[0];
            Path parent = Path.of(file).toAbsolutePath().getParent();
            try {
                if (parent != null) {
                    Files.createDirectories(parent);
                }
            } catch (java.io.IOException e) {
                throw new StoreException("cannot create the store folder " + parent + ": " + e.getMessage(), e);
            }
        }
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(durableUrl(config.jdbcUrl()));
        if (!config.user().isEmpty()) {
            hc.setUsername(config.user());
        }
        if (!config.password().isEmpty()) {
            hc.setPassword(config.password());
        }
        hc.setMaximumPoolSize(config.maxPoolSize());
        hc.setPoolName("minerai-store");
        hc.setAutoCommit(true);
        HikariDataSource ds;
        try {
            ds = new HikariDataSource(hc);
        } catch (RuntimeException e) {
            throw new StoreException("cannot open the store at " + config.redactedUrl() + ": " + e.getMessage(), e);
        }
        try {
            migrate(ds);
        } catch (RuntimeException e) {
            ds.close();
            throw new StoreException("cannot migrate the store at " + config.redactedUrl() + ": " + e.getMessage(), e);
        }
        return new Store(config, ds, clock);
    }

    /**
     * H2 has no redo log: by default it writes committed changes to its file only every WRITE_DELAY (500) ms, so a
     * process killed just after a commit loses it. The embedded store writes on every commit instead (WRITE_DELAY=0)
     * unless the URL sets WRITE_DELAY itself. PostgreSQL URLs are left as given.
     */
    static String durableUrl(String jdbcUrl) {
        if (!jdbcUrl.startsWith("jdbc:h2:file:")
                || jdbcUrl.toUpperCase(java.util.Locale.ROOT).contains(";WRITE_DELAY=")) {
            return jdbcUrl;
        }
        return jdbcUrl + ";WRITE_DELAY=0";
    }

    private static void migrate(DataSource ds) {
        Flyway.configure()
                .dataSource(ds)
                .locations("classpath:io/minerai/store/migration")
                .load()
                .migrate();
    }

    public StoreConfig config() {
        return config;
    }

    public ScenarioRepository scenarios() {
        return scenarios;
    }

    public DatasetRepository datasets() {
        return datasets;
    }

    public RunRepository runs() {
        return runs;
    }

    public TokenRepository tokens() {
        return tokens;
    }

    /** The audit log kept in this store (append-only). */
    public JdbcAuditLog auditLog() {
        return auditLog;
    }

    /** True when a connection can be had and answers a trivial query. */
    public boolean healthy() {
        try (var c = dataSource.getConnection();
                var st = c.createStatement();
                var rs = st.executeQuery("SELECT 1")) {
            return rs.next();
        } catch (java.sql.SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }

    /** The connection pool, for tests in this package that must reach behind the repositories. */
    DataSource dataSourceForTests() {
        return dataSource;
    }
}
