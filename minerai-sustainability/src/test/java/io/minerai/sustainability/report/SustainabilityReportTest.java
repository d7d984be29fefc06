package io.minerai.sustainability.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.minerai.core.scenario.SustainabilitySettings.MarketInstruments;
import io.minerai.core.site.Site;
import io.minerai.report.chart.ChartImage;
import io.minerai.report.html.HtmlReport;
import io.minerai.sustainability.SustainabilityAnalysis;
import io.minerai.sustainability.SustainabilityResult;
import io.minerai.sustainability.TinySite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SustainabilityReportTest {

    private static SustainabilityResult tiny(Optional<Double> residual) {
        Site s = TinySite.site(true);
        return SustainabilityAnalysis.run(
                s,
                TinySite.ledger(s),
                TinySite.factors(),
                TinySite.settings(new MarketInstruments(false, 0, 2, residual)));
    }

    @Test
    void sectionStatesBothMethodsTheMethodAndTheLabels() {
        SustainabilityResult r = tiny(Optional.empty());
        String page = SustainabilityFiles.standalonePage(r, List.of()).render();
        assertThat(page)
                .contains("id=\"sustainability\"")
                .contains("id=\"sustainability-method\"")
                .contains("Location-based")
                .contains("Market-based")
                .contains("no residual mix: grid average used")
                .contains("not marginal")
                .contains("GHG Protocol Scope 2 Guidance")
                .contains("eGRID2023")
                .contains("4CP proxy")
                .contains("2024-06-30 21:00")
                .contains("2.45 t CO2e");
        assertThat(tiny(Optional.of(415.0)).market().residualMixGiven()).isTrue();
    }

    @Test
    void writesExportsAndChartsAndEmbedsThem(@TempDir Path dir) throws Exception {
        SustainabilityResult r = tiny(Optional.of(415.0));
        SustainabilityFiles.Written w = SustainabilityFiles.write(r, dir);
        assertThat(w.charts())
                .extracting(p -> p.getFileName().toString())
                .containsExactly(
                        SustainabilityCharts.FACTOR_VS_PRICE,
                        SustainabilityCharts.DAILY_PROFILE,
                        SustainabilityCharts.ENERGY_MIX);
        for (Path p : w.charts()) {
            byte[] png = Files.readAllBytes(p);
            assertThat(png).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        }
        assertThat(Files.readString(w.json())).contains("\"locationBased\"");
        assertThat(Files.readAllLines(w.intervalsCsv())).hasSize(5);
        HtmlReport page = SustainabilityFiles.standalonePage(r, w.images());
        String html = page.render();
        for (ChartImage c : w.images()) {
            assertThat(html).contains(c.dataUri().substring(0, 80));
        }
        assertThat(html).contains("residual mix given");
    }
}
