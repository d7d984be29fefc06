package io.minerai.planning.model;

import java.util.Locale;

/** How a loan's principal is repaid. */
public enum Amortization {
    /** Equal payments of interest plus principal (mortgage-style). */
    ANNUITY,
    /** Equal principal repayments, interest on the balance. */
    LINEAR,
    /** Interest only, all principal at maturity. */
    BULLET;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Amortization fromKey(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
