package io.minerai.planning.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.minerai.planning.Fixtures;
import io.minerai.planning.PlanReader;
import io.minerai.planning.finance.LoanSchedule;
import io.minerai.planning.model.LeasePlan;
import io.minerai.planning.model.Plan;
import org.junit.jupiter.api.Test;

/** The facilities of the small test plan, each checked against the formula written here. */
class FinancingTest {
    private final Plan plan = PlanReader.parse(Fixtures.smallPlanYaml(Fixtures.DECK), "small");

    @Test
    void projectFinanceDrawsLoanToCostAsCapexIsSpentAndServiceStartsWhenReady() {
        // hall h1: 40 MW x ($8 M + $1.5 M liquid cooling) over 6 months from month 2; 60 % LTC at 9 %
        LoanSchedule pf = StrategySchedule.loan(plan, plan.facility("pf").orElseThrow(), 60);
        double monthlyCapex = 40 * 9_500_000 / 6.0;
        for (int t = 2; t < 8; t++) {
            assertThat(pf.drawUsd()[t]).isCloseTo(0.6 * monthlyCapex, within(1e-6));
        }
        assertThat(pf.drawUsd()[8]).isZero();
        // construction interest is capitalised: nothing is paid before month 8 (ready)
        for (int t = 0; t < 8; t++) {
            assertThat(pf.debtServiceUsd(t)).isZero();
        }
        // balance when ready: draws compounded at 0.75 %/month (draw in month t bears interest from t+1)
        double r = 0.09 / 12;
        double balance = 0;
        for (int t = 2; t < 8; t++) {
            balance = balance * (1 + r) + 0.6 * monthlyCapex;
        }
        assertThat(pf.balanceUsd()[7]).isCloseTo(balance, within(1e-3));
        // level annuity over 48 months from month 8
        double a = LoanSchedule.annuityPayment(balance, r, 48);
        assertThat(pf.debtServiceUsd(8)).isCloseTo(a, within(1e-3));
        assertThat(pf.debtServiceUsd(55)).isCloseTo(a, within(1e-3));
        assertThat(pf.balanceUsd()[55]).isCloseTo(0, within(1e-3));
    }

    @Test
    void leaseBackedNotesAdvanceAShareOfThePresentValueOfTheLeaseNoi() {
        // lease l1: 20 MW at $150/kW-month, 3 %/yr, from month 8 for 48 months, NOI 85 %; notes: 60 % of the PV at
        // 7 %/yr (0.5833 %/month) of the NOI over the 40-month tenor, discounted to the hall's start (month 2)
        LeasePlan l = plan.lease("l1").orElseThrow();
        double r = 0.07 / 12;
        double pv = 0;
        for (int k = 0; k < 40; k++) {
            int t = 8 + k;
            double rent = 20_000 * 150 * Math.pow(1.03, k / 12);
            assertThat(l.rentUsd(t)).isCloseTo(rent, within(1e-6));
            pv += rent * 0.85 / Math.pow(1 + r, t - 2);
        }
        LoanSchedule notes = StrategySchedule.loan(plan, plan.facility("notes").orElseThrow(), 60);
        assertThat(notes.drawUsd()[2]).isCloseTo(0.6 * pv, within(1e-3));
        // interest capitalised until rent starts in month 8, then 40 level payments
        // draw at the end of month 2 bears interest in months 3..7: five capitalised months
        double balance8 = 0.6 * pv * Math.pow(1 + r, 5);
        assertThat(notes.balanceUsd()[7]).isCloseTo(balance8, within(1e-3));
        assertThat(notes.debtServiceUsd(8)).isCloseTo(LoanSchedule.annuityPayment(balance8, r, 40), within(1e-3));
    }

    @Test
    void termLoanIsDrawnOnceAndServedFromTheNextMonth() {
        LoanSchedule tl = StrategySchedule.loan(plan, plan.facility("tl").orElseThrow(), 60);
        assertThat(tl.drawUsd()[0]).isEqualTo(20_000_000);
        double a = LoanSchedule.annuityPayment(20_000_000, 0.1 / 12, 36);
        assertThat(tl.debtServiceUsd(1)).isCloseTo(a, within(1e-6));
        assertThat(tl.debtServiceUsd(36)).isCloseTo(a, within(1e-6));
        assertThat(tl.debtServiceUsd(37)).isZero();
    }
}
