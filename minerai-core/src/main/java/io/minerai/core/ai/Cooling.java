package io.minerai.core.ai;

import java.util.Locale;
import java.util.Optional;

/** How a hall removes heat from its IT equipment. */
public enum Cooling {
    /** Air: fans and computer-room air handlers or hot-aisle containment. */
    AIR("air"),
    /** Direct-to-chip liquid: cold plates on GPUs and CPUs, fed by coolant distribution units. */
    LIQUID("liquid"),
    /** Immersion: servers submerged in a dielectric fluid (single- or two-phase). */
    IMMERSION("immersion");

    private final String id;

    Cooling(String id) {
        this.id = id;
    }

    /** The name used in scenario and catalogue files. */
    public String id() {
        return id;
    }

    /** The cooling with this file name, if any. */
    public static Optional<Cooling> parse(String s) {
        String k = s.trim().toLowerCase(Locale.ROOT);
        for (Cooling c : values()) {
            if (c.id.equals(k)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** The file names of every cooling, for messages. */
    public static String ids() {
        StringBuilder b = new StringBuilder();
        for (Cooling c : values()) {
            b.append(b.isEmpty() ? "" : ", ").append(c.id);
        }
        return b.toString();
    }
}
