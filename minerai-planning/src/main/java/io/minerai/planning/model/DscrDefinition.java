package io.minerai.planning.model;

import java.util.Locale;

/**
 * How the DSCR covenant is measured each month t (w = the window in months, s = the first month any debt service is
 * due). Only months from s on count: cash flow earned before service starts never props up a test.
 */
public enum DscrDefinition {
    /** Trailing: CFADS / debt service of months max(s, t-w+1) .. t, tested from month s on. */
    TRAILING,
    /** Forward-looking on the path: CFADS / debt service of months t .. min(t+w-1, horizon-1), tested from s on. */
    FORWARD;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DscrDefinition fromKey(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
