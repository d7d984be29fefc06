package io.minerai.server;

import io.minerai.store.StoreConfig;
import java.util.Optional;

/**
 * How to run the server.
 *
 * @param host address to bind, {@code 127.0.0.1} by default (loopback only)
 * @param port TCP port, 8080 by default; 0 picks a free one
 * @param store where the store lives
 * @param maxUploadBytes largest accepted request body (dataset uploads), bytes
 * @param maxJsonBytes largest accepted JSON/YAML body (scenarios, run requests), bytes
 * @param runThreads runs executed at the same time; more are queued
 * @param runQueueCapacity runs waiting at most; beyond that new runs are refused with 503
 * @param initialAdminToken the first admin token to accept when the store has none (else one is generated and
 *     printed once); refused when weak (see {@link Tokens#strengthProblem})
 * @param jsonLogs request log lines as JSON objects (one per line) instead of text
 */
public record ServerConfig(
        String host,
        int port,
        StoreConfig store,
        long maxUploadBytes,
        long maxJsonBytes,
        int runThreads,
        int runQueueCapacity,
        Optional<String> initialAdminToken,
        boolean jsonLogs) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;
    public static final long DEFAULT_MAX_UPLOAD_BYTES = 16L * 1024 * 1024;
    public static final long DEFAULT_MAX_JSON_BYTES = 1024L * 1024;
    /** Environment variable holding the first admin token (instead of a generated one). */
    public static final String ADMIN_TOKEN_ENV = "MINERAI_ADMIN_TOKEN";

    public ServerConfig {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
        if (maxUploadBytes < 1024 || maxJsonBytes < 1024) {
            throw new IllegalArgumentException("size limits must be at least 1 KiB");
        }
        if (runThreads < 1 || runQueueCapacity < 1) {
            throw new IllegalArgumentException("runThreads and runQueueCapacity must be >= 1");
        }
        initialAdminToken.ifPresent(Tokens::requireStrong);
    }

    /** Defaults: loopback, port 8080, the embedded store under the user's data directory, one run at a time. */
    public static ServerConfig defaults() {
        return new ServerConfig(
                DEFAULT_HOST,
                DEFAULT_PORT,
                StoreConfig.embedded(StoreConfig.defaultDataDir()),
                DEFAULT_MAX_UPLOAD_BYTES,
                DEFAULT_MAX_JSON_BYTES,
                1,
                16,
                Optional.empty(),
                false);
    }

    public ServerConfig withPort(int p) {
        return new ServerConfig(
                host,
                p,
                store,
                maxUploadBytes,
                maxJsonBytes,
                runThreads,
                runQueueCapacity,
                initialAdminToken,
                jsonLogs);
    }

    public ServerConfig withStore(StoreConfig s) {
        return new ServerConfig(
                host, port, s, maxUploadBytes, maxJsonBytes, runThreads, runQueueCapacity, initialAdminToken, jsonLogs);
    }

    public ServerConfig withAdminToken(String token) {
        return new ServerConfig(
                host,
                port,
                store,
                maxUploadBytes,
                maxJsonBytes,
                runThreads,
                runQueueCapacity,
                Optional.of(token),
                jsonLogs);
    }

    public ServerConfig withLimits(long uploadBytes, long jsonBytes) {
        return new ServerConfig(
                host, port, store, uploadBytes, jsonBytes, runThreads, runQueueCapacity, initialAdminToken, jsonLogs);
    }

    public ServerConfig withRuns(int threads, int queueCapacity) {
        return new ServerConfig(
                host, port, store, maxUploadBytes, maxJsonBytes, threads, queueCapacity, initialAdminToken, jsonLogs);
    }

    public ServerConfig withJsonLogs(boolean json) {
        return new ServerConfig(
                host, port, store, maxUploadBytes, maxJsonBytes, runThreads, runQueueCapacity, initialAdminToken, json);
    }

    @Override
    public String toString() {
        return "ServerConfig[" + host + ":" + port + ", " + store + ", maxUploadBytes=" + maxUploadBytes
                + ", runThreads=" + runThreads + ", runQueueCapacity=" + runQueueCapacity
                + ", initialAdminToken=" + (initialAdminToken.isPresent() ? "(set)" : "(none)") + "]";
    }
}
