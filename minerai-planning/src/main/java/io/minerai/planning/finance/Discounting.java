package io.minerai.planning.finance;

/**
 * Net present value and rates for monthly cash flows. A yearly effective rate r becomes the monthly rate
 * (1+r)^(1/12) - 1; cash flow t (month index, 0 = first month) is discounted by (1+monthly)^-t, i.e. month 0 is not
 * discounted.
 */
public final class Discounting {
    private Discounting() {}

    /** Monthly rate equivalent to a yearly effective rate. */
    public static double monthlyRate(double ratePerYear) {
        return StrictMath.pow(1 + ratePerYear, 1.0 / 12.0) - 1;
    }

    /** Yearly effective rate equivalent to a monthly rate. */
    public static double yearlyRate(double ratePerMonth) {
        return StrictMath.pow(1 + ratePerMonth, 12) - 1;
    }

    /** Discount factors (1+monthly)^-t for t = 0 .. months-1. */
    public static double[] factors(double ratePerYear, int months) {
        double m = monthlyRate(ratePerYear);
        double[] f = new double[months];
        double d = 1;
        for (int t = 0; t < months; t++) {
            f[t] = d;
            d /= 1 + m;
        }
        return f;
    }

    /** NPV of monthly cash flows at a yearly effective rate. */
    public static double npv(double ratePerYear, double[] cashFlows) {
        return npvMonthly(monthlyRate(ratePerYear), cashFlows, cashFlows.length);
    }

    /** NPV of the first {@code n} monthly cash flows at a monthly rate. */
    public static double npvMonthly(double ratePerMonth, double[] cashFlows, int n) {
        double s = 0;
        double d = 1;
        double k = 1 / (1 + ratePerMonth);
        for (int t = 0; t < n; t++) {
            s += cashFlows[t] * d;
            d *= k;
        }
        return s;
    }
}
