package io.minerai.planning.model;

import java.util.Locale;

/** How an AI hall is cooled; each has its own PUE and capex. */
public enum CoolingType {
    AIR,
    IMMERSION,
    LIQUID;

    /** The name as written in plan files. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CoolingType fromKey(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
