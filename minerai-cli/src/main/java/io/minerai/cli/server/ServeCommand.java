package io.minerai.cli.server;

import io.minerai.cli.ExitCodes;
import io.minerai.core.validation.Problem;
import io.minerai.core.validation.ValidationException;
import io.minerai.server.MineraiServer;
import io.minerai.server.ServerConfig;
import io.minerai.server.run.RunKinds;
import io.minerai.store.StoreConfig;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Starts the HTTP server: REST API, dashboard, health and metrics, until Ctrl-C. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = {
            "Serve the REST API (/api, described at /api/openapi.json) and the web dashboard (/) on loopback port 8080,"
                    + " with an embedded store under ~/.minerai (or $MINERAI_HOME), until Ctrl-C.",
            "At first start an admin token is printed once (or taken from $" + ServerConfig.ADMIN_TOKEN_ENV + ") and"
                    + " the bundled default scenario is stored, so the dashboard can run a backtest at once."
        },
        footer = {
            "",
            "Examples:",
            "  ./minerai serve                                  # http://127.0.0.1:8080/",
            "  ./minerai serve --port 9000 --data-dir /srv/minerai",
            "  MINERAI_DB_PASSWORD=... ./minerai serve --db jdbc:postgresql://db:5432/minerai --db-user minerai"
        })
public final class ServeCommand implements Callable<Integer> {
    /** Environment variable holding the PostgreSQL password (never a command-line option: it would show in ps). */
    public static final String DB_PASSWORD_ENV = "MINERAI_DB_PASSWORD";

    @Spec
    @SuppressWarnings("NullAway.Init")
    CommandSpec spec;

    @Option(
            names = "--host",
            defaultValue = ServerConfig.DEFAULT_HOST,
            description = "Address to listen on (default ${DEFAULT-VALUE}, this machine only; 0.0.0.0 for all).")
    String host = ServerConfig.DEFAULT_HOST;

    @Option(names = "--port", defaultValue = "8080", description = "TCP port (default ${DEFAULT-VALUE}; 0 = any free).")
    int port = ServerConfig.DEFAULT_PORT;

    @Option(names = "--data-dir", description = "Folder of the embedded store (default $MINERAI_HOME or ~/.minerai).")
    @Nullable
    Path dataDir;

    @Option(
            names = "--db",
            description =
                    "A PostgreSQL JDBC URL instead of the embedded store, e.g. jdbc:postgresql://host:5432/minerai;"
                            + " the password comes from $" + DB_PASSWORD_ENV + ".")
    @Nullable
    String dbUrl;

    @Option(names = "--db-user", description = "Database user for --db.")
    @Nullable
    String dbUser;

    @Option(
            names = "--run-threads",
            defaultValue = "1",
            description = "Runs executed at the same time (default ${DEFAULT-VALUE}); more wait in the queue.")
    int runThreads = 1;

    @Option(
            names = "--run-queue",
            defaultValue = "16",
            description = "Runs that may wait (default ${DEFAULT-VALUE}); more are refused with 503.")
    int runQueue = 16;

    @Option(
            names = "--max-upload-mb",
            defaultValue = "16",
            description = "Largest dataset upload in MiB (default ${DEFAULT-VALUE}).")
    int maxUploadMb = 16;

    @Option(
            names = "--log-format",
            defaultValue = "text",
            description = "Request log lines as text or json (one JSON object per line; default ${DEFAULT-VALUE}).")
    String logFormat = "text";

    private final CountDownLatch stop = new CountDownLatch(1);
    private volatile int boundPort = -1;

    @Override
    public Integer call() throws InterruptedException {
        ServerConfig config = config();
        java.io.PrintWriter writer = spec.commandLine().getOut();
        PrintStream out = new PrintStream(
                new java.io.OutputStream() {
                    @Override
                    public void write(int b) {
                        writer.write(b);
                    }

                    @Override
                    public void flush() {
                        writer.flush();
                    }
                },
                true,
                StandardCharsets.UTF_8);
        MineraiServer server = MineraiServer.start(config, RunKinds.standard(), Clock.systemUTC(), out);
        boundPort = server.port();
        Thread hook = new Thread(
                () -> {
                    stop.countDown();
                    server.close();
                },
                "minerai-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        String url = "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + server.port() + "/";
        spec.commandLine()
                .getOut()
                .println("minerai: serving the dashboard at " + url + " and the API at " + url + "api (store: "
                        + config.store().redactedUrl() + "); Ctrl-C stops");
        spec.commandLine().getOut().flush();
        stop.await();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
            server.close();
        } catch (IllegalStateException shuttingDown) {
            // the hook is closing the server
        }
        return ExitCodes.OK;
    }

    ServerConfig config() {
        List<Problem> problems = new ArrayList<>();
        if (port < 0 || port > 65_535) {
            problems.add(new Problem("--port", "must be 0..65535, was " + port));
        }
        if (runThreads < 1 || runThreads > 64) {
            problems.add(new Problem("--run-threads", "must be 1..64, was " + runThreads));
        }
        if (runQueue < 1 || runQueue > 10_000) {
            problems.add(new Problem("--run-queue", "must be 1..10000, was " + runQueue));
        }
        if (maxUploadMb < 1 || maxUploadMb > 1024) {
            problems.add(new Problem("--max-upload-mb", "must be 1..1024, was " + maxUploadMb));
        }
        if (dbUrl != null && !dbUrl.startsWith("jdbc:postgresql:") && !dbUrl.startsWith("jdbc:sqlite:")) {
            problems.add(new Problem("--db", "must be a jdbc:postgresql: URL (or jdbc:sqlite:/path/minerai.db)"));
        }
        if (dbUrl != null && dataDir != null) {
            problems.add(new Problem("--data-dir", "use either --data-dir (embedded store) or --db"));
        }
        String adminToken = System.getenv(ServerConfig.ADMIN_TOKEN_ENV);
        if (adminToken != null) {
            io.minerai.server.Tokens.strengthProblem(adminToken)
                    .ifPresent(p -> problems.add(new Problem("$" + ServerConfig.ADMIN_TOKEN_ENV, p)));
        }
        if (!logFormat.equals("text") && !logFormat.equals("json")) {
            problems.add(new Problem("--log-format", "must be text or json, was '" + logFormat + "'"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException("serve options", problems);
        }
        StoreConfig store = dbUrl == null
                ? StoreConfig.embedded(dataDir == null ? StoreConfig.defaultDataDir() : dataDir)
                : new StoreConfig(
                        dbUrl,
                        dbUser == null ? "" : dbUser,
                        Optional.ofNullable(System.getenv(DB_PASSWORD_ENV)).orElse(""),
                        8);
        long upload = maxUploadMb * 1024L * 1024L;
        return new ServerConfig(
                host,
                port,
                store,
                upload,
                ServerConfig.DEFAULT_MAX_JSON_BYTES,
                runThreads,
                runQueue,
                Optional.ofNullable(adminToken),
                logFormat.equals("json"));
    }

    /** The port the server listens on once started, -1 before. */
    int boundPort() {
        return boundPort;
    }

    /** Stops a running {@link #call()} (tests). */
    void stop() {
        stop.countDown();
    }
}
