package io.minerai.planning.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.minerai.planning.model.Amortization;
import org.junit.jupiter.api.Test;

/** Hand-computed finance cases, each cross-checked against the closed formula written here. */
class FinanceMathTest {

    @Test
    void annuitySchedule_12MonthsAt12PercentNominal() {
        // $1,000,000 drawn in month 0, 12 %/yr nominal = 1 %/month, service from month 1, 12 level payments.
        double[] draws = new double[14];
        draws[0] = 1_000_000;
        LoanSchedule s = LoanSchedule.of(draws, 0.12, 1, 0, Amortization.ANNUITY, 12);
        // formula: A = P r / (1 - (1+r)^-n) = 1e6 * 0.01 / (1 - 1.01^-12) = 88,848.79
        double a = 1_000_000 * 0.01 / (1 - Math.pow(1.01, -12));
        assertThat(a).isCloseTo(88_848.79, within(0.01));
        // month 1: interest 10,000.00, principal 78,848.79, balance 921,151.21
        assertThat(s.interestPaidUsd()[1]).isCloseTo(10_000.00, within(1e-6));
        assertThat(s.principalUsd()[1]).isCloseTo(78_848.79, within(0.01));
        assertThat(s.balanceUsd()[1]).isCloseTo(921_151.21, within(0.01));
        // month 2: interest 9,211.51 = 1 % of 921,151.21
        assertThat(s.interestPaidUsd()[2]).isCloseTo(9_211.51, within(0.01));
        for (int t = 1; t <= 12; t++) {
            assertThat(s.debtServiceUsd(t)).isCloseTo(a, within(1e-6));
            // balance after t payments = P (1+r)^t - A ((1+r)^t - 1) / r
            double expected = 1e6 * Math.pow(1.01, t) - a * (Math.pow(1.01, t) - 1) / 0.01;
            assertThat(s.balanceUsd()[t]).isCloseTo(expected, within(1e-4));
        }
        assertThat(s.balanceUsd()[12]).isCloseTo(0, within(1e-6));
        assertThat(s.debtServiceUsd(13)).isZero();
        double principal = 0;
        for (double p : s.principalUsd()) {
            principal += p;
        }
        assertThat(principal).isCloseTo(1_000_000, within(1e-6));
    }

    @Test
    void capitalisedInterestDuringConstructionThenLinear() {
        // draws 600k in month 0 and 400k in month 1 at 12 %/yr; service starts month 3; 4 linear repayments.
        double[] draws = new double[10];
        draws[0] = 600_000;
        draws[1] = 400_000;
        LoanSchedule s = LoanSchedule.of(draws, 0.12, 3, 0, Amortization.LINEAR, 4);
        // month 1 interest 6,000 capitalised; month 2 interest 1% x 1,006,000 = 10,060 capitalised
        assertThat(s.interestUsd()[1]).isCloseTo(6_000, within(1e-9));
        assertThat(s.interestPaidUsd()[1]).isZero();
        double balance2 = 600_000 * 1.01 + 400_000;
        balance2 *= 1.01;
        assertThat(s.balanceUsd()[2]).isCloseTo(balance2, within(1e-6));
        // month 3: interest 1 % of balance2 paid, principal balance2 / 4
        assertThat(s.interestPaidUsd()[3]).isCloseTo(0.01 * balance2, within(1e-6));
        assertThat(s.principalUsd()[3]).isCloseTo(balance2 / 4, within(1e-6));
        assertThat(s.principalUsd()[6]).isCloseTo(balance2 / 4, within(1e-6));
        assertThat(s.balanceUsd()[6]).isCloseTo(0, within(1e-6));
    }

    @Test
    void bulletWithInterestOnly() {
        double[] draws = new double[8];
        draws[0] = 100;
        LoanSchedule s = LoanSchedule.of(draws, 0.12, 1, 2, Amortization.BULLET, 3);
        // months 1,2 interest only (1.00 each); months 3,4 interest only; month 5 principal 100 + interest 1
        for (int t = 1; t <= 4; t++) {
            assertThat(s.debtServiceUsd(t)).isCloseTo(1.0, within(1e-12));
        }
        assertThat(s.debtServiceUsd(5)).isCloseTo(101.0, within(1e-12));
        assertThat(s.balanceUsd()[5]).isZero();
    }

