package io.minerai.sustainability;

import java.util.Locale;
import java.util.Optional;

/**
 * The fuel categories of ERCOT's "Interval Generation by Fuel" report (the bundled fuel mix). {@link
 * #STORAGE_CHARGING} (ERCOT's WSL, wholesale storage load) is energy drawn by batteries, reported as negative
 * generation; it is not a source. ERCOT's {@link #OTHER} is treated as mostly storage discharge (see {@link
 * FuelFactorSet} and docs/SUSTAINABILITY.md for the evidence).
 */
public enum Fuel {
    BIOMASS("Biomass", true),
    COAL("Coal", false),
    GAS("Gas", false),
    GAS_CC("Gas-CC", false),
    HYDRO("Hydro", true),
    NUCLEAR("Nuclear", false),
    OTHER("Other", false),
    SOLAR("Solar", true),
    STORAGE_CHARGING("WSL", false),
    WIND("Wind", true);

    private final String ercotName;
    private final boolean renewable;

    Fuel(String ercotName, boolean renewable) {
        this.ercotName = ercotName;
        this.renewable = renewable;
    }

    /** The column name in ERCOT's report, e.g. {@code Gas-CC} or {@code WSL}. */
    public String ercotName() {
        return ercotName;
    }

    /** Whether the fuel counts as renewable in the grid's renewable share (biomass, hydro, solar, wind). */
    public boolean renewable() {
        return renewable;
    }

    /** Whether the category is a source of energy (everything but storage charging). */
    public boolean isSource() {
        return this != STORAGE_CHARGING;
    }

    /** Lower-case key for exports, e.g. {@code gas_cc}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The fuel with ERCOT's column name (case-insensitive), if any. */
    public static Optional<Fuel> ofErcotName(String name) {
        for (Fuel f : values()) {
            if (f.ercotName.equalsIgnoreCase(name.trim())) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
