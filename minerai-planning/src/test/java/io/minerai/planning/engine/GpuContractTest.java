package io.minerai.planning.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.minerai.planning.Fixtures;
import io.minerai.planning.PlanReader;
import io.minerai.planning.finance.Discounting;
import io.minerai.planning.finance.Irr;
import io.minerai.planning.finance.LoanSchedule;
import io.minerai.planning.model.Plan;
import io.minerai.planning.montecarlo.PlanSimulation;
import io.minerai.planning.montecarlo.RunSettings;
import io.minerai.planning.run.PlanRun;
import io.minerai.planning.run.PlanRunner;
import io.minerai.planning.run.VariantComparison;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The GPU contract of {@link Fixtures#contractPlanYaml}, checked against figures computed here on paper. */
class GpuContractTest {
    private static Plan plan(String cloudExtra, String contractExtra) {
        return PlanReader.parse(Fixtures.contractPlanYaml(cloudExtra, contractExtra), "contract");
    }

    private static double hours(int t) {
        return YearMonth.of(2026, 1).plusMonths(t).lengthOfMonth() * 24.0;
    }

    @Test
    void aFiveYearContractTwentyPercentPrepaidAtAFlatPrice() {
        Plan p = plan("", "");
        PlanSimulation sim = PlanSimulation.deterministicOf(p, MarketData.none());
        CashFlowTable t = sim.deterministicTable(p.strategy("contract").orElseThrow());
        // fee of month m: 1,000 GPUs x $1.50 x hours; total value over 60 months; 20 % of it paid in month 0
        double total = 0;
        for (int m = 0; m < 60; m++) {
            total += 1000 * 1.5 * hours(m);
        }
        assertThat(total).isCloseTo(1000 * 1.5 * 43_824, within(1e-6)); // 1,826 days in 2026-01..2030-12
        double prepay = 0.2 * total;
        double[] hand = new double[120];
        for (int m = 0; m < 60; m++) {
            // 80 % of the fee in cash, 1 MW of GPUs at $50/MWh
            hand[m] = 0.8 * 1000 * 1.5 * hours(m) - 1.0 * hours(m) * 50;
        }
        hand[0] += prepay - 1000 * 30_000.0;
        // retired (and the term ends) in month 60: sold at 5 % of $30,000
        hand[60] += 1000 * 30_000.0 * 0.05;
        double[] engine = t.equityCashFlowsUsd();
        for (int m = 0; m < 120; m++) {
            assertThat(engine[m]).as("equity cash flow of month %d", m).isCloseTo(hand[m], within(1e-4));
        }
        assertThat(t.rows().get(0).revenue().gpuContractUsd())
                .isCloseTo(prepay + 0.8 * 1000 * 1.5 * hours(0), within(1e-6));
        assertThat(t.rows().get(5).revenue().gpuSpotUsd()).isZero();
        assertThat(t.rows().get(60).equity().saleProceedsUsd()).isCloseTo(1_500_000, within(1e-6));
        // the NPV is the discounted sum of those flows
        double npv = 0;
        double[] d = Discounting.factors(0.12, 120);
        for (int m = 0; m < 120; m++) {
            npv += hand[m] * d[m];
        }
        assertThat(t.baselineOutcome().npvUsd()).isCloseTo(npv, within(1e-3));
        // equipment flows: the same here (no other assets, no tax); their IRR is a root of the hand flows
        double[] equipment = t.contractEquipmentFlowsUsd().get(0);
        assertThat(Arrays.copyOf(equipment, 61)).containsExactly(Arrays.copyOf(hand, 61), within(1e-4));
        double irr = Irr.yearly(equipment, 120);
        // 4.9629 %/month = 78.83 %/yr: found by bisection of the flows above outside the engine (prepaid 20 % of
        // $65,736,000 = $13,147,200 against $30 M of GPUs, then about $1.6 M a month)
        assertThat(irr).isCloseTo(0.78826, within(1e-4));
        double monthly = Discounting.monthlyRate(irr);
        assertThat(Discounting.npvMonthly(monthly, hand, 120)).isCloseTo(0, within(1e-3));
    }

    @Test
    void aLoanSizedByTheMinimumDscrOnTheContract() {
        Plan p = plan("", "");
        LoanSchedule loan = StrategySchedule.loan(p, p.facility("cb").orElseThrow(), 120, fifty());
        // net cash of month m: 0.8 x 1,000 x $1.50 x hours - 1 MW x hours x $50 = 1,150 x hours; the lowest over the
        // service months 1..48 is February (672 h): 772,800; / 1.25 = 618,240 a month; annuity factor at 1 %/month
        // over 48 months: (1 - 1.01^-48) / 0.01 = 37.97396
        double factor = (1 - Math.pow(1.01, -48)) / 0.01;
        assertThat(factor).isCloseTo(37.97396, within(1e-5));
        double size = 1150 * 672 / 1.25 * factor;
        assertThat(size).isCloseTo(23_477_020.7, within(0.1));
        assertThat(loan.drawUsd()[0]).isCloseTo(size, within(1e-4));
        assertThat(loan.debtServiceUsd(1)).isCloseTo(1150 * 672 / 1.25, within(1e-4));
        assertThat(loan.debtServiceUsd(48)).isCloseTo(1150 * 672 / 1.25, within(1e-4));
        assertThat(loan.balanceUsd()[48]).isCloseTo(0, within(1e-4));
        // a lower cap binds: 50 % of $30 M
        Plan capped = plan("", "")
                .withFinancing(p.financing()
                        .withFacilities(List.of(new io.minerai.planning.model.Facility.ContractBacked(
                                "cb", "c", 1.25, 0.5, 0.12, io.minerai.planning.model.Amortization.ANNUITY, 48, 0))));
        assertThat(StrategySchedule.loan(capped, capped.facility("cb").orElseThrow(), 120, fifty())
                        .drawUsd()[0])
                .isEqualTo(15_000_000);
    }

    private static double[] fifty() {
        double[] p = new double[120];
        Arrays.fill(p, 50);
        return p;
    }

    @Test
    void aCustomerDefaultInMonth30StopsThePaymentsAndAcceleratesTheLoan() {
        Plan p = plan("", "");
        PlanSimulation sim = PlanSimulation.deterministicOf(p, MarketData.none());
        StrategySchedule s =
                StrategySchedule.compile(sim.plan(), p.strategy("contract-loan").orElseThrow(), sim.market());
        MarketPath deck = sim.market().path(0);
        MarketPath defaulted = new MarketPath(
                deck.priceUsdPerBtc(),
                deck.networkHashrateThPerS(),
                deck.feesBtcPerBlock(),
                deck.powerEntry(),
                deck.gpuDeclineShiftPerYear(),
                deck.leaseDefaultMonth(),
                new int[] {30});
        CashFlowTable base = CashFlowTable.evaluate(s, sim.market().bank(), deck);
        CashFlowTable t = CashFlowTable.evaluate(s, sim.market().bank(), defaulted);
        // before: unchanged
        assertThat(t.rows().get(29).revenue().gpuContractUsd()).isCloseTo(0.8 * 1000 * 1.5 * hours(29), within(1e-6));
        // from month 30: no payment (no backstop); the 1,000 GPUs earn the spot price at age 2.5 years
        double spot30 = 2.0 * Math.exp(Math.log(0.8) * 2.5);
        assertThat(spot30).isCloseTo(1.1449, within(1e-4));
        assertThat(t.rows().get(30).revenue().gpuContractUsd()).isZero();
        assertThat(t.rows().get(30).revenue().gpuSpotUsd()).isCloseTo(1000 * spot30 * 0.8 * hours(30), within(1e-6));
        // the loan: month 30 pays the month's interest and the whole balance owed at the end of month 29
        LoanSchedule planned = s.facilityLines().get(0).schedule();
        LoanSchedule called = t.facilities().get(0).schedule();
        double owed = planned.balanceUsd()[29];
        assertThat(owed).isPositive();
        assertThat(called.principalUsd()[30]).isCloseTo(owed, within(1e-6));
        assertThat(called.interestPaidUsd()[30]).isCloseTo(owed * 0.01, within(1e-6));
        assertThat(called.balanceUsd()[30]).isZero();
        assertThat(called.debtServiceUsd(31)).isZero();
        assertThat(t.rows().get(30).debt().serviceUsd()).isCloseTo(owed * 1.01, within(1e-6));
        // equity of month 30: CFADS (spot revenue - power, no tax) - the accelerated service
        assertThat(t.equityCashFlowsUsd()[30])
                .isCloseTo(1000 * spot30 * 0.8 * hours(30) - hours(30) * 50 - owed * 1.01, within(1e-4));
        // month 31: the planned service is gone
        assertThat(base.rows().get(31).debt().serviceUsd()).isPositive();
        assertThat(t.rows().get(31).debt().serviceUsd()).isZero();
        // the fast engine gives the same NPV on that path
        assertThat(t.baselineOutcome().npvUsd())
                .isLessThan(base.baselineOutcome().npvUsd());
    }

    @Test
    void aRefreshThatPaysAndOneThatDoesNot() {
        // refreshing in month 60 with g2 (1,000 GPUs for 3 years, sold at 12.5 % in month 96) against selling and
        // leaving the hall empty; g2 at $10,000 per GPU pays, at $60,000 it does not
        for (double cost : new double[] {10_000, 60_000}) {
            String yaml = Fixtures.contractPlanYaml(", refreshWith: g2", "")
                    .replace("usdPerGpu: 10000", "usdPerGpu: " + cost);
            Plan p = PlanReader.parse(yaml, "refresh");
            PlanRunner.Request d = PlanRunner.Request.defaults(p);
            PlanRun run = PlanRunner.run(
                    p,
                    MarketData.none(),
                    new PlanRunner.Request(
                            List.of(
                                    p.strategy("idle").orElseThrow(),
                                    p.strategy("spot").orElseThrow()),
                            d.measure(),
                            false,
                            false,
                            0,
                            Optional.empty(),
                            List.of(),
                            new RunSettings(1, 8, false, 0.1)),
                    n -> {});
            VariantComparison c = run.comparisonsOf("spot").get(0);
            assertThat(c.kind()).isEqualTo(VariantComparison.Kind.REFRESH_VS_SELL);
            // on paper: g2's flows from month 60: - cost; spot revenue 1,000 x $2.00 x 0.8^(age years) x 0.8 x hours -
            // 1 MW x hours x $50; sold in month 96 at 12.5 % of cost; discounted at 12 %/yr
            double[] df = Discounting.factors(0.12, 120);
            double diff = -1000 * cost * df[60] + 1000 * cost * 0.125 * df[96];
            for (int m = 60; m < 96; m++) {
                double price = 2.0 * Math.exp(Math.log(0.8) * (m - 60) / 12.0);
                diff += (1000 * price * 0.8 * hours(m) - hours(m) * 50) * df[m];
            }
            assertThat(c.deterministicNpvDifferenceUsd()).isCloseTo(diff, within(1e-3));
            assertThat(c.meanNpvDifferenceUsd()).isCloseTo(diff, within(1e-3)); // every path is the deck here
            if (cost == 10_000) {
                assertThat(diff).as("refresh pays").isPositive();
                assertThat(c.probabilityPositive()).isEqualTo(1.0);
            } else {
                assertThat(diff).as("refresh does not pay").isNegative();
                assertThat(c.probabilityPositive()).isZero();
            }
        }
    }
}
