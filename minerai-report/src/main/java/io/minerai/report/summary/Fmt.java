package io.minerai.report.summary;

import java.util.Locale;

/**
 * Number formatting for people (reports, tables, chart labels): US grouping, a fixed number of decimals per kind, and
 * "n/a" for values that do not exist (NaN).
 */
public final class Fmt {
    /** Shown for a value that does not exist (e.g. cost per BTC when nothing was mined). */
    public static final String NA = "n/a";

    private Fmt() {}

    /** US dollars: whole dollars from $1,000 up, cents below ("$1,234,567", "$12.34", "-$5.00"). */
    public static String usd(double v) {
        if (!Double.isFinite(v)) {
            return NA;
        }
        String s = Math.abs(v) >= 1000
                ? String.format(Locale.US, "%,.0f", Math.abs(v))
                : String.format(Locale.US, "%,.2f", Math.abs(v));
        return (v < 0 && !isZero(s) ? "-$" : "$") + s;
    }

    /** A number with grouping and {@code decimals} places. */
    public static String num(double v, int decimals) {
        if (!Double.isFinite(v)) {
            return NA;
        }
        String s = String.format(Locale.US, "%,." + decimals + "f", v);
        return isZero(s) && s.startsWith("-") ? s.substring(1) : s;
    }

    /** A fraction 0..1 as a percentage with one decimal ("97.3 %"). */
    public static String pct(double fraction) {
        if (!Double.isFinite(fraction)) {
            return NA;
        }
        return num(fraction * 100, 1) + " %";
    }

    /** BTC with 4 decimals. */
    public static String btc(double v) {
        return num(v, 4);
    }

    private static boolean isZero(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '1' && c <= '9') {
                return false;
            }
        }
        return true;
    }
}
