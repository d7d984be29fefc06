package io.minerai.server;

import io.minerai.server.run.RunKind;
import io.minerai.server.run.RunKinds;
import io.minerai.store.StoreConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/** Servers for tests: loopback, a free port, a new store in a temporary folder, synthetic inputs for backtests. */
final class TestServers {
    static final String ADMIN = "mnr_test-admin-token-0123456789abcdef";

    private TestServers() {}

    static ServerConfig config() {
        return ServerConfig.defaults()
                .withPort(0)
                .withStore(StoreConfig.temporary())
                .withAdminToken(ADMIN);
    }

    /** A server whose backtests read the bundled real data (minerai-data's resolver). */
    static MineraiServer startOnBundledData(ServerConfig config) {
        PrintStream console = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return MineraiServer.start(config, RunKinds.standard(), Clock.systemUTC(), console);
    }

    /** A server whose backtests read SYNTHETIC inputs (fast; see {@link SyntheticInputs}). */
    static MineraiServer start(ServerConfig config, RunKind... extraKinds) {
        RunKinds kinds = RunKinds.standard(SyntheticInputs::resolve);
        for (RunKind k : extraKinds) {
            kinds.register(k);
        }
        PrintStream console = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return MineraiServer.start(config, kinds, Clock.systemUTC(), console);
    }
}
