package io.minerai.portfolio.model;

import java.util.Locale;

/**
 * How a site's real period is dispatched to give its power prices and curtailment: the merit-order backtest
 * ({@code minerai backtest}) or the optimiser ({@code minerai optimize}, with the scenario's {@code optimize:}
 * settings). Both are settled under the scenario's market programs.
 */
public enum SiteDispatch {
    /** The merit-order rule interval by interval (the default; fast). */
    MERIT_ORDER("merit-order"),
    /** The LP/MILP optimiser in the scenario's forecast mode and solver (perfect foresight with GLOP unless set). */
    OPTIMISER("optimiser");

    private final String key;

    SiteDispatch(String key) {
        this.key = key;
    }

    /** As written in a portfolio file. */
    public String key() {
        return key;
    }

    /** The method written as {@code key}. */
    public static SiteDispatch fromKey(String key) {
        for (SiteDispatch d : values()) {
            if (d.key.equals(key.toLowerCase(Locale.ROOT))) {
                return d;
            }
        }
        throw new IllegalArgumentException("dispatch must be merit-order or optimiser, was '" + key + "'");
    }
}
