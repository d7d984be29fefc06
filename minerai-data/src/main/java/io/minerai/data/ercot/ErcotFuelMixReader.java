package io.minerai.data.ercot;

import io.minerai.core.time.TimeGrid;
import io.minerai.core.time.TimeSeries;
import io.minerai.core.validation.Problem;
import io.minerai.core.validation.ValidationException;
import io.minerai.data.csv.CsvFile;
import io.minerai.data.csv.CsvHeader;
import io.minerai.data.csv.CsvRow;
import io.minerai.data.csv.FileProblems;
import io.minerai.data.csv.ProblemCollector;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the 15-minute ERCOT fuel-mix CSV ({@code interval_end_utc} as ISO-8601 UTC, then {@code <Fuel>_MWh} columns;
 * {@code interval_end_local}, {@code operating_day}, {@code source_interval_label} and {@code settlement_type} are
 * ignored) into a {@link FuelMix}. Each row's interval starts 15 minutes before {@code interval_end_utc}. Errors, all
 * collected: missing columns, unparsable or off-quarter-hour times, non-numeric values, duplicate intervals (also
 * across files). Intervals absent from the files are missing.
 */
public final class ErcotFuelMixReader {
    /** Classpath folder of the bundled files. */
    public static final String BUNDLED_FOLDER = "/io/minerai/data/ercot_fuel_mix/";
    /** The bundled files, one per year. */
    public static final List<String> BUNDLED_FILES =
            List.of("ercot_fuel_mix_15min_2023.csv", "ercot_fuel_mix_15min_2024.csv");

    private static final long STEP_S = 900;

    private ErcotFuelMixReader() {}

    /** The bundled 2023 and 2024 fuel mix, parsed once and cached. */
    public static FuelMix bundled() {
        return Bundled.MIX;
    }

    /** Reads one or more files (e.g. one per year) as one fuel mix. */
    public static FuelMix read(List<Path> paths) {
        ProblemCollector problems = new ProblemCollector();
        Parser p = new Parser();
        for (Path path : paths) {
            FileProblems fp = problems.forFile(path.getFileName().toString());
            CsvFile.read(path, fp, h -> p.header(h, fp), r -> p.row(r));
        }
        problems.throwIfAny("ERCOT fuel mix");
        return p.build(paths.toString());
    }

    /** Reads one stream (closed afterwards). */
    public static FuelMix read(InputStream in, String fileName) {
        ProblemCollector problems = new ProblemCollector();
        Parser p = new Parser();
        FileProblems fp = problems.forFile(fileName);
        CsvFile.read(in, fp, h -> p.header(h, fp), r -> p.row(r));
        problems.throwIfAny("ERCOT fuel mix " + fileName);
        return p.build(fileName);
    }

    private static final class Bundled {
        static final FuelMix MIX = load();

        private static FuelMix load() {
            ProblemCollector problems = new ProblemCollector();
            Parser p = new Parser();
            for (String f : BUNDLED_FILES) {
                FileProblems fp = problems.forFile(f);
                CsvFile.readResource(BUNDLED_FOLDER + f + ".gz", fp, h -> p.header(h, fp), r -> p.row(r));
            }
            problems.throwIfAny("bundled ERCOT fuel mix");
            return p.build("ERCOT Interval Generation by Fuel 2023-2024 (IntGenbyFuel2023/2024.xlsx)");
        }
    }

    private static final class Parser {
        final List<String> fuels = new ArrayList<>();
        int endCol = -1;
        int[] fuelCols = new int[0];
        final List<Long> quarters = new ArrayList<>();
        final List<double[]> rows = new ArrayList<>();
        final Map<Long, String> whereOf = new HashMap<>();

        boolean header(CsvHeader h, FileProblems fp) {
            endCol = h.require("interval_end_utc", fp);
            List<String> names = new ArrayList<>();
            List<Integer> cols = new ArrayList<>();
            for (int i = 0; i < h.size(); i++) {
                String n = h.names().get(i).strip();
                if (n.endsWith("_MWh") && n.length() > 4) {
                    names.add(n.substring(0, n.length() - 4));
                    cols.add(i);
                }
            }
            if (names.isEmpty()) {
                fp.atLine(1, "no <Fuel>_MWh columns; the header has " + h.describe());
                return false;
            }
            if (fuels.isEmpty()) {
                fuels.addAll(names);
            } else if (!fuels.equals(names)) {
                fp.atLine(1, "fuel columns " + names + " differ from the first file's " + fuels);
                return false;
            }
            fuelCols = cols.stream().mapToInt(Integer::intValue).toArray();
            return endCol >= 0;
        }

        void row(CsvRow r) {
            FileProblems fp = r.problems();
            int before = fp.total();
            String s = r.text(endCol);
            long endS = Long.MIN_VALUE;
            try {
                Instant end = Instant.parse(s);
                endS = end.getEpochSecond();
                if (endS % STEP_S != 0 || end.getNano() != 0) {
                    r.problem(endCol, "not on a quarter hour: '" + s + "'");
                }
            } catch (DateTimeParseException e) {
                r.problem(endCol, "not an ISO-8601 UTC time such as 2024-01-01T06:15:00Z: '" + s + "'");
            }
            double[] v = new double[fuelCols.length];
            for (int k = 0; k < v.length; k++) {
                v[k] = r.numberOrNaN(fuelCols[k]);
            }
            if (fp.total() > before) {
                return;
            }
            long quarter = endS / STEP_S - 1;
            String first = whereOf.putIfAbsent(quarter, fp.fileName() + ":" + r.line());
            if (first != null) {
                r.problem(endCol, "duplicate interval ending " + s + " (first at " + first + ")");
                return;
            }
            quarters.add(quarter);
            rows.add(v);
        }

        FuelMix build(String source) {
            if (quarters.isEmpty()) {
                throw new ValidationException("ERCOT fuel mix", new Problem(source, "no data rows"));
            }
            long q0 = quarters.stream().mapToLong(Long::longValue).min().orElseThrow();
            long q1 = quarters.stream().mapToLong(Long::longValue).max().orElseThrow();
            TimeGrid grid =
                    new TimeGrid(Instant.ofEpochSecond(q0 * STEP_S), Duration.ofMinutes(15), (int) (q1 - q0 + 1));
            Map<String, TimeSeries> out = new LinkedHashMap<>();
            for (int k = 0; k < fuels.size(); k++) {
                double[] vals = new double[grid.count()];
                Arrays.fill(vals, Double.NaN);
                for (int r = 0; r < quarters.size(); r++) {
                    vals[(int) (quarters.get(r) - q0)] = rows.get(r)[k];
                }
                TimeSeries.Builder b = TimeSeries.builder(fuels.get(k), "MWh", grid);
                for (int i = 0; i < vals.length; i++) {
                    if (!Double.isNaN(vals[i])) {
                        b.set(i, vals[i]);
                    }
                }
                out.put(fuels.get(k), b.build());
            }
            return new FuelMix(source, out);
        }
    }
}
