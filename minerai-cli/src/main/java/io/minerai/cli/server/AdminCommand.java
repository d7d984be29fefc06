package io.minerai.cli.server;

import io.minerai.cli.ExitCodes;
import io.minerai.core.audit.AuditEntry;
import io.minerai.server.Tokens;
import io.minerai.store.Role;
import io.minerai.store.Store;
import io.minerai.store.StoreConfig;
import io.minerai.store.TokenRecord;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code minerai admin new-token}: break-glass access, written directly into the store. */
@Command(
        name = "admin",
        mixinStandardHelpOptions = true,
        description = "Administer a store directly, on the machine that holds it.",
        subcommands = {AdminCommand.NewToken.class})
public final class AdminCommand implements Runnable {
    @Spec
    @SuppressWarnings("NullAway.Init")
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(
            name = "new-token",
            mixinStandardHelpOptions = true,
            description = {
                "Break glass: make a new admin token directly in the store (audited) and print it once, for when no"
                        + " working admin token is left. Needs access to the store itself (its file, or the"
                        + " database's credentials); works while a server runs (its token cache may take 10 s)."
            })
    static final class NewToken implements Callable<Integer> {
        @Spec
        @SuppressWarnings("NullAway.Init")
        CommandSpec spec;

        @Mixin
        StoreOptions store = new StoreOptions();

        @Option(names = "--name", defaultValue = "break-glass admin", description = "Holder of the token.")
        String name = "break-glass admin";

        @Override
        public Integer call() {
            if (name.isBlank() || name.length() > 200) {
                throw new IllegalArgumentException("--name must be 1..200 characters");
            }
            StoreConfig config = store.config();
            Clock clock = Clock.systemUTC();
            String secret = Tokens.generate();
            try (Store s = Store.open(config, clock)) {
                TokenRecord t = s.tokens().create(name, Role.ADMIN, Tokens.hash(secret), "cli:break-glass");
                String user = System.getProperty("user.name", "unknown");
                s.auditLog()
                        .append(new AuditEntry(
                                0,
                                clock.instant(),
                                "cli:" + user,
                                "token:" + t.id(),
                                "break-glass new admin token",
                                "done",
                                Map.of("name", name)));
                var out = spec.commandLine().getOut();
                out.println("minerai: a new admin token (id " + t.id() + ", '" + name + "') was made in "
                        + config.redactedUrl() + ". It is shown only this once:");
                out.println();
                out.println("    " + secret);
                out.println();
                out.flush();
            }
            return ExitCodes.OK;
        }
    }
}
