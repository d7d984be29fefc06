package io.minerai.ops.gpu;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Parses Prometheus text exposition (format 0.0.4) as a DCGM exporter serves it: HELP/TYPE lines anywhere, labels in
 * any order with or without spaces after commas, escaped label values, optional timestamps. DCGM's "blank" sentinels
 * (int64 values from {@code 0x7ffffffffffffff0} = 9223372036854775792 up, e.g. 9223372036854775794 for "not
 * supported"; fp64 values 2^47 = 140737488355328 to 2^47 + 16) are dropped, not returned as readings.
 */
public final class PrometheusText {
    /**
     * One sample.
     *
     * @param name metric name
     * @param labels labels in file order
     * @param value value
     */
    public record Sample(String name, Map<String, String> labels, double value) {
        public String label(String key) {
            return labels.getOrDefault(key, "");
        }
    }

    /** Smallest DCGM int64 blank value. */
    static final double DCGM_INT64_BLANK = 9.223372036854775792e18;
    /** Smallest DCGM fp64 blank value (2^47). */
    static final double DCGM_FP64_BLANK = 140737488355328.0;

    private PrometheusText() {}

    /** Every sample, blanks dropped. Lines that do not parse are an error naming the line. */
    public static List<Sample> parse(String text) {
        List<Sample> out = new ArrayList<>();
        int lineNo = 0;
        for (String raw : text.split("\\R")) {
            lineNo++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            out.addAll(parseLine(line, lineNo));
        }
        return out;
    }

    private static List<Sample> parseLine(String line, int lineNo) {
        int i = 0;
        while (i < line.length() && line.charAt(i) != '{' && !Character.isWhitespace(line.charAt(i))) {
            i++;
        }
        String name = line.substring(0, i);
        Map<String, String> labels = new LinkedHashMap<>();
        if (i < line.length() && line.charAt(i) == '{') {
            i++;
            while (true) {
                while (i < line.length() && (line.charAt(i) == ',' || Character.isWhitespace(line.charAt(i)))) {
                    i++;
                }
                if (i >= line.length()) {
                    throw new IllegalArgumentException("line " + lineNo + ": unterminated label set: " + line);
                }
                if (line.charAt(i) == '}') {
                    i++;
                    break;
                }
                int eq = line.indexOf('=', i);
                if (eq < 0 || eq + 1 >= line.length() || line.charAt(eq + 1) != '"') {
                    throw new IllegalArgumentException("line " + lineNo + ": bad label at column " + (i + 1));
                }
                String key = line.substring(i, eq).strip();
                StringBuilder v = new StringBuilder();
                int j = eq + 2;
                for (; j < line.length(); j++) {
                    char c = line.charAt(j);
                    if (c == '\\' && j + 1 < line.length()) {
                        char n = line.charAt(++j);
                        v.append(n == 'n' ? '\n' : n);
                    } else if (c == '"') {
                        break;
                    } else {
                        v.append(c);
                    }
                }
                labels.put(key, v.toString());
                i = j + 1;
            }
        }
        String[] rest = line.substring(i).strip().split("\\s+");
        if (rest.length == 0 || rest[0].isEmpty()) {
            throw new IllegalArgumentException("line " + lineNo + ": no value: " + line);
        }
        double value = switch (rest[0]) {
            case "NaN" -> Double.NaN;
            case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> {
                try {
                    yield Double.parseDouble(rest[0]);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("line " + lineNo + ": bad value '" + rest[0] + "'", e);
                }
            }
        };
        if (isBlank(value)) {
            return List.of();
        }
        return List.of(new Sample(name, labels, value));
    }

    /** Whether a value is one of DCGM's blank sentinels. */
    public static boolean isBlank(double v) {
        return (v >= 9.223372036854775e18 && !Double.isInfinite(v))
                || (v >= DCGM_FP64_BLANK && v <= DCGM_FP64_BLANK + 16);
    }

    /** Sum of a metric over all its samples, or empty when there is none. */
    public static OptionalDouble sum(List<Sample> samples, String name) {
        double s = 0;
        boolean any = false;
        for (Sample x : samples) {
            if (x.name().equals(name) && !Double.isNaN(x.value())) {
                s += x.value();
                any = true;
            }
        }
        return any ? OptionalDouble.of(s) : OptionalDouble.empty();
    }
}
