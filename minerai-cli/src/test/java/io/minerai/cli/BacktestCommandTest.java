package io.minerai.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BacktestCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void oneWeekOfTheDefaultScenarioWritesEveryFile(@TempDir Path out) throws Exception {
        CliRunner.Result r = CliRunner.run(
                "backtest", "--from", "2024-07-01", "--to", "2024-07-08", "--out", out.toString(), "--quiet");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Revenue stack").contains("Cost per BTC").contains("report.html");
        // the default's batch job is the optimiser's: the backtest says it does not run it
        assertThat(r.err())
                .contains("the deferrable GPU jobs of optimize.gpuJobs (batch-july) need look-ahead and are scheduled"
                        + " only by `minerai optimize`");
        for (String f : List.of("intervals.csv", "summary.json", "report.html")) {
            assertThat(out.resolve(f)).exists().isNotEmptyFile();
        }
        JsonNode s = JSON.readTree(out.resolve("summary.json").toFile());
        assertThat(s.get("intervals").asInt()).isEqualTo(7 * 24);
        // a date means midnight in the scenario's start offset: the default starts at 2024-01-01T00:00-06:00
        assertThat(s.get("startUtc").asText()).isEqualTo("2024-07-01T06:00:00Z");
        assertThat(s.get("endUtc").asText()).isEqualTo("2024-07-08T06:00:00Z");
        for (String field : List.of(
                "intervals",
                "missingIntervals",
                "energyImportedMwh",
                "energyExportedMwh",
                "minerEnergyMwh",
                "btcMined",
                "revenueMiningUsd",
                "revenueAiCloudUsd",
                "revenueColocationUsd",
                "revenueExportUsd",
                "powerCostUsd",
                "netUsd",
                "minerUptimeFraction",
                "energyCostPerBtcUsd")) {
            assertThat(s.has(field)).as(field).isTrue();
        }
        // one CSV row per interval plus the header
        assertThat(Files.readAllLines(out.resolve("intervals.csv"))).hasSize(7 * 24 + 1);
        String html = Files.readString(out.resolve("report.html"));
        assertThat(html).doesNotContain("src=\"http").contains("data:image/png;base64,");
    }

    @Test
    void jsonFormatPrintsOnlyTheSummary(@TempDir Path out) throws Exception {
        CliRunner.Result r = CliRunner.run(
                "backtest",
                "--from",
                "2024-07-01",
                "--to",
                "2024-07-02",
                "--out",
                out.toString(),
                "--format",
                "json",
                "--no-report");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode s = JSON.readTree(r.out());
        assertThat(s.get("intervals").asInt()).isEqualTo(24);
        assertThat(s.get("netUsd").asDouble())
                .isCloseTo(
                        s.get("revenueMiningUsd").asDouble()
                                + s.get("revenueAiCloudUsd").asDouble()
                                + s.get("revenueColocationUsd").asDouble()
                                + s.get("revenueExportUsd").asDouble()
                                + s.get("revenuePpaSellbackUsd").asDouble()
                                + s.get("revenueAncillaryUsd").asDouble()
                                - s.get("powerCostUsd").asDouble()
                                - s.get("transmissionChargeUsd").asDouble(),
                        within(1e-3));
        assertThat(out.resolve("report.html")).doesNotExist();
        // compute delivered beside BTC per MWh, by hand: on 2024-07-01 both GPU clouds of the default run at full power
        // all 24 hours; GPU-hours count the GPUs in use: 2,048 H100 x 0.95 (training) + 1,080 H200 x 0.70 (inference)
        // = 2,701.6 per hour; both draw 1.275 kW IT x PUE 1.3 = 1.6575 kW per GPU. FLOP-hours at 989.4 dense BF16
        // TFLOPS each (GPU catalogue, H100 and H200 alike), the training share at its checkpoint progress (38 - 2) / 38
        JsonNode gpu = s.get("gpu");
        assertThat(gpu.get("computePrecision").asText()).isEqualTo("bf16-dense");
        assertThat(gpu.get("gpuHoursDelivered").asDouble()).isCloseTo(2701.6 * 24, within(1e-6));
        assertThat(gpu.get("computeDeliveredExaflopHours").asDouble())
                .isCloseTo((1945.6 * 24 * 36.0 / 38.0 + 756 * 24) * 989.4 / 1e6, within(1e-6));
        assertThat(gpu.get("gpuHoursPerMwh").asDouble())
                .isCloseTo(2701.6 * 1000 / ((2048 + 1080) * 1.275 * 1.3), within(1e-6));
        assertThat(s.get("bitcoin").get("btcPerMwh").asDouble()).isPositive();
    }

    @Test
    void fp8PrecisionCountsTheCataloguesFp8ThroughputFromTheScenarioOrTheFlag(@TempDir Path dir) throws Exception {
        // one H100 SXM cloud for a day: the GPU catalogue lists 989.4 dense BF16 and 1,978.9 dense FP8 TFLOPS per GPU
        String yaml = """
                name: fp8
                period: {start: 2024-07-01T00:00:00-05:00, end: 2024-07-02T00:00:00-05:00, step: 1h}
                prices: {source: ercot-bundled, market: RTM}
                bitcoin: {source: coinmetrics-bundled}
                site:
                  name: x
                  grid: {settlementPoint: HB_WEST, importCapMw: 10}
                  gpuClouds:
                    - {name: h100, gpuModel: H100 SXM, gpuCount: 64, itKwPerGpu: 1.275, pue: 1.3,
                       priceUsdPerGpuHour: 2.5, utilizationFraction: 0.8}
                """;
        Path bf16 = dir.resolve("bf16.yaml");
        Files.writeString(bf16, yaml);
        Path fp8 = dir.resolve("fp8.yaml");
        Files.writeString(fp8, yaml + "computePrecision: fp8-dense\n");
        JsonNode a = gpuJson(bf16, dir.resolve("a"));
        JsonNode b = gpuJson(fp8, dir.resolve("b"));
        JsonNode c = gpuJson(bf16, dir.resolve("c"), "--compute-precision", "fp8-dense");
        double ratio = 1978.9 / 989.4;
        assertThat(a.get("computePrecision").asText()).isEqualTo("bf16-dense");
        assertThat(b.get("computePrecision").asText()).isEqualTo("fp8-dense");
        assertThat(c.get("computePrecision").asText()).isEqualTo("fp8-dense");
        assertThat(a.get("computeDeliveredExaflopHours").asDouble()).isPositive();
        assertThat(b.get("computeDeliveredExaflopHours").asDouble())
                .isCloseTo(a.get("computeDeliveredExaflopHours").asDouble() * ratio, within(1e-9));
        assertThat(c.get("computeDeliveredExaflopHours").asDouble())
                .isEqualTo(b.get("computeDeliveredExaflopHours").asDouble());
        assertThat(b.get("gpuHoursDelivered").asDouble())
                .isEqualTo(a.get("gpuHoursDelivered").asDouble());
        CliRunner.Result bad = CliRunner.run(
                "backtest",
                bf16.toString(),
                "--quiet",
                "--compute-precision",
                "fp4",
                "--out",
                dir.resolve("d").toString());
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("--compute-precision: must be one of bf16-dense, fp8-dense, was 'fp4'");
    }

    private static JsonNode gpuJson(Path scenario, Path out, String... extra) throws Exception {
        List<String> args = new java.util.ArrayList<>(
                List.of("backtest", scenario.toString(), "--out", out.toString(), "--format", "json", "--no-report"));
        args.addAll(List.of(extra));
        CliRunner.Result r = CliRunner.run(args.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.err()).isZero();
        return JSON.readTree(r.out()).get("gpu");
    }

    @Test
    void aB200InAnAirCooledHallIsRefusedWithItsPath(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("air.yaml");
        Files.writeString(f, """
                name: air
                period: {start: 2024-07-01T00:00:00-05:00, end: 2024-07-02T00:00:00-05:00, step: 1h}
                prices: {source: ercot-bundled, market: RTM}
                bitcoin: {source: coinmetrics-bundled}
                site:
                  name: x
                  grid: {settlementPoint: HB_WEST, importCapMw: 10}
                  gpuClouds:
                    - {name: b200, gpuModel: B200, gpuCount: 64, itKwPerGpu: 1.7875, pue: 1.3,
                       priceUsdPerGpuHour: 6, utilizationFraction: 0.8, cooling: air}
                """);
        CliRunner.Result r = CliRunner.run(
                "backtest", f.toString(), "--quiet", "--out", dir.resolve("o").toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.err())
                .contains("site.gpuClouds[0].cooling: GPU model B200 needs liquid or immersion cooling (GPU catalogue,"
                        + " B200), the hall is air");
    }

    @Test
    void aBadAmbientTemperatureFileIsRefusedWithItsFileAndLine(@TempDir Path dir) throws Exception {
        // SYNTHETIC temperatures; line 3 is not a number, line 4 is hotter than any place on Earth
        Files.writeString(dir.resolve("temps.csv"), """
                time,temperatureC
                2024-07-01T05:00:00Z,25
                2024-07-01T06:00:00Z,warm
                2024-07-01T07:00:00Z,71
                """);
        Path f = dir.resolve("hot.yaml");
        Files.writeString(f, """
                name: hot
                period: {start: 2024-07-01T00:00:00-05:00, end: 2024-07-02T00:00:00-05:00, step: 1h}
                site:
                  name: x
                  grid: {settlementPoint: HB_WEST, importCapMw: 10}
                  ambientTemperature: {source: csv, path: temps.csv}
                  minerFleets:
                    - {name: s21, model: S21, unitCount: 100, unitHashrateThPerS: 200, unitPowerW: 3500, pue: 1.1,
                       cooling: immersion, pueFollowsAmbient: true}
                """);
        CliRunner.Result r = CliRunner.run(
                "backtest", f.toString(), "--quiet", "--out", dir.resolve("o").toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains("temps.csv:3:temperatureC").contains("temps.csv:4:temperatureC");
        assertThat(dir.resolve("o")).doesNotExist();
    }

    @Test
    void aBrokenScenarioListsEveryProblemAndExitsWith2(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.yaml");
        Files.writeString(f, """
                name: bad
                period: {start: 2024-01-01, end: 2024-01-02}
                prices: {source: csv, path: nowhere.csv}
                site:
                  name: x
                  grid: {settlementPoint: HB_WEST, importCapMw: 10}
                  minerFleets:
                    - {name: a, model: S21, unitCount: 10, unitHashrateThPerS: 200, unitPowerW: -3500, pue: 1.1}
                """);
        CliRunner.Result r = CliRunner.run("backtest", f.toString(), "--quiet");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("site.minerFleets[0].unitPowerW: must be > 0 and <= 1000000 W, was -3500");
        Files.writeString(f, Files.readString(f).replace("-3500", "3500"));
        CliRunner.Result missing = CliRunner.run("validate", f.toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("prices.path").contains("nowhere.csv");
    }

    /** validate checks the market programs' data as a run would: a 2025 period has no bundled 4CP system load. */
    @Test
    void validateReportsA4cpProgramWithoutDataAtItsField() {
        CliRunner.Result r = CliRunner.run("validate", "--from", "2025-07-01", "--to", "2025-08-01");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err())
                .contains("the bundled default scenario has 1 problem")
                .contains("markets.coincidentPeak.peakSource.year: the bundled fuel mix covers 2023 and 2024");
        CliRunner.Result ok = CliRunner.run("validate");
        assertThat(ok.exitCode()).isZero();
        assertThat(ok.out())
                .contains("4CP       $60.00/kW-year, hindsight rule")
                .contains("2024-08-20T21:45Z");
    }

    /** Every file a scenario names is checked before any work, each reported at its field (not only price files). */
    @Test
    void missingProgramAndFactorFilesAreReportedAtTheirFields(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("files.yaml");
        Files.writeString(
                f,
                io.minerai.core.scenario.DefaultScenario.text()
                                .replaceFirst(
                                        "      source: ercot-fuel-mix .*",
                                        "      source: csv\n      path: load/ercot-load.csv")
                        + "\nsustainability:\n  gridFactors:\n    source: csv\n    path: factors.csv\n");
        for (String command : java.util.List.of("validate", "backtest", "optimize", "compare", "sustainability")) {
            CliRunner.Result r = CliRunner.run(command, f.toString());
            assertThat(r.exitCode()).as(command + ": " + r.err()).isEqualTo(2);
            assertThat(r.err())
                    .as(command)
                    .contains("has 2 problems")
                    .contains("markets.coincidentPeak.peakSource.path: file not found: "
                            + dir.resolve("load/ercot-load.csv"))
                    .contains("sustainability.gridFactors.path: file not found: " + dir.resolve("factors.csv"));
        }
    }

    @Test
    void validateShowsWhatWasUnderstoodAndTheGaps() {
        CliRunner.Result r = CliRunner.run("validate");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("is valid")
                .contains("s21")
                .contains("8614 of 8784 intervals present")
                .contains("2024-11-03T07:00:00Z .. 2024-11-03T08:00:00Z (1 interval)");
    }

    @Test
    void badPeriodOverrideIsAClearError() {
        CliRunner.Result r = CliRunner.run("backtest", "--from", "2024-07-01", "--to", "2024-06-01", "--quiet");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("period.end: must be after period.start");
        CliRunner.Result step = CliRunner.run("backtest", "--step", "2m", "--quiet");
        assertThat(step.exitCode()).isEqualTo(2);
        assertThat(step.err()).contains("period.step: must be between 5m and 1d");
    }
}
