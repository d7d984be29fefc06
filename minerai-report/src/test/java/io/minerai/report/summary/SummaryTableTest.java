package io.minerai.report.summary;

import static org.assertj.core.api.Assertions.assertThat;

import io.minerai.core.site.Site;
import io.minerai.dispatch.Backtest;
import io.minerai.dispatch.DispatchSummary;
import io.minerai.report.TestFixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryTableTest {

    @Test
    void showsTotalsRevenueStackLoadsAndCostPerBtc() {
        DispatchSummary s = TestFixtures.tinyResult().summary();
        String text = SummaryTable.render(s);
        assertThat(text)
                .contains("Revenue stack")
                .containsPattern("Mining +\\$500\\.00 +7\\.2 %")
                .containsPattern("AI cloud +\\$6,000 +86\\.7 %")
                .containsPattern("Total revenue +\\$6,917")
                .containsPattern("Power cost +-\\$2,450")
                .containsPattern("Net before opex +\\$4,467")
                .containsPattern(
                        "S21-fleet +Mining +no +3\\.50 +7\\.0 +66\\.7 % +\\$500\\.00 +\\$280\\.00 +\\$220\\.00 +0\\.0083")
                .containsPattern("Energy only +\\$33,600 +"
                        + SummaryTable.ENERGY_ONLY_NOTE.replace("(", "\\(").replace(")", "\\)"))
                .contains(SummaryTable.CASH_COST_NOTE.substring(0, 20))
                .contains(SummaryTable.ALL_IN_NOTE)
                .containsPattern("Skipped: no price +1");
    }

    @Test
    void tablesAreAligned() {
        TextTable t = TextTable.builder("T", "Name", "USD")
                .row("a", "1")
                .row("longer name", "1,000")
                .totalRow("Total", "1,001")
                .build();
        assertThat(t.render())
                .isEqualTo("T\n"
                        + "  Name           USD\n"
                        + "  ------------------\n"
                        + "  a                1\n"
                        + "  longer name  1,000\n"
                        + "  ------------------\n"
                        + "  Total        1,001\n");
    }

    @Test
    void costPerBtcIsNotApplicableWithoutMiners() {
        Site site = TestFixtures.site("No miners", List.of(), List.of(), List.of(TestFixtures.colo()));
        String text = SummaryTable.render(
                Backtest.meritOrder(site, TestFixtures.tinyInputs()).summary());
        assertThat(text).containsPattern("Energy only +n/a").containsPattern("Cash cost +n/a");
    }

    @Test
    void computeDeliveredSitsBesideBtcPerMwhOnlyForSitesWithGpus() {
        // tiny site: the 1 MW cloud of 1,000 GPUs (1 kW each, PUE 1, fully used) runs in the three dispatched hours:
        // 3,000 GPU-hours for 3 MWh = 1,000 GPU-h per MWh, $2 per GPU-hour; no FLOPs (model given without catalogue)
        DispatchSummary s = TestFixtures.tinyResult().summary();
        assertThat(s.gpu().gpuHoursDelivered()).isEqualTo(3000.0);
        assertThat(s.gpu().gpuHoursPerMwh()).isEqualTo(1000.0);
        assertThat(s.gpu().revenueUsdPerGpuHour()).isEqualTo(2.0);
        String text = SummaryTable.render(s);
        assertThat(text)
                .contains("Compute delivered")
                .containsPattern("GPU-hours delivered +3,000 +GPU-h")
                .containsPattern("GPU-hours per MWh +1,000.0")
                .containsPattern("BTC per MWh +0.00");
        Site noGpu = TestFixtures.site("No GPUs", List.of(TestFixtures.fleet("f")), List.of(), List.of());
        assertThat(SummaryTable.render(
                        Backtest.meritOrder(noGpu, TestFixtures.tinyInputs()).summary()))
                .doesNotContain("Compute delivered");
    }
}
