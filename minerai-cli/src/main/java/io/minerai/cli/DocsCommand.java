package io.minerai.cli;

import io.minerai.core.scenario.ScenarioDocs;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Prints generated reference docs. */
@Command(
        name = "docs",
        mixinStandardHelpOptions = true,
        description = "Print generated reference documentation (e.g. `docs scenario > docs/SCENARIO.md`).")
final class DocsCommand implements Callable<Integer> {
    @Parameters(index = "0", description = "Which reference: ${COMPLETION-CANDIDATES}")
    Topic topic = Topic.scenario;

    enum Topic {
        scenario
    }

    @picocli.CommandLine.Spec
    @SuppressWarnings("NullAway.Init")
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(ScenarioDocs.markdown());
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
