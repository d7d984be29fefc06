package io.minerai.cli.server;

import io.minerai.cli.ExitCodes;
import io.minerai.store.Store;
import io.minerai.store.StoreConfig;
import io.minerai.store.StoreMaintenance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code minerai store check|backup|restore}. */
@Command(
        name = "store",
        mixinStandardHelpOptions = true,
        description = "Check, back up and restore the server's store (embedded or PostgreSQL).",
        subcommands = {StoreCommand.Check.class, StoreCommand.Backup.class, StoreCommand.Restore.class})
public final class StoreCommand implements Runnable {
    @Spec
    @SuppressWarnings("NullAway.Init")
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(
            name = "check",
            mixinStandardHelpOptions = true,
            description = {
                "Verify the store: the database's integrity, the audit log's hash chain against its head, and every"
                        + " succeeded run's result and ledger (counts and checksums). Exit 0 when sound, 1 with every"
                        + " problem listed. Safe while a server runs."
            })
    static final class Check implements Callable<Integer> {
        @Spec
        @SuppressWarnings("NullAway.Init")
        CommandSpec spec;

        @Mixin
        StoreOptions store = new StoreOptions();

        @Override
        public Integer call() {
            StoreConfig config = store.config();
            try (Store s = Store.open(config, Clock.systemUTC())) {
                var report = StoreMaintenance.check(s);
                var out = spec.commandLine().getOut();
                out.println("store " + config.redactedUrl() + ": " + report.runsChecked() + " succeeded runs read back"
                        + " whole, audit chain of " + report.auditEntries() + " entries checked");
                if (report.sound()) {
                    out.println("ok: no problems found");
                    return ExitCodes.OK;
                }
                report.problems().forEach(p -> spec.commandLine().getErr().println("problem: " + p));
                spec.commandLine().getErr().println(report.problems().size() + " problem(s) found");
                return ExitCodes.FAILED;
            }
        }
    }

    @Command(
            name = "backup",
            mixinStandardHelpOptions = true,
            description = {
                "Copy the store, from one consistent snapshot, into a new file FILE that is itself an embedded store"
                        + " (readable by its owner only). Works on both kinds of store and while a server runs."
            })
    static final class Backup implements Callable<Integer> {
        @Spec
        @SuppressWarnings("NullAway.Init")
        CommandSpec spec;

        @Mixin
        StoreOptions store = new StoreOptions();

        @Parameters(index = "0", paramLabel = "FILE", description = "The backup file to write (must not exist).")
        @SuppressWarnings("NullAway.Init")
        Path file;

        @Override
        public Integer call() {
            StoreConfig config = store.config();
            try (Store s = Store.open(config, Clock.systemUTC())) {
                StoreMaintenance.backup(s, file, Clock.systemUTC());
            }
            spec.commandLine().getOut().println("backed up " + config.redactedUrl() + " to " + file);
            return ExitCodes.OK;
        }
    }

    @Command(
            name = "restore",
            mixinStandardHelpOptions = true,
            description = {
                "Restore a backup FILE (made by 'minerai store backup') into an empty store: the embedded store must"
                        + " not exist yet, a PostgreSQL database must hold no minerai data. The backup is checked first."
                        + " No server may be running on the store."
            })
    static final class Restore implements Callable<Integer> {
        @Spec
        @SuppressWarnings("NullAway.Init")
        CommandSpec spec;

        @Mixin
        StoreOptions store = new StoreOptions();

        @Parameters(index = "0", paramLabel = "FILE", description = "The backup file.")
        @SuppressWarnings("NullAway.Init")
        Path file;

        @Override
        public Integer call() {
            StoreConfig config = store.config();
            if (config.isEmbedded() && Files.exists(config.embeddedFile())) {
                spec.commandLine()
                        .getErr()
                        .println("minerai: the store " + config.embeddedFile() + " exists; a backup is restored only"
                                + " where there is no store yet (move it away first, or give another --data-dir)");
                return ExitCodes.FAILED;
            }
            try (Store s = Store.openExclusive(config, Clock.systemUTC())) {
                var report = StoreMaintenance.restore(file, s, Clock.systemUTC());
                spec.commandLine()
                        .getOut()
                        .println("restored " + file + " into " + config.redactedUrl() + " (" + report.runsChecked()
                                + " succeeded runs, " + report.auditEntries() + " audit entries)");
            }
            return ExitCodes.OK;
        }
    }
}
