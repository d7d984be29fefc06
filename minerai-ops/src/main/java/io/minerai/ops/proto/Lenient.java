package io.minerai.ops.proto;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Reads numbers that firmware sends as numbers or as strings ("7903.729", "3250 W", "inf"). */
public final class Lenient {
    private Lenient() {}

    /** The number in {@code n}, or NaN when absent or not a number. */
    public static double number(@Nullable JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return Double.NaN;
        }
        if (n.isNumber()) {
            return n.asDouble();
        }
        if (n.isTextual()) {
            return number(n.asText());
        }
        if (n.isBoolean()) {
            return n.asBoolean() ? 1 : 0;
        }
        return Double.NaN;
    }

    /** Parses a number from text, ignoring a trailing unit ("3250 W", "85 %"); NaN when there is none. */
    public static double number(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return Double.NaN;
        }
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.equals("inf") || lower.equals("nan") || lower.startsWith("[n/a") || lower.startsWith("[not")) {
            return Double.NaN;
        }
        int end = 0;
        while (end < t.length() && "+-0123456789.eE".indexOf(t.charAt(end)) >= 0) {
            end++;
        }
        if (end == 0) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(t.substring(0, end));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** The first present field among {@code names} (firmware families spell keys differently). */
    public static @Nullable JsonNode first(JsonNode obj, String... names) {
        for (String name : names) {
            JsonNode v = obj.get(name);
            if (v != null && !v.isNull()) {
                return v;
            }
        }
        return null;
    }
}
