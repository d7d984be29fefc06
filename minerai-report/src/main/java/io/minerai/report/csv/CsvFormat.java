package io.minerai.report.csv;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The small pieces of CSV writing: RFC 4180 field quoting and fast, locale-free number formatting (plain decimal
 * notation, no exponent, no grouping, trailing zeros stripped).
 */
public final class CsvFormat {
    private static final long[] POW10 = {
        1L,
        10L,
        100L,
        1_000L,
        10_000L,
        100_000L,
        1_000_000L,
        10_000_000L,
        100_000_000L,
        1_000_000_000L,
        10_000_000_000L,
        100_000_000_000L,
        1_000_000_000_000L,
        10_000_000_000_000L,
        100_000_000_000_000L
    };
    /** Largest scaled magnitude formatted on the fast path; beyond it BigDecimal takes over. */
    private static final double FAST_LIMIT = 9.0e15;

    private CsvFormat() {}

    /** Whether {@code field} must be quoted: it holds a comma, a double quote, CR or LF, or starts or ends with a space. */
    public static boolean needsQuotes(String field) {
        if (field.isEmpty()) {
            return false;
        }
        if (field.charAt(0) == ' ' || field.charAt(field.length() - 1) == ' ') {
            return true;
        }
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }

    /** Appends {@code field}, quoted when needed, with inner double quotes doubled (RFC 4180). */
    public static void appendField(StringBuilder sb, String field) {
        if (!needsQuotes(field)) {
            sb.append(field);
            return;
        }
        sb.append('"');
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '"') {
                sb.append('"');
            }
            sb.append(c);
        }
        sb.append('"');
    }

    /** {@code field} as it appears in a CSV file. */
    public static String escape(String field) {
        StringBuilder sb = new StringBuilder(field.length() + 2);
        appendField(sb, field);
        return sb.toString();
    }

    /**
     * Appends {@code value} rounded half-up to {@code decimals} places in plain notation, trailing zeros stripped ("12.5",
     * "-0.000125", "3"). Non-finite values append nothing (an empty field: missing).
     *
     * @param sb target
     * @param value number
     * @param decimals 0..14
     */
    public static void appendNumber(StringBuilder sb, double value, int decimals) {
        if (decimals < 0 || decimals >= POW10.length) {
            throw new IllegalArgumentException("decimals must be 0.." + (POW10.length - 1) + ", was " + decimals);
        }
        if (!Double.isFinite(value)) {
            return;
        }
        long pow = POW10[decimals];
        double scaled = value * pow;
        if (Math.abs(scaled) >= FAST_LIMIT) {
            sb.append(BigDecimal.valueOf(value)
                    .setScale(decimals, RoundingMode.HALF_UP)
                    .stripTrailingZeros()
                    .toPlainString());
            return;
        }
        long r = Math.round(Math.abs(scaled));
        if (r == 0) {
            sb.append('0');
            return;
        }
        if (value < 0) {
            sb.append('-');
        }
        long intPart = r / pow;
        long frac = r % pow;
        sb.append(intPart);
        if (frac == 0) {
            return;
        }
        int digits = decimals;
        while (frac % 10 == 0) {
            frac /= 10;
            digits--;
        }
        sb.append('.');
        int len = stringSize(frac);
        for (int i = len; i < digits; i++) {
            sb.append('0');
        }
        sb.append(frac);
    }

    /** {@code value} formatted as by {@link #appendNumber}. */
    public static String number(double value, int decimals) {
        StringBuilder sb = new StringBuilder(24);
        appendNumber(sb, value, decimals);
        return sb.toString();
    }

    private static int stringSize(long x) {
        long p = 10;
        for (int i = 1; i < 19; i++) {
            if (x < p) {
                return i;
            }
            p = 10 * p;
        }
        return 19;
    }
}
