package io.minerai.ops.gpu;

import io.minerai.ops.proto.Lenient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The nvidia-smi query used for telemetry and its CSV output ({@code --format=csv,noheader,nounits}), plus the
 * header-and-units form people paste ({@code utilization.gpu [%]}, {@code 40 %}). Unsupported values ({@code [N/A]},
 * {@code [Not Supported]}) become NaN.
 */
public final class NvidiaSmi {
    /** Fields queried, in order. */
    public static final List<String> FIELDS = List.of(
            "index",
            "uuid",
            "name",
            "power.draw",
            "power.limit",
            "enforced.power.limit",
            "power.min_limit",
            "power.max_limit",
            "power.default_limit",
            "utilization.gpu",
            "temperature.gpu");

    private NvidiaSmi() {}

    /** The telemetry command line. */
    public static List<String> queryCommand() {
        return List.of("nvidia-smi", "--query-gpu=" + String.join(",", FIELDS), "--format=csv,noheader,nounits");
    }

    /** The power-cap command line: {@code nvidia-smi -i N -pl W}. */
    public static List<String> setPowerLimitCommand(int index, double watts) {
        return List.of("nvidia-smi", "-i", Integer.toString(index), "-pl", String.format(Locale.ROOT, "%.0f", watts));
    }

    /** Parses rows of {@link #FIELDS} without header or units. */
    public static List<GpuReading> parseQuery(String csv) {
        List<GpuReading> out = new ArrayList<>();
        for (Map<String, String> row : parseCsv(csv, FIELDS)) {
            out.add(reading(row));
        }
        return out;
    }

    /** Parses CSV whose first line is a header such as {@code index, name, power.draw [W]}; units are stripped. */
    public static List<Map<String, String>> parseWithHeader(String csv) {
        String[] lines = csv.strip().split("\\R");
        if (lines.length == 0) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (String h : lines[0].split(",")) {
            String n = h.strip();
            int br = n.indexOf(" [");
            names.add(br > 0 ? n.substring(0, br) : n);
        }
        return parseCsv(String.join("\n", java.util.Arrays.copyOfRange(lines, 1, lines.length)), names);
    }

    /** Splits rows by commas into maps keyed by {@code fields}; too few columns is an error naming the line. */
    public static List<Map<String, String>> parseCsv(String csv, List<String> fields) {
        List<Map<String, String>> out = new ArrayList<>();
        int lineNo = 0;
        for (String line : csv.split("\\R")) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            String[] cols = line.split(",", -1);
            if (cols.length < fields.size()) {
                throw new IllegalArgumentException("nvidia-smi output line " + lineNo + ": expected " + fields.size()
                        + " columns, found " + cols.length + ": '" + line + "'");
            }
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < fields.size(); i++) {
                row.put(fields.get(i), cols[i].strip());
            }
            out.add(row);
        }
        return out;
    }

    static GpuReading reading(Map<String, String> r) {
        return new GpuReading(
                (int) Lenient.number(r.getOrDefault("index", "-1")),
                r.getOrDefault("uuid", ""),
                r.getOrDefault("name", ""),
                num(r, "power.draw", "power.draw.instant", "power.draw.average"),
                num(r, "power.limit"),
                num(r, "enforced.power.limit"),
                num(r, "power.min_limit"),
                num(r, "power.max_limit"),
                num(r, "power.default_limit"),
                num(r, "utilization.gpu"),
                num(r, "temperature.gpu"));
    }

    private static double num(Map<String, String> r, String... keys) {
        for (String k : keys) {
            String v = r.get(k);
            if (v != null) {
                double d = Lenient.number(v);
                if (!Double.isNaN(d)) {
                    return d;
                }
            }
        }
        return Double.NaN;
    }
}
