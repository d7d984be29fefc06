package io.minerai.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the store lives.
 *
 * @param jdbcUrl e.g. {@code jdbc:sqlite:/home/me/.minerai/minerai.db} (the embedded store) or
 *     {@code jdbc:postgresql://host:5432/minerai}
 * @param user database user ("" for none)
 * @param password database password ("" for none); never logged
 * @param maxPoolSize connection pool size (readers for the embedded store, which has one writer connection)
 */
public record StoreConfig(String jdbcUrl, String user, String password, int maxPoolSize) {
    static final String SQLITE_PREFIX = "jdbc:sqlite:";
    static final String POSTGRES_PREFIX = "jdbc:postgresql:";

    /** File name of the embedded store under its data directory. */
    public static final String EMBEDDED_FILE = "minerai.db";

    public StoreConfig {
        if (!jdbcUrl.startsWith(SQLITE_PREFIX) && !jdbcUrl.startsWith(POSTGRES_PREFIX)) {
            throw new IllegalArgumentException(
                    "store URL must start with jdbc:sqlite: (a file) or jdbc:postgresql:, was " + redact(jdbcUrl));
        }
        if (jdbcUrl.startsWith(SQLITE_PREFIX)) {
            String file = jdbcUrl.substring(SQLITE_PREFIX.length());
            if (file.isBlank() || file.contains(":memory:") || file.contains("mode=memory") || file.contains("?")) {
                throw new IllegalArgumentException(
                        "an embedded store URL names a file, jdbc:sqlite:/path/minerai.db, without options; was "
                                + jdbcUrl);
            }
        }
        if (maxPoolSize < 1) {
            throw new IllegalArgumentException("maxPoolSize must be >= 1, was " + maxPoolSize);
        }
    }

    /** The embedded store: the SQLite file {@code minerai.db} under {@code dataDir}. */
    public static StoreConfig embedded(Path dataDir) {
        Path file = dataDir.toAbsolutePath().resolve(EMBEDDED_FILE);
        return new StoreConfig(SQLITE_PREFIX + file, "", "", 8);
    }

    /**
     * An embedded store in a new temporary folder (tests, demos), deleted when the JVM exits. Each call gives a new,
     * empty store.
     */
    public static StoreConfig temporary() {
        try {
            Path dir = Files.createTempDirectory("minerai-store-");
            dir.toFile().deleteOnExit();
            for (String f : Store.embeddedFiles()) {
                dir.resolve(f).toFile().deleteOnExit();
            }
            return embedded(dir);
        } catch (IOException e) {
            throw new StoreException("cannot create a temporary store folder: " + e.getMessage(), e);
        }
    }

    /**
     * The user's data directory: {@code $MINERAI_HOME} when set, else {@code ~/.minerai}.
     */
    public static Path defaultDataDir() {
        String home = System.getenv("MINERAI_HOME");
        if (home != null && !home.isBlank()) {
            return Path.of(home);
        }
        return Path.of(System.getProperty("user.home"), ".minerai");
    }

    public boolean isPostgres() {
        return jdbcUrl.startsWith(POSTGRES_PREFIX);
    }

    /** Whether this is the embedded (SQLite file) store. */
    public boolean isEmbedded() {
        return jdbcUrl.startsWith(SQLITE_PREFIX);
    }

    /** The file of the embedded store. */
    public Path embeddedFile() {
        if (!isEmbedded()) {
            throw new IllegalStateException("not an embedded store: " + redactedUrl());
        }
        return Path.of(jdbcUrl.substring(SQLITE_PREFIX.length())).toAbsolutePath();
    }

    /** The folder of the embedded store. */
    public Path embeddedDir() {
        return java.util.Objects.requireNonNull(embeddedFile().getParent(), "the store file has a folder");
    }

    /** "sqlite" or "postgresql". */
    public String kind() {
        return isEmbedded() ? "sqlite" : "postgresql";
    }

    /** The URL without a password parameter, for messages and logs. */
    public String redactedUrl() {
        return redact(jdbcUrl);
    }

    private static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    @Override
    public String toString() {
        return "StoreConfig[" + redactedUrl() + ", user=" + user + ", pool=" + maxPoolSize + "]";
    }
}
