package io.minerai.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store: pooled JDBC connections with the schema migrated to the latest version, and one repository per kind of
 * record. Thread-safe. Close it to release the pools and its lease.
 *
 * <p>The embedded store is an SQLite file in write-ahead-log mode with {@code synchronous=FULL}: a commit returns only
 * after its log record is written and synced, so a process killed at any moment (or a power cut) keeps every commit
 * that returned (docs/SERVER.md, Durability). Writes go through one writer connection, reads through a pool of
 * read-only connections. A new store is built under a temporary name and renamed into place when complete, so an
 * empty or half-made file is never a store; an existing file that is empty, truncated or corrupt is refused.
 */
public final class Store implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Store.class);
    private final StoreConfig config;
    private final HikariDataSource writer;
    private final HikariDataSource reader;
    private final Optional<StoreLease> lease;
    private final Jdbc jdbc;
    private final ScenarioRepository scenarios;
    private final DatasetRepository datasets;
    private final RunRepository runs;
    private final TokenRepository tokens;
    private final JdbcAuditLog auditLog;

    private Store(
            StoreConfig config,
            HikariDataSource writer,
            HikariDataSource reader,
            Optional<StoreLease> lease,
            Clock clock) {
        this.config = config;
        this.writer = writer;
        this.reader = reader;
        this.lease = lease;
        this.jdbc = new Jdbc(writer, reader);
        this.scenarios = new ScenarioRepository(jdbc, clock);
        this.datasets = new DatasetRepository(jdbc, clock);
        this.runs = new RunRepository(jdbc, clock);
        this.tokens = new TokenRepository(jdbc, clock);
        this.auditLog = new JdbcAuditLog(jdbc);
    }

    /**
     * Opens the store for a server: takes the store's exclusive lease first (a second server is refused with
     * {@link StoreLockedException} before anything is read or written), then checks, opens and migrates it.
     */
    public static Store openExclusive(StoreConfig config, Clock clock) {
        StoreLease lease = StoreLease.acquire(config);
        try {
            return open(config, clock, Optional.of(lease));
        } catch (RuntimeException e) {
            lease.close();
            throw e;
        }
    }

    /**
     * Opens the store without its lease, for tools that may run beside a server (store check and backup, the
     * break-glass admin token, the site controller's audit log): SQLite's own locking keeps concurrent writers safe.
     */
    public static Store open(StoreConfig config, Clock clock) {
        return open(config, clock, Optional.empty());
    }

    private static Store open(StoreConfig config, Clock clock, Optional<StoreLease> lease) {
        if (config.isEmbedded()) {
            prepareEmbedded(config);
        }
        HikariDataSource writer;
        try {
            writer = pool(config, "minerai-store", config.isEmbedded() ? 1 : config.maxPoolSize(), false);
        } catch (StoreException e) {
            throw refusedIfCorrupt(config, e);
        }
        HikariDataSource reader = writer;
        try {
            migrate(writer, config);
            if (config.isEmbedded()) {
                quickCheck(writer, config);
                reader = pool(config, "minerai-store-read", config.maxPoolSize(), true);
            }
        } catch (StoreException e) {
            writer.close();
            throw refusedIfCorrupt(config, e);
        } catch (RuntimeException e) {
            writer.close();
            throw e;
        }
        return new Store(config, writer, reader, lease, clock);
    }

    /** SQLite's "malformed" and "not a database" errors while opening mean a damaged file: refused, left alone. */
    private static StoreException refusedIfCorrupt(StoreConfig config, StoreException e) {
        if (!config.isEmbedded() || e instanceof StoreRefusedException) {
            return e;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.sqlite.SQLiteException se
                    && (se.getResultCode() == org.sqlite.SQLiteErrorCode.SQLITE_CORRUPT
                            || se.getResultCode() == org.sqlite.SQLiteErrorCode.SQLITE_NOTADB)) {
                return new StoreRefusedException("the store file " + config.embeddedFile() + " is corrupt ("
                        + se.getMessage() + "). It was left as it is; restore a backup (minerai store restore).");
            }
        }
        return e;
    }

    /** The files of an embedded store beside {@code minerai.db}. */
    static List<String> embeddedFiles() {
        String f = StoreConfig.EMBEDDED_FILE;
        return List.of(f, f + "-wal", f + "-shm", f + ".lock", f + ".new", f + ".new-journal");
    }

    private static void prepareEmbedded(StoreConfig config) {
        Path db = config.embeddedFile();
        Path dir = config.embeddedDir();
        try {
            EmbeddedFiles.createPrivateDirectories(dir);
        } catch (IOException e) {
            throw new StoreException("cannot create the store folder " + dir + ": " + e.getMessage(), e);
        }
        if (Files.exists(db)) {
            EmbeddedFiles.checkExisting(db);
            try {
                EmbeddedFiles.makePrivate(db);
                EmbeddedFiles.makePrivate(db.resolveSibling(db.getFileName() + "-wal"));
            } catch (IOException e) {
                LOG.warn("could not make {} readable by its owner only: {}", db, e.getMessage());
            }
            return;
        }
        Path legacy = dir.resolve(EmbeddedFiles.LEGACY_H2_FILE);
        if (Files.exists(legacy)) {
            throw new StoreRefusedException("found the store of an older minerai version, " + legacy + " (H2), and"
                    + " no " + db.getFileName() + ": this version keeps its embedded store in SQLite and cannot read"
                    + " H2 files. It was left as it is and no new store was made beside it; move it away to start a"
                    + " new store, or use another --data-dir.");
        }
        createEmbedded(db);
    }

    /**
     * Makes a new embedded store under a temporary name, with the schema, and renames it into place: whoever opens
     * {@code minerai.db} finds a complete store or none.
     */
    private static void createEmbedded(Path db) {
        Path tmp = db.resolveSibling(db.getFileName() + ".new");
        try {
            Files.deleteIfExists(tmp);
            Files.deleteIfExists(tmp.resolveSibling(tmp.getFileName() + "-journal"));
            EmbeddedFiles.createPrivateFile(tmp);
            StoreConfig tmpConfig = new StoreConfig(StoreConfig.SQLITE_PREFIX + tmp, "", "", 1);
            try (HikariDataSource ds = pool(tmpConfig, "minerai-store-create", 1, false)) {
                migrate(ds, tmpConfig);
                try (Connection c = ds.getConnection();
                        Statement st = c.createStatement()) {
                    st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
                    // back to a rollback journal, so the finished file holds everything and no -wal file is left
                    st.execute("PRAGMA journal_mode=DELETE");
                }
            }
            Files.move(tmp, db, StandardCopyOption.ATOMIC_MOVE);
            LOG.info("created a new embedded store {}", db);
        } catch (IOException | SQLException e) {
            throw new StoreException("cannot create the store " + db + ": " + e.getMessage(), e);
        }
    }

    private static HikariDataSource pool(StoreConfig config, String name, int size, boolean readOnly) {
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(config.jdbcUrl());
        if (!config.user().isEmpty()) {
            hc.setUsername(config.user());
        }
        if (!config.password().isEmpty()) {
            hc.setPassword(config.password());
        }
        hc.setMaximumPoolSize(size);
        hc.setPoolName(name);
        hc.setAutoCommit(true);
        if (config.isEmbedded()) {
            Properties p = sqliteProperties(readOnly);
            p.forEach((k, v) -> hc.addDataSourceProperty(String.valueOf(k), v));
            hc.setMinimumIdle(readOnly ? 1 : size);
            if (readOnly) {
                hc.setConnectionInitSql("PRAGMA query_only = true");
            }
        }
        try {
            return new HikariDataSource(hc);
        } catch (RuntimeException e) {
            throw new StoreException("cannot open the store at " + config.redactedUrl() + ": " + e.getMessage(), e);
        }
    }

    /**
     * SQLite's durable settings: write-ahead log, a sync of the log at every commit ({@code synchronous=FULL}), foreign
     * keys, and writers that wait for a lock rather than fail (another process, e.g. the break-glass token command).
     * Write transactions take the write lock when they begin ({@code IMMEDIATE}), so a transaction that reads and then
     * writes never finds the database changed under it.
     */
    static Properties sqliteProperties(boolean readOnly) {
        Properties p = new Properties();
        p.setProperty("journal_mode", "WAL");
        p.setProperty("synchronous", "FULL");
        p.setProperty("foreign_keys", "true");
        p.setProperty("busy_timeout", "10000");
        p.setProperty("transaction_mode", readOnly ? "DEFERRED" : "IMMEDIATE");
        return p;
    }

    private static void migrate(DataSource ds, StoreConfig config) {
        try {
            Flyway flyway = Flyway.configure()
                    .dataSource(ds)
                    .locations("classpath:io/minerai/store/migration/" + config.kind())
                    .javaMigrations(new LedgerToColumnsMigration())
                    .load();
            refuseNewerSchema(flyway, config);
            flyway.migrate();
        } catch (StoreRefusedException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new StoreException("cannot migrate the store at " + config.redactedUrl() + ": " + e.getMessage(), e);
        }
    }

    /**
     * A store whose schema was migrated by a newer minerai than this one is refused before anything is changed (Flyway
     * would refuse it too, but with advice to "repair" the store, which would hide the newer schema's changes).
     */
    private static void refuseNewerSchema(Flyway flyway, StoreConfig config) {
        org.flywaydb.core.api.MigrationInfoService info = flyway.info();
        java.util.List<String> newer = java.util.Arrays.stream(info.applied())
                .filter(m -> (m.getState() == org.flywaydb.core.api.MigrationState.FUTURE_SUCCESS
                                || m.getState() == org.flywaydb.core.api.MigrationState.FUTURE_FAILED)
                        && m.getVersion() != null)
                .map(m -> m.getVersion().getVersion())
                .toList();
        if (!newer.isEmpty()) {
            String known = java.util.Arrays.stream(info.all())
                    .filter(m -> m.getState().isResolved() && m.getVersion() != null)
                    .map(m -> m.getVersion().getVersion())
                    .reduce((a, b) -> b)
                    .orElse("none");
            throw new StoreRefusedException("the store at " + config.redactedUrl() + " was written by a newer minerai:"
                    + " its schema has version " + String.join(", ", newer) + ", and this version knows versions up to "
                    + known + ". It was left as it is; use the minerai version that wrote it, or a newer one.");
        }
    }

    /** SQLite's structural check of every page; a damaged file is refused. */
    private static void quickCheck(DataSource ds, StoreConfig config) {
        List<String> problems = integrityProblems(ds, "quick_check");
        if (!problems.isEmpty()) {
            throw new StoreRefusedException("the store file " + config.embeddedFile() + " is corrupt: "
                    + String.join("; ", problems.subList(0, Math.min(5, problems.size())))
                    + ". It was left as it is; restore a backup (minerai store restore).");
        }
    }

    /** The problems SQLite's {@code PRAGMA quick_check} or {@code integrity_check} finds (empty when sound). */
    static List<String> integrityProblems(DataSource ds, String pragma) {
        List<String> out = new ArrayList<>();
        try (Connection c = ds.getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("PRAGMA " + pragma)) {
            while (rs.next()) {
                String line = rs.getString(1);
                if (!"ok".equalsIgnoreCase(line)) {
                    out.add(line);
                }
            }
        } catch (SQLException e) {
            out.add(String.valueOf(e.getMessage()));
        }
        return out;
    }

    public StoreConfig config() {
        return config;
    }

    /** Whether this store holds the exclusive lease (opened with {@link #openExclusive}). */
    public boolean exclusive() {
        return lease.isPresent();
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

    /** Connections of the store's pools (both pools of the embedded store added up). */
    public record PoolStats(int active, int idle, int waiting) {}

    public PoolStats poolStats() {
        var w = writer.getHikariPoolMXBean();
        var r = reader == writer ? null : reader.getHikariPoolMXBean();
        if (w == null) {
            return new PoolStats(0, 0, 0);
        }
        return new PoolStats(
                w.getActiveConnections() + (r == null ? 0 : r.getActiveConnections()),
                w.getIdleConnections() + (r == null ? 0 : r.getIdleConnections()),
                w.getThreadsAwaitingConnection() + (r == null ? 0 : r.getThreadsAwaitingConnection()));
    }

    /**
     * Why the store cannot serve now (empty when it can): no connection, a table that cannot be read, or damage that
     * an operation ran into (a failed checksum, a malformed page).
     */
    public Optional<String> readiness() {
        String damage = jdbc.damage();
        if (!damage.isEmpty()) {
            return Optional.of("damaged: " + damage);
        }
        try (var c = reader.getConnection();
                var st = c.createStatement()) {
            st.setQueryTimeout(2);
            for (String table :
                    List.of("scenario", "run", "run_result", "run_series_chunk", "api_token", "audit_head")) {
                try (var rs = st.executeQuery("SELECT 1 FROM " + table + " LIMIT 1")) {
                    rs.next();
                }
            }
            return Optional.empty();
        } catch (SQLException e) {
            return Optional.of("unreachable: " + e.getMessage());
        }
    }

    /** True when a connection can be had and answers a trivial query. */
    public boolean healthy() {
        try (var c = reader.getConnection();
                var st = c.createStatement();
                var rs = st.executeQuery("SELECT 1")) {
            return rs.next();
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        if (reader != writer) {
            reader.close();
        }
        writer.close();
        lease.ifPresent(StoreLease::close);
    }

    /** The writer connection pool, for tests in this package that must reach behind the repositories. */
    DataSource dataSourceForTests() {
        return writer;
    }

    /** A direct connection outside the pools (store maintenance). */
    static Connection connect(StoreConfig config, @Nullable Properties extra) throws SQLException {
        Properties p = config.isEmbedded() ? sqliteProperties(false) : new Properties();
        if (!config.user().isEmpty()) {
            p.setProperty("user", config.user());
        }
        if (!config.password().isEmpty()) {
            p.setProperty("password", config.password());
        }
        if (extra != null) {
            p.putAll(extra);
        }
        return DriverManager.getConnection(config.jdbcUrl(), p);
    }
}
