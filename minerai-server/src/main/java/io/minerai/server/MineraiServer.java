package io.minerai.server;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.minerai.core.scenario.Scenario;
import io.minerai.core.scenario.ScenarioReader;
import io.minerai.core.scenario.ScenarioWriter;
import io.minerai.core.validation.ValidationException;
import io.minerai.server.run.RunKinds;
import io.minerai.server.run.RunService;
import io.minerai.store.Role;
import io.minerai.store.Store;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server: takes the store's exclusive lease and opens it (migrating it), makes the first admin token when there is
 * none, binds its port, then marks runs interrupted by a previous stop as failed and requeues waiting ones, and serves
 * the API, the dashboard, health and metrics.
 */
public final class MineraiServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MineraiServer.class);
    private static final String WEB = "/io/minerai/server/web";
    private final Store store;
    private final RunService runs;
    private final Javalin app;
    private final PrometheusMeterRegistry meters;
    private final List<Route> routes;

    private MineraiServer(
            Store store, RunService runs, Javalin app, PrometheusMeterRegistry meters, List<Route> routes) {
        this.store = store;
        this.runs = runs;
        this.app = app;
        this.meters = meters;
        this.routes = routes;
    }

    /**
     * Starts a server.
     *
     * @param config where and how
     * @param kinds run kinds offered
     * @param clock clock for timestamps
     * @param console where the first admin token is printed (once), e.g. System.out
     */
    public static MineraiServer start(ServerConfig config, RunKinds kinds, Clock clock, PrintStream console) {
        // the lease first: a second server on the same store stops here, before reading or changing anything
        Store store = Store.openExclusive(config.store(), clock);
        try {
            bootstrapAdmin(store, config, console);
            seedDefaultScenario(store);
            PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            new JvmMemoryMetrics().bindTo(meters);
            new ProcessorMetrics().bindTo(meters);
            new io.micrometer.core.instrument.binder.jvm.JvmGcMetrics().bindTo(meters);
            new io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics().bindTo(meters);
            bindStoreAndBuildMetrics(store, meters);
            RunService runs =
                    new RunService(store, kinds, clock, meters, config.runThreads(), config.runQueueCapacity());
            RunService.Leftovers leftovers = runs.leftovers();
            Auth auth = new Auth(store, clock, meters);
            List<Route> routes = new ArrayList<>();
            routes.addAll(systemRoutes(store, runs, meters));
            routes.addAll(new ScenarioRoutes(store, config, clock).routes());
            routes.addAll(new DatasetRoutes(store, config, clock).routes());
            routes.addAll(new RunRoutes(store, runs, kinds, config, clock).routes());
            routes.addAll(new TokenRoutes(store, config, clock, auth).routes());
            Javalin app = Javalin.create(cfg -> {
                cfg.startup.showJavalinBanner = false;
                cfg.startup.showOldJavalinVersionWarning = false;
                cfg.http.maxRequestSize = Math.max(config.maxUploadBytes(), config.maxJsonBytes());
                long maxBody = Math.max(config.maxUploadBytes(), config.maxJsonBytes());
                cfg.jetty.modifyServletContextHandler(h -> h.addFilter(
                        new org.eclipse.jetty.ee10.servlet.FilterHolder(new RequestBodyDrain(maxBody)),
                        "/*",
                        java.util.EnumSet.of(jakarta.servlet.DispatcherType.REQUEST)));
                cfg.staticFiles.add(sf -> {
                    sf.hostedPath = "/";
                    sf.directory = WEB;
                    sf.location = Location.CLASSPATH;
                    sf.headers = securityHeaders();
                });
                // Javalin would route a request by its X-HTTP-Method-Override header (a GET that deletes, past
                // method-based proxy rules): such requests are refused before any routing
                cfg.routes.before(ctx -> {
                    for (String h : METHOD_OVERRIDE_HEADERS) {
                        if (ctx.req().getHeader(h) != null) {
                            ctx.skipRemainingHandlers();
                            ctx.header("X-Request-Id", RequestIds.next());
                            Http.problem(
                                    ctx,
                                    ApiException.badRequest("method override headers (" + h + ") are not accepted;"
                                            + " send the request with its real method"));
                            return;
                        }
                    }
                });
                Map<String, java.util.Set<Route.Method>> methods = new LinkedHashMap<>();
                for (Route r : routes) {
                    methods.computeIfAbsent(r.path(), p -> java.util.EnumSet.noneOf(Route.Method.class))
                            .add(r.method());
                }
                methods.forEach((path, allowed) -> {
                    String allow = allowed.stream().map(Enum::name).collect(java.util.stream.Collectors.joining(", "));
                    io.javalin.http.Handler notAllowed = ctx -> {
                        ctx.header("Allow", allow);
                        ctx.header("X-Request-Id", RequestIds.next());
                        Http.problem(
                                ctx,
                                new ApiException(
                                        405,
                                        "Method not allowed",
                                        ctx.method().name() + " is not allowed on " + path + "; allowed: " + allow));
                    };
                    for (Route.Method m : Route.Method.values()) {
                        if (!allowed.contains(m)) {
                            switch (m) {
                                case GET -> cfg.routes.get(path, notAllowed);
                                case POST -> cfg.routes.post(path, notAllowed);
                                case PUT -> cfg.routes.put(path, notAllowed);
                                case DELETE -> cfg.routes.delete(path, notAllowed);
                                case PATCH -> cfg.routes.patch(path, notAllowed);
                            }
                        }
                    }
                });
                for (Route r : routes) {
                    io.javalin.http.Handler h = wrap(r, auth, meters, config);
                    switch (r.method()) {
                        case GET -> cfg.routes.get(r.path(), h);
                        case POST -> cfg.routes.post(r.path(), h);
                        case PUT -> cfg.routes.put(r.path(), h);
                        case DELETE -> cfg.routes.delete(r.path(), h);
                        case PATCH -> cfg.routes.patch(r.path(), h);
                    }
                }
                cfg.routes.error(404, ctx -> {
                    if (ctx.path().startsWith("/api/")) {
                        Http.problem(ctx, new ApiException(404, "Not found", "no such resource: " + ctx.path()));
                    }
                });
                cfg.requestLogger.http((ctx, ms) -> RequestLog.log(ctx, ms, config.jsonLogs()));
            });
            app.start(config.host(), config.port());
            // runs interrupted by a previous stop are failed and waiting ones queued only once this server holds the
            // store's lease and its port: a server that cannot serve changes nothing
            runs.recover(leftovers);
            LOG.info(
                    "minerai server on http://{}:{}/ with store {}",
                    config.host(),
                    app.port(),
                    config.store().redactedUrl());
            return new MineraiServer(store, runs, app, meters, List.copyOf(routes));
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    private static Map<String, String> securityHeaders() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("X-Content-Type-Options", "nosniff");
        h.put("X-Frame-Options", "DENY");
        h.put("Referrer-Policy", "no-referrer");
        h.put(
                "Content-Security-Policy",
                "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:;"
                        + " connect-src 'self'; frame-ancestors 'none'");
        return h;
    }

    private static final List<String> METHOD_OVERRIDE_HEADERS =
            List.of("X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override");

    private static io.javalin.http.Handler wrap(
            Route r, Auth auth, PrometheusMeterRegistry meters, ServerConfig config) {
        return ctx -> {
            long t0 = System.nanoTime();
            String requestId = RequestIds.from(ctx.header("X-Request-Id"));
            ctx.attribute(RequestLog.REQUEST_ID, requestId);
            ctx.header("X-Request-Id", requestId);
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("Cache-Control", "no-store");
            try {
                Principal who =
                        r.role().isPresent() ? auth.require(ctx, r.role().get()) : Principal.ANONYMOUS;
                ctx.attribute(RequestLog.TOKEN_ID, who.tokenId());
                r.handler().handle(ctx, who);
            } catch (ApiException e) {
                Http.problem(ctx, e);
            } catch (ValidationException e) {
                Http.problem(
                        ctx,
                        new ApiException(
                                422,
                                "Invalid input",
                                e.total()
                                        + (e.total() == 1 ? " problem" : " problems")
                                        + (e.omitted() > 0
                                                ? " found; the first "
                                                        + e.problems().size() + " are listed in errors with their paths"
                                                : " found; each is listed in errors with its path"),
                                e.problems()));
            } catch (HttpResponseException e) {
                int status = e.getStatus();
                String title = status == 413 ? "Content too large" : "Request refused";
                Http.problem(ctx, new ApiException(status, title, String.valueOf(e.getMessage())));
            } catch (io.minerai.store.StoreException e) {
                LOG.error(
                        "store error on {} {} (request {}): {}",
                        ctx.method(),
                        r.path(),
                        requestId,
                        String.valueOf(e.getMessage()));
                Http.problem(ctx, new ApiException(503, "Store unavailable", "the store failed; see the server log"));
            } catch (IllegalArgumentException | java.time.DateTimeException | ArithmeticException e) {
                // bad input that got past the checks of a route: still the client's, never a server error
                LOG.info("refused input on {} {} (request {}): {}", ctx.method(), r.path(), requestId, e.getMessage());
                Http.problem(
                        ctx,
                        ApiException.badRequest(
                                "the request cannot be processed: " + Http.shorten(String.valueOf(e.getMessage()))));
            } catch (Exception e) {
                LOG.error("internal error on {} {}", ctx.method(), r.path(), e);
                Http.problem(ctx, new ApiException(500, "Internal error", "unexpected error; see the server log"));
            } finally {
                Timer.builder("http.server.requests")
                        .description("API requests by route and status")
                        .tag("method", r.method().name())
                        .tag("route", r.path())
                        .tag("status", String.valueOf(ctx.statusCode()))
                        .publishPercentileHistogram()
                        .register(meters)
                        .record(System.nanoTime() - t0, java.util.concurrent.TimeUnit.NANOSECONDS);
            }
        };
    }

    private static List<Route> systemRoutes(Store store, RunService runs, PrometheusMeterRegistry meters) {
        String openapi = resource("/io/minerai/server/openapi.json");
        return List.of(
                Route.open(Route.Method.GET, "/api/health", (ctx, who) -> ready(ctx, store)),
                Route.open(Route.Method.GET, "/api/health/live", (ctx, who) -> live(ctx)),
                Route.open(Route.Method.GET, "/api/health/ready", (ctx, who) -> ready(ctx, store)),
                Route.open(
                        Route.Method.GET,
                        "/api/openapi.json",
                        (ctx, who) ->
                                ctx.status(200).contentType("application/json").result(openapi)),
                Route.get(
                        "/metrics",
                        Role.VIEWER,
                        (ctx, who) -> ctx.status(200)
                                .contentType("text/plain; version=0.0.4; charset=utf-8")
                                .result(meters.scrape())));
    }

    private static void bindStoreAndBuildMetrics(Store store, PrometheusMeterRegistry meters) {
        io.micrometer.core.instrument.Gauge.builder(
                        "minerai.store.pool.active", store, s -> s.poolStats().active())
                .description("Store connections in use")
                .register(meters);
        io.micrometer.core.instrument.Gauge.builder(
                        "minerai.store.pool.idle", store, s -> s.poolStats().idle())
                .description("Store connections idle in the pool")
                .register(meters);
        io.micrometer.core.instrument.Gauge.builder(
                        "minerai.store.pool.pending", store, s -> s.poolStats().waiting())
                .description("Threads waiting for a store connection")
                .register(meters);
        String version = MineraiServer.class.getPackage().getImplementationVersion();
        io.micrometer.core.instrument.Gauge.builder("minerai.build.info", () -> 1)
                .description("Build information (the value is always 1)")
                .tag("version", version == null ? "dev" : version)
                .tag("java", System.getProperty("java.version", "unknown"))
                .tag("store", store.config().kind())
                .register(meters);
    }

    /** Liveness: the process answers. */
    private static void live(Context ctx) {
        Http.json(ctx, 200, Map.of("status", "ok"));
    }

    /**
     * Readiness: the store answers a read of each table and was not found damaged, within {@link #READY_TIMEOUT_MS}
     * (so a dead PostgreSQL or a stuck file fails the probe quickly instead of holding it for the pool's timeout).
     */
    private static void ready(Context ctx, Store store) {
        var check = java.util.concurrent.CompletableFuture.supplyAsync(store::readiness, READY_CHECKS);
        String problem;
        try {
            problem = check.get(READY_TIMEOUT_MS, java.util.concurrent.TimeUnit.MILLISECONDS)
                    .orElse("");
        } catch (java.util.concurrent.TimeoutException e) {
            check.cancel(true);
            problem = "the store did not answer within " + READY_TIMEOUT_MS + " ms";
        } catch (java.util.concurrent.ExecutionException e) {
            problem = "the store check failed: " + e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problem = "interrupted";
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", problem.isEmpty() ? "ok" : "unavailable");
        m.put("store", problem.isEmpty() ? "ok" : problem);
        m.put("storeKind", store.config().kind());
        Http.json(ctx, problem.isEmpty() ? 200 : 503, m);
    }

    static final long READY_TIMEOUT_MS = 1500;
    private static final java.util.concurrent.ExecutorService READY_CHECKS =
            java.util.concurrent.Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "minerai-ready-check");
                t.setDaemon(true);
                return t;
            });

    static String resource(String name) {
        try (InputStream in = MineraiServer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read resource " + name, e);
        }
    }

    private static void bootstrapAdmin(Store store, ServerConfig config, PrintStream console) {
        if (store.tokens().count() > 0) {
            if (config.initialAdminToken().isPresent()
                    && store.tokens()
                            .findActive(Tokens.hash(config.initialAdminToken().get()))
                            .isEmpty()) {
                LOG.warn(
                        "{} is not used: the store already has tokens and this one is not among its working ones;"
                                + " to get an admin token on this store, run 'minerai admin new-token' on its machine",
                        ServerConfig.ADMIN_TOKEN_ENV);
            }
            return;
        }
        if (config.initialAdminToken().isPresent()) {
            store.tokens()
                    .create(
                            "admin",
                            Role.ADMIN,
                            Tokens.hash(config.initialAdminToken().get()),
                            "bootstrap");
            console.println("minerai: first start; the admin token is the one in " + ServerConfig.ADMIN_TOKEN_ENV);
            return;
        }
        String secret = Tokens.generate();
        store.tokens().create("admin", Role.ADMIN, Tokens.hash(secret), "bootstrap");
        console.println("minerai: first start; an admin token was created. It is shown only this once:");
        console.println();
        console.println("    " + secret);
        console.println();
        console.println("minerai: use it to log in to the dashboard and to make other tokens (POST /api/tokens).");
        console.flush();
    }

    /** The bundled default scenario, stored once into an empty store so the dashboard has something to run. */
    static final String DEFAULT_SCENARIO = "/io/minerai/core/scenario/default-west-texas-2024.yaml";

    private static void seedDefaultScenario(Store store) {
        if (store.scenarios().countAll() > 0 || MineraiServer.class.getResource(DEFAULT_SCENARIO) == null) {
            return;
        }
        Scenario s = ScenarioReader.parse(resource(DEFAULT_SCENARIO), "bundled default scenario");
        store.scenarios().create(s.name(), ScenarioWriter.toJson(s), "bootstrap");
        LOG.info("stored the bundled default scenario {} as scenario 1", s.name());
    }

    public int port() {
        return app.port();
    }

    public Store store() {
        return store;
    }

    public PrometheusMeterRegistry meters() {
        return meters;
    }

    /** Every API route (for the OpenAPI check). */
    public List<Route> routes() {
        return routes;
    }

    /**
     * Tests: stops serving and closes the store (releasing its lease) without stopping runs or marking them, as if
     * the process had died.
     */
    void abandonForTests() {
        app.stop();
        store.close();
    }

    /** Stops serving, stops runs (marking running ones failed) and closes the store. */
    @Override
    public void close() {
        long t0 = System.nanoTime();
        app.stop();
        runs.close();
        store.close();
        LOG.info(
                "minerai server stopped cleanly in {} ms: requests ended, runs stopped, store {} closed",
                (System.nanoTime() - t0) / 1_000_000,
                store.config().redactedUrl());
    }
}
