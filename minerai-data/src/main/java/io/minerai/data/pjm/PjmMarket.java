package io.minerai.data.pjm;

import java.util.Locale;
import java.util.Optional;

/** PJM's energy markets in the hourly LMP feeds. */
public enum PjmMarket {
    /** Day-ahead hourly LMP ({@code da_hrl_lmps}). */
    DA,
    /** Real-time hourly LMP ({@code rt_hrl_lmps}, the settlement roll-up of the 5-minute LMPs). */
    RT;

    static Optional<PjmMarket> parse(String s) {
        return switch (s.strip().toUpperCase(Locale.ROOT)) {
            case "DA" -> Optional.of(DA);
            case "RT" -> Optional.of(RT);
            default -> Optional.empty();
        };
    }
}
