package io.minerai.store;

import java.util.regex.Pattern;

/**
 * One named per-interval column of a run's ledger.
 *
 * @param name API name with its unit, e.g. {@code revenueMiningUsd}, {@code priceUsdPerMwh}
 * @param aggregation how a downsampled bucket reduces it
 * @param values one value per interval (NaN where a value is missing)
 */
public record SeriesColumn(String name, Aggregation aggregation, double[] values) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.]{0,99}");

    public SeriesColumn {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "a ledger column name is a letter then up to 99 letters, digits, '_' or '.'; was '" + name + "'");
        }
    }

    /** Whether a name can be a column name (checked before a user-given name reaches the store). */
    public static boolean validName(String name) {
        return NAME.matcher(name).matches();
    }
}
