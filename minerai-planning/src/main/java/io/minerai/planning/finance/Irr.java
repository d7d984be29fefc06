package io.minerai.planning.finance;

/**
 * Internal rate of return of monthly cash flows: the monthly rate at which their NPV is zero. Reported only when that
 * rate is unique: the flows change sign exactly once (Descartes' rule of signs) or their running sum does (Norstrom's
 * criterion); a whole site's flows that go negative twice (construction, then a fleet retiring) have several roots and
 * get none. Newton's method from 1 %/month usually converges in a handful of passes; when it leaves the
 * plausible range [-90 %, +500 %] per month or stalls, bisection on that range takes over (if the NPV changes sign
 * there). Allocation-free: safe in hot loops.
 */
public final class Irr {
    private static final double LOW = -0.9;
    private static final double HIGH = 5.0;
    private static final double TOLERANCE = 1e-12;

    private Irr() {}

    /** Monthly IRR of the first {@code n} flows, or NaN when the flows do not change sign or no root is found. */
    public static double monthly(double[] cashFlows, int n) {
        int flowChanges = 0;
        int cumChanges = 0;
        int lastSign = 0;
        int lastCumSign = 0;
        double cum = 0;
        for (int t = 0; t < n; t++) {
            int sign = cashFlows[t] > 0 ? 1 : cashFlows[t] < 0 ? -1 : 0;
            if (sign != 0) {
                if (lastSign != 0 && sign != lastSign) {
                    flowChanges++;
                }
                lastSign = sign;
            }
            cum += cashFlows[t];
            int cumSign = cum > 0 ? 1 : cum < 0 ? -1 : 0;
            if (cumSign != 0) {
                if (lastCumSign != 0 && cumSign != lastCumSign) {
                    cumChanges++;
                }
                lastCumSign = cumSign;
            }
        }
        if (flowChanges == 0 || (flowChanges > 1 && cumChanges != 1)) {
            return Double.NaN;
        }
        double x = 0.01;
        for (int it = 0; it < 30; it++) {
            double f = 0;
            double df = 0;
            double k = 1 / (1 + x);
            double d = 1;
            for (int t = 0; t < n; t++) {
                double v = cashFlows[t] * d;
                f += v;
                df -= t * v;
                d *= k;
            }
            df *= k;
            if (df == 0 || !Double.isFinite(f)) {
                break;
            }
            double next = x - f / df;
            if (!(next > LOW && next < HIGH)) {
                break;
            }
            if (Math.abs(next - x) < TOLERANCE * (1 + Math.abs(x))) {
                return next;
            }
            x = next;
        }
        return bisect(cashFlows, n);
    }

    private static double bisect(double[] cashFlows, int n) {
        double lo = LOW;
        double hi = HIGH;
        double fLo = Discounting.npvMonthly(lo, cashFlows, n);
        double fHi = Discounting.npvMonthly(hi, cashFlows, n);
        if (!Double.isFinite(fLo) || !Double.isFinite(fHi) || fLo * fHi > 0) {
            return Double.NaN;
        }
        for (int it = 0; it < 200 && hi - lo > TOLERANCE * (1 + Math.abs(lo)); it++) {
            double mid = 0.5 * (lo + hi);
            double f = Discounting.npvMonthly(mid, cashFlows, n);
            if ((f > 0) == (fLo > 0)) {
                lo = mid;
                fLo = f;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    /** Yearly effective IRR of monthly flows, or NaN when undefined. */
    public static double yearly(double[] cashFlows, int n) {
        double m = monthly(cashFlows, n);
        return Double.isNaN(m) ? Double.NaN : Discounting.yearlyRate(m);
    }
}
