package io.minerai.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real headless Chromium: log in with a token, start a backtest of the bundled default scenario,
 * wait for it to finish and check that the KPIs and charts show that run's numbers from the API. The backtest reads
 * the bundled real data (ERCOT 2024 prices at HB_WEST, Coin Metrics, ERCOT solar shape).
 */
class DashboardE2ETest {
    static MineraiServer server;
    static ChromeDriver driver;
    static Client api;

    @BeforeAll
    static void start() {
        server = TestServers.startOnBundledData(TestServers.config());
        api = new Client(server.port(), TestServers.ADMIN);
        driver = Browser.start();
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void logInRunABacktestAndSeeItsNumbers() throws Exception {
        String base = "http://127.0.0.1:" + server.port() + "/";
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(120));
        driver.get(base);

        // a wrong token is refused on the page
        driver.findElement(By.id("token")).sendKeys("mnr_not-a-real-token-at-all-000");
        driver.findElement(By.id("login-button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("login-error"), "not valid"));

        driver.findElement(By.id("token")).clear();
        driver.findElement(By.id("token")).sendKeys(TestServers.ADMIN);
        driver.findElement(By.id("login-button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("app")));
        assertThat(driver.findElement(By.id("who")).getText()).contains("admin");

        // the bundled default scenario was stored at first start
        Select scenario = new Select(driver.findElement(By.id("scenario-select")));
        wait.until(d -> !scenario.getOptions().isEmpty());
        assertThat(scenario.getFirstSelectedOption().getText()).startsWith("west-texas-2024");

        assertThat(new Select(driver.findElement(By.id("kind-select")))
                        .getFirstSelectedOption()
                        .getAttribute("value"))
                .isEqualTo("backtest");
        driver.findElement(By.id("start-run")).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("run-status"), "data-status", "succeeded"));
        long runId = Long.parseLong(driver.findElement(By.id("run-status")).getAttribute("data-run-id"));
        wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-rendered-run", String.valueOf(runId)));
        assertThat(driver.findElement(By.id("progress-bar")).getAttribute("style"))
                .contains("100%");

        JsonNode summary = api.get("/api/runs/" + runId + "/summary").json().path("summary");
        assertThat(summary.path("intervals").asInt()).isEqualTo(8784); // calendar 2024, hourly

        // KPI tiles carry the API's numbers
        assertKpi("kpi-net", summary.path("netUsd").asDouble(), "$");
        assertKpi("kpi-btc", summary.path("btcMined").asDouble(), "BTC");
        assertKpi("kpi-power-cost", summary.path("powerCostUsd").asDouble(), "$");
        // the default scenario's 4CP program is charged (about $7.6 M on the 2024 data) and shown with the site's tag
        assertThat(summary.path("transmissionChargeUsd").asDouble()).isPositive();
        assertKpi("kpi-transmission", summary.path("transmissionChargeUsd").asDouble(), "$");
        assertThat(driver.findElement(By.id("kpi-transmission-label")).getText())
                .isEqualTo(String.format(
                        java.util.Locale.US,
                        "4CP transmission, tag %.1f MW",
                        summary.path("coincidentPeakTagMw").asDouble()));
        assertKpi("kpi-price", summary.path("averagePriceUsdPerMwh").asDouble(), "$/MWh");
        List<WebElement> assetRows = driver.findElements(By.cssSelector("#assets-table tbody tr"));
        assertThat(assetRows).hasSize(summary.path("loads").size());
        assertThat(assetRows.get(0).getText()).contains("s21");

        JavascriptExecutor js = driver;
        // cost per BTC chart: the summary's three costs and mining revenue per BTC
        List<?> cost = (List<?>) script("return window.minerai.charts['chart-cost'].data.datasets[0].data");
        assertThat(number(cost.get(0)))
                .isCloseTo(summary.path("energyCostPerBtcUsd").asDouble(), within(1e-6));
        assertThat(number(cost.get(1)))
                .isCloseTo(summary.path("cashCostPerBtcUsd").asDouble(), within(1e-6));
        assertThat(number(cost.get(2)))
                .isCloseTo(summary.path("allInCostPerBtcUsd").asDouble(), within(1e-6));
        assertThat(number(cost.get(3)))
                .isCloseTo(
                        summary.path("revenueMiningUsd").asDouble()
                                / summary.path("btcMined").asDouble(),
                        within(1e-6));

        // revenue stack: one dataset per stream of the run's ledger, in the summary's order, each adding up to the
        // stream's signed total (bars are sums over buckets); the ledger table lists the same streams
        JsonNode streams = summary.path("streams");
        assertThat(streams.size()).isGreaterThanOrEqualTo(7);
        assertThat(number(script("return window.minerai.charts['chart-revenue'].data.datasets.length")))
                .isEqualTo(streams.size());
        List<WebElement> streamRows = driver.findElements(By.cssSelector("#streams-table tbody tr"));
        assertThat(streamRows).hasSize(streams.size());
        for (int k = 0; k < streams.size(); k++) {
            JsonNode st = streams.get(k);
            double total = st.path("totalUsd").asDouble();
            assertThat(sum(js, "chart-revenue", k))
                    .as(st.path("id").asText())
                    .isCloseTo(total, within(1e-6 * Math.max(1, Math.abs(total))));
            assertThat(streamRows.get(k).getAttribute("data-stream"))
                    .isEqualTo(st.path("id").asText());
        }
        assertThat(-sum(js, "chart-revenue", indexOf(streams, "power_cost")))
                .isCloseTo(summary.path("powerCostUsd").asDouble(), rel(summary, "powerCostUsd"));

        // price vs dispatch: the downsampled series from the API, price first then the three load classes
        JsonNode series = api.get("/api/runs/" + runId
                        + "/series?columns=priceUsdPerMwh,miningMw,aiCloudMw,colocationMw&maxPoints=400")
                .json();
        List<?> price = (List<?>) script("return window.minerai.charts['chart-dispatch'].data.datasets[0].data");
        assertThat(price).hasSize(series.path("timesUtc").size());
        int compared = 0;
        for (int i = 0; i < price.size(); i += 7) {
            JsonNode expected = series.path("columns").path("priceUsdPerMwh").get(i);
            if (expected.isNull()) {
                assertThat(price.get(i))
                        .as("bucket %d has no dispatched interval", i)
                        .isNull();
            } else {
                assertThat(number(price.get(i))).isCloseTo(expected.asDouble(), within(1e-9));
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(40);

        Path shot = Path.of("target", "dashboard.png");
        Files.createDirectories(shot.getParent());
        Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), shot, StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.size(shot)).isGreaterThan(10_000);

        // the optimiser on the same scenario (one LP over 2024): its run is shown with its own, higher net
        new Select(driver.findElement(By.id("kind-select"))).selectByValue("optimize:perfect");
        driver.findElement(By.id("start-run")).click();
        wait.until(d -> {
            String id = d.findElement(By.id("run-status")).getAttribute("data-run-id");
            return id != null && !id.equals(String.valueOf(runId));
        });
        wait.until(ExpectedConditions.attributeToBe(By.id("run-status"), "data-status", "succeeded"));
        long optimizeId = Long.parseLong(driver.findElement(By.id("run-status")).getAttribute("data-run-id"));
        wait.until(
                ExpectedConditions.attributeToBe(By.tagName("body"), "data-rendered-run", String.valueOf(optimizeId)));
        JsonNode optimal =
                api.get("/api/runs/" + optimizeId + "/summary").json().path("summary");
        assertThat(optimal.path("solver").path("windows").asInt()).isEqualTo(1);
        assertKpi("kpi-net", optimal.path("netUsd").asDouble(), "$");
        assertThat(optimal.path("netUsd").asDouble())
                .isGreaterThan(summary.path("netUsd").asDouble());
        assertThat(driver.findElement(By.cssSelector("#runs-table tbody")).getText())
                .contains("optimize")
                .contains("backtest");
        Files.copy(
                driver.getScreenshotAs(OutputType.FILE).toPath(),
                Path.of("target", "dashboard-optimize.png"),
                StandardCopyOption.REPLACE_EXISTING);

        // policy vs optimal: merit order, two rolling horizons and perfect foresight in one table; its first row is
        // the backtest above and its last the optimize run above
        new Select(driver.findElement(By.id("kind-select"))).selectByValue("compare");
        driver.findElement(By.id("start-run")).click();
        wait.until(d -> {
            String id = d.findElement(By.id("run-status")).getAttribute("data-run-id");
            return id != null && !id.equals(String.valueOf(optimizeId));
        });
        wait.until(ExpectedConditions.attributeToBe(By.id("run-status"), "data-status", "succeeded"));
        long compareId = Long.parseLong(driver.findElement(By.id("run-status")).getAttribute("data-run-id"));
        wait.until(
                ExpectedConditions.attributeToBe(By.tagName("body"), "data-rendered-run", String.valueOf(compareId)));
        assertThat(driver.findElement(By.id("compare-card")).isDisplayed()).isTrue();
        List<WebElement> compareRows = driver.findElements(By.cssSelector("#compare-table tbody tr"));
        assertThat(compareRows)
                .extracting(r -> r.getAttribute("data-policy"))
                .containsExactly(
                        "merit-order", "rolling-persistence", "rolling-day-ahead", "optimal-perfect-foresight");
        assertThat(compareRows.get(0).getText())
                .contains(usdText(summary.path("netUsd").asDouble()));
        assertThat(compareRows.get(3).getText())
                .contains(usdText(optimal.path("netUsd").asDouble()));
        Files.copy(
                driver.getScreenshotAs(OutputType.FILE).toPath(),
                Path.of("target", "dashboard-compare.png"),
                StandardCopyOption.REPLACE_EXISTING);

        // a plan run (no scenario): the strategies table replaces the dispatch views and carries the API's numbers
        new Select(driver.findElement(By.id("kind-select"))).selectByValue("plan");
        driver.findElement(By.id("start-run")).click();
        wait.until(d -> {
            String id = d.findElement(By.id("run-status")).getAttribute("data-run-id");
            return id != null && !id.equals(String.valueOf(compareId));
        });
        wait.until(ExpectedConditions.attributeToBe(By.id("run-status"), "data-status", "succeeded"));
        long planId = Long.parseLong(driver.findElement(By.id("run-status")).getAttribute("data-run-id"));
        wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-rendered-run", String.valueOf(planId)));
        JsonNode plan = api.get("/api/runs/" + planId + "/summary").json().path("summary");
        assertThat(plan.path("paths").asInt()).isEqualTo(2000);
        assertThat(driver.findElement(By.id("plan-card")).isDisplayed()).isTrue();
        assertThat(driver.findElement(By.id("chart-dispatch")).isDisplayed()).isFalse();
        List<WebElement> planRows = driver.findElements(By.cssSelector("#plan-table tbody tr"));
        assertThat(planRows).hasSize(plan.path("strategies").size());
        for (int i = 0; i < planRows.size(); i++) {
            JsonNode st = plan.path("strategies").get(i);
            assertThat(planRows.get(i).getAttribute("data-strategy"))
                    .isEqualTo(st.path("strategy").asText());
            assertThat(planRows.get(i).getText())
                    .contains(usdText(st.path("meanNpvUsd").asDouble()));
        }
        assertThat(driver.findElement(By.cssSelector("#plan-table tbody tr.selected"))
                        .getAttribute("data-strategy"))
                .isEqualTo(plan.path("bestStrategy").asText());
        // NPV bands: P10..P90 of each strategy in $ million
        List<?> bands = (List<?>) script("return window.minerai.charts['chart-plan-npv'].data.datasets[0].data");
        assertThat(bands).hasSize(plan.path("strategies").size());
        for (int i = 0; i < bands.size(); i++) {
            List<?> band = (List<?>) bands.get(i);
            JsonNode st = plan.path("strategies").get(i);
            assertThat(number(band.get(0))).isCloseTo(st.path("p10NpvUsd").asDouble() / 1e6, within(1e-9));
            assertThat(number(band.get(1))).isCloseTo(st.path("p90NpvUsd").asDouble() / 1e6, within(1e-9));
        }
        // site MW by year for the best strategy: mining + AI hall + idle is the whole site every year
        assertThat(driver.findElement(By.id("plan-allocation-title")).getAttribute("data-strategy"))
                .isEqualTo(plan.path("bestStrategy").asText());
        int years = ((List<?>) script("return window.minerai.charts['chart-plan-allocation'].data.labels")).size();
        assertThat(years).isPositive();
        for (int y = 0; y < years; y++) {
            double total = 0;
            for (int d = 0; d < 3; d++) {
                total += number(script("return window.minerai.charts['chart-plan-allocation'].data.datasets[" + d
                        + "].data[" + y + "]"));
            }
            assertThat(total).as("year %d", y).isCloseTo(plan.path("gridMw").asDouble(), within(1e-6));
        }
        String other = plan.path("strategies").get(2).path("strategy").asText();
        driver.findElement(By.cssSelector("#plan-table tbody tr[data-strategy='" + other + "']"))
                .click();
        wait.until(
                d -> other.equals(d.findElement(By.id("plan-allocation-title")).getAttribute("data-strategy")));
        wait.until(d -> other.equals(d.findElement(By.id("plan-dscr-title")).getAttribute("data-strategy")));
        // its minimum DSCR by year: P10..P90 of the paths (the API's bands), the deterministic case beside them
        JsonNode otherJson = plan.path("strategies").get(2);
        assertThat(otherJson.path("minDscrByYear").size()).isPositive();
        List<?> dscr = (List<?>) script("return window.minerai.charts['chart-plan-dscr'].data.datasets[0].data");
        assertThat(dscr).hasSize(otherJson.path("minDscrByYear").size());
        for (int y = 0; y < dscr.size(); y++) {
            JsonNode b = otherJson.path("minDscrByYear").get(y);
            if (b.path("p10").isNull()) {
                assertThat(dscr.get(y)).as("year %d", y).isNull();
            } else {
                List<?> band = (List<?>) dscr.get(y);
                assertThat(number(band.get(0))).isCloseTo(b.path("p10").asDouble(), within(1e-12));
                assertThat(number(band.get(1))).isCloseTo(b.path("p90").asDouble(), within(1e-12));
            }
        }
        // the contracts: one row per contract of every strategy, with its value against spot renting
        int contracts = 0;
        for (JsonNode st : plan.path("strategies")) {
            contracts += st.path("contracts").size();
        }
        assertThat(contracts).isPositive();
        assertThat(driver.findElement(By.id("plan-contracts-card")).isDisplayed())
                .isTrue();
        List<WebElement> contractRows = driver.findElements(By.cssSelector("#plan-contracts-table tbody tr"));
        assertThat(contractRows).hasSize(contracts);
        String contractStrategy = contractRows.get(0).getAttribute("data-strategy");
        for (JsonNode st : plan.path("strategies")) {
            if (st.path("strategy").asText().equals(contractStrategy)) {
                assertThat(contractRows.get(0).getText())
                        .contains(usdText(st.path("contracts")
                                .get(0)
                                .path("totalValueUsd")
                                .asDouble()))
                        .contains(usdText(st.path("contractValueVsSpot")
                                .path("meanNpvDifferenceUsd")
                                .asDouble()));
            }
        }
        // the GPU fleets (one row per fleet of every strategy) and compute delivered (GPU-hours, EFLOP-hours, BTC)
        List<JsonNode> allFleets = new java.util.ArrayList<>();
        for (JsonNode st : plan.path("strategies")) {
            st.path("gpuFleets").forEach(allFleets::add);
        }
        int fleets = allFleets.size();
        assertThat(fleets).isPositive();
        JsonNode firstFleet = allFleets.get(0);
        assertThat(driver.findElement(By.id("plan-compute-card")).isDisplayed()).isTrue();
        List<WebElement> fleetRows = driver.findElements(By.cssSelector("#plan-fleets-table tbody tr"));
        assertThat(fleetRows).hasSize(fleets);
        assertThat(fleetRows.get(0).getText())
                .contains(firstFleet.path("gpuCloud").asText())
                .contains(usdText(firstFleet.path("capexUsd").asDouble()));
        String computeText = driver.findElement(By.id("plan-compute-table")).getText();
        for (JsonNode st : plan.path("strategies")) {
            for (JsonNode c : st.path("computeByYear")) {
                if (st.path("gpuFleets").size() > 0
                        && c.path("gpuHoursDelivered").asDouble() > 0) {
                    assertThat(computeText)
                            .contains(String.format(
                                    java.util.Locale.ROOT,
                                    "%.1f",
                                    c.path("gpuHoursDelivered").asDouble() / 1e6));
                }
            }
        }
        Files.copy(
                driver.getScreenshotAs(OutputType.FILE).toPath(),
                Path.of("target", "dashboard-plan.png"),
                StandardCopyOption.REPLACE_EXISTING);
        driver.executeScript("document.getElementById('plan-compute-card').scrollIntoView()");
        Files.copy(
                driver.getScreenshotAs(OutputType.FILE).toPath(),
                Path.of("target", "dashboard-plan-compute.png"),
                StandardCopyOption.REPLACE_EXISTING);

        // a portfolio run (no scenario: the bundled 3-site company and its 2-site target): its tables and charts
        // replace the plan view and carry the API's numbers
        new Select(driver.findElement(By.id("kind-select"))).selectByValue("portfolio");
        driver.findElement(By.id("start-run")).click();
        wait.until(d -> {
            String id = d.findElement(By.id("run-status")).getAttribute("data-run-id");
            return id != null && !id.equals(String.valueOf(planId));
        });
        wait.until(ExpectedConditions.attributeToBe(By.id("run-status"), "data-status", "succeeded"));
        long portfolioId =
                Long.parseLong(driver.findElement(By.id("run-status")).getAttribute("data-run-id"));
        wait.until(
                ExpectedConditions.attributeToBe(By.tagName("body"), "data-rendered-run", String.valueOf(portfolioId)));
        JsonNode pf = api.get("/api/runs/" + portfolioId + "/summary").json().path("summary");
        assertThat(pf.path("sites").size()).isEqualTo(3);
        assertThat(driver.findElement(By.id("portfolio-card")).isDisplayed()).isTrue();
        assertThat(driver.findElement(By.id("plan-card")).isDisplayed()).isFalse();
        assertThat(driver.findElement(By.id("chart-dispatch")).isDisplayed()).isFalse();
        List<WebElement> mixRows = driver.findElements(By.cssSelector("#portfolio-mixes tbody tr"));
        assertThat(mixRows).hasSize(pf.path("mixes").size()).hasSize(2);
        for (int i = 0; i < mixRows.size(); i++) {
            JsonNode mix = pf.path("mixes").get(i);
            assertThat(mixRows.get(i).getText())
                    .contains(usdText(mix.path("expectedNpvUsd").asDouble()))
                    .contains(usdText(mix.path("p10NpvUsd").asDouble()))
                    .contains(usdText(mix.path("cvarNpvUsd").asDouble()));
        }
        List<WebElement> siteRows = driver.findElements(By.cssSelector("#portfolio-sites tbody tr"));
        assertThat(siteRows).hasSize(3);
        for (int i = 0; i < siteRows.size(); i++) {
            JsonNode site = pf.path("sites").get(i);
            assertThat(siteRows.get(i).getText())
                    .startsWith(site.path("site").asText())
                    .contains(usdText(site.path("recommendedExpectedNpvUsd").asDouble()));
            assertThat(number(script(
                            "return window.minerai.charts['chart-portfolio-sites'].data.datasets[1].data[" + i + "]")))
                    .isCloseTo(site.path("recommendedExpectedNpvUsd").asDouble() / 1e6, within(1e-9));
        }
        String movesText = driver.findElement(By.id("portfolio-moves")).getText();
        assertThat(movesText).startsWith("Fleet moves: ");
        for (JsonNode mv : pf.path("fleetMoves")) {
            assertThat(movesText)
                    .contains(" from " + mv.path("from").asText() + " to "
                            + mv.path("to").asText());
        }
        JsonNode target = pf.path("acquisitions").get(0);
        List<WebElement> acqRows = driver.findElements(By.cssSelector("#portfolio-acquisitions tbody tr"));
        assertThat(acqRows).hasSize(pf.path("acquisitions").size());
        assertThat(acqRows.get(0).getText())
                .startsWith(target.path("name").asText())
                .contains(usdText(target.path("maxPriceUsd").asDouble()));
        assertThat(((List<?>) script("return window.minerai.charts['chart-portfolio-acquisition'].data.labels")))
                .hasSize(target.path("valuePerShareByPrice").size());
        Files.copy(
                driver.getScreenshotAs(OutputType.FILE).toPath(),
                Path.of("target", "dashboard-portfolio.png"),
                StandardCopyOption.REPLACE_EXISTING);

        // a new scenario from the editor: start from the stored one, break it (every problem shown at its field
        // path, nothing stored), then fix it and save it; it becomes the selected scenario
        int scenariosBefore = api.get("/api/scenarios").json().path("items").size();
        driver.findElement(By.cssSelector("#scenario-editor summary")).click();
        driver.findElement(By.id("copy-scenario")).click();
        wait.until(d -> String.valueOf(d.findElement(By.id("scenario-text")).getAttribute("value"))
                .contains("\"importCapMw\": 200"));
        script("const t = document.getElementById('scenario-text');"
                + " t.value = t.value.replace('\"importCapMw\": 200', '\"importCapMw\": -5')"
                + ".replace('\"name\": \"west-texas-2024\"', '\"name\": \"west-texas-150mw\"'); return 1;");
        driver.findElement(By.id("save-scenario")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#scenario-errors li")));
        assertThat(driver.findElements(By.cssSelector("#scenario-errors li")))
                .extracting(e -> e.getAttribute("data-path"))
                .contains("site.grid.importCapMw");
        assertThat(api.get("/api/scenarios").json().path("items").size()).isEqualTo(scenariosBefore);
        Files.copy(
                driver.getScreenshotAs(OutputType.FILE).toPath(),
                Path.of("target", "dashboard-editor.png"),
                StandardCopyOption.REPLACE_EXISTING);
        script("const t = document.getElementById('scenario-text');"
                + " t.value = t.value.replace('\"importCapMw\": -5', '\"importCapMw\": 150'); return 1;");
        driver.findElement(By.id("save-scenario")).click();
        wait.until(d -> d.findElement(By.id("scenario-saved")).getText().startsWith("Saved as scenario"));
        assertThat(driver.findElements(By.cssSelector("#scenario-errors li"))).isEmpty();
        String newId = driver.findElement(By.id("scenario-saved")).getAttribute("data-scenario-id");
        assertThat(api.get("/api/scenarios/" + newId)
                        .json()
                        .path("scenario")
                        .path("site")
                        .path("grid")
                        .path("importCapMw")
                        .asDouble())
                .isEqualTo(150);
        assertThat(new Select(driver.findElement(By.id("scenario-select")))
                        .getFirstSelectedOption()
                        .getText())
                .startsWith("west-texas-150mw");

        // a dataset upload from the browser: real Coin Metrics rows with their provenance are stored; a malformed
        // copy is refused with file:line:column and stores nothing
        Path csv = Files.createTempDirectory("minerai-e2e").resolve("btc.csv");
        Files.writeString(csv, UploadTest.coinMetrics(10));
        driver.findElement(By.cssSelector("#dataset-upload summary")).click();
        new Select(driver.findElement(By.id("dataset-kind"))).selectByValue("coinmetrics-csv");
        driver.findElement(By.id("dataset-file")).sendKeys(csv.toString());
        driver.findElement(By.id("dataset-name")).sendKeys("btc-2024-first-days");
        driver.findElement(By.id("dataset-source")).sendKeys("Coin Metrics community data, CC BY-NC 4.0");
        driver.findElement(By.id("upload-dataset")).click();
        wait.until(d -> d.findElement(By.id("dataset-saved")).getText().startsWith("Stored as dataset:"));
        String datasetId = driver.findElement(By.id("dataset-saved")).getAttribute("data-dataset-id");
        assertThat(driver.findElement(By.id("dataset-saved")).getText())
                .contains("bitcoin: {source: coinmetrics-csv, path: \"dataset:" + datasetId + "\"}");
        JsonNode dataset = api.get("/api/datasets/" + datasetId).json();
        assertThat(dataset.path("rowCount").asInt()).isEqualTo(10);
        assertThat(dataset.path("source").asText()).isEqualTo("Coin Metrics community data, CC BY-NC 4.0");
        assertThat(dataset.path("originalFilename").asText()).isEqualTo("btc.csv");
        Files.copy(
                driver.getScreenshotAs(OutputType.FILE).toPath(),
                Path.of("target", "dashboard-upload.png"),
                StandardCopyOption.REPLACE_EXISTING);
        int datasets = api.get("/api/datasets").json().path("items").size();
        Files.writeString(csv, UploadTest.coinMetrics(5).replace("44941.160493571", "lots"));
        driver.findElement(By.id("dataset-file")).sendKeys(csv.toString());
        driver.findElement(By.id("upload-dataset")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#dataset-errors li")));
        assertThat(driver.findElements(By.cssSelector("#dataset-errors li")))
                .extracting(e -> e.getAttribute("data-path"))
                .anySatisfy(p -> assertThat(p).startsWith("btc.csv:3"));
        assertThat(api.get("/api/datasets").json().path("items").size()).isEqualTo(datasets);
    }

    /** A dollar amount as the dashboard prints it (en-US currency, whole dollars, minus sign before the $). */
    private static String usdText(double v) {
        return (Math.round(v) < 0 ? "-" : "") + String.format(java.util.Locale.US, "$%,.0f", Math.abs(v));
    }

    private static void assertKpi(String id, double expected, String unit) {
        WebElement el = driver.findElement(By.id(id));
        assertThat(Double.parseDouble(el.getAttribute("data-value"))).isEqualTo(expected);
        assertThat(el.getText()).contains(unit).matches(".*\\d.*");
    }

    private static Object script(String code) {
        return java.util.Objects.requireNonNull(driver.executeScript(code), code);
    }

    private static double number(@org.jspecify.annotations.Nullable Object o) {
        return ((Number) java.util.Objects.requireNonNull(o)).doubleValue();
    }

    private static double sum(JavascriptExecutor js, String chart, int dataset) {
        Object v = script("return window.minerai.charts['" + chart + "'].data.datasets[" + dataset
                + "].data.reduce((a, b) => a + b, 0)");
        return number(v);
    }

    private static org.assertj.core.data.Offset<Double> rel(JsonNode summary, String field) {
        return within(1e-6 * Math.max(1, Math.abs(summary.path(field).asDouble())));
    }

    private static int indexOf(JsonNode streams, String id) {
        for (int k = 0; k < streams.size(); k++) {
            if (streams.get(k).path("id").asText().equals(id)) {
                return k;
            }
        }
        throw new AssertionError("no stream " + id);
    }
}
