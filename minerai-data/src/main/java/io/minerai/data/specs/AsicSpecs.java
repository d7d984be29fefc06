package io.minerai.data.specs;

import io.minerai.data.csv.CsvFile;
import io.minerai.data.csv.CsvHeader;
import io.minerai.data.csv.CsvRow;
import io.minerai.data.csv.FileProblems;
import io.minerai.data.csv.ProblemCollector;
import java.io.InputStream;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Bitcoin ASIC miner nameplate specs: the bundled F2Pool miner listing (March 2020, 86 models up to Antminer S19 Pro /
 * Whatsminer M30S; UTF-8 with BOM, trailing empty columns). Newer models (S19 XP, S21, M50/M60) are not in it.
 * Profitability columns of the listing are a 2020 snapshot and are ignored.
 */
public final class AsicSpecs {
    /** Classpath location of the bundled listing. */
    public static final String BUNDLED_RESOURCE = "/io/minerai/data/asic_specs/mining-devices.csv";

    private static final List<String> COLUMNS = List.of(
            "Company",
            "Device",
            "Hashrate (T)",
            "Power Consumption (W)",
            "Unit Power (W/T) #",
            "Year Released",
            "Month Released");

    private final List<AsicSpec> specs;

    private AsicSpecs(List<AsicSpec> specs) {
        this.specs = List.copyOf(specs);
    }

    /** The bundled listing, parsed once and cached. */
    public static AsicSpecs bundled() {
        return Bundled.SPECS;
    }

    /** Reads a listing in the same layout; a ValidationException lists every problem. */
    public static AsicSpecs read(InputStream in, String fileName) {
        ProblemCollector problems = new ProblemCollector();
        FileProblems fp = problems.forFile(fileName);
        int[] idx = new int[COLUMNS.size()];
        List<AsicSpec> out = new ArrayList<>();
        CsvFile.read(
                in,
                fp,
                (CsvHeader h) -> {
                    int[] found = h.requireAll(COLUMNS, fp);
                    System.arraycopy(found, 0, idx, 0, found.length);
                    return Arrays.stream(found).allMatch(i -> i >= 0);
                },
                (CsvRow r) -> {
                    int before = fp.total();
                    String maker = r.text(idx[0]);
                    String model = r.text(idx[1]).replaceAll("\\s+\\)", ")");
                    if (model.isEmpty()) {
                        r.problem(idx[1], "empty; a model name is required");
                    }
                    double th = positive(r, idx[2]);
                    double w = positive(r, idx[3]);
                    double jth = positive(r, idx[4]);
                    int year = r.requiredInt(idx[5]);
                    int month = r.requiredInt(idx[6]);
                    if (year != Integer.MIN_VALUE && (year < 2009 || year > 2100)) {
                        r.problem(idx[5], "not a plausible year: " + year);
                    }
                    if (month != Integer.MIN_VALUE && (month < 1 || month > 12)) {
                        r.problem(idx[6], "month must be 1..12, was " + month);
                    }
                    if (fp.total() == before) {
                        out.add(new AsicSpec(maker, model, th, w, jth, YearMonth.of(year, month)));
                    }
                });
        problems.throwIfAny("ASIC specs " + fileName);
        return new AsicSpecs(out);
    }

    private static double positive(CsvRow r, int col) {
        double v = r.requiredNumber(col);
        if (!Double.isNaN(v) && !(v > 0)) {
            r.problem(col, "must be > 0, was " + r.text(col));
        }
        return v;
    }

    private static final class Bundled {
        static final AsicSpecs SPECS = load();

        private static AsicSpecs load() {
            InputStream in = AsicSpecs.class.getResourceAsStream(BUNDLED_RESOURCE);
            if (in == null) {
                throw new IllegalStateException("bundled resource missing: " + BUNDLED_RESOURCE);
            }
            return read(in, "mining-devices.csv");
        }
    }

    /** Every model, in file order (newest first in the bundled listing). */
    public List<AsicSpec> all() {
        return specs;
    }

    /**
     * Every row of a model name, ignoring case and surrounding spaces (the listing has e.g. two "Antminer S9" rows:
     * the 2019 14 TH/s edition and the 2016 13 TH/s original).
     */
    public List<AsicSpec> findAll(String model) {
        String want = model.strip().toLowerCase(Locale.ROOT);
        return specs.stream()
                .filter(s -> s.model().toLowerCase(Locale.ROOT).equals(want))
                .toList();
    }

    /** The first (in the bundled listing: newest) row of a model name, ignoring case and surrounding spaces. */
    public Optional<AsicSpec> find(String model) {
        String want = model.strip().toLowerCase(Locale.ROOT);
        return specs.stream()
                .filter(s -> s.model().toLowerCase(Locale.ROOT).equals(want))
                .findFirst();
    }
}
