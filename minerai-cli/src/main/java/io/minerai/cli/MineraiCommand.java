package io.minerai.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root command. Subcommands are registered in {@link #subcommands()}. */
@Command(
        name = "minerai",
        mixinStandardHelpOptions = true,
        versionProvider = MineraiCommand.Version.class,
        description = "Decide how each megawatt of a Bitcoin mining site should earn: hashing, AI/GPU hosting or"
                + " selling power back.",
        footer = {"", "Exit codes: 0 ok, 1 failed while running, 2 bad usage or invalid input (scenario or data file)."
        })
public final class MineraiCommand implements Runnable {
    @CommandLine.Spec
    @SuppressWarnings("NullAway.Init")
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Every subcommand, in help order. Add new commands here. */
    static Object[] subcommands() {
        return new Object[] {
            new BacktestCommand(),
            new io.minerai.cli.optimize.OptimizeCommand(),
            new io.minerai.cli.optimize.CompareCommand(),
            new ValidateCommand(),
            new HashpriceCommand(),
            new io.minerai.cli.server.ServeCommand(),
            new io.minerai.cli.server.StoreCommand(),
            new io.minerai.cli.server.AdminCommand(),
            new io.minerai.cli.sustainability.SustainabilityCommand(),
            new io.minerai.cli.plan.PlanCommand(),
            new io.minerai.cli.portfolio.PortfolioCommand(),
            new io.minerai.cli.ops.SimulateCommand(),
            new io.minerai.cli.ops.ControlCommand(),
            new DocsCommand()
        };
    }

    /** Builds the configured command line (used by {@link Main} and tests). */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new MineraiCommand());
        for (Object sub : subcommands()) {
            cl.addSubcommand(sub);
        }
        cl.setExecutionExceptionHandler(new ErrorHandler());
        return cl;
    }

    /** Version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = MineraiCommand.class.getPackage().getImplementationVersion();
            return new String[] {"minerai " + (v == null ? "dev" : v)};
        }
    }
}
