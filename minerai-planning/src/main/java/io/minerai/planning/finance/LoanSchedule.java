package io.minerai.planning.finance;

import io.minerai.planning.model.Amortization;

/**
 * The monthly schedule of one loan, from its draws. Conventions (month t):
 *
 * <ul>
 *   <li>interest_t = monthly rate x balance at the end of month t-1 (monthly rate = yearly / 12, nominal);
 *   <li>before {@code serviceStart}: interest is capitalised (added to the balance), nothing is paid;
 *   <li>from {@code serviceStart} for {@code interestOnlyMonths} months: interest is paid, no principal;
 *   <li>then principal is repaid over {@code tenorMonths} payments: annuity (level payment on the balance at that
 *       point), linear (equal principal) or bullet (all in the last month);
 *   <li>draws are added at the end of their month (they carry interest from the next month).
 * </ul>
 *
 * Months past the array are dropped; {@link #balanceUsd()} at the last month is what is still owed at the horizon.
 */
public final class LoanSchedule {
    private final double[] drawUsd;
    private final double[] interestUsd;
    private final double[] interestPaidUsd;
    private final double[] principalUsd;
    private final double[] balanceUsd;

    private LoanSchedule(int months) {
        drawUsd = new double[months];
        interestUsd = new double[months];
        interestPaidUsd = new double[months];
        principalUsd = new double[months];
        balanceUsd = new double[months];
    }

    /**
     * Builds the schedule.
     *
     * @param draws draw per month (length = horizon months)
     * @param ratePerYear nominal yearly rate (monthly = /12)
     * @param serviceStart first month interest is paid
     * @param interestOnlyMonths months of interest only from serviceStart
     * @param amortization repayment profile
     * @param tenorMonths number of principal repayments
     */
    public static LoanSchedule of(
            double[] draws,
            double ratePerYear,
            int serviceStart,
            int interestOnlyMonths,
            Amortization amortization,
            int tenorMonths) {
        int months = draws.length;
        LoanSchedule s = new LoanSchedule(months);
        double r = ratePerYear / 12.0;
        int amortStart = serviceStart + interestOnlyMonths;
        int n = Math.max(1, tenorMonths);
        double balance = 0;
        double payment = 0;
        double linearPrincipal = 0;
        for (int t = 0; t < months; t++) {
            double interest = balance * r;
            s.interestUsd[t] = interest;
            if (t < serviceStart) {
                balance += interest;
            } else {
                s.interestPaidUsd[t] = interest;
                if (t >= amortStart && t < amortStart + n && balance > 0) {
                    int k = t - amortStart;
                    if (k == 0) {
                        payment = r == 0 ? balance / n : balance * r / (1 - StrictMath.pow(1 + r, -n));
                        linearPrincipal = balance / n;
                    }
                    double principal = switch (amortization) {
                        case ANNUITY -> payment - interest;
                        case LINEAR -> linearPrincipal;
                        case BULLET -> k == n - 1 ? balance : 0;
                    };
                    if (k == n - 1) {
                        principal = balance;
                    }
                    principal = Math.min(principal, balance);
                    s.principalUsd[t] = principal;
                    balance -= principal;
                }
            }
            s.drawUsd[t] = draws[t];
            balance += draws[t];
            s.balanceUsd[t] = balance;
        }
        return s;
    }

    /**
     * The schedule accelerated in month {@code d} (the lender calls the loan, e.g. after the contract securing it
     * defaults): in month d the interest accrued that month and the whole balance owed at the end of month d-1 are
     * paid; nothing is drawn from month d on and nothing is owed after it. A loan called before its first draw is
     * never drawn. Months before d are unchanged.
     */
    public LoanSchedule acceleratedAt(int d) {
        int n = drawUsd.length;
        LoanSchedule a = new LoanSchedule(n);
        int firstDraw = n;
        for (int t = 0; t < n; t++) {
            if (drawUsd[t] != 0) {
                firstDraw = t;
                break;
            }
        }
        if (d <= firstDraw) {
            return a;
        }
        for (int t = 0; t < Math.min(d, n); t++) {
            a.drawUsd[t] = drawUsd[t];
            a.interestUsd[t] = interestUsd[t];
            a.interestPaidUsd[t] = interestPaidUsd[t];
            a.principalUsd[t] = principalUsd[t];
            a.balanceUsd[t] = balanceUsd[t];
        }
        if (d < n) {
            a.interestUsd[d] = interestUsd[d];
            a.interestPaidUsd[d] = interestUsd[d];
            a.principalUsd[d] = balanceUsd[d - 1];
        }
        return a;
    }

    public double[] drawUsd() {
        return drawUsd;
    }

    /** Interest accrued each month (paid or capitalised). */
    public double[] interestUsd() {
        return interestUsd;
    }

    /** Interest paid in cash each month. */
    public double[] interestPaidUsd() {
        return interestPaidUsd;
    }

    public double[] principalUsd() {
        return principalUsd;
    }

    /** Balance at the end of each month. */
    public double[] balanceUsd() {
        return balanceUsd;
    }

    /** Debt service paid in month t: interest paid + principal. */
    public double debtServiceUsd(int t) {
        return interestPaidUsd[t] + principalUsd[t];
    }

    /** Level annuity payment for principal p, monthly rate r, n payments: p r / (1 - (1+r)^-n). */
    public static double annuityPayment(double principalUsd, double ratePerMonth, int n) {
        return ratePerMonth == 0
                ? principalUsd / n
                : principalUsd * ratePerMonth / (1 - StrictMath.pow(1 + ratePerMonth, -n));
    }
}
