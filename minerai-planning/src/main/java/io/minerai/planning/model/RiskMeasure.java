package io.minerai.planning.model;

import java.util.Locale;

/** What a search maximises over the NPV distribution. */
public enum RiskMeasure {
    /** Mean NPV. */
    EXPECTED,
    /** 10th percentile of NPV. */
    P10,
    /** Conditional value at risk: mean NPV of the worst alpha share of paths. */
    CVAR;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RiskMeasure fromKey(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
