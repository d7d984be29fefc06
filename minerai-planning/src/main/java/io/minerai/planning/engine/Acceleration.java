package io.minerai.planning.engine;

import io.minerai.planning.finance.LoanSchedule;

/** Applies a loan's acceleration to a path's summed debt lines. */
final class Acceleration {
    private Acceleration() {}

    /**
     * Replaces {@code loan}'s lines in the summed {@code draw}, {@code service} and {@code interestPaid} arrays by
     * those of the loan accelerated in month {@code d} ({@link LoanSchedule#acceleratedAt}).
     *
     * @return how much less is owed at the horizon (the loan's balance then, now repaid)
     */
    static double apply(LoanSchedule loan, int d, double[] draw, double[] service, double[] interestPaid) {
        LoanSchedule a = loan.acceleratedAt(d);
        int n = draw.length;
        for (int t = 0; t < n; t++) {
            draw[t] += a.drawUsd()[t] - loan.drawUsd()[t];
            service[t] += a.debtServiceUsd(t) - loan.debtServiceUsd(t);
            interestPaid[t] += a.interestPaidUsd()[t] - loan.interestPaidUsd()[t];
        }
        return loan.balanceUsd()[n - 1] - a.balanceUsd()[n - 1];
    }
}
