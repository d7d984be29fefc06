package io.minerai.cli.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.minerai.cli.CliRunner;
import io.minerai.cli.CliRunner.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanCommandTest {
    private static Result run(String... args) {
        return CliRunner.run(args);
    }

    @Test
    void bundledPlanAsJsonWithChartsAndTornado(@TempDir Path dir) throws Exception {
        Result r = run(
                "plan",
                "--paths",
                "200",
                "--tornado-paths",
                "50",
                "--threads",
                "2",
                "--format",
                "json",
                "--quiet",
                "--charts",
                dir.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertThat(root.get("paths").asInt()).isEqualTo(200);
        assertThat(root.get("baselineStrategy").asText()).isEqualTo("stay-mining");
        assertThat(root.get("strategies")).hasSize(5);
        JsonNode colo = root.get("strategies").get(2);
        assertThat(colo.get("strategy").asText()).isEqualTo("colocation");
        assertThat(colo.get("covenantBreachProbability").asDouble()).isBetween(0.0, 1.0);
        // allocation: 300 MW mining at start; from month 3 the hall takes 200 MW x PUE 1.25 = 250 MW
        JsonNode y0 = colo.get("allocationByYear").get(0);
        JsonNode y2 = colo.get("allocationByYear").get(2);
        assertThat(y0.get("miningMw").asDouble()).isCloseTo(298.4, org.assertj.core.api.Assertions.within(0.1));
        assertThat(y2.get("hallMw").asDouble()).isEqualTo(250.0);
        assertThat(y2.get("leasedItMw").asDouble()).isEqualTo(200.0);
        assertThat(y2.get("miningMw").asDouble()).isCloseTo(50.0, org.assertj.core.api.Assertions.within(1e-6));
        assertThat(root.get("tornado").get("bars")).hasSize(10);
        assertThat(root.get("charts")).hasSize(3);
        for (JsonNode c : root.get("charts")) {
            Path png = Path.of(c.asText());
            assertThat(Files.size(png)).isGreaterThan(10_000);
            assertThat(ImageIO.read(png.toFile()).getWidth()).isEqualTo(1100);
        }
    }

    @Test
    void sameSeedSameNumbersWhateverTheThreads() throws Exception {
        Result one = run("plan", "--paths", "150", "--threads", "1", "--no-tornado", "--format", "json", "--quiet");
        Result two = run("plan", "--paths", "150", "--threads", "3", "--no-tornado", "--format", "json", "--quiet");
        JsonNode a = new ObjectMapper().readTree(one.out()).get("strategies");
        JsonNode b = new ObjectMapper().readTree(two.out()).get("strategies");
        assertThat(a).isEqualTo(b);
    }

    @Test
    void tableAndSearch() {
        Result r = run("plan", "--paths", "100", "--no-tornado", "--search", "--quiet");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("stay-mining", "colocation", "Best by cvar", "Search (")
                .contains("top 5");
    }

    @Test
    void impossiblePlanExitsTwoWithEveryProblem(@TempDir Path dir) throws Exception {
        String text = run("plan", "--print-default")
                .out()
                .replace("criticalItMw: 200              # 200 MW IT", "criticalItMw: 260              # 260 MW IT")
                .replace("startMonth: 15                 # hall-a ready: 3 + 12", "startMonth: 10");
        Path f = dir.resolve("bad.yaml");
        Files.writeString(f, text);
        Result r = run("plan", "--plan", f.toString(), "--quiet");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err())
                .contains("plan.halls[0].criticalItMw")
                .contains("exceeds the site's gridMw")
                .contains("plan.leases[0].startMonth")
                .contains("only ready in month 15");
    }

    @Test
    void badOptions() {
        assertThat(run("plan", "--strategies", "nope", "--quiet").err()).contains("no strategy named 'nope'");
        assertThat(run("plan", "--paths", "0", "--quiet").exitCode()).isEqualTo(2);
    }

    @Test
    void referenceIsPrinted() {
        assertThat(run("plan", "--print-reference").out()).contains("`criticalItMw`");
    }
}
