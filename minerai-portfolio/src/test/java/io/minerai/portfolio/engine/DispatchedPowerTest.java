package io.minerai.portfolio.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.minerai.core.inputs.ScenarioInputs;
import io.minerai.core.scenario.DocumentText;
import io.minerai.core.scenario.Scenario;
import io.minerai.core.scenario.ScenarioReader;
import io.minerai.core.time.TimeGrid;
import io.minerai.data.resolve.InputResolver;
import io.minerai.dispatch.DispatchResult;
import io.minerai.dispatch.SettlementTerms;
import io.minerai.dispatch.ledger.Ledger;
import io.minerai.dispatch.program.CoincidentPeakCharge;
import io.minerai.dispatch.settle.SiteMeasures;
import io.minerai.optimize.ScenarioSettlement;
import io.minerai.planning.engine.PowerDay;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The power days a plan's firm loads are priced on (issue 16 item 5): in an interval where the dispatched site imported
 * nothing, e.g. a 4CP peak its miners sat out, a firm MW (a contracted GPU hall) would still have paid the peak's
 * transmission charge, so the hour's all-in price includes it. Checked on the bundled portfolio site (HB_WEST, 2024,
 * ERCOT 4CP at $60/kW-year, an assumption of that example) with a less efficient fleet: each 4CP peak hour with no
 * import is $60,000 / 4 = $15,000/MWh dearer than the market price plus adders, and every other hour is unchanged.
 */
class DispatchedPowerTest {
    @Test
    void anHourTheSiteSatOutInA4cpPeakCostsAFirmMegawattThePeakCharge() {
        // the bundled site mines through the 2024 peaks (HB_WEST was at $14-28/MWh then, below its revenue per MWh);
        // with machines twenty times less efficient (70,000 W for 200 TH/s, synthetic: about $6/MWh of revenue) its
        // merit order sits them out
        Scenario s = ScenarioReader.parse(
                DocumentText.resource(DispatchedPower.class, "/io/minerai/portfolio/example/site-west-texas.yaml")
                        .replace("unitPowerW: 3500", "unitPowerW: 70000"),
                "site-west-texas, inefficient fleet");
        Path dir = Path.of(".");
        ScenarioInputs inputs = InputResolver.resolve(s, dir);
        DispatchResult result = ScenarioSettlement.meritOrder(s, inputs, dir);
        Ledger ledger = result.ledger();
        TimeGrid grid = ledger.grid();
        SettlementTerms terms = ScenarioSettlement.terms(s, inputs, dir);
        CoincidentPeakCharge cp = terms.coincidentPeak().orElseThrow();
        assertThat(cp.usdPerMwInPeak()).isEqualTo(15_000.0); // $60/kW-year x 1,000 / 4 peaks
        double[] firm = DispatchedPower.firmChargesUsdPerMwh(terms, grid);
        SiteModel.PowerInfo before = DispatchedPower.fromLedger(s, ledger);
        SiteModel.PowerInfo after = DispatchedPower.of(s, dir);
        Map<LocalDate, double[]> b = byDate(before);
        Map<LocalDate, double[]> a = byDate(after);
        double[] imported = ledger.values(SiteMeasures.IMPORT);
        ZoneOffset offset = DispatchedPower.localOffset(grid);
        int satOut = 0;
        double expectedShift = 0;
        for (int t = 0; t < grid.count(); t++) {
            if (!cp.isPeak(t)) {
                assertThat(firm[t]).isZero();
                continue;
            }
            assertThat(firm[t]).isEqualTo(15_000.0); // hourly grid: one interval per hour
            ZonedDateTime local = grid.start(t).atZone(offset);
            double[] hb = b.getOrDefault(local.toLocalDate(), new double[0]);
            double[] ha = a.getOrDefault(local.toLocalDate(), new double[0]);
            if (hb.length == 0 || ha.length == 0) {
                continue; // not a whole day of prices
            }
            if (imported[t] * grid.stepHours() <= 1e-9) {
                satOut++;
                expectedShift += 15_000;
                assertThat(ha[local.getHour()] - hb[local.getHour()]).isCloseTo(15_000, within(1e-6));
            } else {
                // it imported: what it paid per MWh already holds the charge
                assertThat(ha[local.getHour()]).isEqualTo(hb[local.getHour()]);
            }
        }
        assertThat(satOut).as("4CP peak hours the site sat out").isPositive();
        double shift = 0;
        for (Map.Entry<LocalDate, double[]> e : a.entrySet()) {
            for (int h = 0; h < 24; h++) {
                shift += e.getValue()[h] - b.getOrDefault(e.getKey(), new double[24])[h];
            }
        }
        assertThat(shift).isCloseTo(expectedShift, within(1e-3));
        assertThat(after.meanAllInUsdPerMwh()).isGreaterThan(before.meanAllInUsdPerMwh());
    }

    private static Map<LocalDate, double[]> byDate(SiteModel.PowerInfo p) {
        Map<LocalDate, double[]> m = new HashMap<>();
        for (PowerDay d : p.days()) {
            m.put(d.date(), d.pricesUsdPerMwh());
        }
        return m;
    }
}
