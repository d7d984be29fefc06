package io.minerai.data.ercot;

import java.util.Locale;
import java.util.Optional;

/** ERCOT energy market of a price. */
public enum Market {
    /** Real-time market: settlement point prices per 15-minute interval (hourly means in the bundled data). */
    RTM,
    /** Day-ahead market: hourly settlement point prices. */
    DAM;

    /** Parses {@code RTM} or {@code DAM}, ignoring case. */
    public static Optional<Market> parse(String s) {
        try {
            return Optional.of(valueOf(s.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
