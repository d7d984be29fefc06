package io.minerai.ops.proto;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.regex.Pattern;

/**
 * Parses the not-quite-JSON that miner firmware sends, repairing the faults users have reported (the list pyasic's
 * {@code _load_api_data} handles): a trailing NUL, a missing comma between objects ({@code }{}), a trailing comma
 * ({@code ,}} or {@code ,]}), a leading comma ({@code [,{}, {@code {,}), raw newlines inside the text, a lost
 * separator between two keys ({@code ""temp0} on btminer 2023-01-06), bare {@code inf}/{@code nan} numbers (Avalon),
 * and buffers cut off mid-reply (closed for what can be salvaged).
 */
public final class LenientJson {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
            .enable(JsonReadFeature.ALLOW_LEADING_DECIMAL_POINT_FOR_NUMBERS)
            .build();
    private static final Pattern MISSING_COMMA = Pattern.compile("}\\s*\\{");
    private static final Pattern LEADING_COMMA = Pattern.compile("([\\[{])\\s*,");
    private static final Pattern TRAILING_COMMA = Pattern.compile(",\\s*([}\\]])");
    private static final Pattern LOST_SEPARATOR = Pattern.compile("\"\"(?=[A-Za-z_])");
    private static final Pattern BARE_NON_NUMBER =
            Pattern.compile("(?<=[:\\[,])\\s*-?(?:inf|nan|Infinity|NaN)\\s*(?=[,}\\]])", Pattern.CASE_INSENSITIVE);

    private LenientJson() {}

    /** The shared mapper (lenient read features on). */
    public static JsonMapper mapper() {
        return MAPPER;
    }

    /**
     * Parses {@code raw}, repairing it when strict parsing fails.
     *
     * @throws IllegalArgumentException when nothing JSON-like can be recovered
     */
    public static JsonNode parse(String raw) {
        String s = stripNul(raw).strip();
        try {
            return MAPPER.readTree(s);
        } catch (JsonProcessingException first) {
            String fixed = repair(s);
            try {
                return MAPPER.readTree(fixed);
            } catch (JsonProcessingException second) {
                try {
                    return MAPPER.readTree(closeTruncated(fixed));
                } catch (JsonProcessingException third) {
                    throw new IllegalArgumentException(
                            "not JSON even after repair: " + first.getOriginalMessage() + " in '" + abbreviate(s) + "'",
                            third);
                }
            }
        }
    }

    /** Removes everything from the first NUL on (cgminer terminates replies with one). */
    public static String stripNul(String s) {
        int z = s.indexOf('\0');
        return z >= 0 ? s.substring(0, z) : s;
    }

    /** The textual repairs, applied in order. */
    static String repair(String s) {
        String t = s.replace("\r", "").replace("\n", "");
        t = MISSING_COMMA.matcher(t).replaceAll("},{");
        t = LEADING_COMMA.matcher(t).replaceAll("$1");
        t = TRAILING_COMMA.matcher(t).replaceAll("$1");
        t = LOST_SEPARATOR.matcher(t).replaceAll("\",\"");
        t = BARE_NON_NUMBER.matcher(t).replaceAll("0");
        return t;
    }

    /** Closes open strings, arrays and objects of a reply cut off mid-way, dropping a dangling key or comma. */
    static String closeTruncated(String s) {
        StringBuilder stack = new StringBuilder();
        boolean inString = false;
        boolean escaped = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (inString) {
                if (escaped) {
                    escaped = false;
                } else if (c == '\\') {
                    escaped = true;
                } else if (c == '"') {
                    inString = false;
                }
                continue;
            }
            switch (c) {
                case '"' -> inString = true;
                case '{' -> stack.append('}');
                case '[' -> stack.append(']');
                case '}', ']' -> {
                    if (!stack.isEmpty()) {
                        stack.setLength(stack.length() - 1);
                    }
                }
                default -> {}
            }
        }
        StringBuilder out = new StringBuilder(s);
        if (inString) {
            out.append('"');
        }
        String t = out.toString().stripTrailing();
        // A dangling "key": or "key" or trailing comma cannot be completed; drop it.
        t = t.replaceAll(",\\s*\"[^\"]*\"\\s*:?\\s*$", "").replaceAll("[,:]\\s*$", "");
        StringBuilder closed = new StringBuilder(t);
        for (int i = stack.length() - 1; i >= 0; i--) {
            closed.append(stack.charAt(i));
        }
        return closed.toString();
    }

    private static String abbreviate(String s) {
        return s.length() <= 120 ? s : s.substring(0, 120) + "...";
    }
}
