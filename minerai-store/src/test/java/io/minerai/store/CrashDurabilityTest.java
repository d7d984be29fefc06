package io.minerai.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.minerai.core.audit.AuditEntry;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process killed with SIGKILL right after the embedded store acknowledged a commit keeps that commit: the child
 * creates runs and appends audit entries, printing {@code ack <runId>} after each returns; the parent kills it without
 * warning the moment it has read enough acknowledgements, then reopens the file and looks for every acknowledged write.
 * H2 without a redo log only writes committed changes every WRITE_DELAY ms, so this fails unless the store writes on
 * commit.
 */
class CrashDurabilityTest {
    private static final int ACKNOWLEDGED = 40;

    @Test
    void everyAcknowledgedCommitSurvivesAKill(@TempDir Path dir) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process child = new ProcessBuilder(java, "-Xmx256m", "-cp", cp, Writer.class.getName(), dir.toString())
                .redirectErrorStream(true)
                .start();
        List<Long> acked = new ArrayList<>();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (acked.size() < ACKNOWLEDGED && (line = out.readLine()) != null) {
                if (line.startsWith("ack ")) {
                    acked.add(Long.parseLong(line.substring(4).trim()));
                }
            }
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no close
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(acked)
                .as("the child acknowledged writes before it was killed")
                .hasSize(ACKNOWLEDGED);

        try (Store store = Store.open(StoreConfig.embedded(dir), Clock.systemUTC())) {
            for (long id : acked) {
                assertThat(store.runs().get(id)).as("acknowledged run %d", id).isPresent();
            }
            assertThat(store.auditLog().size()).isGreaterThanOrEqualTo(ACKNOWLEDGED);
            assertThat(store.auditLog().verifyChain())
                    .as("first broken audit entry")
                    .isEqualTo(-1L);
        }
    }

    /** The child: writes until killed. */
    public static final class Writer {
        private Writer() {}

        public static void main(String[] args) {
            try (Store store = Store.open(StoreConfig.embedded(Path.of(args[0])), Clock.systemUTC())) {
                long scenario = store.scenarios().create("crash", "{}", "test").scenarioId();
                for (int i = 0; ; i++) {
                    RunRecord run = store.runs().create(new NewRun("backtest", scenario, 1, "{}", "test"));
                    store.auditLog()
                            .append(new AuditEntry(
                                    0, Instant.now(), "test", "run:" + run.id(), "create", "ok", Map.of("i", "" + i)));
                    System.out.println("ack " + run.id());
                    System.out.flush();
                }
            }
        }
    }
}
