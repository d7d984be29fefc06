package io.minerai.cli.server;

import io.minerai.store.StoreConfig;
import java.nio.file.Path;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** Which store a command works on: the embedded one (default, or {@code --data-dir}) or PostgreSQL ({@code --db}). */
final class StoreOptions {
    @Option(names = "--data-dir", description = "Folder of the embedded store (default $MINERAI_HOME or ~/.minerai).")
    @Nullable
    Path dataDir;

    @Option(
            names = "--db",
            description = "A PostgreSQL JDBC URL instead of the embedded store; the password comes from $"
                    + ServeCommand.DB_PASSWORD_ENV + ".")
    @Nullable
    String dbUrl;

    @Option(names = "--db-user", description = "Database user for --db.")
    @Nullable
    String dbUser;

    StoreConfig config() {
        if (dbUrl != null && dataDir != null) {
            throw new IllegalArgumentException("use either --data-dir (embedded store) or --db");
        }
        if (dbUrl == null) {
            return StoreConfig.embedded(dataDir == null ? StoreConfig.defaultDataDir() : dataDir);
        }
        return new StoreConfig(
                dbUrl,
                dbUser == null ? "" : dbUser,
                Optional.ofNullable(System.getenv(ServeCommand.DB_PASSWORD_ENV)).orElse(""),
                2);
    }
}
