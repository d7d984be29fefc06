package io.minerai.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Transactions and value conversions shared by the repositories. Writes go through {@link #tx} (on the embedded store:
 * its single writer connection, so writers never race for SQLite's lock), reads through {@link #read} (a pool of
 * read-only connections that see the last committed state while a write is under way).
 */
final class Jdbc {
    /** Fixed-width UTC text with microseconds: the embedded store's instants sort and compare as text. */
    private static final DateTimeFormatter SQLITE_INSTANT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private final DataSource writer;
    private final DataSource reader;
    /** The last damage an operation ran into, for readiness; empty while none was seen. */
    private volatile String damage = "";

    Jdbc(DataSource writer, DataSource reader) {
        this.writer = writer;
        this.reader = reader;
    }

    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** Runs {@code work} in one write transaction: committed when it returns, rolled back when it throws. */
    <T> T tx(String what, Work<T> work) {
        return inTransaction(writer, what, work);
    }

    /** Runs {@code work} in one read transaction (a consistent snapshot); it must not write. */
    <T> T read(String what, Work<T> work) {
        return inTransaction(reader, what, work);
    }

    /** The last damage an operation ran into ("" while none was seen). */
    String damage() {
        return damage;
    }

    private <T> T inTransaction(DataSource ds, String what, Work<T> work) {
        try {
            return inTransaction0(ds, what, work);
        } catch (StoreDamagedException e) {
            damage = String.valueOf(e.getMessage());
            throw e;
        } catch (StoreException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof org.sqlite.SQLiteException se
                        && (se.getResultCode() == org.sqlite.SQLiteErrorCode.SQLITE_CORRUPT
                                || se.getResultCode() == org.sqlite.SQLiteErrorCode.SQLITE_NOTADB)) {
                    damage = what + ": " + se.getMessage();
                    throw new StoreDamagedException("the store is damaged (" + what + "): " + se.getMessage(), e);
                }
            }
            throw e;
        }
    }

    private static <T> T inTransaction0(DataSource ds, String what, Work<T> work) {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollbackQuietly(c, e);
                if (e instanceof SQLException) {
                    // a connection that failed inside a transaction (disk full, I/O error, lost server) may be left
                    // in a state no rollback repairs: SQLite rolls back by itself on SQLITE_FULL, and the driver then
                    // refuses every later commit. It leaves the pool, and the next transaction gets a fresh one, so
                    // the store recovers by itself once the cause is gone.
                    evict(ds, c);
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException(what + " failed: " + e.getMessage(), e);
        }
    }

    private static void evict(DataSource ds, Connection c) {
        if (ds instanceof com.zaxxer.hikari.HikariDataSource h) {
            h.evictConnection(c);
        }
    }

    private static void rollbackQuietly(Connection c, Throwable cause) {
        try {
            c.rollback();
        } catch (SQLException r) {
            cause.addSuppressed(r);
        }
    }

    static boolean isSqlite(Connection c) throws SQLException {
        return c.isWrapperFor(org.sqlite.SQLiteConnection.class);
    }

    /** {@code " FOR UPDATE"} where the database has row locks (PostgreSQL); SQLite's writer lock already serialises. */
    static String forUpdate(Connection c) throws SQLException {
        return isSqlite(c) ? "" : " FOR UPDATE";
    }

    static void setInstant(PreparedStatement ps, int index, @Nullable Instant t) throws SQLException {
        if (t == null) {
            ps.setObject(index, null);
        } else if (isSqlite(ps.getConnection())) {
            ps.setString(index, SQLITE_INSTANT.format(t));
        } else {
            ps.setObject(index, OffsetDateTime.ofInstant(t, ZoneOffset.UTC));
        }
    }

    static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
        Object o = rs.getObject(column);
        if (o == null) {
            return Optional.empty();
        }
        if (o instanceof String s) {
            return Optional.of(Instant.parse(s));
        }
        if (o instanceof java.sql.Timestamp ts) {
            return Optional.of(ts.toInstant());
        }
        if (o instanceof OffsetDateTime odt) {
            return Optional.of(odt.toInstant());
        }
        return Optional.of(rs.getObject(column, OffsetDateTime.class).toInstant());
    }

    static Instant requiredInstant(ResultSet rs, String column) throws SQLException {
        return instant(rs, column).orElseThrow(() -> new StoreException(column + " is unexpectedly empty"));
    }

    static Optional<Double> optionalDouble(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(v);
    }
}
