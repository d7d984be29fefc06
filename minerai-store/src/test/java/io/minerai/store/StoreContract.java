package io.minerai.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.minerai.core.audit.AuditEntry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The store contract: every store backend (embedded SQLite, PostgreSQL) passes these tests. Subclasses give a fresh, empty
 * store per test.
 */
abstract class StoreContract {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

    Store store;

    /** A new store on an empty database. */
    abstract Store newStore();

    @BeforeEach
    void open() {
        store = newStore();
    }

    @AfterEach
    void close() {
        store.close();
    }

    long scenario() {
        return store.scenarios()
                .create("west-texas", "{\"name\":\"west-texas\"}", "alice")
                .scenarioId();
    }

    @Test
    void scenariosAreVersioned() {
        ScenarioVersion v1 = store.scenarios().create("a", "{\"v\":1}", "alice");
        assertThat(v1.version()).isEqualTo(1);
        ScenarioVersion v2 = store.scenarios()
                .update(v1.scenarioId(), "b", "{\"v\":2}", "bob")
                .orElseThrow();
        assertThat(v2.version()).isEqualTo(2);
        assertThat(store.scenarios().latest(v1.scenarioId()).orElseThrow().contentJson())
                .isEqualTo("{\"v\":2}");
        assertThat(store.scenarios().version(v1.scenarioId(), 1).orElseThrow().contentJson())
                .isEqualTo("{\"v\":1}");
        assertThat(store.scenarios().versions(v1.scenarioId()))
                .extracting(ScenarioVersion::version, ScenarioVersion::createdBy)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, "alice"), org.assertj.core.groups.Tuple.tuple(2, "bob"));
        List<ScenarioInfo> list = store.scenarios().list(10, 0);
        assertThat(list).singleElement().satisfies(i -> {
            assertThat(i.name()).isEqualTo("b");
            assertThat(i.latestVersion()).isEqualTo(2);
            assertThat(i.createdUtc()).isEqualTo(CLOCK.instant());
        });
    }

    @Test
    void deletedScenarioIsGoneButItsVersionsStayForRuns() {
        long id = scenario();
        assertThat(store.scenarios().delete(id)).isTrue();
        assertThat(store.scenarios().delete(id)).isFalse();
        assertThat(store.scenarios().latest(id)).isEmpty();
        assertThat(store.scenarios().list(10, 0)).isEmpty();
        assertThat(store.scenarios().update(id, "x", "{}", "a")).isEmpty();
        assertThat(store.scenarios().version(id, 1)).isPresent();
        assertThat(store.scenarios().latest(99_999)).isEmpty();
        assertThat(store.scenarios().countAll()).isEqualTo(1);
    }

    @Test
    void concurrentUpdatesGetDistinctVersions() throws Exception {
        long id = scenario();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> fs = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                fs.add(pool.submit(() -> store.scenarios()
                        .update(id, "s", "{}", "t")
                        .orElseThrow()
                        .version()));
            }
            Set<Integer> versions = new HashSet<>();
            for (Future<Integer> f : fs) {
                versions.add(f.get(30, TimeUnit.SECONDS));
            }
            assertThat(versions).hasSize(20).allMatch(v -> v >= 2 && v <= 21);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void datasetsKeepContentAndProvenance() {
        String csv = "time,price\n2024-01-01T00:00:00Z,12.5\n2024-01-01T01:00:00Z,13\n";
        DatasetInfo d = store.datasets()
                .create(new NewDataset(
                        "prices",
                        "timeseries-csv",
                        "prices.csv",
                        "ERCOT NP6-905-CD, public",
                        "alice",
                        csv,
                        2,
                        Optional.of(Instant.parse("2024-01-01T00:00:00Z")),
                        Optional.of(Instant.parse("2024-01-01T01:00:00Z"))));
        assertThat(d.sha256()).isEqualTo(DatasetRepository.sha256Hex(csv.getBytes(StandardCharsets.UTF_8)));
        assertThat(d.sizeBytes()).isEqualTo(csv.length());
        DatasetInfo read = store.datasets().get(d.id()).orElseThrow();
        assertThat(read).isEqualTo(d);
        assertThat(store.datasets().content(d.id())).contains(csv);
        assertThat(store.datasets().list(10, 0)).containsExactly(d);
        assertThat(store.datasets().count()).isEqualTo(1);
        assertThat(store.datasets().get(d.id() + 1)).isEmpty();
    }

    @Test
    void runLifeCycleStoresResultAndLedger() {
        long sid = scenario();
        RunRecord r = store.runs().create(new NewRun("backtest", sid, 1, "{}", "alice"));
        assertThat(r.status()).isEqualTo(RunStatus.QUEUED);
        assertThat(r.queuedUtc()).isEqualTo(CLOCK.instant());
        assertThat(store.runs().markRunning(r.id())).isTrue();
        assertThat(store.runs().markRunning(r.id())).isFalse();
        assertThat(store.runs().progress(r.id(), 0.4, "dispatching")).isTrue();
        RunRecord running = store.runs().get(r.id()).orElseThrow();
        assertThat(running.status()).isEqualTo(RunStatus.RUNNING);
        assertThat(running.progressFraction()).isEqualTo(0.4);
        assertThat(running.phase()).isEqualTo("dispatching");
        assertThat(running.startedUtc()).contains(CLOCK.instant());

        RunLedger ledger = Ledgers.small();
        assertThat(store.runs().complete(r.id(), Ledgers.result("{\"netUsd\":1.5}", ledger, 0.25)))
                .isTrue();
        RunRecord done = store.runs().get(r.id()).orElseThrow();
        assertThat(done.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(done.progressFraction()).isEqualTo(1.0);
        assertThat(done.solverSeconds()).contains(0.25);
        assertThat(done.finishedUtc()).contains(CLOCK.instant());
        assertThat(store.runs().summaryJson(r.id())).contains("{\"netUsd\":1.5}");
        assertThat(store.runs().loadsJson(r.id()).orElseThrow()).contains("\"fleet\"", "\"COLOCATION\"");
        assertThat(store.runs().ledgerSize(r.id())).isEqualTo(4);
        // a finished run cannot be failed or cancelled afterwards
        assertThat(store.runs().fail(r.id(), "late")).isFalse();
        assertThat(store.runs().cancel(r.id(), "late")).isFalse();
    }

    @Test
    void seriesPagesAndDownsamplesTheLedger() {
        long id = succeededRun();
        assertThat(store.runs().columns(id))
                .extracting(ColumnInfo::name)
                .containsExactly(
                        "dispatched",
                        "priceUsdPerMwh",
                        "miningMw",
                        "colocationMw",
                        "revenueMiningUsd",
                        "revenueColocationUsd",
                        "powerCostUsd",
                        "netUsd");
        SeriesPage page = store.runs().series(id, List.of("priceUsdPerMwh", "miningMw", "netUsd"), 1, 2);
        assertThat(page.totalIntervals()).isEqualTo(4);
        assertThat(page.offset()).isEqualTo(1);
        assertThat(page.timesUtc()).containsExactly(Ledgers.START.plusSeconds(3600), Ledgers.START.plusSeconds(7200));
        assertThat(page.column("priceUsdPerMwh")).containsExactly(20, 30);
        assertThat(page.column("miningMw")).containsExactly(10, 5);
        assertThat(page.column("netUsd")).containsExactly(0, 130);

        SeriesPage down = store.runs().downsampled(id, List.of("priceUsdPerMwh", "revenueMiningUsd"), 2);
        assertThat(down.bucketIntervals()).isEqualTo(2);
        assertThat(down.timesUtc()).containsExactly(Ledgers.START, Ledgers.START.plusSeconds(7200));
        // prices are averaged over a bucket's dispatched intervals (interval 3 was skipped), money summed
        assertThat(down.column("priceUsdPerMwh")[0]).isCloseTo(15, within(1e-9));
        assertThat(down.column("priceUsdPerMwh")[1]).isCloseTo(30, within(1e-9));
        SeriesPage single = store.runs().downsampled(id, List.of("priceUsdPerMwh", "dispatched"), 4);
        assertThat(single.column("priceUsdPerMwh")[3]).isNaN();
        assertThat(store.runs().downsampled(id, List.of("dispatched"), 1).column("dispatched"))
                .containsExactly(0.75);
        assertThat(down.column("revenueMiningUsd")).containsExactly(300, 300);

        SeriesPage dispatched = store.runs().series(id, List.of("dispatched"), 0, 100);
        assertThat(dispatched.column("dispatched")).containsExactly(1, 1, 1, 0);
        assertThat(store.runs().series(id, List.of("priceUsdPerMwh"), 10, 5).timesUtc())
                .isEmpty();
        assertThatThrownBy(() -> store.runs().series(id, List.of("noSuchColumnUsd"), 0, 5))
                .hasMessageContaining("no ledger column 'noSuchColumnUsd'");
    }

    @Test
    void aLedgerLongerThanAChunkIsStoredAndReadAcrossChunks() {
        long sid = scenario();
        RunRecord r = store.runs().create(new NewRun("backtest", sid, 1, "{}", "alice"));
        store.runs().markRunning(r.id());
        int n = SeriesChunks.CHUNK * 2 + 5;
        store.runs().complete(r.id(), Ledgers.result("{}", Ledgers.wide(n, 2), 0));
        assertThat(store.runs().ledgerSize(r.id())).isEqualTo(n);
        SeriesPage across = store.runs().series(r.id(), List.of("column1Usd"), SeriesChunks.CHUNK - 2, 4);
        int c = SeriesChunks.CHUNK;
        assertThat(across.column("column1Usd"))
                .containsExactly(1000.0 + c - 2, 1000.0 + c - 1, 1000.0 + c, 1000.0 + c + 1);
        assertThat(across.timesUtc().get(2)).isEqualTo(Ledgers.START.plusSeconds(3600L * c));
        SeriesPage last = store.runs().series(r.id(), List.of("column0Usd"), n - 3, 10);
        assertThat(last.column("column0Usd")).containsExactly(n - 3.0, n - 2.0, n - 1.0);
        // three buckets: sums of 0 .. b-1, b .. 2b-1, 2b .. n-1 where b = ceil(n / 3)
        SeriesPage down = store.runs().downsampled(r.id(), List.of("column0Usd"), 3);
        int b = (n + 2) / 3;
        double first = (b - 1) * b / 2.0;
        assertThat(down.column("column0Usd")[0]).isEqualTo(first);
        assertThat(down.column("column0Usd")).hasSize(3);
        double all = (n - 1.0) * n / 2.0;
        assertThat(down.column("column0Usd")[0] + down.column("column0Usd")[1] + down.column("column0Usd")[2])
                .isEqualTo(all);
    }

    @Test
    void aFailedResultWriteLeavesNothingBehindAndTheStoreRecoversWhenTheCauseGoesAway() throws Exception {
        long sid = scenario();
        RunRecord r = store.runs().create(new NewRun("backtest", sid, 1, "{}", "alice"));
        store.runs().markRunning(r.id());
        // the store refuses to grow (a full disk), so the ledger's rows fail after the result row was written
        RunLedger wide = Ledgers.wide(20_000, 10);
        failWrites(true);
        try {
            assertThatThrownBy(() -> store.runs().complete(r.id(), Ledgers.result("{}", wide, 1)))
                    .isInstanceOf(StoreException.class);
        } finally {
            failWrites(false);
        }
        assertThat(store.runs().summaryJson(r.id())).isEmpty();
        assertThat(store.runs().ledgerSize(r.id())).isZero();
        assertThat(store.runs().get(r.id()).orElseThrow().status()).isEqualTo(RunStatus.RUNNING);
        // space again: the same store (no reopen) takes the result
        assertThat(store.runs().complete(r.id(), Ledgers.result("{}", wide, 1))).isTrue();
        assertThat(store.runs().ledgerSize(r.id())).isEqualTo(20_000);
    }

    /** Makes writes that need more room fail like a full disk ({@code true}), or lets them succeed again. */
    abstract void failWrites(boolean fail) throws Exception;

    @Test
    void aCancelledRunGetsNoResult() {
        long sid = scenario();
        RunRecord r = store.runs().create(new NewRun("backtest", sid, 1, "{}", "alice"));
        store.runs().markRunning(r.id());
        assertThat(store.runs().cancel(r.id(), "cancelled by alice")).isTrue();
        assertThat(store.runs().progress(r.id(), 0.5, "x")).isFalse();
        assertThat(store.runs().complete(r.id(), Ledgers.result("{}", Ledgers.small(), 1)))
                .isFalse();
        assertThat(store.runs().summaryJson(r.id())).isEmpty();
        assertThat(store.runs().ledgerSize(r.id())).isZero();
        RunRecord c = store.runs().get(r.id()).orElseThrow();
        assertThat(c.status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(c.message()).contains("cancelled by alice");
        RunRecord q = store.runs().create(new NewRun("backtest", sid, 1, "{}", "alice"));
        assertThat(store.runs().cancel(q.id(), "no")).isTrue();
        assertThat(store.runs().markRunning(q.id())).isFalse();
    }

    @Test
    void aRunWithoutAScenarioKeepsItsSummaryAndHasNoLedger() {
        RunRecord r = store.runs().create(NewRun.withoutScenario("plan", "{\"paths\":100}", "alice"));
        assertThat(r.hasScenario()).isFalse();
        assertThat(r.scenarioId()).isZero();
        assertThat(r.scenarioVersion()).isZero();
        assertThat(store.runs().markRunning(r.id())).isTrue();
        assertThat(store.runs()
                        .complete(r.id(), new RunResult("{\"bestStrategy\":\"convert\"}", "[]", Optional.empty(), 0.5)))
                .isTrue();
        RunRecord done = store.runs().get(r.id()).orElseThrow();
        assertThat(done.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(done.hasScenario()).isFalse();
        assertThat(done.parametersJson()).contains("100");
        assertThat(store.runs().summaryJson(r.id()))
                .hasValueSatisfying(j -> assertThat(j).contains("convert"));
        assertThat(store.runs().ledgerSize(r.id())).isZero();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new NewRun("plan", 3, 0, "{}", "a"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void interruptedRunsAreMarkedFailedAndQueuedOnesKept() {
        long sid = scenario();
        RunRecord running = store.runs().create(new NewRun("backtest", sid, 1, "{}", "a"));
        store.runs().markRunning(running.id());
        RunRecord queued = store.runs().create(new NewRun("backtest", sid, 1, "{}", "a"));
        assertThat(store.runs().failInterrupted("server stopped")).containsExactly(running.id());
        assertThat(store.runs().get(running.id()).orElseThrow().status()).isEqualTo(RunStatus.FAILED);
        assertThat(store.runs().withStatus(RunStatus.QUEUED))
                .extracting(RunRecord::id)
                .containsExactly(queued.id());
        assertThat(store.runs().list(10, 0)).extracting(RunRecord::id).containsExactly(queued.id(), running.id());
    }

    @Test
    void tokensAreFoundByHashAndCanBeRevoked() {
        String hash = "a".repeat(64);
        TokenRecord t = store.tokens().create("alice", Role.OPERATOR, hash, "setup");
        assertThat(store.tokens().findActive(hash)).contains(t);
        assertThat(store.tokens().findActive("b".repeat(64))).isEmpty();
        assertThatThrownBy(() -> store.tokens().create("x", Role.ADMIN, "not-a-hash", "s"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.tokens().create("bob", Role.VIEWER, hash, "setup"))
                .isInstanceOf(StoreException.class);
        assertThat(store.tokens().count()).isEqualTo(1);
        assertThat(store.tokens().revoke(t.id())).isTrue();
        assertThat(store.tokens().revoke(t.id())).isFalse();
        assertThat(store.tokens().findActive(hash)).isEmpty();
        assertThat(store.tokens().list())
                .singleElement()
                .satisfies(x -> assertThat(x.activeAt(CLOCK.instant())).isFalse());
    }

    @Test
    void expiredTokensAreNotFoundAndTheLastAdminCannotBeRevoked() {
        Instant now = CLOCK.instant();
        String expired = "1".repeat(64);
        String later = "2".repeat(64);
        store.tokens().create("old", Role.ADMIN, expired, "setup", Optional.of(now.minusSeconds(1)));
        TokenRecord admin =
                store.tokens().create("admin", Role.ADMIN, later, "setup", Optional.of(now.plusSeconds(60)));
        assertThat(store.tokens().findActive(expired)).isEmpty();
        assertThat(store.tokens().findActive(later)).contains(admin);
        // the expired admin does not count: the one working admin cannot be revoked
        assertThat(store.tokens().activeAdmins()).isEqualTo(1);
        assertThat(store.tokens().revokeUnlessLastAdmin(admin.id())).contains(TokenRepository.RevokeOutcome.LAST_ADMIN);
        assertThat(store.tokens().findActive(later)).isPresent();
        TokenRecord second = store.tokens().create("second", Role.ADMIN, "3".repeat(64), "setup");
        assertThat(store.tokens().revokeUnlessLastAdmin(admin.id())).contains(TokenRepository.RevokeOutcome.REVOKED);
        assertThat(store.tokens().revokeUnlessLastAdmin(second.id()))
                .contains(TokenRepository.RevokeOutcome.LAST_ADMIN);
        assertThat(store.tokens().revokeUnlessLastAdmin(999)).isEmpty();
    }

    @Test
    void aRotatedTokenKeepsWorkingUntilItsGracePeriodEnds() {
        Instant now = CLOCK.instant();
        TokenRecord old = store.tokens().create("grafana", Role.VIEWER, "4".repeat(64), "setup");
        TokenRecord made = store.tokens()
                .rotate(old.id(), "5".repeat(64), "admin", now.plusSeconds(300))
                .orElseThrow();
        assertThat(made.name()).isEqualTo("grafana");
        assertThat(made.role()).isEqualTo(Role.VIEWER);
        assertThat(store.tokens().findActive("5".repeat(64))).contains(made);
        assertThat(store.tokens().findActive("4".repeat(64))).isPresent();
        assertThat(store.tokens().get(old.id()).orElseThrow().expiresUtc()).contains(now.plusSeconds(300));
        // a grace period already over: the old token stops at once
        TokenRecord other = store.tokens().create("ci", Role.VIEWER, "6".repeat(64), "setup");
        store.tokens().rotate(other.id(), "7".repeat(64), "admin", now);
        assertThat(store.tokens().findActive("6".repeat(64))).isEmpty();
    }

    @Test
    void auditLogAppendsInSequenceAndReadsHalfOpenRanges() {
        var log = store.auditLog();
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        AuditEntry a = log.append(new AuditEntry(0, t0, "controller", "miner:1", "sleep", "confirmed", Map.of()));
        AuditEntry b = log.append(new AuditEntry(
                0, t0.plusSeconds(60), "operator:alice", "miner:2", "power-target 2800W", "timeout", Map.of("k", "v")));
        AuditEntry c = log.append(new AuditEntry(0, t0.plusSeconds(120), "controller", "site", "wake", "ok", Map.of()));
        assertThat(a.sequence()).isPositive();
        assertThat(b.sequence()).isGreaterThan(a.sequence());
        assertThat(c.sequence()).isGreaterThan(b.sequence());
        assertThat(log.size()).isEqualTo(3);
        assertThat(log.read(t0, t0.plusSeconds(120))).containsExactly(a, b);
        assertThat(log.read(t0.plusSeconds(60), t0.plusSeconds(61)))
                .singleElement()
                .satisfies(e -> assertThat(e.details()).isEqualTo(Map.of("k", "v")));
        assertThat(log.read(t0.plusSeconds(121), t0.plusSeconds(999))).isEmpty();
    }

    @Test
    void auditChainDetectsAnEntryEditedBehindTheLogsBack() throws Exception {
        var log = store.auditLog();
        Instant t0 = Instant.parse("2026-01-01T00:00:00.123456789Z");
        AuditEntry a = log.append(new AuditEntry(0, t0, "controller", "miner:1", "sleep", "sent", Map.of("id", "1")));
        log.append(new AuditEntry(0, t0.plusSeconds(1), "controller", "miner:1", "sleep", "confirmed", Map.of()));
        log.append(new AuditEntry(0, t0.plusSeconds(2), "controller", "miner:2", "wake", "timeout", Map.of()));
        assertThat(log.verifyChain()).isEqualTo(-1);
        assertThat(a.timeUtc()).isEqualTo(Instant.parse("2026-01-01T00:00:00.123456Z"));
        try (var c = store.dataSourceForTests().getConnection();
                var ps = c.prepareStatement("UPDATE audit_entry SET outcome = 'confirmed' WHERE sequence = ?")) {
            ps.setLong(1, a.sequence());
            ps.executeUpdate();
        }
        assertThat(log.verifyChain()).isEqualTo(a.sequence());
    }

    @Test
    void auditChainDetectsItsLastEntriesDeletedOrBlanked() throws Exception {
        var log = store.auditLog();
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < 4; i++) {
            log.append(new AuditEntry(0, t0.plusSeconds(i), "api:admin", "token:" + i, "create", "done", Map.of()));
        }
        assertThat(log.verify().intact()).isTrue();
        assertThat(log.verify().entries()).isEqualTo(4);
        // blanking the last entry: the chain before it is still valid in itself, but no longer ends at the head
        try (var c = store.dataSourceForTests().getConnection();
                var st = c.createStatement()) {
            st.executeUpdate("UPDATE audit_entry SET chain_hash = NULL WHERE sequence = 4");
        }
        AuditVerification blanked = log.verify();
        assertThat(blanked.intact()).isFalse();
        assertThat(blanked.firstBadSequence()).isEqualTo(4);
        assertThat(blanked.problem()).contains("ends at entry 3").contains("head says 4");
        // deleting the last two entries
        try (var c = store.dataSourceForTests().getConnection();
                var st = c.createStatement()) {
            st.executeUpdate("DELETE FROM audit_entry WHERE sequence >= 3");
        }
        assertThat(log.verifyChain()).isEqualTo(3);
        // and appending after the deletion does not heal it: the new entry chains onto the head, not onto entry 2
        log.append(new AuditEntry(0, t0.plusSeconds(9), "api:admin", "token:9", "create", "done", Map.of()));
        assertThat(log.verify().intact()).isFalse();
    }

    @Test
    void auditLogSourceHasNoUpdateOrDelete() throws Exception {
        String code = java.nio.file.Files.readString(
                java.nio.file.Path.of("src/main/java/io/minerai/store/JdbcAuditLog.java"));
        assertThat(code)
                .doesNotContainPattern("(?i)UPDATE\\s+\\S+\\s+SET")
                .doesNotContainPattern("(?i)DELETE\\s+FROM")
                .doesNotContainPattern("(?i)TRUNCATE\\s+TABLE|DROP\\s+TABLE");
    }

    @Test
    void reportsHealth() {
        assertThat(store.healthy()).isTrue();
    }

    long succeededRun() {
        long sid = scenario();
        RunRecord r = store.runs().create(new NewRun("backtest", sid, 1, "{}", "alice"));
        store.runs().markRunning(r.id());
        store.runs().complete(r.id(), Ledgers.result("{}", Ledgers.small(), 0.1));
        return r.id();
    }
}
