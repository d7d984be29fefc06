package io.minerai.planning.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.minerai.core.ai.AiEconomics;
import io.minerai.planning.Fixtures;
import io.minerai.planning.PlanReader;
import io.minerai.planning.model.LeasePlan;
import io.minerai.planning.model.Plan;
import io.minerai.planning.montecarlo.PlanSimulation;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

/** Hand-computed revenue lines, each cross-checked against the formula written in the test. */
class EconomicsTest {

    @Test
    void leaseRentWithEscalator() {
        // 20 MW at $150/kW-month, 3 %/yr escalator, 48 months from month 8
        LeasePlan l = new LeasePlan("l", "h", "t", 20, 150, 0.03, 48, 8, "", 0, 0, 0.85);
        // lease year 1: 20,000 kW x $150 = $3,000,000 a month
        assertThat(l.rentUsd(8)).isCloseTo(3_000_000, within(1e-6));
        assertThat(l.rentUsd(19)).isCloseTo(3_000_000, within(1e-6));
        // lease year 2: x 1.03 = $3,090,000
        assertThat(l.rentUsd(20)).isCloseTo(3_090_000, within(1e-6));
        assertThat(l.rentUsd(7)).isZero();
        assertThat(l.rentUsd(56)).isZero();
        double total = 0;
        for (int t = 0; t < 100; t++) {
            total += l.rentUsd(t);
        }
        // formula: kW x $/kW-month x 12 x sum_{y=0..3} 1.03^y
        double formula = 20_000 * 150 * 12 * (1 + 1.03 + 1.03 * 1.03 + Math.pow(1.03, 3));
        assertThat(total).isCloseTo(formula, within(1e-3));
        assertThat(total).isCloseTo(150_610_572, within(1.0));
        // core's formula agrees for whole months
        assertThat(AiEconomics.colocationRentUsd(20, AiEconomics.escalatedPriceUsdPerKwMonth(150, 0.03, 1), 12))
                .isCloseTo(12 * l.rentUsd(20), within(1e-6));
    }

    @Test
    void gpuCloudRevenuePerMw() {
        // 1 MW of critical IT at 1.275 kW per GPU = 784.3 GPUs; $2.50/h x 80 % x 8,760 h
        double perMwYear = AiEconomics.gpuCloudRevenueUsdPerItMwYear(2.5, 0.8, 1.275);
        double formula = 1000 / 1.275 * 2.5 * 0.8 * 8760;
        assertThat(perMwYear).isCloseTo(formula, within(1e-6));
        assertThat(perMwYear).isCloseTo(13_741_176.47, within(0.01));
    }

