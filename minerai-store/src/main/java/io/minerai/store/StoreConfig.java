package io.minerai.store;

import java.nio.file.Path;

/**
 * Where the store lives.
 *
 * @param jdbcUrl e.g. {@code jdbc:h2:file:/home/me/.minerai/minerai} or {@code jdbc:postgresql://host:5432/minerai}
 * @param user database user ("" for none)
 * @param password database password ("" for none); never logged
 * @param maxPoolSize connection pool size
 */
public record StoreConfig(String jdbcUrl, String user, String password, int maxPoolSize) {
    public StoreConfig {
        if (!jdbcUrl.startsWith("jdbc:h2:") && !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException(
                    "store URL must start with jdbc:h2: or jdbc:postgresql:, was " + redact(jdbcUrl));
        }
        if (maxPoolSize < 1) {
            throw new IllegalArgumentException("maxPoolSize must be >= 1, was " + maxPoolSize);
        }
    }

    /** The embedded H2 store in a file {@code minerai.mv.db} under {@code dataDir}. */
    public static StoreConfig embedded(Path dataDir) {
        Path file = dataDir.toAbsolutePath().resolve("minerai");
        return new StoreConfig("jdbc:h2:file:" + file + ";DB_CLOSE_ON_EXIT=FALSE", "", "", 8);
    }

    /** An in-memory H2 store (tests, demos); gone when closed. */
    public static StoreConfig inMemory(String name) {
        return new StoreConfig("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "", "", 8);
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
        return jdbcUrl.startsWith("jdbc:postgresql:");
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
