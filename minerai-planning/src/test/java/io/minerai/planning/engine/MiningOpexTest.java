package io.minerai.planning.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.minerai.planning.Fixtures;
import io.minerai.planning.PlanReader;
import io.minerai.planning.finance.Discounting;
import io.minerai.planning.model.Plan;
import io.minerai.planning.montecarlo.PlanSimulation;
import org.junit.jupiter.api.Test;

/**
 * Mining opex is per MW in use: it stops when mining stops (power above breakeven), unless a standby cost is given.
 * The small plan's 100 MW fleet has opex $3,000/MW-month; its site costs $300,000 a month. Fails on the code before
 * the fix, which charged $300,000 of opex every month whether the machines ran or not.
 */
class MiningOpexTest {
    private static Plan plan(String deck, String extraMining) {
        return PlanReader.parse(
                Fixtures.smallPlanYaml(deck)
                        .replace("opexUsdPerMwMonth: 3000}", "opexUsdPerMwMonth: 3000" + extraMining + "}"),
                "small");
    }

    /** $1,000/MWh: far above the fleet's revenue per MWh (about $46 at $90,000 and 1,100 EH/s). */
    private static final String EXPENSIVE = "{source: deck, usdPerMwh: 1000}";

    @Test
    void opexStopsWhenMiningStops() {
        Plan p = plan(EXPENSIVE, "");
        PlanSimulation sim = PlanSimulation.deterministicOf(p, MarketData.none());
        CashFlowTable mine = sim.deterministicTable(p.strategy("mine").orElseThrow());
        MonthRow r = mine.rows().get(0);
        assertThat(r.market().miningFacilityMw()).isCloseTo(100, within(1e-9));
        assertThat(r.market().miningRunFraction()).isZero();
        assertThat(r.costs().miningOpexUsd()).isZero();
        assertThat(r.costs().miningPowerUsd()).isZero();
        // EBITDA = - site opex 200,000 - overhead 100,000; losses, no tax, no terminal value (EBITDA < 0)
        assertThat(r.ebitdaUsd()).isCloseTo(-300_000, within(1e-6));
        double[] d = Discounting.factors(0.12, 60);
        double npv = 0;
        for (double f : d) {
            npv += -300_000 * f;
        }
        assertThat(mine.baselineOutcome().npvUsd()).isCloseTo(npv, within(1e-3));
        // the fast engine agrees
        var mc = sim.deterministicRun(
                java.util.List.of(p.strategy("mine").orElseThrow()),
                io.minerai.planning.montecarlo.RunSettings.defaults());
        assertThat(mc.summaries().get(0).meanNpvUsd()).isCloseTo(npv, within(1e-3));
    }

    @Test
    void standbyOpexIsChargedForTheHoursTheMachinesAreOff() {
        Plan p = plan(EXPENSIVE, ", standbyOpexUsdPerMwMonth: 500");
        CashFlowTable mine = PlanSimulation.deterministicOf(p, MarketData.none())
                .deterministicTable(p.strategy("mine").orElseThrow());
        // 100 MW x $500 standby, all month off
        assertThat(mine.rows().get(0).costs().miningOpexUsd()).isCloseTo(50_000, within(1e-6));
    }

    @Test
    void opexIsChargedInFullWhenMiningRunsAllMonth() {
        Plan p = plan(Fixtures.DECK, ", standbyOpexUsdPerMwMonth: 500");
        CashFlowTable mine = PlanSimulation.deterministicOf(p, MarketData.none())
                .deterministicTable(p.strategy("mine").orElseThrow());
        MonthRow r = mine.rows().get(0);
        assertThat(r.market().miningRunFraction()).isEqualTo(1.0);
        assertThat(r.costs().miningOpexUsd()).isCloseTo(100 * 3000, within(1e-6));
    }
}
