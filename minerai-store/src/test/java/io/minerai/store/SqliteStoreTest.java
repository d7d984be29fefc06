package io.minerai.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on the embedded SQLite store, plus its file: persistence, permissions, refusals, the lease. */
class SqliteStoreTest extends StoreContract {
    @Override
    Store newStore() {
        return Store.open(StoreConfig.temporary(), CLOCK);
    }

    @Override
    void failWrites(boolean fail) throws Exception {
        // the writer pool has one connection: a page limit on it is a disk that is full for every write
        try (var c = store.dataSourceForTests().getConnection();
                var st = c.createStatement()) {
            long pages;
            try (var rs = st.executeQuery("PRAGMA page_count")) {
                rs.next();
                pages = rs.getLong(1);
            }
            st.execute("PRAGMA max_page_count = " + (fail ? pages : 1_073_741_823L));
        }
    }

    @Test
    void embeddedFileStoreKeepsDataAcrossReopen(@TempDir Path dir) {
        long id;
        try (Store s = Store.open(StoreConfig.embedded(dir.resolve("nested")), CLOCK)) {
            id = s.scenarios().create("kept", "{}", "a").scenarioId();
            var run = s.runs().create(new NewRun("backtest", id, 1, "{}", "a"));
            s.runs().markRunning(run.id());
            s.runs().complete(run.id(), Ledgers.result("{}", Ledgers.small(), 1));
        }
        assertThat(dir.resolve("nested").resolve("minerai.db")).exists();
        try (Store s = Store.open(StoreConfig.embedded(dir.resolve("nested")), CLOCK)) {
            assertThat(s.scenarios().latest(id).orElseThrow().name()).isEqualTo("kept");
            assertThat(s.runs().ledgerSize(1)).isEqualTo(4);
        }
    }

