package io.minerai.cli.sustainability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.minerai.cli.CliRunner;
import io.minerai.cli.CliRunner.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SustainabilityCommandTest {

    private static Result run(String... args) {
        return CliRunner.run(args);
    }

    @Test
    void oneWeekOfTheDefaultScenarioAsJsonWithFiles(@TempDir Path dir) throws Exception {
        Result r = run(
                "sustainability",
                "--from",
                "2024-07-01",
                "--to",
                "2024-07-08",
                "--format",
                "json",
                "--out",
                dir.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.at("/period/intervals").asInt()).isEqualTo(7 * 24);
        assertThat(j.at("/scope2/locationBased/emissionsTCo2e").asDouble()).isPositive();
        assertThat(j.at("/method/gridFactors").asText()).contains("ERCOT fuel mix");
        for (String f : new String[] {
            "sustainability.json", "sustainability_intervals.csv", "sustainability_months.csv", "sustainability.html"
        }) {
            assertThat(dir.resolve(f)).exists();
        }
        assertThat(Files.readString(dir.resolve("sustainability.html"))).contains("Scope 2, location-based");
    }

    @Test
    void backtestWithSustainabilityAddsTheSectionToTheReport(@TempDir Path dir) throws Exception {
        Result r = run(
                "backtest",
                "--from",
                "2024-08-01",
                "--to",
                "2024-08-08",
                "--sustainability",
                "-q",
                "--out",
                dir.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        String html = Files.readString(dir.resolve("report.html"));
        assertThat(html).contains("id=\"sustainability\"").contains("id=\"sustainability-method\"");
        assertThat(dir.resolve("sustainability.json")).exists();
        assertThat(dir.resolve("sustainability_energy_mix_monthly.png")).exists();
        Result plain = run(
                "backtest",
                "--from",
                "2024-08-01",
                "--to",
                "2024-08-02",
                "-q",
                "--out",
                dir.resolve("plain").toString());
        assertThat(Files.readString(dir.resolve("plain").resolve("report.html")))
                .doesNotContain("id=\"sustainability\"");
        assertThat(plain.exitCode()).isZero();
    }

    @Test
    void tableSummaryWithoutFiles() {
        Result r = run("sustainability", "--from", "2024-08-01", "--to", "2024-08-03", "--no-files");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Scope 2, location-based").contains("not marginal");
    }

    @Test
    void aPeriodWithoutFuelMixIsAClearInputErrorUntilAYearIsMapped(@TempDir Path dir) throws Exception {
        String yaml = """
                name: miners-2025
                period: {start: 2025-07-01T00:00:00-05:00, end: 2025-07-03T00:00:00-05:00, step: 1h}
                site:
                  name: miners only
                  grid: {settlementPoint: HB_WEST, importCapMw: 50}
                  minerFleets:
                    - {name: s21, model: Antminer S21, unitCount: 10000, unitHashrateThPerS: 200, unitPowerW: 3500, pue: 1.1}
                """;
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, yaml);
        Result r = run("sustainability", f.toString(), "--no-files");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("sustainability.gridFactors").contains("2023 and 2024");
        Files.writeString(f, yaml + "sustainability: {gridFactors: {source: ercot-fuel-mix, year: 2024}}\n");
        Result mapped = run("sustainability", f.toString(), "--no-files", "--format", "json");
        assertThat(mapped.exitCode()).as(mapped.err()).isZero();
        assertThat(new ObjectMapper()
                        .readTree(mapped.out())
                        .at("/method/gridFactors")
                        .asText())
                .contains("mapped onto the run by day of year");
    }
}
