package io.minerai.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.minerai.core.scenario.ScenarioDocs;
import org.junit.jupiter.api.Test;

class DocsCommandTest {
    @Test
    void everyCommandHasHelp() {
        for (String cmd : MineraiCommand.commandLine().getSubcommands().keySet()) {
            CliRunner.Result r = CliRunner.run(cmd, "--help");
            assertThat(r.exitCode()).as(cmd).isZero();
            assertThat(r.out()).as(cmd).contains("Usage: minerai " + cmd);
        }
        assertThat(CliRunner.run("--help").out()).contains("Exit codes");
    }

    @Test
    void docsScenarioPrintsTheGeneratedReference() {
        CliRunner.Result r = CliRunner.run("docs", "scenario");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo(ScenarioDocs.markdown());
    }
}
