package io.minerai.server.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.minerai.core.scenario.Scenario;
import io.minerai.core.scenario.ScenarioReader;
import io.minerai.server.ApiException;
import io.minerai.server.Json;
import io.minerai.store.RunRecord;
import io.minerai.store.RunResult;
import io.minerai.store.RunStatus;
import io.minerai.store.Store;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Queues and executes runs on a bounded pool: {@code threads} runs at a time, at most {@code queueCapacity} waiting;
 * more are refused (503). Each run's state lives in the store, so a restarted server knows what was interrupted.
 */
public final class RunService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RunService.class);
    private final Store store;
    private final RunKinds kinds;
    private final Clock clock;
    private final MeterRegistry meters;
    private final ThreadPoolExecutor executor;
    private final Set<Long> cancelled = ConcurrentHashMap.newKeySet();
    private final AtomicInteger active = new AtomicInteger();
    private final Set<Long> running = ConcurrentHashMap.newKeySet();
    private volatile boolean closing;
    private final Timer solverTimer;
    /** Marks runs failed again later when the store refused it (a full disk): they never stay RUNNING for good. */
    private final java.util.concurrent.ScheduledExecutorService failRetries =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "minerai-run-fail-retry");
                t.setDaemon(true);
                return t;
            });
    /** First and longest wait before marking a run failed again. */
    static final Duration FIRST_FAIL_RETRY = Duration.ofMillis(500);

    static final Duration LONGEST_FAIL_RETRY = Duration.ofSeconds(30);

    public RunService(Store store, RunKinds kinds, Clock clock, MeterRegistry meters, int threads, int queueCapacity) {
        this.store = store;
        this.kinds = kinds;
        this.clock = clock;
        this.meters = meters;
        AtomicInteger n = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(
                threads, threads, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queueCapacity), r -> {
                    Thread t = new Thread(r, "minerai-run-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        meters.gauge("minerai.runs.active", active);
        meters.gauge("minerai.runs.queued", executor, e -> e.getQueue().size());
        this.solverTimer = Timer.builder("minerai.solver.time")
                .description("Time spent deciding dispatch (solver or policy) per run")
                .register(meters);
    }

    /** The runs a previous server left running or waiting, read before this server starts serving. */
    public record Leftovers(java.util.List<Long> running, java.util.List<Long> queued) {}

    /** Reads what a previous server left behind (changes nothing). */
    public Leftovers leftovers() {
        return new Leftovers(
                store.runs().withStatus(RunStatus.RUNNING).stream()
                        .map(RunRecord::id)
                        .toList(),
                store.runs().withStatus(RunStatus.QUEUED).stream()
                        .map(RunRecord::id)
                        .toList());
    }

    /**
     * After a restart: marks the runs a previous server left RUNNING as FAILED (their results were never committed)
     * and queues the runs that were waiting. Only the runs in {@code left} are touched, so runs this server started
     * meanwhile are not.
     */
    public void recover(Leftovers left) {
        java.util.List<Long> failed = new java.util.ArrayList<>();
        for (long id : left.running()) {
            if (store.runs()
                    .fail(
                            id,
                            "interrupted: the server stopped while the run was running;"
                                    + " no partial result was stored, start it again")) {
                failed.add(id);
            }
        }
        if (!failed.isEmpty()) {
            LOG.warn("marked {} interrupted run(s) failed: {}", failed.size(), failed);
        }
        for (long id : left.queued()) {
            try {
                executor.execute(new QueuedRun(id, () -> execute(id)));
            } catch (RejectedExecutionException e) {
                store.runs().fail(id, "the run queue was full when the server restarted; start it again");
            }
        }
    }

    /** Whether another run can be queued now. */
    public boolean hasCapacity() {
        return executor.getQueue().remainingCapacity() > 0 || active.get() < executor.getMaximumPoolSize();
    }

    /** Queues a stored QUEUED run; fails it and throws 503 when the queue is full. */
    public void submit(RunRecord run) {
        try {
            executor.execute(new QueuedRun(run.id(), () -> execute(run.id())));
        } catch (RejectedExecutionException e) {
            store.runs().fail(run.id(), "refused: the run queue is full");
            throw new ApiException(503, "Run queue full", "too many runs are queued; try again when some finish");
        }
    }

    /** Position of a queued run in the queue (1 = next), 0 when not waiting here. */
    public int queuePosition(long runId) {
        int i = 0;
        for (Runnable r : executor.getQueue()) {
            i++;
            if (r instanceof QueuedRun q && q.runId == runId) {
                return i;
            }
        }
        return 0;
    }

    /** Cancels a queued or running run; false when it had already finished. Running runs stop at their next step. */
    public boolean cancel(long runId, String by) {
        boolean done = store.runs().cancel(runId, "cancelled by " + by);
        if (done) {
            cancelled.add(runId);
            executor.getQueue().removeIf(r -> r instanceof QueuedRun q && q.runId == runId);
            finishedCounter("cancelled").increment();
        }
        return done;
    }

    /**
     * Marks a run FAILED; when the store refuses that too (the cause of the failure, e.g. a full disk, is still there),
     * tries again later with a growing wait, so the run is failed as soon as the store takes writes again, without a
     * restart. A run still RUNNING when the server stops is failed by the next server's recovery.
     */
    private void markFailed(long runId, String msg, Duration wait) {
        try {
            store.runs().fail(runId, msg);
        } catch (io.minerai.store.StoreException e) {
            if (closing) {
                return;
            }
            LOG.warn(
                    "run {} could not be marked failed ({}); trying again in {} ms",
                    runId,
                    firstLine(String.valueOf(e.getMessage())),
                    wait.toMillis());
            Duration next =
                    wait.multipliedBy(2).compareTo(LONGEST_FAIL_RETRY) > 0 ? LONGEST_FAIL_RETRY : wait.multipliedBy(2);
            try {
                failRetries.schedule(() -> markFailed(runId, msg, next), wait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException closed) {
                // stopping: the next server's recovery fails the run
            }
        }
    }

    private record QueuedRun(long runId, Runnable body) implements Runnable {
        @Override
        public void run() {
            body.run();
        }
    }

    private void execute(long runId) {
        if (!store.runs().markRunning(runId)) {
            return; // cancelled while waiting
        }
        RunRecord run = store.runs().get(runId).orElseThrow();
        Timer.builder("minerai.run.queue.wait")
                .description("Time runs waited in the queue before they started")
                .register(meters)
                .record(Duration.between(run.queuedUtc(), run.startedUtc().orElse(clock.instant())));
        active.incrementAndGet();
        running.add(runId);
        long t0 = System.nanoTime();
        String outcome = "failed";
        Path workDir = null;
        try {
            RunKind kind = kinds.get(run.kind())
                    .orElseThrow(() -> new IllegalStateException("unknown run kind " + run.kind()));
            workDir = Files.createTempDirectory("minerai-run-" + runId + "-");
            Context ctx = new Context(run, workDir);
            RunOutput out = kind.execute(ctx);
            ctx.checkCancelled();
            solverTimer.record(Duration.ofNanos((long) (out.solverSeconds() * 1e9)));
            boolean stored = store.runs()
                    .complete(
                            runId,
                            new RunResult(
                                    Json.write(out.summary()),
                                    out.ledger().map(LedgerColumns::loadsJson).orElse("[]"),
                                    out.ledger().map(LedgerColumns::of),
                                    out.solverSeconds()));
            outcome = stored ? "succeeded" : "cancelled";
        } catch (RunCancelledException e) {
            outcome = closing ? "interrupted" : "cancelled";
        } catch (Exception | LinkageError | AssertionError e) {
            String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            LOG.warn("run {} ({}) failed: {}", runId, run.kind(), firstLine(msg));
            markFailed(runId, msg, FIRST_FAIL_RETRY);
        } finally {
            active.decrementAndGet();
            running.remove(runId);
            cancelled.remove(runId);
            if (workDir != null) {
                deleteQuietly(workDir);
            }
            Timer.builder("minerai.run.duration")
                    .description("Wall time of runs from start to finish")
                    .tag("kind", run.kind())
                    .tag("outcome", outcome)
                    .register(meters)
                    .record(Duration.ofNanos(System.nanoTime() - t0));
            if (!"cancelled".equals(outcome)) {
                finishedCounter(outcome).increment();
            }
        }
    }

    private Counter finishedCounter(String status) {
        return Counter.builder("minerai.runs.finished")
                .description("Runs finished, by outcome (succeeded, failed, cancelled, interrupted)")
                .tag("status", status)
                .register(meters);
    }

    private static String firstLine(String s) {
        int i = s.indexOf('\n');
        return i < 0 ? s : s.substring(0, i) + " ...";
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.debug("could not delete {}", dir);
        }
    }

    private final class Context implements RunContext {
        private final RunRecord run;
        private final Path workDir;
        private final @Nullable Scenario scenario;
        private final JsonNode parameters;

        Context(RunRecord run, Path workDir) {
            this.run = run;
            this.workDir = workDir;
            this.scenario = run.hasScenario() ? loadScenario(run, workDir) : null;
            this.parameters = Json.tree(run.parametersJson());
        }

        @Override
        public long runId() {
            return run.id();
        }

        private Scenario loadScenario(RunRecord run, Path workDir) {
            String json = store.scenarios()
                    .version(run.scenarioId(), run.scenarioVersion())
                    .orElseThrow(() -> new IllegalStateException(
                            "scenario " + run.scenarioId() + " version " + run.scenarioVersion() + " is gone"))
                    .contentJson();
            Scenario s = ScenarioReader.parse(json, "scenario " + run.scenarioId() + " v" + run.scenarioVersion());
            return ScenarioFiles.materialize(
                    s,
                    id -> store.datasets()
                            .content(id)
                            .orElseThrow(() -> new IllegalStateException("dataset " + id + " does not exist")),
                    workDir);
        }

        @Override
        public Scenario scenario() {
            if (scenario == null) {
                throw new IllegalStateException("run " + run.id() + " (" + run.kind() + ") has no scenario");
            }
            return scenario;
        }

        @Override
        public JsonNode parameters() {
            return parameters;
        }

        @Override
        public Path workDir() {
            return workDir;
        }

        @Override
        public Clock clock() {
            return clock;
        }

        @Override
        public void progress(double fraction, String phase) {
            checkCancelled();
            if (!store.runs().progress(run.id(), fraction, phase)) {
                throw new RunCancelledException(run.id());
            }
        }

        @Override
        public void checkCancelled() {
            if (cancelled.contains(run.id())) {
                throw new RunCancelledException(run.id());
            }
        }
    }

    /**
     * Stops taking runs. Running runs are asked to stop at their next step (threads are not interrupted, so no
     * database I/O is cut short) and marked FAILED; queued runs stay QUEUED for the next start.
     */
    @Override
    public void close() {
        closing = true;
        failRetries.shutdownNow();
        executor.getQueue().clear();
        cancelled.addAll(running);
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("runs still busy at shutdown: {}", running);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            store.runs().failInterrupted("interrupted: the server was stopped while the run was running");
        } catch (io.minerai.store.StoreException e) {
            // the store is gone: the next server marks these runs failed when it starts
            LOG.warn("could not mark runs interrupted at shutdown: {}", e.getMessage());
        }
    }
}
