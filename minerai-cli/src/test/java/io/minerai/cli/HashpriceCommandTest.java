package io.minerai.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class HashpriceCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void jsonForOneDateCarriesTheIssueFields() throws Exception {
        CliRunner.Result r = CliRunner.run("hashprice", "--date", "2024-04-29", "--format", "json");
        assertThat(r.exitCode()).isZero();
        JsonNode n = JSON.readTree(r.out());
        assertThat(n.get("date").asText()).isEqualTo("2024-04-29");
        // Coin Metrics SOURCE.md: 50.65 USD/PH/day on 2024-04-29
        assertThat(n.get("hashpriceUsdPerPhDay").asDouble()).isCloseTo(50.65, within(0.005));
        assertThat(n.get("btcPerPhDay").asDouble())
                .isCloseTo((409.375 + 45.31174055) / 573738484.17654864 * 1000, within(1e-9));
    }

    @Test
    void rangeWithAMachineGivesBreakeven() throws Exception {
        CliRunner.Result r = CliRunner.run(
                "hashprice",
                "--from",
                "2024-04-19",
                "--to",
                "2024-04-20",
                "--efficiency-j-per-th",
                "17.5",
                "--pue",
                "1.1",
                "--pool-fee",
                "0.02",
                "--format",
                "json");
        assertThat(r.exitCode()).isZero();
        JsonNode a = JSON.readTree(r.out());
        assertThat(a.size()).isEqualTo(2);
        double hp = a.get(0).get("hashpriceUsdPerPhDay").asDouble();
        assertThat(a.get(0).get("revenueUsdPerMwh").asDouble())
                .isCloseTo(hp * 0.98 / (0.024 * 17.5 * 1.1), within(0.01));
    }

    @Test
    void csvHasAHeaderAndOneRowPerDay() {
        CliRunner.Result r =
                CliRunner.run("hashprice", "--from", "2024-01-01", "--to", "2024-01-07", "--format", "csv");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out().lines()).hasSize(8).first().asString().startsWith("date,hashpriceUsdPerPhDay,btcPerPhDay");
    }

    @Test
    void badInputExitsWith2AndSaysWhy() {
        CliRunner.Result bad = CliRunner.run("hashprice", "--date", "2024-02-30");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("--date: must be a date like 2024-04-20, was '2024-02-30'");
        CliRunner.Result outside = CliRunner.run("hashprice", "--date", "2019-01-01");
        assertThat(outside.exitCode()).isEqualTo(2);
        assertThat(outside.err()).contains("no data for 2019-01-01").contains("the data covers 2024-01-01");
        CliRunner.Result unknown = CliRunner.run("hashprice", "--nope");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("Unknown option: '--nope'");
    }
}