    @Test
    void npvOfKnownCashFlows() {
        // -1000 now, then 500 in months 12 and 24 at 10 %/yr effective: -1000 + 500/1.1 + 500/1.21
        double[] cf = new double[25];
        cf[0] = -1000;
        cf[12] = 500;
        cf[24] = 500;
        double expected = -1000 + 500 / 1.1 + 500 / 1.21;
        assertThat(Discounting.npv(0.10, cf)).isCloseTo(expected, within(1e-9));
        assertThat(Discounting.npv(0.10, cf)).isCloseTo(-132.23, within(0.01));
        assertThat(Discounting.monthlyRate(0.1)).isCloseTo(Math.pow(1.1, 1 / 12.0) - 1, within(1e-15));
    }

    @Test
    void irrOfKnownCashFlows() {
        // -1000 now, 1210 after 24 months: yearly IRR exactly 10 % (1.1^2 = 1.21)
        double[] cf = new double[25];
        cf[0] = -1000;
        cf[24] = 1210;
        assertThat(Irr.yearly(cf, cf.length)).isCloseTo(0.10, within(1e-10));
        // a level annuity: -P then n payments A at monthly r: IRR monthly = r
        double r = 0.01;
        double a = LoanSchedule.annuityPayment(1000, r, 36);
        double[] ann = new double[37];
        ann[0] = -1000;
        for (int t = 1; t <= 36; t++) {
            ann[t] = a;
        }
        assertThat(Irr.monthly(ann, ann.length)).isCloseTo(r, within(1e-12));
        // NPV at the IRR is zero
        assertThat(Discounting.npvMonthly(Irr.monthly(ann, ann.length), ann, ann.length))
                .isCloseTo(0, within(1e-8));
    }

    @Test
    void irrUndefinedWithoutSignChangeOrWithoutAUniqueRoot() {
        assertThat(Irr.monthly(new double[] {1, 2, 3}, 3)).isNaN();
        assertThat(Irr.monthly(new double[] {-1, -2}, 2)).isNaN();
        // -100, +230, -132: NPV = 0 at 10 % and at 20 % (roots of -100 x^2 + 230 x - 132 in 1/(1+r)): ambiguous
        double[] twoRoots = {-100, 230, -132};
        assertThat(Discounting.npvMonthly(0.1, twoRoots, 3)).isCloseTo(0, within(1e-9));
        assertThat(Discounting.npvMonthly(0.2, twoRoots, 3)).isCloseTo(0, within(1e-9));
        assertThat(Irr.monthly(twoRoots, 3)).isNaN();
        // three sign changes but the running sum changes sign once (-100, -50, 200, -10, 5): unique root (Norstrom)
        double[] norstrom = {-100, -50, 200, -10, 5};
        double r = Irr.monthly(norstrom, norstrom.length);
        assertThat(Discounting.npvMonthly(r, norstrom, norstrom.length)).isCloseTo(0, within(1e-9));
    }

    @Test
    void straightLineDepreciation() {
        // $1.2 M over 3 years from month 2 = 33,333.33 a month for 36 months (months 2..37)
        double[] d = new double[40];
        Depreciation.addStraightLine(d, 1_200_000, 2, 36);
        assertThat(d[1]).isZero();
        assertThat(d[2]).isCloseTo(1_200_000 / 36.0, within(1e-9));
        assertThat(d[37]).isCloseTo(33_333.333, within(0.001));
        assertThat(d[38]).isZero();
        double sum = 0;
        for (double v : d) {
            sum += v;
        }
        assertThat(sum).isCloseTo(1_200_000, within(1e-6));
        // cut by the horizon: only 10 months of 36 land in a 12-month array
        double[] shortArr = new double[12];
        Depreciation.addStraightLine(shortArr, 1_200_000, 2, 36);
        double s2 = 0;
        for (double v : shortArr) {
            s2 += v;
        }
        assertThat(s2).isCloseTo(10 * 1_200_000 / 36.0, within(1e-6));
    }

    @Test
    void dilutionAndFundingNeed() {
        double[] cf = {-100, -50, 30, 200, -10};
        // running sum -100, -150, -120, 80, 70: peak need 150
        assertThat(Dilution.peakFundingNeedUsd(cf, cf.length)).isEqualTo(150);
        // raising 150 at 850 pre-money: 150 / 1000 = 15 %
        assertThat(Dilution.fraction(150, 850)).isCloseTo(0.15, within(1e-15));
        assertThat(Dilution.fraction(0, 850)).isZero();
    }
}