    @Test
    void engineLinesMatchHandComputation() {
        // a lease-only and a GPU-only strategy on a flat deck with no volatility: month lines checked by hand
        Plan plan = PlanReader.parse(Fixtures.smallPlanYaml(Fixtures.DECK), "small");
        PlanSimulation sim = PlanSimulation.deterministicOf(plan, MarketData.none());
        CashFlowTable lease = sim.deterministicTable(plan.strategy("lease").orElseThrow());
        // month 8 (lease year 1): NOI = 20,000 kW x $150 x 0.85
        assertThat(lease.rows().get(8).revenue().leaseUsd()
                        - lease.rows().get(8).costs().leaseOpexUsd())
                .isCloseTo(20_000 * 150 * 0.85, within(1e-6));
        assertThat(lease.rows().get(20).revenue().leaseUsd()
                        - lease.rows().get(20).costs().leaseOpexUsd())
                .isCloseTo(20_000 * 150 * 1.03 * 0.85, within(1e-6));
        // hall capex: 40 MW x (8 M + 1.5 M liquid) over 6 months from month 2 = $63.33 M a month
        assertThat(lease.rows().get(2).equity().capexUsd()).isCloseTo(40 * 9_500_000 / 6.0, within(1e-3));
        // ASIC purchase in month 6: 1 EH/s = 1e6 TH x $15 on top
        assertThat(lease.rows().get(6).equity().capexUsd()).isCloseTo(40 * 9_500_000 / 6.0 + 15e6, within(1e-3));

        CashFlowTable gpu = sim.deterministicTable(plan.strategy("gpu").orElseThrow());
        // hall ready in month 8; January 2026 + 8 = September (30 days = 720 h)
        YearMonth sep = YearMonth.of(2026, 9);
        assertThat(sim.grid().month(8)).isEqualTo(sep);
        double hours = 720;
        // revenue in the first month: 15,000 GPUs x $2.50 x 0.8 x 720 h (no decline at age 0)
        assertThat(gpu.rows().get(8).revenue().gpuSpotUsd()).isCloseTo(15_000 * 2.5 * 0.8 * hours, within(1e-6));
        // month 20, age 1 year: x (1 - 0.2)
        double hours20 = sim.grid().hours(20);
        assertThat(gpu.rows().get(20).revenue().gpuSpotUsd())
                .isCloseTo(15_000 * 2.5 * 0.8 * hours20 * 0.8, within(1e-6));
        // GPU power: 15,000 x 1.275 kW x PUE 1.25 = 23.906 MW at ($40 deck + $3 adder) in year 1
        assertThat(gpu.rows().get(8).costs().gpuPowerUsd())
                .isCloseTo(15_000 * 1.275 / 1000 * 1.25 * hours * 43, within(1e-6));
        // year 2 of the deck escalates 2 %: month 12 pays 40 x 1.02 + 3
        assertThat(gpu.rows().get(12).costs().gpuPowerUsd())
                .isCloseTo(15_000 * 1.275 / 1000 * 1.25 * sim.grid().hours(12) * (40 * 1.02 + 3), within(1e-6));
    }

    @Test
    void miningRevenueFollowsHashprice() {
        Plan plan = PlanReader.parse(Fixtures.smallPlanYaml(Fixtures.DECK), "small");
        PlanSimulation sim = PlanSimulation.deterministicOf(plan, MarketData.none());
        CashFlowTable mine = sim.deterministicTable(plan.strategy("mine").orElseThrow());
        MonthRow r = mine.rows().get(0);
        // subsidy at height 1,040,000: 3.125 BTC; fees 0.03; price $90,000; 1,100 EH/s = 1.1e9 TH/s
        double usdPerThDay = (3.125 + 0.03) * 144 * 90_000 / 1.1e9;
        assertThat(r.market().hashpriceUsdPerPhDay()).isCloseTo(usdPerThDay * 1000, within(1e-9));
        // fleet 5.5 EH/s x 17.5 J/TH = 96.25 MW IT, capped by 100 MW / 1.1 = 90.909 MW IT -> 100 MW facility
        assertThat(r.market().miningFacilityMw()).isCloseTo(100, within(1e-9));
        // revenue per MWh at the meter: hashprice / (17.5 x 24e-6 x 1.1); well above $43 -> runs all month
        double perMwh = usdPerThDay / (17.5 * 24e-6 * 1.1);
        assertThat(r.market().miningRunFraction()).isEqualTo(1.0);
        assertThat(r.revenue().miningUsd()).isCloseTo(100 * 744 * perMwh, within(1e-3));
        assertThat(r.costs().miningPowerUsd()).isCloseTo(100 * 744 * 43, within(1e-6));
        // the next halving (1,050,000) falls in month 1..2: about 10,000 blocks later (~69 days)
        int halvingMonth = -1;
        for (int t = 1; t < 6; t++) {
            if (mine.rows().get(t).market().hashpriceUsdPerPhDay()
                    < 0.75 * r.market().hashpriceUsdPerPhDay()) {
                halvingMonth = t;
                break;
            }
        }
        assertThat(halvingMonth).isEqualTo(2);
    }
}
