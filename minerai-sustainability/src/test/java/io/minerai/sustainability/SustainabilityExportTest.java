package io.minerai.sustainability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.minerai.core.scenario.SustainabilitySettings.MarketInstruments;
import io.minerai.core.site.Site;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SustainabilityExportTest {

    private static SustainabilityResult tiny() {
        Site s = TinySite.site(true);
        return SustainabilityAnalysis.run(
                s,
                TinySite.ledger(s),
                TinySite.factors(),
                TinySite.settings(new MarketInstruments(false, 0, 2, Optional.of(415.0))));
    }

    @Test
    void jsonHasUnitsInNamesAndTheHandComputedFigures() throws Exception {
        JsonNode j = new ObjectMapper().readTree(SustainabilityExport.json(tiny()));
        assertThat(j.at("/scope2/locationBased/emissionsTCo2e").asDouble()).isEqualTo(2.45, within());
        assertThat(j.at("/scope2/marketBased/emissionsTCo2e").asDouble()).isEqualTo(1.4525, within());
        assertThat(j.at("/scope2/marketBased/residualMixGiven").asBoolean()).isTrue();
        assertThat(j.at("/energy/gridImportMwh").asDouble()).isEqualTo(5.5, within());
        assertThat(j.at("/intensity/gpuHoursSold").asDouble()).isEqualTo(800, within());
        assertThat(j.at("/flexibility/avoidedEmissionsEstimate/label").asText()).contains("not marginal");
        assertThat(j.at("/flexibility/coincidentPeaksProxy/0/month").asText()).isEqualTo("2024-06");
        assertThat(j.at("/method/factorFilledIntervals").asInt()).isEqualTo(1);
        assertThat(j.at("/method/notes").size()).isGreaterThan(5);
        assertThat(j.at("/months/0/gridByFuel/windMwh").asDouble()).isEqualTo(2.0, within());
    }

    @Test
    void intervalCsvHasOneRowPerIntervalAndSkippedIntervalsLeaveFieldsEmpty() {
        String csv = SustainabilityExport.intervalsCsv(tiny());
        String[] lines = csv.split("\n");
        assertThat(lines).hasSize(5);
        assertThat(lines[0]).isEqualTo(String.join(",", SustainabilityExport.INTERVAL_COLUMNS));
        assertThat(lines[1])
                .isEqualTo("2024-07-01T00:00:00Z,true,20,400,false,3,0,1,4,3,1,0,1200,0,false,false,0.01,400");
        assertThat(lines[3]).startsWith("2024-07-01T02:00:00Z,true,900,450,true,0,2,0,0,0,0,0,0,4,true,true,");
        assertThat(lines[4]).startsWith("2024-07-01T03:00:00Z,false,,,,0,");
        for (String l : lines) {
            assertThat(l.split(",", -1)).hasSize(SustainabilityExport.INTERVAL_COLUMNS.size());
        }
    }

    @Test
    void monthsCsv() {
        String[] lines = SustainabilityExport.monthsCsv(tiny()).split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).startsWith("month,consumption_mwh,on_site_mwh,grid_biomass_mwh");
        // June (Central time): consumption 6.5, on-site 1, wind 2 of the 5.5 imported, gas-CC 3.5
        assertThat(lines[1]).startsWith("2024-06,6.5,1,");
        assertThat(lines[1]).contains(",2.45,");
    }

    @Test
    void plainNumbers() {
        assertThat(SustainabilityExport.plain(1e-7)).isEqualTo("0");
        assertThat(SustainabilityExport.plain(12345678.5)).isEqualTo("12345678.5");
        assertThat(SustainabilityExport.plain(Double.NaN)).isEmpty();
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-9);
    }
}
