package io.minerai.report.csv;

import static org.assertj.core.api.Assertions.assertThat;

import io.minerai.core.site.Site;
import io.minerai.dispatch.Backtest;
import io.minerai.dispatch.DispatchResult;
import io.minerai.report.TestFixtures;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class BacktestCsvWriterTest {

    private static String csv(DispatchResult r) throws IOException {
        StringWriter w = new StringWriter();
        BacktestCsvWriter.write(r, w);
        return w.toString();
    }

    @Test
    void headerNamesEveryColumnWithItsUnit() throws IOException {
        String[] lines = csv(TestFixtures.tinyResult()).split("\n");
        assertThat(lines[0])
                .isEqualTo("interval_start_utc,dispatched,price_usd_per_mwh,hashprice_usd_per_ph_day,generation_mw,"
                        + "import_mw,export_mw,spill_mw,load_class_mining_mw,load_class_ai_cloud_mw,"
                        + "load_class_colocation_mw,load_S21-fleet_mw,load_H100-cloud_mw,load_Colo-A_mw,"
                        + "energy_cost_usd_per_mwh,btc_mined,miner_energy_cost_usd,gpu_hours,compute_exaflop_hours,"
                        + "stream_mining_usd,stream_ai_cloud_usd,stream_colocation_usd,stream_export_usd,"
                        + "stream_ppa_sellback_usd,stream_power_cost_usd,net_usd");
        assertThat(lines).hasSize(5);
    }

    @Test
    void rowsMatchHandComputedValues() throws IOException {
        String[] lines = csv(TestFixtures.tinyResult()).split("\n");
        // t0: price 20, import cost 25 < miners' 71.43 $/MWh: everything runs, 5.5 MW imported.
        // power 5.5 x 25 = 137.5; mining 0.1/24 BTC = 250 USD; AI 2,000; colo 100,000/720 = 138.888889
        // net = 250 + 2000 + 138.888889 - 137.5 = 2251.388889; miners' energy 3.5 MWh x 25 = 87.5; 1,000 GPU-hours
        // (the fixture's model "H100" is given without the GPU catalogue: no FLOPs counted)
        assertThat(lines[1])
                .isEqualTo("2024-06-01T00:00:00Z,true,20,30,0,5.5,0,0,3.5,1,1,3.5,1,1,25,0.004166666667,87.5,1000,0,"
                        + "250,2000,138.888889,0,0,-137.5,2251.388889");
        // t1: price 50, cost 55 < 71.43: everything runs; power 5.5 x 55 = 302.5
        assertThat(lines[2])
                .isEqualTo("2024-06-01T01:00:00Z,true,50,30,0,5.5,0,0,3.5,1,1,3.5,1,1,55,0.004166666667,192.5,1000,0,"
                        + "250,2000,138.888889,0,0,-302.5,2086.388889");
        // t2: price 1000, cost 1005 > 71.43: miners off; GPUs (2,000 $/MWh) and colo run; power 2 x 1005
        assertThat(lines[3])
                .isEqualTo("2024-06-01T02:00:00Z,true,1000,30,0,2,0,0,0,1,1,0,1,1,1005,0,0,1000,0,"
                        + "0,2000,138.888889,0,0,-2010,128.888889");
        // t3: no price: skipped, every number empty (missing, not zero)
        assertThat(lines[4]).isEqualTo("2024-06-01T03:00:00Z,false" + ",".repeat(24));
    }

    @Test
    void assetNamesWithCommasAndQuotesAreQuotedAndDuplicatesGetSuffixes() throws IOException {
        Site site = TestFixtures.site(
                "Quoting site",
                List.of(TestFixtures.fleet("S21, \"hydro\""), TestFixtures.fleet("class_mining")),
                List.of(),
                List.of());
        DispatchResult r = Backtest.meritOrder(site, TestFixtures.tinyInputs());
        String header = csv(r).split("\n")[0];
        assertThat(header).contains(",\"load_S21, \"\"hydro\"\"_mw\",").contains(",load_class_mining_2_mw,");
        assertThat(BacktestCsvWriter.header(r))
                .contains("load_S21, \"hydro\"_mw", "load_class_mining_mw", "load_class_mining_2_mw");
    }

    @Test
    void siteWithoutLoadsStillWritesEveryInterval() throws IOException {
        Site empty = TestFixtures.site("Empty", List.of(), List.of(), List.of());
        String[] lines =
                csv(Backtest.meritOrder(empty, TestFixtures.tinyInputs())).split("\n");
        assertThat(lines).hasSize(5);
        assertThat(lines[1]).isEqualTo("2024-06-01T00:00:00Z,true,20,30" + ",0".repeat(17));
    }
}
