package io.minerai.dispatch.ledger;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A typed revenue stream: one key of the ledger, declared once by the settler that settles it. Amounts are money in the
 * engine's currency (USD), signed so that the streams of an interval add up to its net: revenues positive, costs
 * negative (a cost that turns into a credit, such as power bought at a negative price, is positive).
 *
 * @param id stable key in snake case, e.g. {@code mining}, {@code power_cost}, {@code transmission_4cp}; column names
 *     are derived from it ({@code stream_mining_usd} in the interval CSV)
 * @param label human name for tables, charts and the dashboard
 * @param direction revenue or cost
 * @param program the program the stream belongs to ({@code site} for the site's own loads and supply, {@code energy}
 *     for the energy market, otherwise a program id such as {@code ercot-4cp})
 * @param legacyName the field name this stream's total had in the flat summary JSON of earlier releases, which stays
 *     available; costs there were positive (see {@link #legacyValue})
 * @param description what the stream pays for, and how it is computed (one sentence)
 */
public record Stream(
        String id, String label, Direction direction, String program, Optional<String> legacyName, String description) {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]*");

    public Stream {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("stream id must be snake case, was " + id);
        }
    }

    /** A stream without a legacy summary name. */
    public static Stream of(String id, String label, Direction direction, String program, String description) {
        return new Stream(id, label, direction, program, Optional.empty(), description);
    }

    /** The same stream with the name its total had in the flat summary JSON. */
    public Stream withLegacyName(String name) {
        return new Stream(id, label, direction, program, Optional.of(name), description);
    }

    /** Column name of the stream's amounts in a currency, e.g. {@code stream_power_cost_usd}. */
    public String columnName(String currencyCode) {
        return "stream_" + id + "_" + currencyCode.toLowerCase(Locale.ROOT);
    }

    /** Camel-case name of the stream's total in a currency, e.g. {@code powerCostUsd}. */
    public String camelName(String currencyCode) {
        StringBuilder b = new StringBuilder();
        boolean upper = false;
        for (char ch : id.toCharArray()) {
            if (ch == '_') {
                upper = true;
            } else {
                b.append(upper ? Character.toUpperCase(ch) : ch);
                upper = false;
            }
        }
        String c = currencyCode.toLowerCase(Locale.ROOT);
        return b.toString() + Character.toUpperCase(c.charAt(0)) + c.substring(1);
    }

    /** The value shown under the legacy name: revenues as they are, costs as a positive amount paid. */
    public double legacyValue(double signedTotal) {
        return direction == Direction.COST ? 0 - signedTotal : signedTotal;
    }
}
