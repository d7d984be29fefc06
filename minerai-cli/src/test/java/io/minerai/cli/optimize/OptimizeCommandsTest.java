package io.minerai.cli.optimize;

import static org.assertj.core.api.Assertions.assertThat;

import io.minerai.cli.CliRunner;
import io.minerai.cli.CliRunner.Result;
import io.minerai.cli.ExitCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The optimize and compare commands on two July weeks of the bundled default scenario (real 2024 data). */
class OptimizeCommandsTest {
    static Result run(String... args) {
        return CliRunner.run(args);
    }

    @Test
    void optimizePrintsTheStackSolverFiguresAndMarginalValues(@TempDir Path dir) {
        Result r = run("optimize", "--from", "2024-07-01", "--to", "2024-07-15", "--no-report", "-o", dir.toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out())
                .contains("Revenue stack (USD)")
                .contains("Ancillary services")
                .contains("Training work lost")
                .contains("Solver glop")
                .contains("+1 MW grid import capacity")
                .contains("+1 MW GPU capacity (h100-training)");
        assertThat(dir.resolve("summary.json")).exists();
        assertThat(dir.resolve("intervals.csv")).exists();
    }

    @Test
    void theRevenueStackHasEveryStreamAndAddsUpToTheNet(@TempDir Path dir) throws Exception {
        // a site with a flexible-compute contract and contracted GPUs: its program streams were missing from the stack
        // (which then did not add up to the net: $18,507,689 printed against $18,602,347)
        Result r = run(
                "optimize",
                "../docs/examples/flexible-compute-west-texas-2024.yaml",
                "--no-marginal",
                "--no-report",
                "--format",
                "json",
                "-o",
                dir.toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        com.fasterxml.jackson.databind.JsonNode j = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
        com.fasterxml.jackson.databind.JsonNode stack = j.get("revenueStackUsd");
        assertThat(stack.has("flexible_compute_availability"))
                .as(stack.toString())
                .isTrue();
        double sum = 0;
        for (com.fasterxml.jackson.databind.JsonNode v : stack) {
            sum += v.asDouble();
        }
        double net = j.get("summary").get("netUsd").asDouble();
        assertThat(sum).isCloseTo(net, org.assertj.core.api.Assertions.within(1e-6 * Math.abs(net)));
    }

    @Test
    void compareWritesOneTableAndOneChart(@TempDir Path dir) throws Exception {
        Result r = run("compare", "--from", "2024-07-01", "--to", "2024-07-15", "-o", dir.toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out())
                .contains("merit-order")
                .contains("rolling-day-ahead")
                .contains("rolling-persistence")
                .contains("optimal-perfect-foresight")
                .contains("Value of foresight over rolling-day-ahead");
        Path png = dir.resolve("compare.png");
        assertThat(png).exists();
        assertThat(Files.size(png)).isGreaterThan(10_000);
    }

    @Test
    void aJobThatCannotFitIsAClearInputError(@TempDir Path dir) throws Exception {
        Path scenario = dir.resolve("s.yaml");
        Files.writeString(scenario, """
                name: tiny
                period: {start: 2024-07-01T00:00:00-05:00, end: 2024-07-02T00:00:00-05:00, step: 1h}
                site:
                  name: s
                  grid: {settlementPoint: HB_WEST, importCapMw: 10}
                  minerFleets:
                    - {name: s21, model: S21, unitCount: 1000, unitHashrateThPerS: 200, unitPowerW: 3500, pue: 1.1}
                optimize:
                  gpuJobs:
                    - {name: train, maxPowerMw: 1, energyMwh: 50, windowStart: 2024-07-01T05:00:00Z,
                       deadline: 2024-07-01T15:00:00Z}
                """);
        Result r = run("optimize", scenario.toString(), "-o", dir.resolve("out").toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(r.err())
                .contains("optimize.gpuJobs[0]")
                .contains("'train' needs 50.000 MWh")
                .doesNotContain("\tat ");
    }

    /**
     * A price of 3e13 $/MWh (which the solver's model checks used to catch as "badly scaled") is refused where it is
     * written, at its line and column, before any model is built (issue 13: prices beyond any market's are errors).
     */
    @Test
    void absurdPricesAreRefusedAtTheirLineBeforeAnyModel(@TempDir Path dir) throws Exception {
        StringBuilder csv = new StringBuilder("time,priceUsdPerMwh\n");
        for (int h = 0; h < 24; h++) {
            csv.append(String.format("2024-07-01T%02d:00:00Z,%s%n", h, h == 5 ? "3e13" : "30"));
        }
        Files.writeString(dir.resolve("prices.csv"), csv.toString());
        Path scenario = dir.resolve("s.yaml");
        Files.writeString(scenario, """
                name: scaled
                period: {start: 2024-07-01T00:00:00Z, end: 2024-07-02T00:00:00Z, step: 1h}
                prices: {source: csv, path: prices.csv}
                site:
                  name: s
                  grid: {settlementPoint: HB_WEST, importCapMw: 10}
                  minerFleets:
                    - {name: s21, model: S21, unitCount: 1000, unitHashrateThPerS: 200, unitPowerW: 3500, pue: 1.1}
                """);
        Result r = run(
                "optimize",
                scenario.toString(),
                "--no-report",
                "--no-marginal",
                "-o",
                dir.resolve("o").toString());
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(r.err())
                .contains("prices.csv:7:priceUsdPerMwh: must be within -100000..100000 USD/MWh, was 3e13")
                .doesNotContain("\tat ");
    }
}