    @Test
    void storeFilesAreReadableByTheirOwnerOnly(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        try (Store s = Store.openExclusive(StoreConfig.embedded(data), CLOCK)) {
            s.scenarios().create("private", "{}", "a");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data)))
                    .isEqualTo("rwx------");
            try (var files = Files.list(data)) {
                for (Path f : files.toList()) {
                    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f)))
                            .as("%s", f.getFileName())
                            .isEqualTo("rw-------");
                }
            }
            assertThat(data.resolve("minerai.db-wal")).exists();
        }
        // an older, world-readable store file is made private when opened
        Files.setPosixFilePermissions(data.resolve("minerai.db"), PosixFilePermissions.fromString("rw-r--r--"));
        Store.open(StoreConfig.embedded(data), CLOCK).close();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("minerai.db"))))
                .isEqualTo("rw-------");
    }

    @Test
    void anEmptyStoreFileIsRefusedAndLeftAlone(@TempDir Path dir) throws Exception {
        Files.createFile(dir.resolve("minerai.db"));
        assertThatThrownBy(() -> Store.openExclusive(StoreConfig.embedded(dir), CLOCK))
                .isInstanceOf(StoreRefusedException.class)
                .hasMessageContaining("is empty (0 bytes)")
                .hasMessageContaining("minerai store restore");
        assertThat(Files.size(dir.resolve("minerai.db"))).isZero();
        assertThat(dir.resolve("minerai.db-wal")).doesNotExist();
    }

    @Test
    void aTruncatedStoreFileIsRefused(@TempDir Path dir) throws Exception {
        Path db = filledStore(dir);
        byte[] all = Files.readAllBytes(db);
        byte[] half = java.util.Arrays.copyOf(all, all.length / 2);
        Files.write(db, half);
        assertThatThrownBy(() -> Store.open(StoreConfig.embedded(dir), CLOCK))
                .isInstanceOf(StoreRefusedException.class)
                .hasMessageContaining("is truncated");
        assertThat(Files.readAllBytes(db)).isEqualTo(half);
    }

    /**
     * SIGKILL during a checkpoint leaves the file shorter than its header says (page 1, with the new page count, is
     * written first) while the write-ahead log still holds every page: the store opens, SQLite finishes the checkpoint,
     * and nothing is lost. The 1,000-kill crash run found this: the store was refused as "truncated" after kill 25.
     */
    @Test
    void aCheckpointInterruptedByAKillIsFinishedNotRefused(@TempDir Path dir) throws Exception {
        Path live = dir.resolve("live");
        Path crash = dir.resolve("crash");
        Files.createDirectories(crash);
        List<Long> runs = new java.util.ArrayList<>();
        try (Store s = Store.open(StoreConfig.embedded(live), CLOCK)) {
            try (var c = s.dataSourceForTests().getConnection();
                    var st = c.createStatement()) {
                st.execute("PRAGMA wal_autocheckpoint = 0"); // the one writer connection: every commit stays in the log
            }
            long sid = s.scenarios().create("s", "{}", "a").scenarioId();
            for (int i = 0; i < 20; i++) {
                var run = s.runs().create(new NewRun("backtest", sid, 1, "{}", "a"));
                s.runs().markRunning(run.id());
                s.runs().complete(run.id(), Ledgers.result("{}", Ledgers.wide(2_000, 8), 1));
                runs.add(run.id());
            }
            // the files as a kill would leave them before any checkpoint (no writes while they are copied)
            Files.copy(live.resolve("minerai.db"), crash.resolve("minerai.db"));
            Files.copy(live.resolve("minerai.db-wal"), crash.resolve("minerai.db-wal"));
        }
        Path db = crash.resolve("minerai.db");
        byte[] wal = Files.readAllBytes(crash.resolve("minerai.db-wal"));
        byte[] page1 = lastWalFrameOfPage1(wal);
        long pagesInLog = java.nio.ByteBuffer.wrap(page1).getInt(28) & 0xffffffffL;
        assertThat(pagesInLog * page1.length).isGreaterThan(Files.size(db));
        // the checkpoint got as far as page 1: the header now counts pages the file does not have yet
        try (RandomAccessFile f = new RandomAccessFile(db.toFile(), "rw")) {
            f.write(page1);
        }
        try (Store s = Store.open(StoreConfig.embedded(crash), CLOCK)) {
            for (long id : runs) {
                assertThat(s.runs().get(id).orElseThrow().status()).isEqualTo(RunStatus.SUCCEEDED);
                assertThat(s.runs().ledgerSize(id)).isEqualTo(2_000);
            }
            assertThat(StoreMaintenance.check(s).problems()).isEmpty();
        }
    }

    /** The newest copy of page 1 in a write-ahead log (format: sqlite.org/fileformat2.html, "WAL File Format"). */
    private static byte[] lastWalFrameOfPage1(byte[] wal) {
        var h = java.nio.ByteBuffer.wrap(wal);
        int pageSize = h.getInt(8);
        long salt1 = h.getInt(16);
        long salt2 = h.getInt(20);
        byte[] last = null;
        for (int at = 32; at + 24 + pageSize <= wal.length; at += 24 + pageSize) {
            if (h.getInt(at + 8) != salt1 || h.getInt(at + 12) != salt2) {
                break; // a frame of an earlier round of the log
            }
            if (h.getInt(at) == 1) {
                last = java.util.Arrays.copyOfRange(wal, at + 24, at + 24 + pageSize);
            }
        }
        assertThat(last).as("page 1 in the log").isNotNull();
        return java.util.Objects.requireNonNull(last);
    }

    @Test
    void aForeignFileIsRefused(@TempDir Path dir) throws Exception {
        Files.writeString(
                dir.resolve("minerai.db"), "not a database at all, just some text that is long enough. ".repeat(10));
        assertThatThrownBy(() -> Store.open(StoreConfig.embedded(dir), CLOCK))
                .isInstanceOf(StoreRefusedException.class)
                .hasMessageContaining("is not an SQLite database");
    }

    @Test
    void aStoreFileWithBadBlocksIsRefused(@TempDir Path dir) throws Exception {
        Path db = filledStore(dir);
        long size = Files.size(db);
        Random random = new Random(16);
        try (RandomAccessFile f = new RandomAccessFile(db.toFile(), "rw")) {
            for (int i = 0; i < 16; i++) {
                byte[] garbage = new byte[4096];
                random.nextBytes(garbage);
                // past the first page (its header is checked before SQLite opens the file)
                long at = 4096 + (long) (random.nextDouble() * (size - 8192));
                f.seek(at - at % 4096);
                f.write(garbage);
            }
        }
        assertThatThrownBy(() -> Store.open(StoreConfig.embedded(dir), CLOCK))
                .isInstanceOf(StoreRefusedException.class)
                .hasMessageContaining("is corrupt");
    }

    @Test
    void theStoreOfAnOlderVersionIsNotReplacedSilently(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("minerai.mv.db"), "H2 store");
        assertThatThrownBy(() -> Store.open(StoreConfig.embedded(dir), CLOCK))
                .isInstanceOf(StoreRefusedException.class)
                .hasMessageContaining("minerai.mv.db");
        assertThat(dir.resolve("minerai.db")).doesNotExist();
    }

    /** A real store of the H2 era (see legacy-h2/SOURCE.md) is refused with a message that says what it is. */
    @Test
    void aRealStoreOfTheH2EraIsRefusedAndLeftAsItIs(@TempDir Path dir) throws Exception {
        Path old = dir.resolve("minerai.mv.db");
        try (var in = SqliteStoreTest.class.getResourceAsStream("legacy-h2/minerai.mv.db")) {
            Files.copy(java.util.Objects.requireNonNull(in), old);
        }
        byte[] before = Files.readAllBytes(old);
        assertThat(new String(before, 0, 200, java.nio.charset.StandardCharsets.ISO_8859_1))
                .as("an H2 MVStore file")
                .contains("H:2");
        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> Store.openExclusive(StoreConfig.embedded(dir), CLOCK))
                    .isInstanceOf(StoreRefusedException.class)
                    .hasMessageContaining("found the store of an older minerai version, " + old + " (H2)")
                    .hasMessageContaining("cannot read H2 files")
                    .hasMessageContaining("left as it is");
        }
        assertThat(Files.readAllBytes(old)).isEqualTo(before);
        assertThat(dir.resolve("minerai.db")).doesNotExist();
        assertThat(dir.resolve("minerai.db.new")).doesNotExist();
    }

    /** A store migrated by a newer minerai (a schema version this one does not know) is refused, unchanged. */
    @Test
    void aStoreOfANewerVersionIsRefusedAndLeftAsItIs(@TempDir Path dir) throws Exception {
        try (Store s = Store.open(StoreConfig.embedded(dir), CLOCK)) {
            s.scenarios().create("kept", "{}", "a");
        }
        Path db = dir.resolve("minerai.db");
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
                var st = c.createStatement()) {
            st.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
                    + " checksum, installed_by, installed_on, execution_time, success) VALUES (99, '99', 'from the"
                    + " future', 'SQL', 'V99__from_the_future.sql', 0, '', '2030-01-01 00:00:00', 1, 1)");
        }
        byte[] before = Files.readAllBytes(db);
        assertThatThrownBy(() -> Store.openExclusive(StoreConfig.embedded(dir), CLOCK))
                .isInstanceOf(StoreRefusedException.class)
                .hasMessageContaining("was written by a newer minerai")
                .hasMessageContaining("schema has version 99")
                .hasMessageContaining("knows versions up to 7")
                .hasMessageNotContaining("repair");
        assertThat(Files.readAllBytes(db)).isEqualTo(before);
    }

    @Test
    void aSecondExclusiveOpenIsRefusedAndTheFirstKeepsWorking(@TempDir Path dir) {
        StoreConfig config = StoreConfig.embedded(dir);
        try (Store first = Store.openExclusive(config, CLOCK)) {
            first.scenarios().create("one", "{}", "a");
            assertThatThrownBy(() -> Store.openExclusive(config, CLOCK))
                    .isInstanceOf(StoreLockedException.class)
                    .hasMessageContaining("another minerai server is using the store")
                    .hasMessageContaining("Nothing was changed");
            assertThat(first.scenarios().create("two", "{}", "a").scenarioId()).isEqualTo(2);
        }
        try (Store again = Store.openExclusive(config, CLOCK)) {
            assertThat(again.scenarios().countAll()).isEqualTo(2);
        }
    }

    @Test
    void ledgersOfTheOldFixedColumnTableAreMovedIntoColumnsUnderTheirApiNames(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("minerai.db");
        String url = "jdbc:sqlite:" + db;
        org.flywaydb.core.Flyway.configure()
                .dataSource(url, "", "")
                .locations("classpath:io/minerai/store/migration/sqlite")
                .target("1")
                .load()
                .migrate();
        try (var c = java.sql.DriverManager.getConnection(url);
                var st = c.createStatement()) {
            st.execute("INSERT INTO scenario (id, name, created_utc, created_by) VALUES (1, 's',"
                    + " '2024-01-01T00:00:00.000000Z', 'a')");
            st.execute("INSERT INTO run (id, kind, scenario_id, scenario_version, parameters_json, status,"
                    + " progress_fraction, phase, created_by, queued_utc) VALUES (7, 'backtest', 1, 1, '{}',"
                    + " 'SUCCEEDED', 1, 'done', 'a', '2024-01-01T00:00:00.000000Z')");
            st.execute("INSERT INTO run_result (run_id, summary_json, interval_count, loads_json) VALUES (7, '{}', 2,"
                    + " '[]')");
            for (int i = 0; i < 2; i++) {
                StringBuilder sql = new StringBuilder("INSERT INTO run_ledger VALUES (7, " + i + ", '2024-07-01T0" + i
                        + ":00:00.000000Z', " + (i == 0 ? 1 : 0));
                for (int k = 0; k < 20; k++) {
                    sql.append(", ").append(100 * i + k); // column k of interval i holds 100 i + k
                }
                st.execute(sql.append(", '1.0')").toString());
            }
        }
        try (Store s = Store.open(StoreConfig.embedded(dir), CLOCK)) {
            assertThat(s.runs().columns(7)).hasSize(21);
            SeriesPage page =
                    s.runs().series(7, List.of("dispatched", "priceUsdPerMwh", "netUsd", "energyCostUsdPerMwh"), 0, 10);
            assertThat(page.timesUtc())
                    .containsExactly(Instant.parse("2024-07-01T00:00:00Z"), Instant.parse("2024-07-01T01:00:00Z"));
            assertThat(page.column("dispatched")).containsExactly(1, 0);
            assertThat(page.column("priceUsdPerMwh")).containsExactly(0, 100);
            assertThat(page.column("netUsd")).containsExactly(16, 116);
            assertThat(page.column("energyCostUsdPerMwh")).containsExactly(19, 119);
            assertThat(s.runs().columns(7).get(17)).isEqualTo(new ColumnInfo("netUsd", Aggregation.SUM));
        }
    }

    @Test
    void configRejectsOtherDatabasesAndHidesPasswords() {
        assertThatThrownBy(() -> new StoreConfig("jdbc:mysql://x/y", "", "", 1))
                .hasMessageContaining("jdbc:sqlite: (a file) or jdbc:postgresql:");
        assertThatThrownBy(() -> new StoreConfig("jdbc:sqlite::memory:", "", "", 1))
                .hasMessageContaining("names a file");
        StoreConfig c = new StoreConfig("jdbc:postgresql://h/db?user=u&password=s3cret", "u", "s3cret", 2);
        assertThat(c.toString()).doesNotContain("s3cret");
        assertThat(c.redactedUrl()).isEqualTo("jdbc:postgresql://h/db?user=u&password=***");
    }

    /** A closed store with some scenarios, runs and ledgers in it (a few hundred KB). */
    private static Path filledStore(Path dir) {
        try (Store s = Store.open(StoreConfig.embedded(dir), CLOCK)) {
            long sid = s.scenarios()
                    .create("s", "{\"pad\":\"" + "x".repeat(5000) + "\"}", "a")
                    .scenarioId();
            for (int i = 0; i < 40; i++) {
                var run = s.runs().create(new NewRun("backtest", sid, 1, "{}", "a"));
                s.runs().markRunning(run.id());
                s.runs().complete(run.id(), Ledgers.result("{\"i\":" + i + "}", Ledgers.wide(300, 8), 1));
            }
        }
        return dir.resolve("minerai.db");
    }
}
