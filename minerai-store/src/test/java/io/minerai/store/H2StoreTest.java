package io.minerai.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on the embedded H2 store, plus file persistence. */
class H2StoreTest extends StoreContract {
    private static final AtomicInteger DB = new AtomicInteger();

    @Override
    Store newStore() {
        return Store.open(StoreConfig.inMemory("contract" + DB.incrementAndGet()), CLOCK);
    }

    @Test
    void embeddedFileStoreKeepsDataAcrossReopen(@TempDir Path dir) {
        long id;
        try (Store s = Store.open(StoreConfig.embedded(dir.resolve("nested")), CLOCK)) {
            id = s.scenarios().create("kept", "{}", "a").scenarioId();
            var run = s.runs().create(new NewRun("backtest", id, 1, "{}", "a"));
            s.runs().markRunning(run.id());
            s.runs().complete(run.id(), "{}", Optional.of(Ledgers.small()), 1);
        }
        assertThat(dir.resolve("nested").resolve("minerai.mv.db")).exists();
        try (Store s = Store.open(StoreConfig.embedded(dir.resolve("nested")), CLOCK)) {
            assertThat(s.scenarios().latest(id).orElseThrow().name()).isEqualTo("kept");
            assertThat(s.runs().ledgerSize(1)).isEqualTo(4);
        }
    }

    @Test
    void embeddedFileUrlsWriteOnCommitUnlessTheUserSaysOtherwise() {
        assertThat(Store.durableUrl("jdbc:h2:file:/d/minerai;DB_CLOSE_ON_EXIT=FALSE"))
                .isEqualTo("jdbc:h2:file:/d/minerai;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
        assertThat(Store.durableUrl("jdbc:h2:file:/d/minerai;write_delay=200"))
                .isEqualTo("jdbc:h2:file:/d/minerai;write_delay=200");
        assertThat(Store.durableUrl("jdbc:h2:mem:x;DB_CLOSE_DELAY=-1")).isEqualTo("jdbc:h2:mem:x;DB_CLOSE_DELAY=-1");
        assertThat(Store.durableUrl("jdbc:postgresql://h/db")).isEqualTo("jdbc:postgresql://h/db");
    }

    @Test
    void configRejectsOtherDatabasesAndHidesPasswords() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new StoreConfig("jdbc:mysql://x/y", "", "", 1))
                .hasMessageContaining("jdbc:h2: or jdbc:postgresql:");
        StoreConfig c = new StoreConfig("jdbc:postgresql://h/db?user=u&password=s3cret", "u", "s3cret", 2);
        assertThat(c.toString()).doesNotContain("s3cret");
        assertThat(c.redactedUrl()).isEqualTo("jdbc:postgresql://h/db?user=u&password=***");
    }
}
