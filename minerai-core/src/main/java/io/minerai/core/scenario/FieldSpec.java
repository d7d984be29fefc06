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
        List<String> allowed,
        Optional<ObjectSpec> element) {

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
                    name, kind, unit, required, defaultValue, description, min, minExclusive, max, allowed, element);
        }
    }
}
