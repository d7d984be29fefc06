package io.minerai.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;

/**
 * The exclusive right of one process to serve a store: an operating-system lock on {@code minerai.db.lock} beside the
 * embedded file, or a session-level advisory lock on PostgreSQL (held by a connection of its own outside the pool).
 * Either is released by the operating system or the database when the holder dies, even by SIGKILL, so a stale lease
 * never blocks a restart. A second server fails to take it and stops before touching the store.
 */
public final class StoreLease implements AutoCloseable {
    /** The advisory lock key on PostgreSQL (per database): "minerai" in ASCII. */
    static final long ADVISORY_KEY = 0x6d696e657261_69L;

    private final AutoCloseable held;

    private StoreLease(AutoCloseable held) {
        this.held = held;
    }

    /** Takes the lease, or throws {@link StoreLockedException} when another process holds it. */
    static StoreLease acquire(StoreConfig config) {
        return config.isEmbedded() ? fileLock(config) : advisoryLock(config);
    }

    static Path lockFile(StoreConfig config) {
        Path db = config.embeddedFile();
        return db.resolveSibling(db.getFileName() + ".lock");
    }

    private static StoreLease fileLock(StoreConfig config) {
        Path lockFile = lockFile(config);
        FileChannel ch;
        try {
            EmbeddedFiles.createPrivateDirectories(config.embeddedDir());
            EmbeddedFiles.createPrivateFile(lockFile);
            ch = FileChannel.open(lockFile, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new StoreException("cannot open the store's lock file " + lockFile + ": " + e.getMessage(), e);
        }
        try {
            FileLock lock = ch.tryLock();
            if (lock == null) {
                closeQuietly(ch);
                throw locked(config, "the lock file " + lockFile + " is held by another process");
            }
            return new StoreLease(() -> {
                lock.release();
                ch.close();
            });
        } catch (OverlappingFileLockException e) {
            closeQuietly(ch);
            throw locked(config, "this process already serves it");
        } catch (IOException e) {
            closeQuietly(ch);
            throw new StoreException("cannot lock " + lockFile + ": " + e.getMessage(), e);
        }
    }

    private static StoreLease advisoryLock(StoreConfig config) {
        Properties p = new Properties();
        if (!config.user().isEmpty()) {
            p.setProperty("user", config.user());
        }
        if (!config.password().isEmpty()) {
            p.setProperty("password", config.password());
        }
        p.setProperty("connectTimeout", "10");
        p.setProperty("ApplicationName", "minerai-lease");
        Connection c;
        try {
            c = DriverManager.getConnection(config.jdbcUrl(), p);
        } catch (SQLException e) {
            throw new StoreException("cannot open the store at " + config.redactedUrl() + ": " + e.getMessage(), e);
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            ps.setLong(1, ADVISORY_KEY);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    closeQuietly(c);
                    throw locked(config, "another session holds its advisory lock " + ADVISORY_KEY);
                }
            }
            return new StoreLease(c);
        } catch (SQLException e) {
            closeQuietly(c);
            throw new StoreException("cannot lock the store at " + config.redactedUrl() + ": " + e.getMessage(), e);
        }
    }

    private static StoreLockedException locked(StoreConfig config, String why) {
        return new StoreLockedException("another minerai server is using the store " + config.redactedUrl() + " (" + why
                + "); stop it first, or give this one another store. Nothing was changed.");
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            // already failing
        }
    }

    @Override
    public void close() {
        closeQuietly(held);
    }
}
