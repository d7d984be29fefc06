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
        assertThat(root.get("strategies")).hasSize(6);
        JsonNode colo = root.get("strategies").get(3);
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

    /** An unusual (possible) value is accepted with a warning on stderr naming its path; the plan still runs. */
    @Test
    void unusualValueIsWarnedAboutAndThePlanRuns(@TempDir Path dir) throws Exception {
        String text = run("plan", "--print-default").out();
        assertThat(text).contains("adderUsdPerMwh: 5 ");
        Path f = dir.resolve("unusual.yaml");
        Files.writeString(f, text.replace("adderUsdPerMwh: 5 ", "adderUsdPerMwh: 800 "));
        Result r = run("plan", f.toString(), "--deterministic", "--no-tornado", "--quiet");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err())
                .contains(
                        "minerai: warning: plan.power.adderUsdPerMwh: is 800 $/MWh, unusually high (usually -100 .. 500)")
                .contains("check the value and its unit");
        assertThat(r.out()).contains("stay-mining");
        Result usual = run("plan", "--deterministic", "--no-tornado", "--quiet");
        assertThat(usual.err()).doesNotContain("warning");
    }

    @Test
    void planFileAsArgumentOrOptionAndDeterministicAlone(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("plan.yaml");
        Files.writeString(f, run("plan", "--print-default").out());
        Result positional = run("plan", f.toString(), "--deterministic", "--no-tornado", "--format", "json", "--quiet");
        assertThat(positional.exitCode()).as(positional.err()).isZero();
        Result option =
                run("plan", "--plan", f.toString(), "--deterministic", "--no-tornado", "--format", "json", "--quiet");
        JsonNode a = new ObjectMapper().readTree(positional.out());
        JsonNode b = new ObjectMapper().readTree(option.out());
        assertThat(a.get("strategies")).isEqualTo(b.get("strategies"));
        assertThat(a.get("deterministic").asBoolean()).isTrue();
        assertThat(a.get("paths").asInt()).isEqualTo(1);
        for (JsonNode s : a.get("strategies")) {
            // every Monte Carlo figure exists and is the deterministic value
            assertThat(s.get("meanNpvUsd").asDouble())
                    .isEqualTo(s.get("deterministicNpvUsd").asDouble());
            assertThat(s.get("p10NpvUsd").asDouble())
                    .isEqualTo(s.get("deterministicNpvUsd").asDouble());
            assertThat(s.get("meanPeakEquityNeedUsd").asDouble())
                    .isEqualTo(s.get("deterministicPeakEquityNeedUsd").asDouble());
            assertThat(s.has("meanPureEquityDilution")).isTrue();
        }
        // the baseline has no IRR and no payback
        JsonNode base = a.get("strategies").get(0);
        assertThat(base.get("deterministicIrrPerYear").isNull()).isTrue();
        assertThat(base.get("medianPaybackMonth").isNull()).isTrue();
        Result table = run("plan", f.toString(), "--deterministic", "--no-tornado", "--quiet");
        assertThat(table.out()).contains("deterministic deck only", "peak equity", "(base)");
        Result two =
                run("plan", f.toString(), "--plan", dir.resolve("other.yaml").toString(), "--quiet");
        assertThat(two.exitCode()).isEqualTo(2);
        assertThat(two.err()).contains("two plan files");
    }

    @Test
    void cashflowsAndACovenantAwareChoice(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("cf");
        Result r = run(
                "plan",
                "--paths",
                "200",
                "--no-tornado",
                "--quiet",
                "--risk-measure",
                "expected",
                "--strategies",
                "stay-mining,gpu-cloud,colocation",
                "--cashflows",
                out.toString(),
                "--cashflow-percentiles",
                "10,90",
                "--format",
                "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(r.out());
        // 3 strategies x (deterministic, p10, p90) + the page
        assertThat(root.get("cashflowFiles")).hasSize(10);
        assertThat(out.resolve("cashflows-colocation-p90.csv")).exists();
        assertThat(Files.readString(out.resolve("cashflows.html"))).contains("Loan schedule: pf-hall-a");
        for (JsonNode s : root.get("strategies")) {
            for (JsonNode c : s.get("cashflowCases")) {
                String file = "cashflows-" + s.get("strategy").asText() + "-"
                        + c.get("case").asText() + ".csv";
                double sum = 0;
                var lines = Files.readAllLines(out.resolve(file));
                int col = java.util.Arrays.asList(lines.get(0).split(",")).indexOf("discountedEquityCashFlowUsd");
                for (String line : lines.subList(1, lines.size())) {
                    sum += Double.parseDouble(line.split(",", -1)[col]);
                }
                assertThat(sum)
                        .as(file)
                        .isCloseTo(c.get("npvUsd").asDouble(), org.assertj.core.api.Assertions.within(1.0));
            }
        }
        // colocation: best by expected NPV here, but breaching on some paths; with a limit of 0 the best changes
        String best = root.get("bestStrategy").asText();
        JsonNode bestRow = java.util.stream.StreamSupport.stream(
                        root.get("strategies").spliterator(), false)
                .filter(s -> s.get("strategy").asText().equals(best))
                .findFirst()
                .orElseThrow();
        Result limited = run(
                "plan",
                "--paths",
                "200",
                "--no-tornado",
                "--quiet",
                "--risk-measure",
                "expected",
                "--strategies",
                "stay-mining,gpu-cloud,colocation",
                "--max-breach-probability",
                "0");
        assertThat(limited.exitCode()).as(limited.err()).isZero();
        assertThat(limited.out()).contains("Best by expected with P(breach) <= 0%: stay-mining");
        assertThat(limited.out()).contains("100%!"); // gpu-cloud breaches on every path: over the limit
        if (bestRow.get("covenantBreachProbability").asDouble() > 0) {
            assertThat(limited.out()).contains("without the breach limit: " + best);
        }
        assertThat(run("plan", "--max-breach-probability", "2", "--quiet").err())
                .contains("--max-breach-probability: must be 0..1");
    }

    @Test
    void gpuGenerationsExampleComparesGenerationsAndReportsComputeDelivered(@TempDir Path dir) throws Exception {
        Result r = run(
                "plan",
                "../docs/examples/plans/gpu-generations-west-texas.yaml",
                "--deterministic",
                "--no-tornado",
                "--format",
                "json",
                "--quiet");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(r.out());
        JsonNode refresh = root.get("strategies").get(2);
        assertThat(refresh.get("strategy").asText()).isEqualTo("h100-then-b300");
        // H100s fill the 100 MW air hall (1.275 kW each), then B300s in the hall converted to liquid in 2030-01
        JsonNode h100 = refresh.get("gpuFleets").get(0);
        JsonNode b300 = refresh.get("gpuFleets").get(1);
        assertThat(h100.get("generation").asText()).isEqualTo("H100 SXM");
        assertThat(h100.get("gpus").asInt()).isEqualTo(78_431);
        assertThat(h100.get("cooling").asText()).isEqualTo("air");
        assertThat(b300.get("goLive").asText()).isEqualTo("2030-01");
        assertThat(b300.get("cooling").asText()).isEqualTo("liquid");
        assertThat(b300.get("coolingConversionCapexUsd").asDouble()).isEqualTo(150_000_000.0); // 100 MW x $1.5 M
        // each fleet at the catalogue's cost moved along its capex decline (15 %/yr) to its purchase month: H100
        // $38,100 (2026-06) x 0.85^(7/12) in 2027-01, B300 $67,300 (2026-03) x 0.85^(46/12) in 2030-01
        assertThat(h100.get("usdPerGpu").asDouble())
                .isCloseTo(38_100 * Math.pow(0.85, 7 / 12.0), org.assertj.core.api.Assertions.within(1e-6));
        assertThat(b300.get("usdPerGpu").asDouble())
                .isCloseTo(67_300 * Math.pow(0.85, 46 / 12.0), org.assertj.core.api.Assertions.within(1e-6));
        assertThat(refresh.has("refreshValueVsSell")).isTrue();
        assertThat(refresh.get("computePrecision").asText()).isEqualTo("bf16-dense");
        // plan year 2 (2027): 78,431 H100 x 0.8 x 8,760 h; x 989.4 TFLOPS / 10^6
        JsonNode y2 = refresh.get("computeByYear").get(1);
        assertThat(y2.get("gpuHoursDelivered").asDouble())
                .isCloseTo(78_431 * 0.8 * 8760, org.assertj.core.api.Assertions.within(1e-3));
        assertThat(y2.get("computeDeliveredExaflopHours").asDouble())
                .isCloseTo(78_431 * 0.8 * 8760 * 989.4 / 1e6, org.assertj.core.api.Assertions.within(1e-3));
        assertThat(root.get("strategies")
                        .get(0)
                        .get("computeByYear")
                        .get(0)
                        .get("deterministicBtcMined")
                        .asDouble())
                .isGreaterThan(1000);
        Result table = run(
                "plan",
                "../docs/examples/plans/gpu-generations-west-texas.yaml",
                "--deterministic",
                "--no-tornado",
                "--quiet",
                "--cashflows",
                dir.toString());
        assertThat(table.out()).contains("GPU fleets", "B300", "(converted, $150 M)", "Compute delivered", "EFLOP-h");
        // the lender's page has the section too: fleets and compute by year beside the BTC mined
        String page = Files.readString(dir.resolve("cashflows.html"));
        assertThat(page).contains("Compute delivered", "GPU fleets", "GB300 NVL72", "BTC mined (det.)");
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
