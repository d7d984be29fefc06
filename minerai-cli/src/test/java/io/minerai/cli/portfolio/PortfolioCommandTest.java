package io.minerai.cli.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.minerai.cli.CliRunner;
import io.minerai.cli.CliRunner.Result;
import io.minerai.core.scenario.DocumentText;
import io.minerai.portfolio.PortfolioReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PortfolioCommandTest {
    private static final List<String> FILES = List.of(
            "site-west-texas.yaml",
            "plan-west-texas.yaml",
            "site-panhandle.yaml",
            "plan-panhandle.yaml",
            "site-victoria.yaml",
            "plan-victoria.yaml",
            "target-lz-west.yaml",
            "plan-target-lz-west.yaml",
            "target-south.yaml",
            "plan-target-south.yaml");

    /** The bundled example's files in {@code dir} with the portfolio text changed by {@code edit}. */
    private static Path example(Path dir, java.util.function.UnaryOperator<String> edit) throws IOException {
        for (String f : FILES) {
            Files.writeString(
                    dir.resolve(f), DocumentText.resource(PortfolioReader.class, PortfolioReader.EXAMPLE_DIR + f));
        }
        Path p = dir.resolve("portfolio.yaml");
        Files.writeString(p, edit.apply(PortfolioReader.bundledExampleText()));
        return p;
    }

    @Test
    void theBundledExampleAsJsonWithCharts(@TempDir Path dir) throws Exception {
        Path charts = dir.resolve("charts");
        Result r = CliRunner.run(
                "portfolio",
                "--paths",
                "12",
                "--threads",
                "2",
                "--today",
                "2026-12-05",
                "--format",
                "json",
                "--charts",
                charts.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertThat(root.get("paths").asInt()).isEqualTo(12);
        assertThat(root.get("mixes")).hasSize(2);
        JsonNode chosen = root.get("mixes").get(1);
        for (String k : List.of("expectedNpvUsd", "p10NpvUsd", "cvarNpvUsd", "breachProbability", "meanDilution")) {
            assertThat(chosen.has(k)).as(k).isTrue();
        }
        // the chosen mix is never worse in expected NPV than keeping every site's current strategy
        assertThat(chosen.get("expectedNpvUsd").asDouble())
                .isGreaterThanOrEqualTo(
                        root.get("mixes").get(0).get("expectedNpvUsd").asDouble());
        assertThat(root.get("sites")).hasSize(3);
        JsonNode victoria = root.get("sites").get(2);
        assertThat(victoria.get("power").get("dispatch").get("marketCurrency").asText())
                .isEqualTo("AUD");
        assertThat(victoria.get("recommendedStrategy").asText()).isNotEmpty();
        JsonNode acq = root.get("acquisitions").get(0);
        assertThat(acq.get("name").asText()).isEqualTo("texas-target");
        assertThat(acq.get("maxPriceUsd").asDouble()).isGreaterThanOrEqualTo(0);
        assertThat(acq.has("accretiveAtAsk")).isTrue();
        assertThat(root.get("charts")).hasSize(3);
        for (JsonNode c : root.get("charts")) {
            assertThat(Files.size(Path.of(c.asText()))).isGreaterThan(10_000);
        }
    }

    private static void refused(Result r, String path, String text, Path notWritten) {
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(2);
        assertThat(r.err()).contains(path).contains(text);
        assertThat(notWritten).doesNotExist();
    }

    @Test
    void aMissingScenarioExitsWith2AndWritesNothing(@TempDir Path dir) throws Exception {
        Path p = example(dir, t -> t.replace("scenario: site-victoria.yaml", "scenario: gone.yaml"));
        Path charts = dir.resolve("charts");
        refused(
                CliRunner.run("portfolio", p.toString(), "--today", "2026-12-05", "--charts", charts.toString()),
                "portfolio.sites[2].scenario",
                "file not found: " + dir.resolve("gone.yaml"),
                charts);
    }

    @Test
    void twoSitesWithOneNameExitWith2(@TempDir Path dir) throws Exception {
        Path p = example(dir, t -> t.replace("    - name: victoria", "    - name: panhandle"));
        Path charts = dir.resolve("charts");
        refused(
                CliRunner.run("portfolio", p.toString(), "--today", "2026-12-05", "--charts", charts.toString()),
                "portfolio.sites[2].name",
                "duplicate site name 'panhandle'",
                charts);
    }

    @Test
    void anAcquisitionClosingBeforeTodayExitsWith2(@TempDir Path dir) throws Exception {
        Path charts = dir.resolve("charts");
        refused(
                CliRunner.run("portfolio", "--today", "2028-01-01", "--charts", charts.toString()),
                "portfolio.acquisitions[0].closingDate",
                "closes on 2027-12-31, before today (2028-01-01)",
                charts);
    }

    @Test
    void aBudgetNoStrategyFitsExitsWith2(@TempDir Path dir) throws Exception {
        Path p = example(
                dir,
                t -> t.replace(
                                "capexBudgetUsdPerYear: [900000000, 900000000, 600000000]",
                                "capexBudgetUsdPerYear: [100000000]")
                        .replace(
                                "      plan: plan-west-texas.yaml\n      currentStrategy: stay-mining",
                                "      plan: plan-west-texas.yaml\n      currentStrategy: colocation\n      strategies: [colocation]"));
        Path charts = dir.resolve("charts");
        refused(
                CliRunner.run(
                        "portfolio",
                        p.toString(),
                        "--today",
                        "2026-12-05",
                        "--paths",
                        "4",
                        "--charts",
                        charts.toString()),
                "portfolio.company.capexBudgetUsdPerYear[0]",
                "no strategy mix fits",
                charts);
    }
}
