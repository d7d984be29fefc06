package io.minerai.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code minerai store check|backup|restore}: verify a store, copy it into a new embedded store file (a backup, from
 * either kind of store), and copy a backup into an empty store of either kind.
 */
public final class StoreMaintenance {
    /** Tables in an order that respects their references; the schema history is not copied (each side has its own). */
    static final List<String> TABLES = List.of(
            "scenario",
            "scenario_version",
            "dataset",
            "run",
            "run_result",
            "run_series_column",
            "run_series_chunk",
            "api_token",
            "audit_entry",
            "audit_head");

    private StoreMaintenance() {}

    /**
     * What {@code store check} found.
     *
     * @param problems every problem, each naming what it concerns; empty when the store is sound
     * @param runsChecked succeeded runs whose result and every ledger column were read back whole
     * @param auditEntries audit entries on the verified chain
     */
    public record CheckReport(List<String> problems, int runsChecked, long auditEntries) {
        public boolean sound() {
            return problems.isEmpty();
        }
    }

    /**
     * Checks a store: SQLite's full {@code integrity_check} (embedded), the audit chain against its head, and every
     * succeeded run: its result is there and each ledger column reads back whole (counts and checksums); no result
     * belongs to a run that did not succeed.
     */
    public static CheckReport check(Store store) {
        List<String> problems = new ArrayList<>();
        if (store.config().isEmbedded()) {
            for (String p : Store.integrityProblems(store.dataSourceForTests(), "integrity_check")) {
                problems.add("integrity: " + p);
            }
        }
        AuditVerification audit = store.auditLog().verify();
        if (!audit.intact()) {
            problems.add("audit chain: " + audit.problem());
        }
        int checked = 0;
        for (RunRecord r : store.runs().withStatus(RunStatus.SUCCEEDED)) {
            try {
                if (store.runs().summaryJson(r.id()).isEmpty()) {
                    problems.add("run " + r.id() + ": succeeded but has no result");
                    continue;
                }
                int n = store.runs().ledgerSize(r.id());
                List<String> names = store.runs().columns(r.id()).stream()
                        .map(ColumnInfo::name)
                        .toList();
                if (n > 0 && names.isEmpty()) {
                    problems.add("run " + r.id() + ": its result has " + n + " intervals but no ledger columns");
                    continue;
                }
                for (String name : names) {
                    store.runs().series(r.id(), List.of(name), 0, n);
                }
                checked++;
            } catch (StoreException e) {
                problems.add("run " + r.id() + ": " + e.getMessage());
            }
        }
        try (Connection c = store.dataSourceForTests().getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT r.run_id FROM run_result r JOIN run ON run.id = r.run_id"
                        + " WHERE run.status <> 'SUCCEEDED'")) {
            while (rs.next()) {
                problems.add("run " + rs.getLong(1) + ": has a result but did not succeed (half stored)");
            }
        } catch (SQLException e) {
            problems.add("cannot list results: " + e.getMessage());
        }
        return new CheckReport(List.copyOf(problems), checked, audit.entries());
    }

    /**
     * Copies the store into a new embedded store file {@code target} (which must not exist), from one consistent
     * snapshot of the source. Works on both kinds of store; the backup is itself an embedded store (0600).
     */
    public static void backup(Store source, Path target, Clock clock) {
        if (Files.exists(target)) {
            throw new StoreRefusedException("the backup file " + target + " exists already; name a new file");
        }
        Path dir = target.toAbsolutePath().getParent();
        Path staging = (dir == null ? Path.of(".") : dir).resolve(target.getFileName() + ".part");
        try {
            deleteEmbedded(staging);
            Files.createDirectories(staging);
            StoreConfig stagingConfig = StoreConfig.embedded(staging);
            try (Store copy = Store.open(stagingConfig, clock)) {
                copyAll(source, copy);
            }
            Files.move(stagingConfig.embeddedFile(), target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            deleteEmbedded(staging);
        } catch (java.io.IOException e) {
            throw new StoreException("cannot write the backup " + target + ": " + e.getMessage(), e);
        }
    }

    /**
     * Copies a backup (an embedded store file) into {@code target}, which must be empty: no scenarios, runs, datasets,
     * tokens or audit entries. The backup is checked first and refused when it is not sound.
     */
    public static CheckReport restore(Path backup, Store target, Clock clock) {
        if (!Files.isRegularFile(backup)) {
            throw new StoreRefusedException("the backup " + backup + " is not a file");
        }
        if (!empty(target)) {
            throw new StoreRefusedException("the store " + target.config().redactedUrl() + " is not empty: a backup"
                    + " is restored only into an empty store, so that nothing in it is lost; move it away first");
        }
        Path work;
        try {
            work = Files.createTempDirectory("minerai-restore-");
            Files.copy(backup, work.resolve(StoreConfig.EMBEDDED_FILE));
        } catch (java.io.IOException e) {
            throw new StoreException("cannot read the backup " + backup + ": " + e.getMessage(), e);
        }
        try (Store source = Store.open(StoreConfig.embedded(work), clock)) {
            CheckReport report = check(source);
            if (!report.sound()) {
                throw new StoreRefusedException("the backup " + backup + " is not sound; nothing was restored: "
                        + String.join("; ", report.problems()));
            }
            copyAll(source, target);
            return report;
        } finally {
            deleteEmbedded(work);
        }
    }

    static boolean empty(Store store) {
        try (Connection c = store.dataSourceForTests().getConnection();
                Statement st = c.createStatement()) {
            for (String t : List.of("scenario", "dataset", "run", "api_token", "audit_entry")) {
                try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + t)) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        return false;
                    }
                }
            }
            return true;
        } catch (SQLException e) {
            throw new StoreException("cannot read the store: " + e.getMessage(), e);
        }
    }

    /** Copies every table from one consistent read of {@code from} into {@code to} in one transaction. */
    static void copyAll(Store from, Store to) {
        try (Connection src = from.dataSourceForTests().getConnection();
                Connection dst = to.dataSourceForTests().getConnection()) {
            src.setAutoCommit(false);
            if (!Jdbc.isSqlite(src)) {
                src.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            }
            dst.setAutoCommit(false);
            try {
                try (Statement st = dst.createStatement()) {
                    st.executeUpdate("DELETE FROM audit_head");
                }
                for (String table : TABLES) {
                    copyTable(src, dst, table);
                }
                if (!Jdbc.isSqlite(dst)) {
                    try (Statement st = dst.createStatement()) {
                        for (String[] t : new String[][] {
                            {"scenario", "id"},
                            {"dataset", "id"},
                            {"run", "id"},
                            {"api_token", "id"},
                            {"audit_entry", "sequence"}
                        }) {
                            st.execute("SELECT setval(pg_get_serial_sequence('" + t[0] + "', '" + t[1] + "'),"
                                    + " COALESCE((SELECT MAX(" + t[1] + ") FROM " + t[0] + "), 0) + 1, false)");
                        }
                    }
                }
                dst.commit();
                src.commit();
            } catch (SQLException | RuntimeException e) {
                dst.rollback();
                src.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("copying the store failed: " + e.getMessage(), e);
        }
    }

    private static void copyTable(Connection src, Connection dst, String table) throws SQLException {
        try (Statement st = src.createStatement();
                ResultSet rs = st.executeQuery("SELECT * FROM " + table)) {
            ResultSetMetaData md = rs.getMetaData();
            int n = md.getColumnCount();
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                names.add(md.getColumnLabel(i).toLowerCase(java.util.Locale.ROOT));
            }
            String sql = "INSERT INTO " + table + " (" + String.join(", ", names) + ") VALUES ("
                    + String.join(", ", java.util.Collections.nCopies(n, "?")) + ")";
            try (PreparedStatement ps = dst.prepareStatement(sql)) {
                int batch = 0;
                while (rs.next()) {
                    for (int i = 1; i <= n; i++) {
                        String name = names.get(i - 1);
                        if (name.endsWith("_utc")) {
                            Jdbc.setInstant(ps, i, Jdbc.instant(rs, name).orElse(null));
                        } else if (name.equals("data")) {
                            ps.setBytes(i, rs.getBytes(i));
                        } else {
                            ps.setObject(i, rs.getObject(i));
                        }
                    }
                    ps.addBatch();
                    if (++batch % 500 == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
        }
    }

    private static void deleteEmbedded(Path dir) {
        try {
            if (Files.isDirectory(dir)) {
                try (var files = Files.walk(dir)) {
                    for (Path p :
                            files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        } catch (java.io.IOException e) {
            // a temporary folder left behind
        }
    }
}
