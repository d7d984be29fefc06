package io.minerai.core.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import io.minerai.core.validation.Problems;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * Reads the fields of one object node against its {@link ObjectSpec}, recording every problem with its path and
 * carrying on with a harmless placeholder, so one pass reports everything wrong with a file. Unknown fields are
 * problems too (with the nearest known name suggested), because a misspelt optional field would otherwise silently
 * take its default.
 */
public final class FieldReader {
    private final JsonNode node;
    private final String path;
    private final ObjectSpec spec;
    private final Problems problems;

    public FieldReader(JsonNode node, String path, ObjectSpec spec, Problems problems) {
        this.node = node;
        this.path = path;
        this.spec = spec;
        this.problems = problems;
        checkUnknownFields();
    }

    public String path() {
        return path;
    }

    public Problems problems() {
        return problems;
    }

    public String fieldPath(String name) {
        String key = PLAIN_KEY.matcher(name).matches() ? name : quoted(name);
        return path.isEmpty() ? key : path + "." + key;
    }

    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9_-]+");

    /** A key that is empty or has spaces, dots or other signs, shown in quotes so its path stays readable. */
    private static String quoted(String key) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : key.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7f) {
                sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    private void checkUnknownFields() {
        Iterator<String> it = node.fieldNames();
        while (it.hasNext()) {
            String key = it.next();
            if (spec.field(key).isEmpty()) {
                String hint =
                        nearest(key).map(n -> "; did you mean '" + n + "'?").orElse("");
                problems.add(fieldPath(key), "unknown field" + hint);
            }
        }
    }

    private Optional<String> nearest(String key) {
        String best = null;
        int bestD = Integer.MAX_VALUE;
        for (FieldSpec f : spec.fields()) {
            int d = levenshtein(key.toLowerCase(Locale.ROOT), f.name().toLowerCase(Locale.ROOT));
            if (d < bestD) {
                bestD = d;
                best = f.name();
            }
        }
        return best != null && bestD <= Math.max(2, key.length() / 3) ? Optional.of(best) : Optional.empty();
    }

    private static int levenshtein(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int c = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + c);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    private FieldSpec spec(String name) {
        return spec.field(name)
                .orElseThrow(() -> new IllegalArgumentException("no field '" + name + "' in spec " + spec.name()));
    }

    /** The raw node of a field, if present and not null. */
    public Optional<JsonNode> raw(String name) {
        spec(name);
        JsonNode v = node.get(name);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v);
    }

    public boolean has(String name) {
        return raw(name).isPresent();
    }

    private Optional<JsonNode> presentOrReport(FieldSpec f) {
        Optional<JsonNode> v = raw(f.name());
        if (v.isEmpty() && f.required()) {
            problems.add(fieldPath(f.name()), "is required" + (f.unit().isEmpty() ? "" : " (" + f.unit() + ")"));
        }
        return v;
    }

    public String string(String name) {
        FieldSpec f = spec(name);
        Optional<JsonNode> v = presentOrReport(f);
        if (v.isEmpty()) {
            return f.defaultValue().map(Object::toString).orElse("");
        }
        if (!v.get().isValueNode() || v.get().isBoolean()) {
            problems.add(fieldPath(name), "must be a text value, was " + describe(v.get()));
            return "";
        }
        String s = v.get().asText().trim();
        if (s.isEmpty() && f.required()) {
            problems.add(fieldPath(name), "must not be empty");
        }
        return s;
    }

    public String enumValue(String name) {
        FieldSpec f = spec(name);
        String s = string(name);
        if (raw(name).isPresent() && !f.allowed().contains(s)) {
            problems.add(fieldPath(name), "must be one of " + f.allowed() + ", was '" + s + "'");
        }
        return s;
    }

    public double number(String name) {
        FieldSpec f = spec(name);
        Optional<JsonNode> v = presentOrReport(f);
        if (v.isEmpty()) {
            return f.defaultValue().map(d -> ((Number) d).doubleValue()).orElse(0.0);
        }
        double d;
        JsonNode n = v.get();
        if (n.isNumber()) {
            d = n.asDouble();
        } else if (n.isTextual()) {
            try {
                d = Double.parseDouble(n.asText().trim());
            } catch (NumberFormatException e) {
                problems.add(fieldPath(name), "must be a number" + unitHint(f) + ", was '" + n.asText() + "'");
                return 0;
            }
        } else {
            problems.add(fieldPath(name), "must be a number" + unitHint(f) + ", was " + describe(n));
            return 0;
        }
        checkRange(f, d);
        return d;
    }

    public int integer(String name) {
        FieldSpec f = spec(name);
        Optional<JsonNode> v = presentOrReport(f);
        if (v.isEmpty()) {
            return f.defaultValue().map(d -> ((Number) d).intValue()).orElse(0);
        }
        JsonNode n = v.get();
        if (!(n.isIntegralNumber() && n.canConvertToInt())) {
            problems.add(fieldPath(name), "must be a whole number, was " + describe(n));
            return 0;
        }
        checkRange(f, n.asInt());
        return n.asInt();
    }

    public boolean bool(String name) {
        FieldSpec f = spec(name);
        Optional<JsonNode> v = presentOrReport(f);
        if (v.isEmpty()) {
            return f.defaultValue().map(d -> (Boolean) d).orElse(false);
        }
        if (!v.get().isBoolean()) {
            problems.add(fieldPath(name), "must be true or false, was " + describe(v.get()));
            return false;
        }
        return v.get().asBoolean();
    }

    /**
     * An instant: ISO-8601 with offset ({@code 2024-01-01T00:00:00-06:00} or {@code ...Z}), or a plain date meaning
     * midnight UTC. A fraction of a second is a problem (never silently cut off).
     */
    public Instant instant(String name) {
        FieldSpec f = spec(name);
        Optional<JsonNode> v = presentOrReport(f);
        if (v.isEmpty()) {
            return Instant.EPOCH;
        }
        String s = v.get().asText().trim();
        try {
            if (s.length() == 10) {
                return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            Instant t = OffsetDateTime.parse(s).toInstant();
            if (t.getNano() != 0) {
                problems.add(
                        fieldPath(name),
                        "must be a whole second (a fraction would be cut off), was '" + s + "'; write "
                                + t.truncatedTo(ChronoUnit.SECONDS) + " if that is meant");
                return t.truncatedTo(ChronoUnit.SECONDS);
            }
            return t;
        } catch (DateTimeParseException e) {
            problems.add(
                    fieldPath(name),
                    "must be a date-time with offset like 2024-01-01T00:00:00-06:00 or a date like 2024-01-01, was '"
                            + s + "'");
            return Instant.EPOCH;
        }
    }

    /** A duration: ISO-8601 ({@code PT15M}) or shorthand {@code 5m}, {@code 15m}, {@code 1h}, {@code 1d}. */
    public Duration duration(String name) {
        FieldSpec f = spec(name);
        Optional<JsonNode> v = presentOrReport(f);
        if (v.isEmpty()) {
            return f.defaultValue().map(d -> parseDuration(d.toString())).orElse(Duration.ofHours(1));
        }
        String s = v.get().asText().trim();
        try {
            return parseDuration(s);
        } catch (IllegalArgumentException e) {
            problems.add(fieldPath(name), "must be a duration like 5m, 15m, 1h, 1d or PT15M, was '" + s + "'");
            return Duration.ofHours(1);
        }
    }

    /** Parses ISO-8601 or shorthand durations. */
    public static Duration parseDuration(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        if (t.startsWith("p")) {
            try {
                return Duration.parse(t.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(s, e);
            }
        }
        if (t.length() < 2) {
            throw new IllegalArgumentException(s);
        }
        char u = t.charAt(t.length() - 1);
        long n;
        try {
            n = Long.parseLong(t.substring(0, t.length() - 1).trim());
            return switch (u) {
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                case 'd' -> Duration.ofDays(n);
                default -> throw new IllegalArgumentException(s);
            };
        } catch (NumberFormatException | ArithmeticException e) {
            // not a number, or more days than a Duration holds
            throw new IllegalArgumentException(s, e);
        }
    }

    /** A nested object, read with {@code reader}; empty when absent (reported if required). */
    public <T> Optional<T> object(String name, ObjectSpec childSpec, BiFunction<FieldReader, ObjectSpec, T> reader) {
        FieldSpec f = spec(name);
        Optional<JsonNode> v = presentOrReport(f);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        if (!v.get().isObject()) {
            problems.add(fieldPath(name), "must be an object with fields, was " + describe(v.get()));
            return Optional.empty();
        }
        return readObject(v.get(), fieldPath(name), childSpec, reader);
    }

    /** A list of objects; absent means empty (reported if required). */
    public <T> List<T> list(String name, ObjectSpec elementSpec, BiFunction<FieldReader, ObjectSpec, T> reader) {
        FieldSpec f = spec(name);
        Optional<JsonNode> v = presentOrReport(f);
        List<T> out = new ArrayList<>();
        if (v.isEmpty()) {
            return out;
        }
        if (!v.get().isArray()) {
            problems.add(fieldPath(name), "must be a list, was " + describe(v.get()));
            return out;
        }
        for (int i = 0; i < v.get().size(); i++) {
            JsonNode e = v.get().get(i);
            String p = fieldPath(name) + "[" + i + "]";
            if (!e.isObject()) {
                problems.add(p, "must be an object with fields, was " + describe(e));
                continue;
            }
            readObject(e, p, elementSpec, reader).ifPresent(out::add);
        }
        return out;
    }

    private <T> Optional<T> readObject(
            JsonNode n, String p, ObjectSpec childSpec, BiFunction<FieldReader, ObjectSpec, T> reader) {
        if (childSpec.isUnion()) {
            String tag = childSpec.tagField().orElseThrow();
            JsonNode t = n.get(tag);
            if (t == null || !t.isTextual()) {
                problems.add(
                        p + "." + tag,
                        "is required: one of " + childSpec.variants().keySet());
                return Optional.empty();
            }
            ObjectSpec variant = childSpec.variants().get(t.asText());
            if (variant == null) {
                problems.add(
                        p + "." + tag,
                        "must be one of " + childSpec.variants().keySet() + ", was '" + t.asText() + "'");
                return Optional.empty();
            }
            return Optional.ofNullable(reader.apply(new FieldReader(n, p, variant, problems), variant));
        }
        return Optional.ofNullable(reader.apply(new FieldReader(n, p, childSpec, problems), childSpec));
    }

    /**
     * Errors for impossible values (not finite, outside the field's range, beyond {@link FieldSpec#MAX_MAGNITUDE}), a
     * warning for an unusual one.
     */
    private void checkRange(FieldSpec f, double d) {
        if (!Double.isFinite(d)) {
            problems.add(fieldPath(f.name()), "must be a finite number, was " + d);
            return;
        }
        boolean low = !Double.isNaN(f.min()) && (f.minExclusive() ? d <= f.min() : d < f.min());
        boolean high = !Double.isNaN(f.max()) && d > f.max();
        if (low || high) {
            problems.add(fieldPath(f.name()), "must be " + f.rangeText() + unitHint(f) + ", was " + FieldSpec.fmt(d));
            return;
        }
        if (Math.abs(d) > FieldSpec.MAX_MAGNITUDE) {
            problems.add(
                    fieldPath(f.name()),
                    "must be between -1e12 and 1e12" + unitHint(f) + " (no quantity of a site is that large), was "
                            + FieldSpec.fmt(d));
            return;
        }
        boolean unusuallyLow = !Double.isNaN(f.usualMin()) && d < f.usualMin();
        boolean unusuallyHigh = !Double.isNaN(f.usualMax()) && d > f.usualMax();
        if (unusuallyLow || unusuallyHigh) {
            problems.warn(
                    fieldPath(f.name()),
                    "is " + FieldSpec.fmt(d) + unitHint(f) + ", unusually " + (unusuallyHigh ? "high" : "low") + " ("
                            + f.usualText() + "); check the value and its unit");
        }
    }

    private static String unitHint(FieldSpec f) {
        return f.unit().isEmpty() ? "" : " " + f.unit();
    }

    private static String describe(JsonNode n) {
        if (n.isObject()) {
            return "an object";
        }
        if (n.isArray()) {
            return "a list";
        }
        return "'" + n.asText() + "'";
    }
}
