package io.minerai.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.minerai.core.audit.AuditEntry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every acknowledged write survives SIGKILL at a random moment, on a store with a long history, on both backends.
 *
 * <p>The test first gives the store a history in-process: hundreds of runs with ledgers, scenario updates and
 * deletions, revoked tokens, audit entries. Then it starts writer processes one after the other; each takes the store's
 * exclusive lease (so a writer also proves that a killed holder's lease is freed), and writes from
 * {@value #WRITER_THREADS} threads at once (runs with ledgers, audit entries, tokens, scenario versions and deletions)
 * until it is killed with
 * SIGKILL after a random delay (one in five at any moment of its start, so some die while opening and recovering the store, the others 0 to {@value #WRITE_WINDOW_MS} ms after it has opened it). A writer prints
 * {@code ack <what> <id>} only after the commit has returned. The next writer is started before the current one is
 * killed (it waits for the lease), so its JVM start overlaps. At the end the store is opened and must hold every acknowledged run (succeeded,
 * with its whole ledger and result), token, scenario version and audit entry, an intact audit chain, and no run with
 * half a result.
 *
 * <p>The number of kills per backend is {@code -Dminerai.crash.kills} (default {@value #DEFAULT_KILLS}, which keeps the
 * suite short; docs/SERVER.md gives the command and result of the 1,000-kill run).
 */
class CrashDurabilityTest {
    static final int DEFAULT_KILLS = 10;
    private static final int HISTORY_RUNS = 300;
    /** A writer that opened the store is killed at a uniformly random moment within this many ms. */
    static final int WRITE_WINDOW_MS = 1_500;
    /** Threads writing at once in each writer process. */
    static final int WRITER_THREADS = 3;

    @Test
    void embeddedStoreKeepsEveryAcknowledgedWriteThroughKills(@TempDir Path dir) throws Exception {
        StoreConfig config = StoreConfig.embedded(dir);
        crashAndCheck(config);
    }

    @Test
    void postgresStoreKeepsEveryAcknowledgedWriteThroughKills() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            try (Connection c = pg.getPostgresDatabase().getConnection();
                    Statement st = c.createStatement()) {
                st.execute("CREATE DATABASE crash");
            }
            crashAndCheck(new StoreConfig(
                    "jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/crash", "postgres", "postgres", 2));
        }
    }

    private static void crashAndCheck(StoreConfig config) throws Exception {
        int kills = Math.max(1, Integer.getInteger("minerai.crash.kills", DEFAULT_KILLS));
        long t0 = System.nanoTime();
        history(config);
        long t1 = System.nanoTime();
        Random random = new Random(20261204);
        Acks acks = new Acks();
        Process current = startWriter(config, 0);
        int killed = 0;
        try {
            for (int i = 0; i < kills - 1; i++) {
                java.util.concurrent.CountDownLatch ready = new java.util.concurrent.CountDownLatch(1);
                Thread reader = acks.follow(current, ready);
                Process next;
                if (random.nextInt(5) == 0) {
                    // one kill in five at any moment of the writer's start (opening, recovering the store)
                    Thread.sleep(random.nextInt(300));
                    kill(current);
                    next = startWriter(config, i + 1);
                } else {
                    // the others while it writes, at a random moment after it opened the store; the next writer's JVM
                    // starts meanwhile and waits for the lease
                    assertThat(ready.await(120, TimeUnit.SECONDS))
                            .as("writer %d opened the store", i)
                            .isTrue();
                    next = startWriter(config, i + 1);
                    Thread.sleep(random.nextInt(WRITE_WINDOW_MS));
                    kill(current);
                }
                reader.join(10_000);
                killed++;
                current = next;
            }
            // the last writer is killed only once it has acknowledged writes of every kind, so that every run of
            // the test checks runs, audit entries, tokens and scenario versions whatever the random delays were
            java.util.concurrent.CountDownLatch ready = new java.util.concurrent.CountDownLatch(1);
            Acks last = new Acks();
            Thread reader = acks.follow(current, ready, last);
            assertThat(ready.await(120, TimeUnit.SECONDS))
                    .as("last writer opened the store")
                    .isTrue();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while ((last.audits.isEmpty() || last.tokens.isEmpty() || last.scenarioAcks.get() == 0)
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            kill(current);
            reader.join(10_000);
            killed++;
        } finally {
            current.destroyForcibly(); // never leave a writer behind, even when an assertion failed
        }
        assertThat(killed).isEqualTo(kills);
        assertThat(acks.runs).as("runs acknowledged before the kills").isNotEmpty();
        assertThat(acks.audits)
                .as("audit entries acknowledged before the kills")
                .isNotEmpty();
        assertThat(acks.tokens).as("tokens acknowledged before the kills").isNotEmpty();
        assertThat(acks.scenarioAcks.get()).as("scenario versions acknowledged").isPositive();
        verify(config, acks);
        System.out.printf(
                "crash test (%s): history of %d runs %.0f s; %d kills in %.0f s; every acknowledged write found: %d runs,"
                        + " %d audit entries, %d tokens, %d scenario versions%n",
                config.kind(),
                HISTORY_RUNS,
                (t1 - t0) / 1e9,
                kills,
                (System.nanoTime() - t1) / 1e9,
                acks.runs.size(),
                acks.audits.size(),
                acks.tokens.size(),
                acks.scenarioAcks.get());
    }

    private static void kill(Process p) throws InterruptedException {
        p.destroyForcibly(); // SIGKILL: no shutdown hook, no close
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }

    /** Hundreds of runs with ledgers (some deleted), scenario versions and deletions, revoked tokens, audit entries. */
    private static void history(StoreConfig config) {
        try (Store s = Store.open(config, Clock.systemUTC())) {
            long sid = s.scenarios().create("history", "{}", "test").scenarioId();
            for (int i = 0; i < HISTORY_RUNS; i++) {
                RunRecord r = s.runs().create(new NewRun("backtest", sid, 1, "{}", "test"));
                s.runs().markRunning(r.id());
                if (i % 5 == 4) {
                    s.runs().fail(r.id(), "history");
                } else {
                    // every tenth a year of hourly intervals, so the file has some size
                    RunLedger ledger = i % 10 == 0 ? Ledgers.wide(8_784, 8) : Ledgers.small();
                    s.runs().complete(r.id(), Ledgers.result("{\"i\":" + i + "}", ledger, 1));
                }
                if (i % 7 == 6) {
                    s.runs().delete(r.id() - 1); // an admin deleting an older finished run: its ledger chunks go
                }
                if (i % 10 == 0) {
                    long other = s.scenarios()
                            .create("h" + i, "{\"i\":" + i + "}", "test")
                            .scenarioId();
                    s.scenarios().update(other, "h" + i, "{\"v\":2}", "test");
                    s.scenarios().delete(other);
                    var t = s.tokens().create("t" + i, Role.VIEWER, String.format("%064x", i), "test");
                    s.tokens().revoke(t.id());
                }
                s.auditLog().append(new AuditEntry(0, Instant.now(), "test", "run:" + r.id(), "h", "ok", Map.of()));
            }
        }
    }

    private static Process startWriter(StoreConfig config, int seed) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>(List.of(
                java,
                "-Xmx128m",
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "--enable-native-access=ALL-UNNAMED",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp",
                cp,
                Writer.class.getName(),
                config.jdbcUrl(),
                config.user(),
                String.valueOf(seed)));
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .redirectError(ProcessBuilder.Redirect.appendTo(
                        Path.of("target", "crash-writers.log").toFile()));
        pb.environment().put("MINERAI_TEST_DB_PASSWORD", config.password());
        return pb.start();
    }

    /** What the writers acknowledged. */
    static final class Acks {
        final Set<Long> runs = java.util.concurrent.ConcurrentHashMap.newKeySet();
        final Set<Long> tokens = java.util.concurrent.ConcurrentHashMap.newKeySet();
        final Map<Long, Integer> scenarioVersions = new java.util.concurrent.ConcurrentHashMap<>();
        final Set<Long> audits = java.util.concurrent.ConcurrentHashMap.newKeySet();
        final java.util.concurrent.atomic.AtomicInteger scenarioAcks = new java.util.concurrent.atomic.AtomicInteger();

        Thread follow(Process p, java.util.concurrent.CountDownLatch ready) {
            return follow(p, ready, new Acks());
        }

        /** Reads a writer's acknowledgements into this and into {@code also} (what this one writer acknowledged). */
        Thread follow(Process p, java.util.concurrent.CountDownLatch ready, Acks also) {
            Thread t = new Thread(() -> {
                try (BufferedReader out =
                        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = out.readLine()) != null) {
                        if (line.equals("ready")) {
                            ready.countDown();
                        }
                        String[] f = line.split(" ");
                        if (f.length < 3 || !f[0].equals("ack")) {
                            continue;
                        }
                        record(f);
                        also.record(f);
                    }
                } catch (IOException e) {
                    // the pipe closes when the writer is killed
                }
            });
            t.setDaemon(true);
            t.start();
            return t;
        }

        private void record(String[] f) {
            long id = Long.parseLong(f[2]);
            switch (f[1]) {
                case "run" -> runs.add(id);
                case "token" -> tokens.add(id);
                case "audit" -> audits.add(id);
                case "scenario" -> {
                    scenarioVersions.merge(id, Integer.parseInt(f[3]), Math::max);
                    scenarioAcks.incrementAndGet();
                }
                default -> throw new IllegalStateException(String.join(" ", f));
            }
        }
    }

    private static void verify(StoreConfig config, Acks acks) throws Exception {
        try (Store s = Store.open(config, Clock.systemUTC())) {
            for (long id : acks.runs) {
                RunRecord r = s.runs().get(id).orElseThrow(() -> new AssertionError("acknowledged run " + id));
                assertThat(r.status()).as("run %d", id).isEqualTo(RunStatus.SUCCEEDED);
                assertThat(s.runs().summaryJson(id)).as("summary of run %d", id).isPresent();
                assertThat(s.runs().ledgerSize(id)).as("ledger of run %d", id).isEqualTo(4);
                assertThat(s.runs().columns(id)).as("columns of run %d", id).hasSize(8);
            }
            Set<Long> tokenIds = new HashSet<>();
            s.tokens().list().forEach(t -> tokenIds.add(t.id()));
            assertThat(tokenIds).containsAll(acks.tokens);
            for (var e : acks.scenarioVersions.entrySet()) {
                assertThat(s.scenarios().latest(e.getKey()).orElseThrow().version())
                        .as("scenario %d", e.getKey())
                        .isGreaterThanOrEqualTo(e.getValue());
            }
            Set<Long> auditSeqs = new HashSet<>();
            s.auditLog().read(Instant.EPOCH, Instant.now().plusSeconds(60)).forEach(a -> auditSeqs.add(a.sequence()));
            assertThat(auditSeqs).containsAll(acks.audits);
            assertThat(s.auditLog().verifyChain())
                    .as("first broken audit entry")
                    .isEqualTo(-1L);
            // no run is half stored: results and ledger chunks exist only for succeeded runs, and every succeeded
            // run has its result and every column of its ledger whole (the chunks' counts and checksums hold)
            try (Connection c = s.dataSourceForTests().getConnection();
                    Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT (SELECT COUNT(*) FROM run_result r JOIN run ON run.id ="
                            + " r.run_id WHERE run.status <> 'SUCCEEDED'), (SELECT COUNT(*) FROM run_series_chunk ch"
                            + " JOIN run ON run.id = ch.run_id WHERE run.status <> 'SUCCEEDED')")) {
                rs.next();
                assertThat(rs.getLong(1))
                        .as("results of runs that did not succeed")
                        .isZero();
                assertThat(rs.getLong(2))
                        .as("ledger chunks of runs that did not succeed")
                        .isZero();
            }
            for (RunRecord r : s.runs().withStatus(RunStatus.SUCCEEDED)) {
                assertThat(s.runs().summaryJson(r.id()))
                        .as("result of succeeded run %d", r.id())
                        .isPresent();
                int n = s.runs().ledgerSize(r.id());
                List<String> names =
                        s.runs().columns(r.id()).stream().map(ColumnInfo::name).toList();
                assertThat(names).as("columns of run %d", r.id()).isNotEmpty();
                SeriesPage all = s.runs().series(r.id(), names, 0, n);
                assertThat(all.timesUtc()).hasSize(n);
                names.forEach(name -> assertThat(all.column(name)).hasSize(n));
            }
        }
    }

    /** The writer process: takes the lease (waiting while the previous writer lives), then writes until killed. */
    public static final class Writer {
        private Writer() {}

        public static void main(String[] args) throws Exception {
            String password = System.getenv().getOrDefault("MINERAI_TEST_DB_PASSWORD", "");
            StoreConfig config = new StoreConfig(args[0], args[1], password, 2);
            Random random = new Random(Long.parseLong(args[2]));
            // the test holds this process's standard input: when the test dies, so does the writer
            Thread orphanGuard = new Thread(() -> {
                try {
                    while (System.in.read() >= 0) {
                        // nothing is sent
                    }
                } catch (IOException e) {
                    // closed
                }
                Runtime.getRuntime().halt(3);
            });
            orphanGuard.setDaemon(true);
            orphanGuard.start();
            Store store = null;
            while (store == null) {
                try {
                    store = Store.openExclusive(config, Clock.systemUTC());
                } catch (StoreLockedException e) {
                    Thread.sleep(2);
                }
            }
            System.out.println("ready");
            System.out.flush();
            Store s = store;
            // several threads write at once, as a server's concurrent requests and runs do
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < WRITER_THREADS; t++) {
                Random r = new Random(random.nextLong());
                Thread th = new Thread(() -> write(s, r), "writer-" + t);
                th.start();
                threads.add(th);
            }
            for (Thread th : threads) {
                th.join();
            }
        }

        private static void write(Store s, Random random) {
            long sid = s.scenarios().create("crash", "{}", "writer").scenarioId();
            for (int i = 0; ; i++) {
                RunRecord run = s.runs().create(new NewRun("backtest", sid, 1, "{}", "writer"));
                s.runs().markRunning(run.id());
                s.runs().progress(run.id(), 0.5, "dispatching");
                s.runs().complete(run.id(), Ledgers.result("{\"i\":" + i + "}", Ledgers.small(), 0.1));
                ack("run", run.id());
                AuditEntry a = s.auditLog()
                        .append(new AuditEntry(
                                0, Instant.now(), "writer", "run:" + run.id(), "complete", "ok", Map.of()));
                ack("audit", a.sequence());
                if (random.nextInt(4) == 0) {
                    var t = s.tokens()
                            .create("w" + i, Role.VIEWER, String.format("%064x", random.nextLong() >>> 1), "w");
                    ack("token", t.id());
                }
                if (random.nextInt(4) == 0) {
                    var v = s.scenarios().update(sid, "crash", "{\"i\":" + i + "}", "writer");
                    ack("scenario", sid + " " + v.orElseThrow().version());
                }
                if (random.nextInt(8) == 0) {
                    // a deletion among the writes: an older scenario of this writer's store goes
                    long other =
                            s.scenarios().create("gone" + i, "{}", "writer").scenarioId();
                    s.scenarios().delete(other);
                }
            }
        }

        private static void ack(String what, Object id) {
            synchronized (System.out) {
                System.out.println("ack " + what + " " + id);
                System.out.flush();
            }
        }
    }
}
