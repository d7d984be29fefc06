package io.minerai.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minerai.store.StoreConfig;
import io.minerai.store.StoreLockedException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One server per store: a second server on the same store (here one that also could not bind its port) is refused
 * before it touches anything, and the first server's running and queued runs go on undisturbed.
 */
class SingleWriterTest {
    @Test
    void aSecondServerOnTheSameStoreIsRefusedAndChangesNothing(@TempDir Path dir) throws Exception {
        GateKind gate = new GateKind();
        ServerConfig config = TestServers.config().withStore(StoreConfig.embedded(dir));
        try (MineraiServer first = TestServers.start(config.withRuns(1, 4), gate)) {
            Client c = new Client(first.port(), TestServers.ADMIN);
            long running = RunQueueTest.start(c, "gate", 1);
            assertThat(gate.started.await(30, TimeUnit.SECONDS)).isTrue();
            long queued = RunQueueTest.start(c, "gate", 1);

            try (ServerSocket taken = new ServerSocket(0)) {
                // the port is taken as well: the store's lease is what refuses it, before anything else
                assertThatThrownBy(() -> TestServers.start(config.withPort(taken.getLocalPort()), new GateKind()))
                        .isInstanceOf(StoreLockedException.class)
                        .hasMessageContaining("another minerai server is using the store");
            }
            assertThatThrownBy(() -> TestServers.start(config, new GateKind()))
                    .isInstanceOf(StoreLockedException.class);

            assertThat(RunQueueTest.status(c, running)).isEqualTo("running");
            assertThat(RunQueueTest.status(c, queued)).isEqualTo("queued");
            gate.gate.countDown();
            Waits.until(
                    "both runs to finish on the first server",
                    Duration.ofSeconds(30),
                    () -> RunQueueTest.status(c, queued).equals("succeeded"));
            assertThat(RunQueueTest.status(c, running)).isEqualTo("succeeded");
        }
        // the lease goes with the first server: a new one starts on the same store
        try (MineraiServer again = TestServers.start(config, new GateKind())) {
            Client c = new Client(again.port(), TestServers.ADMIN);
            assertThat(c.get("/api/runs").json().path("items").size()).isEqualTo(2);
        }
    }

    @Test
    void aServerThatCannotBindItsPortLeavesInterruptedRunsAlone(@TempDir Path dir) throws Exception {
        GateKind gate = new GateKind();
        ServerConfig config = TestServers.config().withStore(StoreConfig.embedded(dir));
        long running;
        MineraiServer first = TestServers.start(config.withRuns(1, 4), gate);
        Client c = new Client(first.port(), TestServers.ADMIN);
        running = RunQueueTest.start(c, "gate", 1);
        assertThat(gate.started.await(30, TimeUnit.SECONDS)).isTrue();
        // simulate a server that died while the run was running: its store and lease go, the run stays RUNNING
        first.abandonForTests();
        try (ServerSocket taken = new ServerSocket(0)) {
            assertThatThrownBy(() -> TestServers.start(config.withPort(taken.getLocalPort()), new GateKind()))
                    .isNotInstanceOf(StoreLockedException.class);
        }
        try (var store = io.minerai.store.Store.open(config.store(), java.time.Clock.systemUTC())) {
            assertThat(store.runs().get(running).orElseThrow().status())
                    .as("a server that could not serve recovers nothing")
                    .isEqualTo(io.minerai.store.RunStatus.RUNNING);
        }
        try (MineraiServer again = TestServers.start(config, new GateKind())) {
            Client c2 = new Client(again.port(), TestServers.ADMIN);
            assertThat(RunQueueTest.status(c2, running)).isEqualTo("failed");
        } finally {
            gate.gate.countDown();
        }
    }
}
