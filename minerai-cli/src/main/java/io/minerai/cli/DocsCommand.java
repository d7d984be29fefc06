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

    @Override
    public Integer call() {
        System.out.print(ScenarioDocs.markdown());
        return ExitCodes.OK;
    }
}
