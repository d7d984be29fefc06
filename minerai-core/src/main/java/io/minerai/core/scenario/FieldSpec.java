package io.minerai.core.scenario;

import java.util.List;
import java.util.Optional;

/**
 * Metadata of one scenario field: the single source for reading, validating and documenting it.
 *
 * @param name field name as written in the file
 * @param kind value kind
 * @param unit unit, empty when dimensionless
 * @param required whether it must be present
 * @param defaultValue default when absent (shown in the docs), empty when required or when absence means "none"
 * @param description what it means, with source of the default where one is cited
 * @param min lower bound for numbers (NaN for none)
 * @param minExclusive whether the lower bound is exclusive
 * @param max upper bound for numbers (NaN for none)
 * @param usualMin below this a number is accepted with a warning, as merely unusual (NaN for none)
 * @param usualMax above this a number is accepted with a warning (NaN for none)
 * @param allowed allowed values for ENUM fields
 * @param element object spec for OBJECT fields or LIST elements
 */
public record FieldSpec(
        String name,
        FieldKind kind,
        String unit,
        boolean required,
        Optional<Object> defaultValue,
        String description,
        double min,
        boolean minExclusive,
        double max,
        double usualMin,
        double usualMax,
        List<String> allowed,
        Optional<ObjectSpec> element) {

    /**
     * Largest magnitude of any number in a minerai document, whatever its field: no price, power, count or amount of a
     * site comes near it, and below it no total of a run can overflow (1e12 x 1e12 x a million intervals is 1e30).
     */
    public static final double MAX_MAGNITUDE = 1e12;

    public FieldSpec {
        allowed = List.copyOf(allowed);
    }

    public static Builder builder(String name, FieldKind kind) {
        return new Builder(name, kind);
    }

    /** The range as docs show it, e.g. "> 0", "0 .. 1", or empty. */
    public String rangeText() {
        boolean hasMin = !Double.isNaN(min);
        boolean hasMax = !Double.isNaN(max);
        if (hasMin && hasMax) {
            return (minExclusive ? "> " + fmt(min) + " and <= " : fmt(min) + " .. ") + fmt(max);
        }
        if (hasMin) {
            return (minExclusive ? "> " : ">= ") + fmt(min);
        }
        if (hasMax) {
            return "<= " + fmt(max);
        }
        return "";
    }

    /** The usual range as docs show it, e.g. "usually <= 5000", or empty. */
    public String usualText() {
        boolean hasMin = !Double.isNaN(usualMin);
        boolean hasMax = !Double.isNaN(usualMax);
        if (hasMin && hasMax) {
            return "usually " + fmt(usualMin) + " .. " + fmt(usualMax);
        }
        if (hasMin) {
            return "usually >= " + fmt(usualMin);
        }
        if (hasMax) {
            return "usually <= " + fmt(usualMax);
        }
        return "";
    }

    static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** Fluent builder. */
    public static final class Builder {
        private final String name;
        private final FieldKind kind;
        private String unit = "";
        private boolean required;
        private Optional<Object> defaultValue = Optional.empty();
        private String description = "";
        private double min = Double.NaN;
        private boolean minExclusive;
        private double max = Double.NaN;
        private double usualMin = Double.NaN;
        private double usualMax = Double.NaN;
        private List<String> allowed = List.of();
        private Optional<ObjectSpec> element = Optional.empty();

        private Builder(String name, FieldKind kind) {
            this.name = name;
            this.kind = kind;
        }

        public Builder unit(String u) {
            this.unit = u;
            return this;
        }

        public Builder required() {
            this.required = true;
            return this;
        }

        public Builder defaultValue(Object v) {
            this.defaultValue = Optional.of(v);
            return this;
        }

        public Builder description(String d) {
            this.description = d;
            return this;
        }

        /** Inclusive lower bound. */
        public Builder atLeast(double v) {
            this.min = v;
            this.minExclusive = false;
            return this;
        }

        /** Exclusive lower bound. */
        public Builder above(double v) {
            this.min = v;
            this.minExclusive = true;
            return this;
        }

        public Builder atMost(double v) {
            this.max = v;
            return this;
        }

        /**
         * Values outside {@code [min, max]} are accepted with a warning: possible, but more likely a slip of a digit or
         * a unit. NaN leaves that side open.
         */
        public Builder usually(double min, double max) {
            this.usualMin = min;
            this.usualMax = max;
            return this;
        }

        /**
         * The bounds of a kind of quantity: its impossible values become errors (on a side this builder has not
         * bounded yet) and its unusual values warnings.
         */
        public Builder plausible(Plausibility p) {
            if (Double.isNaN(min) && !Double.isNaN(p.min())) {
                atLeast(p.min());
            }
            if (Double.isNaN(max)) {
                this.max = p.max();
            }
            return usually(p.usualMin(), p.usualMax());
        }

        public Builder allowed(String... values) {
            this.allowed = List.of(values);
            return this;
        }

        public Builder element(ObjectSpec spec) {
            this.element = Optional.of(spec);
            return this;
        }

        public FieldSpec build() {
            return new FieldSpec(
                    name,
                    kind,
                    unit,
                    required,
                    defaultValue,
                    description,
                    min,
                    minExclusive,
                    max,
                    usualMin,
                    usualMax,
                    allowed,
                    element);
        }
    }
}
