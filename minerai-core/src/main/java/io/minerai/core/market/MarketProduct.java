package io.minerai.core.market;

import java.util.Locale;
import java.util.Optional;

/** What a market data series holds, independent of who publishes it. */
public enum MarketProduct {
    /** Real-time (spot, dispatch, real-time LMP) energy price, currency per MWh. */
    REAL_TIME_ENERGY_PRICE("real-time-price", true),
    /** Day-ahead energy price, currency per MWh. */
    DAY_AHEAD_ENERGY_PRICE("day-ahead-price", true),
    /** System (operational) demand in MW, e.g. for coincident-peak programs. */
    SYSTEM_LOAD("system-load", false),
    /** Capacity clearing price, currency per MW-day (e.g. PJM RPM, by delivery year). */
    CAPACITY_PRICE("capacity-price", true),
    /**
     * Price of a reserve (ancillary service) product, currency per MW of capacity per hour (e.g. a user's NEM FCAS or
     * ERCOT real-time AS price file); which product it prices is said by the caller.
     */
    RESERVE_PRICE("reserve-price", true);

    private final String key;
    private final boolean money;

    MarketProduct(String key, boolean money) {
        this.key = key;
        this.money = money;
    }

    /** The name used in scenario files, e.g. {@code real-time-price}. */
    public String key() {
        return key;
    }

    /** Whether the values are money (and so need a currency). */
    public boolean isMoney() {
        return money;
    }

    /** Parses a {@link #key()} (case-insensitive; {@code _} for {@code -} accepted). */
    public static Optional<MarketProduct> parse(String s) {
        String k = s.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        for (MarketProduct p : values()) {
            if (p.key.equals(k)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The keys, for messages. */
    public static String keys() {
        StringBuilder sb = new StringBuilder();
        for (MarketProduct p : values()) {
            sb.append(sb.isEmpty() ? "" : ", ").append(p.key);
        }
        return sb.toString();
    }
}
