package io.minerai.dispatch.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.minerai.core.inputs.ScenarioInputs;
import io.minerai.core.site.ColocationLease;
import io.minerai.core.site.Site;
import io.minerai.core.time.TimeGrid;
import io.minerai.dispatch.Dispatch;
import io.minerai.dispatch.DispatchResult;
import io.minerai.dispatch.Fixtures;
import io.minerai.dispatch.MeritOrderPolicy;
import io.minerai.dispatch.Settlement;
import io.minerai.dispatch.SettlementTerms;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Hand-computed ERCOT programs: the 12CP what-if with a minimum billing demand, and the SB 6 demand-reduction service
 * honoured by the merit-order policy. Synthetic prices (labelled: not ERCOT data).
 */
class ErcotProgramsTest {

    /** A 30 MW curtailable miner fleet and a firm 2 MW colocation tenant (PUE 1); import cap 40 MW. */
    private static final Site SITE = Fixtures.site(
            Fixtures.grid(40, false, 0, 0),
            List.of(Fixtures.fleet("miners", 10_000, 100, 3000)),
            List.of(),
            List.of(new ColocationLease("tenant", "t", 2, 100, 1.0, 1.0, false)),
            List.of(),
            Optional.empty());

    /** BTC pays the miners $50/MWh (0.036 $/TH/day x 1e6 TH/s / 24 h / 30 MWh), so they run below that price. */
    private static ScenarioInputs inputs(double... prices) {
        return Fixtures.inputs(Fixtures.hourly(prices.length), prices, 4.5e-7, 80_000, new double[0][]);
    }

    @Test
    void twelveCpMinimumBillingDemandBindsWhenTheTagIsLower() {
        // peaks in hours 1 and 3 of the run (two of the twelve months' peaks); the site imports 32 MW in both
        // tag = (32 + 32) / 12 = 5.333 MW < minimum billing 20 MW: billed 20 MW x $60/kW-year x 1000 = $1,200,000;
        // each peak interval carries 32 x 60,000 / 12 = $160,000, the last one the minimum-billing top-up of
        // (20 - 5.333) x 60,000 = $880,000
        ScenarioInputs in = inputs(30, 30, 30, 30);
        boolean[] peaks = {false, true, false, true};
        CoincidentPeakCharge cp = new CoincidentPeakCharge(
                "ercot-12cp", MarketTerms.TRANSMISSION_12CP, "tagMw", 12, 60 * 1000.0, 20, peaks);
        Dispatch d = new MeritOrderPolicy().decide(SITE, in);
        DispatchResult r = Settlement.settle(SITE, in, d, SettlementTerms.of(List.of(cp)));
        double[] charge = r.ledger().amountsOrZero("transmission_12cp");
        assertThat(d.importMw()[1]).isCloseTo(32, within(1e-9));
        assertThat(charge[0]).isZero();
        assertThat(charge[1]).isCloseTo(-160_000, within(1e-6));
        assertThat(charge[3]).isCloseTo(-160_000 - 880_000, within(1e-6));
        assertThat(r.summary().streamTotalUsd("transmission_12cp")).isCloseTo(-1_200_000, within(1e-6));
        assertThat(r.summary().programFact("ercot-12cp", "tagMw")).isCloseTo(64.0 / 12, within(1e-12));
        assertThat(r.summary().programFact("ercot-12cp", "billedMw")).isCloseTo(20, within(1e-12));
    }

    @Test
    void demandReductionEventsLimitImportAndPayForCommitment() {
        // in force all four hours, an event in hour 2 with firm service level 10 MW; the merit-order policy knows it
        // ahead and runs the miners at (10 - 2) / 30 of their power; committed 30 MW x $8/MW-h x 4 h = $960; no penalty
        ScenarioInputs in = inputs(30, 30, 30, 30);
        boolean[] all = {true, true, true, true};
        boolean[] event = {false, false, true, false};
        DemandReductionService sb6 = new DemandReductionService(30, 10, 8, 1000, all, event);
        SettlementTerms terms = SettlementTerms.of(List.of(sb6));
        Dispatch d = MeritOrderPolicy.under(terms).decide(SITE, in);
        assertThat(d.importMw()[2]).isCloseTo(10, within(1e-9));
        assertThat(d.fraction(2, 0)).isCloseTo(8.0 / 30, within(1e-12));
        assertThat(d.importMw()[1]).isCloseTo(32, within(1e-9));
        DispatchResult r = Settlement.settle(SITE, in, d, terms);
        assertThat(r.summary().streamTotalUsd("demand_reduction_availability")).isCloseTo(960, within(1e-9));
        assertThat(r.summary().streamTotalUsd("demand_reduction_penalty")).isZero();
        assertThat(r.summary().programFact(DemandReductionService.PROGRAM, "eventHours"))
                .isEqualTo(1.0);
    }

    @Test
    void importAboveTheFirmServiceLevelInAnEventIsPenalised() {
        // a policy that ignores the event (the plain merit order) imports 32 MW in the event hour: 22 MWh above the
        // 10 MW level x $1,000 = $22,000 of non-performance
        ScenarioInputs in = inputs(30, 30, 30, 30);
        boolean[] all = {true, true, true, true};
        DemandReductionService sb6 =
                new DemandReductionService(30, 10, 8, 1000, all, new boolean[] {false, false, true, false});
        Dispatch d = new MeritOrderPolicy().decide(SITE, in);
        DispatchResult r = Settlement.settle(SITE, in, d, SettlementTerms.of(List.of(sb6)));
        assertThat(r.summary().streamTotalUsd("demand_reduction_penalty")).isCloseTo(-22_000, within(1e-9));
        assertThat(r.summary().programFact(DemandReductionService.PROGRAM, "nonPerformanceMwh"))
                .isCloseTo(22, within(1e-12));
    }

    @Test
    void firmLoadAboveTheLevelStillRunsAndIsPenalised() {
        // a firm service level below the firm tenant's 2 MW: the tenant keeps running, miners stop, 1 MWh over
        ScenarioInputs in = inputs(30);
        DemandReductionService sb6 =
                new DemandReductionService(30, 1, 8, 1000, new boolean[] {true}, new boolean[] {true});
        SettlementTerms terms = SettlementTerms.of(List.of(sb6));
        Dispatch d = MeritOrderPolicy.under(terms).decide(SITE, in);
        assertThat(d.importMw()[0]).isCloseTo(2, within(1e-9));
        assertThat(d.fraction(0, 0)).isZero();
        DispatchResult r = Settlement.settle(SITE, in, d, terms);
        assertThat(r.summary().streamTotalUsd("demand_reduction_penalty")).isCloseTo(-1000, within(1e-9));
        TimeGrid g = in.grid();
        assertThat(g.count()).isEqualTo(1);
    }
}
