package io.minerai.server;

import io.minerai.server.run.RunKinds;
import io.minerai.store.StoreConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * A server in its own JVM for the kill test: embedded store under {@code args[0]}, a free loopback port written to
 * {@code args[0]/port} once listening, the admin token from {@code MINERAI_ADMIN_TOKEN}, synthetic inputs.
 */
public final class KillableServerMain {
    private KillableServerMain() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        ServerConfig config = ServerConfig.defaults()
                .withPort(0)
                .withStore(StoreConfig.embedded(dir))
                .withAdminToken(System.getenv(ServerConfig.ADMIN_TOKEN_ENV));
        MineraiServer server =
                MineraiServer.start(config, RunKinds.standard(SyntheticInputs::resolve), Clock.systemUTC(), System.out);
        Files.writeString(dir.resolve("port.tmp"), String.valueOf(server.port()), StandardCharsets.UTF_8);
        Files.move(dir.resolve("port.tmp"), dir.resolve("port"));
        Thread.currentThread().join(); // until killed
    }
}
