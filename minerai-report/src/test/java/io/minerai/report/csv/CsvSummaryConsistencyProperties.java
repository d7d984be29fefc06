package io.minerai.report.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.minerai.core.inputs.ScenarioInputs;
import io.minerai.core.site.MinerFleet;
import io.minerai.core.site.Site;
import io.minerai.core.time.TimeGrid;
import io.minerai.core.time.TimeSeries;
import io.minerai.dispatch.Backtest;
import io.minerai.dispatch.DispatchResult;
import io.minerai.dispatch.DispatchSummary;
import io.minerai.report.TestFixtures;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The CSV and the summary tell the same story: on random SYNTHETIC prices, steps and fleets, the column sums of
 * intervals.csv (parsed back) equal the summary totals, within the CSV's rounding (6 decimals per cell).
 */
class CsvSummaryConsistencyProperties {

    @Property(tries = 60)
    void columnSumsEqualSummaryTotals(
            @ForAll @Size(min = 1, max = 48) List<@DoubleRange(min = -50, max = 400) Double> prices,
            @ForAll @IntRange(min = 0, max = 47) int missingAt,
            @ForAll("steps") int stepMinutes,
            @ForAll @IntRange(min = 1, max = 3) int fleetCount)
            throws IOException {
        TimeGrid g = new TimeGrid(TestFixtures.START, Duration.ofMinutes(stepMinutes), prices.size());
        TimeSeries.Builder p = TimeSeries.builder("price", "USD/MWh", g);
        for (int t = 0; t < prices.size(); t++) {
            if (t != missingAt) {
                p.set(t, prices.get(t));
            }
        }
        List<MinerFleet> fleets = new ArrayList<>();
        for (int f = 0; f < fleetCount; f++) {
            fleets.add(new MinerFleet("fleet " + f, "m", 1000, 100, 1500 + 1000 * f, 1.05, 0.02, 0, 0));
        }
        Site site = TestFixtures.site("Random", fleets, List.of(TestFixtures.cloud()), List.of(TestFixtures.colo()));
        ScenarioInputs in = TestFixtures.inputs(g, p.build(), List.of());
        DispatchResult r = Backtest.meritOrder(site, in);
        DispatchSummary s = r.summary();

        StringWriter w = new StringWriter();
        BacktestCsvWriter.write(r, w);
        String[] lines = w.toString().split("\n");
        List<String> header = List.of(lines[0].split(",", -1));
        double h = g.stepHours();
        double[] sums = new double[header.size()];
        int dispatched = 0;
        for (int i = 1; i < lines.length; i++) {
            String[] cells = lines[i].split(",", -1);
            assertThat(cells).hasSize(header.size());
            if (cells[1].equals("true")) {
                dispatched++;
                for (int c = 2; c < cells.length; c++) {
                    sums[c] += Double.parseDouble(cells[c]);
                }
            } else {
                for (int c = 2; c < cells.length; c++) {
                    assertThat(cells[c]).isEmpty();
                }
            }
        }
        int rows = lines.length - 1;
        double tol = 1e-6 * rows + 1e-9;
        assertThat(rows).isEqualTo(s.intervals());
        assertThat(rows - dispatched).isEqualTo(s.missingIntervals());
        assertThat(sums[header.indexOf("net_usd")]).isCloseTo(s.netUsd(), within(tol));
        assertThat(sums[header.indexOf("stream_power_cost_usd")]).isCloseTo(-s.powerCostUsd(), within(tol));
        assertThat(sums[header.indexOf("stream_mining_usd")]).isCloseTo(s.streamTotalUsd("mining"), within(tol));
        assertThat(sums[header.indexOf("stream_ai_cloud_usd")]).isCloseTo(s.streamTotalUsd("ai_cloud"), within(tol));
        assertThat(sums[header.indexOf("stream_colocation_usd")])
                .isCloseTo(s.streamTotalUsd("colocation"), within(tol));
        assertThat(sums[header.indexOf("btc_mined")]).isCloseTo(s.btcMined(), within(1e-12 * rows + 1e-15));
        assertThat(sums[header.indexOf("import_mw")] * h).isCloseTo(s.energy().energyImportedMwh(), within(tol * h));
        assertThat(sums[header.indexOf("load_class_mining_mw")] * h)
                .isCloseTo(s.energy().minerEnergyMwh(), within(tol * h));
        double perLoadMining = 0;
        for (int f = 0; f < fleetCount; f++) {
            perLoadMining += sums[header.indexOf("load_fleet " + f + "_mw")];
        }
        assertThat(perLoadMining).isCloseTo(sums[header.indexOf("load_class_mining_mw")], within(tol));
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<Integer> steps() {
        return net.jqwik.api.Arbitraries.of(5, 15, 60, 1440);
    }
}
