package io.minerai.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the user sees for the input-file cases of issue 13: errors exit 2 with the place, warnings print and pass. */
class InputFileMessagesTest {
    private static final String SCENARIO = """
            name: small
            period: {start: 2024-07-01T00:00:00Z, end: 2024-07-02T00:00:00Z}
            site:
              name: s
              grid: {settlementPoint: HB_WEST, importCapMw: 80, tariffAdders: [{name: t, usdPerMwh: ADDER}]}
              minerFleets:
                - {name: f, model: S21, unitCount: UNITS, unitHashrateThPerS: 200, unitPowerW: 3500, pue: 1.1}
              colocationLeases:
                - {name: c, criticalItMw: 10, priceUsdPerKwMonth: 100, pue: 1.2}
            """;

    private static Path scenario(Path dir, String adder, String units) throws Exception {
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, SCENARIO.replace("ADDER", adder).replace("UNITS", units));
        return f;
    }

    /** Was: exit 0 with "netUsd": null. */
    @Test
    void anAdderOf1e308IsRefusedBeforeTheRun(@TempDir Path dir) throws Exception {
        CliRunner.Result r = CliRunner.run(
                "backtest",
                scenario(dir, "1e308", "1000").toString(),
                "--no-report",
                "--format",
                "json",
                "-o",
                dir.resolve("out").toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(r.err())
                .contains("site.grid.tariffAdders[0].usdPerMwh: must be -100000 .. 100000 $/MWh, was 1.0E308")
                .doesNotContain("Exception");
        assertThat(r.out()).isEmpty();
    }

    /** Was: accepted without a word. Now the run goes on and both commands print the warnings. */
    @Test
    void aHugeFleetIsWarnedAboutByValidateAndBacktest(@TempDir Path dir) throws Exception {
        Path f = scenario(dir, "5", "1000000000");
        CliRunner.Result v = CliRunner.run("validate", f.toString());
        assertThat(v.exitCode()).as(v.err()).isZero();
        assertThat(v.out())
                .contains("is valid, with 2 warnings (accepted, but check them):")
                .contains("  - site.minerFleets[0].unitCount: is 1000000000, unusually high (usually <= 1000000)")
                .contains("  - site.minerFleets[0]: draws 3850000.0 MW at full power, 48125 times what the import cap"
                        + " (80 MW)");
        CliRunner.Result b = CliRunner.run(
                "backtest",
                f.toString(),
                "--no-report",
                "--format",
                "json",
                "-o",
                dir.resolve("out").toString());
        assertThat(b.exitCode()).as(b.err()).isZero();
        assertThat(b.err())
                .contains("minerai: warning: site.minerFleets[0].unitCount: is 1000000000, unusually high")
                .contains("minerai: warning: site.minerFleets[0]: draws 3850000.0 MW");
        JsonNode summary = new ObjectMapper().readTree(b.out());
        assertThat(summary.get("netUsd").isNumber()).isTrue();
        assertThat(summary.get("powerCostUsd").isNumber()).isTrue();
    }

    @Test
    void duplicateKeysAndInvalidUtf8NameTheirLines(@TempDir Path dir) throws Exception {
        Path dup = dir.resolve("dup.yaml");
        Files.writeString(dup, SCENARIO.replace("ADDER", "5").replace("UNITS", "10") + "name: again\n");
        CliRunner.Result d = CliRunner.run("validate", dup.toString());
        assertThat(d.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(d.err()).contains("name: duplicate key: given on line 1 and again on line 10; give each key once");

        Path bad = dir.resolve("bad.yaml");
        Files.write(bad, new byte[] {'n', 'a', 'm', 'e', ':', ' ', 'c', 'a', 'f', (byte) 0xE9, '\n'});
        CliRunner.Result u = CliRunner.run("validate", bad.toString());
        assertThat(u.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(u.err())
                .contains("line 1, column 10: not valid UTF-8 (byte 0xE9); save the file as UTF-8")
                .doesNotContain("Input length");
    }
}
