package io.minerai.planning.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.minerai.planning.PlanReader;
import io.minerai.planning.model.Plan;
import io.minerai.planning.montecarlo.PlanSimulation;
import io.minerai.planning.montecarlo.StrategySummary;
import io.minerai.planning.run.PlanRun;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Contracted GPU capacity is firm load in the power cost the plan uses (issue 16 item 5, plan side): it runs every hour
 * and pays every hour's price, the dearest too, unless its contract allows curtailment, and then only within the
 * allowance and against its service credits. Checked by hand on a small synthetic power bank: each calendar month is
 * one day of 24 hourly prices (22 hours at $40/MWh, one at $1,000 and one at $5,000), so in the deterministic (pooled)
 * month each price stands for 1/24 of the month's hours (31 hours in January).
 */
class ContractCurtailmentTest {
    /** Labelled synthetic: one day per calendar month, $40 x 22, $1,000, $5,000. */
    static List<PowerDay> days() {
        double[] prices = new double[24];
        Arrays.fill(prices, 40);
        prices[17] = 1_000;
        prices[18] = 5_000;
        List<PowerDay> out = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            out.add(new PowerDay(LocalDate.of(2025, m, 1), prices));
        }
        return out;
    }

    private static Plan plan(String contractExtra) {
        String yaml = """
                plan:
                  name: firm
                  start: 2026-01
                  horizonMonths: 36
                  site: {name: paper, gridMw: 10}
                  power: {source: ercot-resampled, settlementPoint: HB_WEST}
                  bitcoin: {startPriceUsdPerBtc: 90000, startNetworkHashrateEhPerS: 1100, startBlockHeight: 1040000}
                  mining: {hashrateEhPerS: 0, efficiencyJPerTh: 17.5}
                  cooling:
                    air: {pue: 1.0, capexUsdPerMwIt: 0}
                  halls:
                    - {name: h, criticalItMw: 1, cooling: air, startMonth: 0, leadTimeMonths: 0, capexUsdPerMwCriticalIt: 0}
                  gpuClouds:
                    - {name: g, hall: h, gpuCount: 1000, usdPerGpu: 30000, itKwPerGpu: 1.0, lifeYears: 5,
                       priceUsdPerGpuHour: 3.0, priceDeclinePerYear: 0.2, utilizationFraction: 0.8}
                  gpuContracts:
                    - {name: c, gpuCloud: g, customer: acme, termMonths: 24, usdPerGpuHour: 2.0,
                       availabilityFraction: 1, slaAvailabilityFraction: 1, endOfTerm: sell%s}
                  valuation: {discountRatePerYear: 0.12, taxRate: 0, terminalEbitdaMultiple: 0}
                  strategies:
                    - {name: idle}
                    - {name: contract, halls: [h], gpuClouds: [g], contracts: [c]}
                  uncertainty: {paths: 4, seed: 3, btcVolatilityScale: 0, hashrateNoisePerMonth: 0,
                    feesLogSdPerMonth: 0, gpuDeclineSdPerYear: 0, powerResampling: false, tenantDefaults: false}
                """.formatted(contractExtra);
        return PlanReader.parse(yaml, "firm");
    }

    private static MonthRow january(Plan p) {
        return PlanSimulation.deterministicOf(p, new MarketData(BtcReturns.flat(), days()))
                .deterministicTable(p.strategy("contract").orElseThrow())
                .rows()
                .get(0);
    }

    @Test
    void aFirmContractPaysEveryHoursPowerTheDearestToo() {
        MonthRow jan = january(plan(""));
        // 1 MW (1,000 GPUs x 1 kW, PUE 1) for 744 hours at the mean of the month's prices:
        // (22 x 40 + 1,000 + 5,000) / 24 = $286.67/MWh -> $213,280, the $5,000 hour included
        assertThat(jan.costs().gpuPowerUsd()).isCloseTo(744 * (22 * 40 + 1_000 + 5_000) / 24.0, within(1e-6));
        assertThat(jan.costs().gpuPowerUsd()).isCloseTo(213_280, within(1e-6));
        assertThat(jan.revenue().gpuContractUsd()).isCloseTo(1000 * 2.0 * 744, within(1e-6));
    }

    @Test
    void aCurtailmentAllowanceIsUsedInTheDearestHoursAboveTheCreditAndPaysItsCredits() {
        // 372 hours a year = 31 a month: in January one of the 24 prices (31 of 744 hours). Credit 1 x $2.00 per
        // GPU-hour = $2.00 / 0.001 MW = $2,000/MWh: only the $5,000 hour is worth curtailing.
        MonthRow jan = january(plan(", curtailmentHoursPerYear: 372"));
        // power: the firm $213,280 less the $5,000 hour: 1 MW x 744 h x 5,000 / 24 = $155,000 -> $58,280
        assertThat(jan.costs().gpuPowerUsd()).isCloseTo(213_280 - 155_000, within(1e-6));
        // credit: 1,000 GPUs x 31 hours x $2.00 = $62,000 off the $1,488,000 fee
        assertThat(jan.revenue().gpuContractUsd()).isCloseTo(1_488_000 - 62_000, within(1e-6));
        // a credit of 3 x the price ($6,000/MWh) is worth more than any hour saves: nothing is curtailed
        MonthRow dear = january(plan(", curtailmentHoursPerYear: 372, curtailmentCreditMultiple: 3"));
        assertThat(dear.costs().gpuPowerUsd()).isCloseTo(213_280, within(1e-6));
        assertThat(dear.revenue().gpuContractUsd()).isCloseTo(1_488_000, within(1e-6));
        // twice the allowance (62 hours a month, two of the prices) still curtails only the hour above $2,000
        MonthRow twice = january(plan(", curtailmentHoursPerYear: 744"));
        assertThat(twice.costs().gpuPowerUsd()).isCloseTo(58_280, within(1e-6));
        // the Monte Carlo engine agrees, and the GPU-hours curtailed and delivered follow: plan year 1 has 8,760
        // hours, every month gives up 1/24 of its hours: 1,000 x 8,760 / 24 = 365,000 GPU-hours
        Plan p = plan(", curtailmentHoursPerYear: 372");
        PlanRun run = GpuGenerationTest.run(p, List.of("idle", "contract"), new MarketData(BtcReturns.flat(), days()));
        StrategySummary s = run.monteCarlo().summaries().get(1);
        assertThat(s.computeByYear().get(0).meanGpuHoursDelivered()).isCloseTo(1000 * 8760 * 23 / 24.0, within(1e-6));
        // the term's two years (2026, 2027: 17,520 hours) curtailed 1/24 of the time x 1,000 GPUs
        assertThat(s.meanCurtailedGpuHours()).isCloseTo(1000 * (8760 + 8760) / 24.0, within(1e-6));
        assertThat(run.monteCarlo().paths().get(1).npvUsd()[0])
                .isCloseTo(
                        run.table(run.casesOf("contract").get(0))
                                .baselineOutcome()
                                .npvUsd(),
                        within(1e-3));
    }

    @Test
    void gpusSoldAtTheEndOfTheTermEarnNothingAfterwards() {
        // the contract ends in month 24 with 'sell': the 1,000 GPUs are sold then (at 42.5 % of $30,000 at age 2,
        // the default resale curve), so from month 24 there is neither spot revenue nor power
        Plan p = plan("");
        List<MonthRow> rows = PlanSimulation.deterministicOf(p, new MarketData(BtcReturns.flat(), days()))
                .deterministicTable(p.strategy("contract").orElseThrow())
                .rows();
        assertThat(rows.get(24).equity().saleProceedsUsd()).isCloseTo(1000 * 30_000 * 0.425, within(1e-6));
        assertThat(rows.get(24).revenue().gpuSpotUsd()).isZero();
        assertThat(rows.get(24).costs().gpuPowerUsd()).isZero();
        assertThat(rows.get(23).revenue().gpuContractUsd()).isCloseTo(1000 * 2.0 * 744, within(1e-6));
    }
}
