package io.minerai.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.minerai.core.time.TimeGrid;
import io.minerai.core.time.TimeSeries;
import io.minerai.data.ercot.ErcotHourlyPrices;
import io.minerai.data.ercot.Market;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Uploaded datasets feed runs: the real HB_WEST prices and Coin Metrics rows of a week of January 2024, uploaded as a
 * time-series CSV and a Coin Metrics CSV and referred to as {@code dataset:<id>}, give exactly the backtest of the same
 * week on the bundled sources (the server on the bundled-data resolver, as in production).
 */
class DatasetRunTest {
    static final String START = "2024-01-01T06:00:00Z";
    static final String END = "2024-01-08T06:00:00Z";

    @Test
    void aBacktestOnUploadedDatasetsEqualsTheSameBacktestOnTheBundledSources() {
        try (MineraiServer server = TestServers.startOnBundledData(TestServers.config())) {
            Client op = new Client(server.port(), TestServers.ADMIN);

            // a week of real hourly prices as a plain time-series CSV
            TimeGrid grid = TimeGrid.between(Instant.parse(START), Instant.parse(END), Duration.ofHours(1));
            TimeSeries price = ErcotHourlyPrices.bundled().series("HB_WEST", Market.RTM, grid);
            StringBuilder csv = new StringBuilder("time,priceUsdPerMwh\n");
            for (int i = 0; i < grid.count(); i++) {
                csv.append(grid.start(i)).append(',').append(price.value(i)).append('\n');
            }
            var prices = op.post(
                    "/api/datasets?kind=timeseries-csv&name=hb-west-week&source=ERCOT+public+market+data"
                            + "&timeColumn=time&valueColumn=priceUsdPerMwh",
                    "text/csv",
                    csv.toString());
            assertThat(prices.status()).as(prices.text()).isEqualTo(201);
            assertThat(prices.json().path("rowCount").asInt()).isEqualTo(168);
            var btc = op.post(
                    "/api/datasets?kind=coinmetrics-csv&name=btc-jan&source=Coin+Metrics+community+data",
                    "text/csv",
                    UploadTest.coinMetrics(10));
            assertThat(btc.status()).as(btc.text()).isEqualTo(201);

            String bundled = Scenarios.defaultWithPeriod(START, END, "1h");
            String uploaded = bundled.replaceFirst(
                            "(?m)^prices:\\n  source: ercot-bundled.*\\n  market: RTM.*$",
                            "prices:\n  source: csv\n  path: \"dataset:"
                                    + prices.json().path("id").asLong()
                                    + "\"\n  timeColumn: time\n  valueColumn: priceUsdPerMwh")
                    .replaceFirst(
                            "(?m)^bitcoin:\\n  source: coinmetrics-bundled.*$",
                            "bitcoin:\n  source: coinmetrics-csv\n  path: \"dataset:"
                                    + btc.json().path("id").asLong() + "\"");
            assertThat(uploaded).contains("source: csv").contains("source: coinmetrics-csv");

            JsonNode onBundled = summary(op, bundled);
            JsonNode onUploads = summary(op, uploaded);
            assertThat(onUploads.path("intervals").asInt()).isEqualTo(168);
            assertThat(onUploads.path("missingIntervals").asInt()).isZero();
            for (String f : new String[] {"netUsd", "btcMined", "powerCostUsd", "revenueMiningUsd", "minerEnergyMwh"}) {
                assertThat(onUploads.path(f).asDouble())
                        .as(f)
                        .isEqualTo(onBundled.path(f).asDouble());
            }
            assertThat(onUploads.path("btcMined").asDouble()).isPositive();

            // and the run really reads the upload: one hour priced 100 $/MWh higher costs more
            String line = grid.start(30) + "," + price.value(30) + "\n";
            var dearer = op.post(
                    "/api/datasets?kind=timeseries-csv&name=hb-west-week-dearer&source=edited+copy"
                            + "&timeColumn=time&valueColumn=priceUsdPerMwh",
                    "text/csv",
                    csv.toString().replace(line, grid.start(30) + "," + (price.value(30) + 100) + "\n"));
            assertThat(dearer.status()).as(dearer.text()).isEqualTo(201);
            JsonNode onDearer = summary(
                    op,
                    uploaded.replace(
                            "dataset:" + prices.json().path("id").asLong(),
                            "dataset:" + dearer.json().path("id").asLong()));
            assertThat(onDearer.path("powerCostUsd").asDouble())
                    .isGreaterThan(onUploads.path("powerCostUsd").asDouble());
        }
    }

    private static JsonNode summary(Client op, String yaml) {
        var sc = op.post("/api/scenarios", "application/yaml", yaml);
        assertThat(sc.status()).as(sc.text()).isEqualTo(201);
        var run = op.postJson(
                "/api/runs",
                "{\"kind\":\"backtest\",\"scenarioId\":" + sc.json().path("id").asLong() + "}");
        assertThat(run.status()).as(run.text()).isEqualTo(202);
        long id = run.json().path("id").asLong();
        Waits.until(
                "run " + id,
                Duration.ofSeconds(60),
                () -> !Set.of("queued", "running")
                        .contains(
                                op.get("/api/runs/" + id).json().path("status").asText()));
        JsonNode r = op.get("/api/runs/" + id).json();
        assertThat(r.path("status").asText()).as(r.toString()).isEqualTo("succeeded");
        return op.get("/api/runs/" + id + "/summary").json().path("summary");
    }
}
