package io.minerai.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.minerai.core.inputs.ScenarioInputs;
import io.minerai.core.scenario.Scenario;
import io.minerai.core.scenario.ScenarioPaths;
import io.minerai.core.scenario.ScenarioReader;
import io.minerai.core.scenario.ScenarioSchema;
import io.minerai.core.scenario.ScenarioValidator;
import io.minerai.core.validation.Problem;
import io.minerai.core.validation.ValidationException;
import io.minerai.data.resolve.InputResolver;
import io.minerai.dispatch.DispatchResult;
import io.minerai.optimize.ScenarioSettlement;
import io.minerai.report.summary.SummaryJson;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13's fuzz test: 10,000 mutated scenario and CSV files, read and (when accepted) run in one JVM, exactly as
 * {@code minerai backtest} does (read, warnings, file check, resolve, merit-order settlement, summary JSON). Every
 * outcome must be either a run whose totals are all numbers, or a {@link ValidationException} whose every problem is
 * located by a field path, {@code file:line[:column]} or {@code line N, column M}. Any other exception, a message
 * carrying a Java exception or stack frame, a null total or a case slower than {@link #SLOW} fails the test; the whole
 * batch runs under a hard time limit, so a hang fails too. A sample also goes through the real CLI ({@code validate})
 * to check what is printed.
 *
 * <p>The files are synthetic (labelled below); the seed is fixed, so a failure names the case to rerun.
 */
class InputFuzzTest {
    static final int CASES = 10_000;
    static final long SEED = 0x13_2026_12_04L;
    /** Every CLI_SAMPLE-th case also runs through {@code minerai validate}. */
    static final int CLI_SAMPLE = 50;

    static final Duration SLOW = Duration.ofSeconds(10);
    /** {@code -Dfuzz.trace=true} prints each case before it runs (to find a case that hangs or exhausts memory). */
    static final boolean TRACE = Boolean.getBoolean("fuzz.trace");

    /**
     * The hang guard of the whole batch, not a speed target: about 35 s of CPU on an idle 2-core machine, but 4 minutes
     * were exceeded in a clean-clone run at load average 15 (2026-12-05), so the guard is far above any loaded run. A
     * slow case is caught by {@link #SLOW}.
     */
    static final Duration BATCH_LIMIT = Duration.ofMinutes(20);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern FILE_LOCATION = Pattern.compile("^[^\\s:]+\\.(csv|yaml|json)(:\\d+(:.+)?)?$");
    private static final Pattern LINE_COLUMN = Pattern.compile("^line \\d+, column \\d+$");
    private static final Set<String> TOP_FIELDS =
            ScenarioSchema.SCENARIO.fields().stream().map(f -> f.name()).collect(Collectors.toSet());
    /** Summary fields that are undefined (null) when there is nothing to divide by; every other one is a total. */
    private static final Set<String> MAY_BE_NULL = Set.of(
            "btcPerMwh",
            "energyCostPerBtcUsd",
            "cashCostPerBtcUsd",
            "allInCostPerBtcUsd",
            "averagePriceUsdPerMwh",
            "averageHashpriceUsdPerPhDay");

    /** SYNTHETIC: a site on the bundled ERCOT and Coin Metrics data with every kind of asset and both programs. */
    static final String BUNDLED = """
            name: fuzz-bundled
            description: synthetic site for the input fuzz test
            period:
              start: 2024-07-01T00:00:00-05:00
              end: 2024-07-03T00:00:00-05:00
              step: 1h
            prices: {source: ercot-bundled, market: RTM}
            bitcoin: {source: coinmetrics-bundled}
            site:
              name: fuzz
              grid:
                settlementPoint: HB_WEST
                importCapMw: 80
                exportAllowed: true
                exportCapMw: 20
                tariffAdders:
                  - {name: tdsp, usdPerMwh: 4.5}
              minerFleets:
                - name: s21
                  model: Antminer S21
                  unitCount: 10000
                  unitHashrateThPerS: 200
                  unitPowerW: 3500
                  pue: 1.1
                  poolFeeFraction: 0.02
                  unitCapexUsd: 3500
                  depreciationYears: 3
                - {name: s19, model: S19 Pro, unitCount: 5000, unitHashrateThPerS: 110, unitPowerW: 3250, pue: 1.1}
              gpuClouds:
                - {name: h100, gpuModel: H100, gpuCount: 512, itKwPerGpu: 1.275, pue: 1.3, priceUsdPerGpuHour: 2.85,
                   utilizationFraction: 0.7, firm: false}
              colocationLeases:
                - {name: hpc, tenant: t, criticalItMw: 5, priceUsdPerKwMonth: 121.5, pue: 1.35, loadFactor: 1.0}
              generators:
                - name: solar
                  kind: solar
                  nameplateMw: 20
                  profile: {source: ercot-fuel-shape, fuel: Solar, peakCapacityFactor: 0.85, year: 2024}
              ppa: {quantityMw: 20, priceUsdPerMwh: 32}
              opex: {fixedUsdPerMonth: 150000, variableUsdPerMwh: 2}
            markets:
              coincidentPeak: {tariffUsdPerKwYear: 60, rule: hindsight}
              ancillary: {offerRrs: true, offerEcrs: true, offerNonSpin: false, maxOfferFraction: 0.5}
            """;

    /** SYNTHETIC: the same kind of site on three user CSV files. */
    static final String CSV_SCENARIO = """
            name: fuzz-csv
            period: {start: 2024-07-01T00:00:00Z, end: 2024-07-03T00:00:00Z, step: 1h}
            prices: {source: csv, path: p.csv, timeColumn: time, valueColumn: priceUsdPerMwh}
            bitcoin: {source: coinmetrics-csv, path: btc.csv}
            site:
              name: fuzz
              grid: {settlementPoint: HB_WEST, importCapMw: 40, tariffAdders: [{name: a, usdPerMwh: 3}]}
              minerFleets:
                - {name: f, model: S21, unitCount: 8000, unitHashrateThPerS: 200, unitPowerW: 3500, pue: 1.1}
              colocationLeases:
                - {name: c, criticalItMw: 2, priceUsdPerKwMonth: 120, pue: 1.3}
              generators:
                - name: pv
                  kind: solar
                  nameplateMw: 10
                  profile: {source: csv, path: cf.csv, timeColumn: time, column: capacityFactor}
            """;

    /** Replacement values for numbers, cells and timestamps. */
    static final List<String> ODD_VALUES = List.of(
            "0",
            "-1",
            "-0",
            "1e308",
            "-1e308",
            "1e309",
            "1e12",
            "1e13",
            "4.9e-324",
            "NaN",
            ".nan",
            ".inf",
            "-.inf",
            "Infinity",
            "2147483648",
            "-2147483649",
            "99999999999999999999999",
            "0x1F",
            "1_000",
            "abc",
            "\"\"",
            "''",
            "null",
            "~",
            "true",
            "[]",
            "{}",
            "[1, 2]",
            "{a: 1}",
            "1.5",
            "3.0e2",
            " ",
            "\"12\"",
            "-",
            "+",
            "1e",
            "..",
            "2024-07-01T00:00:00.5Z",
            "2024-07-01T00:00:00.000Z",
            "9999-12-31T23:59:59Z",
            "+999999999-12-31T00:00:00Z",
            "2024-13-01T00:00:00Z",
            "2024-07-01T00:00",
            "2024-07-01",
            "1h",
            "5m",
            "1s",
            "0m",
            "-1h",
            "P1Y",
            "PT0.5S",
            "1000000000000000d",
            "PT99999999999999H",
            "HB_WEST",
            "HB_NOWHERE",
            "csv",
            "constant",
            "ercot-bundled",
            "RTM",
            "DAM",
            "Solar",
            "é",
            "\u0000",
            "\t",
            "&a",
            "*a",
            "!!binary AAAA",
            "? x",
            "| x");

    private static final byte[][] ODD_BYTES = {
        {(byte) 0xFF},
        {(byte) 0xC3},
        {(byte) 0xE9},
        {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
        {(byte) 0xF4, (byte) 0x90},
        {0},
        {'\r'},
        {'\t'},
        {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
        {'"'},
        {','},
        {':'},
        {'-', ' '},
        {'\n'},
        {'#'},
        {'{'},
        {']'},
        {'&'},
        {'*'},
        {'!'},
        {'%'},
        {'@'},
        {'`'}
    };

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?(e-?\\d+)?");
    private static final Pattern VALUE = Pattern.compile(":\\s+([^,}\\]\\n#]+)");

    record Outcome(boolean accepted, List<Problem> problems, List<Problem> warnings) {}

    @Test
    void tenThousandMutatedScenarioAndCsvFilesNeverCrashHangOrLoseATotal(@TempDir Path dir) {
        Stats stats = assertTimeoutPreemptively(BATCH_LIMIT, () -> runAll(dir));
        assertThat(stats.failures).as("failures (case: what)").isEmpty();
        assertThat(stats.cases).isEqualTo(CASES);
        // the mutants exercise both sides: many refused, and a fair share still runs to a summary
        assertThat(stats.refused).isGreaterThan(CASES / 3);
        assertThat(stats.accepted).isGreaterThan(CASES / 20);
        assertThat(stats.cliRuns).isGreaterThanOrEqualTo(CASES / CLI_SAMPLE);
    }

    static final class Stats {
        int cases;
        int accepted;
        int refused;
        int warned;
        int cliRuns;
        long slowestNanos;
        final List<String> failures = new ArrayList<>();

        void fail(int i, String kind, String what) {
            if (failures.size() < 20) {
                failures.add("case " + i + " (" + kind + "): " + what);
            }
        }
    }

    static Stats runAll(Path dir) throws Exception {
        Random rnd = new Random(SEED);
        byte[] bundled = BUNDLED.getBytes(StandardCharsets.UTF_8);
        byte[] bundledJson = JSON.writerWithDefaultPrettyPrinter()
                .writeValueAsBytes(
                        new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readTree(BUNDLED));
        byte[] csvScenario = CSV_SCENARIO.getBytes(StandardCharsets.UTF_8);
        byte[] prices = pricesCsv();
        byte[] btc = bitcoinCsv();
        byte[] cf = capacityFactorCsv();
        Stats stats = new Stats();
        // the unmutated files run (so the mutants start from valid inputs); this also loads the bundled data once,
        // which would otherwise count against the first case's time
        clean(dir);
        for (Path base : List.of(
                write(dir, "s.yaml", bundled),
                write(dir, "s.json", bundledJson),
                writeCsvCase(dir, csvScenario, prices, btc, cf))) {
            Outcome o = runLikeBacktest(base, dir);
            if (!o.accepted() || !o.warnings().isEmpty()) {
                stats.fail(-1, base.getFileName().toString(), "the unmutated input must run without warnings: " + o);
            }
        }
        for (int i = 0; i < CASES; i++) {
            String kind;
            Path scenario;
            clean(dir);
            switch (i % 5) {
                case 0 -> {
                    kind = "scenario yaml";
                    scenario = write(dir, "s.yaml", mutate(bundled, rnd, true));
                }
                case 1 -> {
                    kind = "scenario json";
                    scenario = write(dir, "s.json", mutate(bundledJson, rnd, true));
                }
                case 2 -> {
                    kind = "prices csv";
                    scenario = writeCsvCase(dir, csvScenario, mutate(prices, rnd, false), btc, cf);
                }
                case 3 -> {
                    kind = "bitcoin csv";
                    scenario = writeCsvCase(dir, csvScenario, prices, mutate(btc, rnd, false), cf);
                }
                default -> {
                    kind = "profile csv";
                    scenario = writeCsvCase(dir, csvScenario, prices, btc, mutate(cf, rnd, false));
                }
            }
            if (TRACE) {
                System.err.println("case " + i + " " + kind);
            }
            long t0 = System.nanoTime();
            try {
                Outcome o = runLikeBacktest(scenario, dir);
                if (o.accepted()) {
                    stats.accepted++;
                } else {
                    stats.refused++;
                    for (Problem p : o.problems()) {
                        String bad = unlocated(p);
                        if (bad != null) {
                            stats.fail(i, kind, bad + ": " + p + "\n--- input:\n" + preview(dir, scenario, i));
                        }
                    }
                }
                if (!o.warnings().isEmpty()) {
                    stats.warned++;
                }
                for (Problem w : o.warnings()) {
                    String bad = unlocated(w);
                    if (bad != null) {
                        stats.fail(i, kind, "warning " + bad + ": " + w);
                    }
                }
            } catch (CaseFailure f) {
                stats.fail(i, kind, f.getMessage() + "\n--- input:\n" + preview(dir, scenario, i));
            } catch (RuntimeException | StackOverflowError e) {
                stats.fail(i, kind, describe(e) + "\n--- input:\n" + preview(dir, scenario, i));
            }
            long took = System.nanoTime() - t0;
            if (TRACE) {
                System.err.println("  took " + took / 1_000_000 + " ms");
            }
            stats.slowestNanos = Math.max(stats.slowestNanos, took);
            if (took > SLOW.toNanos()) {
                stats.fail(i, kind, "took " + took / 1_000_000 + " ms\n--- input:\n" + preview(dir, scenario, i));
            }
            if (i % CLI_SAMPLE == 0) {
                stats.cliRuns++;
                long c0 = System.nanoTime();
                CliRunner.Result r = CliRunner.run("validate", scenario.toString());
                if (TRACE) {
                    System.err.println("  cli took " + (System.nanoTime() - c0) / 1_000_000 + " ms");
                }
                String printed = r.out() + r.err();
                if (r.exitCode() != 0 && r.exitCode() != ExitCodes.INVALID_INPUT) {
                    stats.fail(i, kind, "validate exited " + r.exitCode() + ": " + r.err());
                }
                if (printed.contains("Exception") || printed.contains("\tat ") || printed.contains("MINERAI_DEBUG")) {
                    stats.fail(i, kind, "validate printed a Java exception: " + r.err());
                }
            }
            stats.cases++;
        }
        System.out.printf(
                Locale.ROOT,
                "input fuzz: %d cases, %d accepted (%d with warnings), %d refused, %d through the CLI, slowest %.0f ms%n",
                stats.cases,
                stats.accepted,
                stats.warned,
                stats.refused,
                stats.cliRuns,
                stats.slowestNanos / 1e6);
        return stats;
    }

    /** What {@code minerai backtest} does with a scenario, in process. */
    static Outcome runLikeBacktest(Path scenarioFile, Path dir) {
        Scenario s;
        List<Problem> warnings;
        try {
            s = ScenarioReader.read(scenarioFile);
            warnings = ScenarioValidator.warnings(s);
            List<Problem> files = ScenarioPaths.unreadable(s, dir);
            if (!files.isEmpty()) {
                return new Outcome(false, files, warnings);
            }
        } catch (ValidationException e) {
            return refused(e);
        }
        try {
            ScenarioInputs inputs = InputResolver.resolve(s, dir);
            DispatchResult r = ScenarioSettlement.meritOrder(s, inputs, dir);
            checkTotals(SummaryJson.toJson(r.summary()));
            return new Outcome(true, List.of(), warnings);
        } catch (ValidationException e) {
            return refused(e);
        }
    }

    private static Outcome refused(ValidationException e) {
        String m = String.valueOf(e.getMessage());
        if (m.contains("Exception") || m.contains("\tat ") || m.contains("java.")) {
            throw new CaseFailure("message carries a Java exception: " + m);
        }
        if (e.problems().isEmpty()) {
            throw new CaseFailure("refused without a problem: " + m);
        }
        if (e.total() < e.problems().size()) {
            throw new CaseFailure("total below the problems listed: " + m);
        }
        return new Outcome(false, e.problems(), List.of());
    }

    private static void checkTotals(String json) {
        JsonNode s;
        try {
            s = JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new CaseFailure("summary is not JSON: " + json);
        }
        checkNumbers(s, "", json);
    }

    private static void checkNumbers(JsonNode n, String path, String json) {
        if (n.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = n.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                String p = path + e.getKey();
                JsonNode v = e.getValue();
                boolean undefinedOk = MAY_BE_NULL.contains(e.getKey()) || path.startsWith("programs.");
                if (v.isNull() && !undefinedOk) {
                    throw new CaseFailure("null total " + p + " in " + json);
                }
                checkNumbers(v, p + ".", json);
            }
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                checkNumbers(n.get(i), path + "[" + i + "].", json);
            }
        } else if (n.isNumber() && !Double.isFinite(n.asDouble())) {
            throw new CaseFailure("total " + path + " is " + n + " in " + json);
        }
    }

    /** Null when {@code p} is located; otherwise why not. */
    static @Nullable String unlocated(Problem p) {
        String path = p.path();
        if (path.isBlank()) {
            return "no location";
        }
        if (path.contains("\n")) {
            return "location spans lines";
        }
        if (FILE_LOCATION.matcher(path).matches() || LINE_COLUMN.matcher(path).matches()) {
            return null;
        }
        String first = path.split("[.\\[]", 2)[0];
        if (TOP_FIELDS.contains(first)
                || p.message().startsWith("unknown field")
                || p.message().startsWith("duplicate key")) {
            return null;
        }
        return "not a field path, file:line:column or line/column";
    }

    static final class CaseFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CaseFailure(String m) {
            super(m);
        }
    }

    private static String describe(Throwable e) {
        StackTraceElement[] st = e.getStackTrace();
        return e
                + (st.length > 0 ? " at " + st[0] : "")
                + (st.length > 1 ? " < " + st[1] : "")
                + (st.length > 2 ? " < " + st[2] : "");
    }

    // ---- synthetic CSV files (SYNTHETIC values, not market data) ----

    static byte[] pricesCsv() {
        StringBuilder sb = new StringBuilder("time,priceUsdPerMwh\n");
        Instant t = Instant.parse("2024-07-01T00:00:00Z");
        for (int h = 0; h < 48; h++) {
            sb.append(t.plusSeconds(3600L * h))
                    .append(',')
                    .append(20 + (h * 37) % 90 - 10)
                    .append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] bitcoinCsv() {
        StringBuilder sb = new StringBuilder("time,BlkCnt,FeeTotNtv,HashRate,IssTotNtv,PriceUSD\n");
        for (int d = 29; d <= 34; d++) {
            String day = d <= 30 ? "2024-06-" + d : "2024-07-0" + (d - 30);
            sb.append(day)
                    .append(",144,12.5,6.1e8,450,")
                    .append(60_000 + d * 100)
                    .append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] capacityFactorCsv() {
        StringBuilder sb = new StringBuilder("time,capacityFactor\n");
        Instant t = Instant.parse("2024-07-01T00:00:00Z");
        for (int h = 0; h < 48; h++) {
            int hour = h % 24;
            double cf = hour >= 12 && hour <= 24 ? Math.sin(Math.PI * (hour - 12) / 13.0) * 0.8 : 0;
            sb.append(t.plusSeconds(3600L * h))
                    .append(',')
                    .append(String.format(Locale.ROOT, "%.3f", Math.max(0, cf)))
                    .append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    // ---- mutation ----

    /** One to three random edits of {@code in}: values, lines, bytes, timestamps, truncation. */
    static byte[] mutate(byte[] in, Random rnd, boolean document) {
        byte[] out = in;
        int edits = 1 + rnd.nextInt(3);
        for (int k = 0; k < edits; k++) {
            out = switch (rnd.nextInt(document ? 10 : 11)) {
                case 0, 1, 2 -> replaceValue(out, rnd, document);
                case 3 -> lineEdit(out, rnd);
                case 4 -> insertBytes(out, rnd);
                case 5 -> truncate(out, rnd);
                case 6 -> timestampEdit(out, rnd);
                case 7 -> replaceNumber(out, rnd);
                case 8 -> document ? renameKey(out, rnd) : swapColumns(out, rnd);
                case 9 -> document ? reindent(out, rnd) : replaceValue(out, rnd, false);
                default -> header(out, rnd);
            };
        }
        return out;
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String odd(Random rnd) {
        return text(ODD_VALUES.get(rnd.nextInt(ODD_VALUES.size())).getBytes(StandardCharsets.UTF_8));
    }

    /** A YAML value (after ': ') or a CSV cell replaced with an odd value. */
    private static byte[] replaceValue(byte[] in, Random rnd, boolean document) {
        String s = text(in);
        if (document) {
            List<int[]> spans = new ArrayList<>();
            var m = VALUE.matcher(s);
            while (m.find()) {
                spans.add(new int[] {m.start(1), m.end(1)});
            }
            if (spans.isEmpty()) {
                return in;
            }
            int[] sp = spans.get(rnd.nextInt(spans.size()));
            return bytes(s.substring(0, sp[0]) + odd(rnd) + s.substring(sp[1]));
        }
        String[] lines = s.split("\n", -1);
        int li = rnd.nextInt(lines.length);
        String[] cells = lines[li].split(",", -1);
        cells[rnd.nextInt(cells.length)] = odd(rnd);
        lines[li] = String.join(",", cells);
        return bytes(String.join("\n", lines));
    }

    private static byte[] replaceNumber(byte[] in, Random rnd) {
        String s = text(in);
        var m = NUMBER.matcher(s);
        List<int[]> spans = new ArrayList<>();
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
        }
        if (spans.isEmpty()) {
            return in;
        }
        int[] sp = spans.get(rnd.nextInt(spans.size()));
        String n = s.substring(sp[0], sp[1]);
        String r = switch (rnd.nextInt(6)) {
            case 0 -> n + "0000000";
            case 1 -> "-" + n;
            case 2 -> n + "e300";
            case 3 -> n.length() > 1 ? n.substring(1) : "0";
            case 4 -> Integer.toString(rnd.nextInt(100_000) - 1000);
            default -> n + "." + rnd.nextInt(10);
        };
        return bytes(s.substring(0, sp[0]) + r + s.substring(sp[1]));
    }

    /** Deletes, duplicates, swaps or empties a line. */
    private static byte[] lineEdit(byte[] in, Random rnd) {
        List<String> lines = new ArrayList<>(Arrays.asList(text(in).split("\n", -1)));
        int a = rnd.nextInt(lines.size());
        int b = rnd.nextInt(lines.size());
        switch (rnd.nextInt(4)) {
            case 0 -> lines.remove(a);
            case 1 -> lines.add(b, lines.get(a));
            case 2 -> {
                String t = lines.get(a);
                lines.set(a, lines.get(b));
                lines.set(b, t);
            }
            default -> lines.set(a, "");
        }
        return bytes(String.join("\n", lines));
    }

    private static byte[] insertBytes(byte[] in, Random rnd) {
        byte[] ins = ODD_BYTES[rnd.nextInt(ODD_BYTES.length)];
        int at = rnd.nextInt(in.length + 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + ins.length);
        out.write(in, 0, at);
        out.write(ins, 0, ins.length);
        out.write(in, at, in.length - at);
        return out.toByteArray();
    }

    private static byte[] truncate(byte[] in, Random rnd) {
        return Arrays.copyOf(in, rnd.nextInt(in.length + 1));
    }

    /** Moves a timestamp by odd amounts, adds a fraction of a second or drops its offset. */
    private static byte[] timestampEdit(byte[] in, Random rnd) {
        String s = text(in);
        var m = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2})?(Z|[+-]\\d{2}:\\d{2})?")
                .matcher(s);
        List<int[]> spans = new ArrayList<>();
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
        }
        if (spans.isEmpty()) {
            return in;
        }
        int[] sp = spans.get(rnd.nextInt(spans.size()));
        String t = s.substring(sp[0], sp[1]);
        String r;
        try {
            Instant at = java.time.OffsetDateTime.parse(t).toInstant();
            r = switch (rnd.nextInt(6)) {
                case 0 -> at.plusSeconds(60L * (rnd.nextInt(200) - 100)).toString();
                case 1 -> at.plusMillis(1 + rnd.nextInt(999)).toString();
                case 2 -> t.replaceAll("(Z|[+-]\\d{2}:\\d{2})$", "");
                case 3 ->
                    at.plusSeconds(86_400L * 365 * (1 + rnd.nextInt(3000))).toString();
                case 4 -> at.minusSeconds(86_400L * (1 + rnd.nextInt(1000))).toString();
                default -> at.plusSeconds(1 + rnd.nextInt(59)).toString();
            };
        } catch (java.time.DateTimeException e) {
            r = "2024-07-01T00:00:00.25Z";
        }
        return bytes(s.substring(0, sp[0]) + r + s.substring(sp[1]));
    }

    private static byte[] renameKey(byte[] in, Random rnd) {
        String s = text(in);
        var m = Pattern.compile("([A-Za-z]+):").matcher(s);
        List<int[]> spans = new ArrayList<>();
        while (m.find()) {
            spans.add(new int[] {m.start(1), m.end(1)});
        }
        if (spans.isEmpty()) {
            return in;
        }
        int[] sp = spans.get(rnd.nextInt(spans.size()));
        String key = s.substring(sp[0], sp[1]);
        String r = switch (rnd.nextInt(4)) {
            case 0 -> key.toUpperCase(Locale.ROOT);
            case 1 -> key.substring(0, key.length() - 1);
            case 2 -> "\"\"";
            default -> key + "x";
        };
        return bytes(s.substring(0, sp[0]) + r + s.substring(sp[1]));
    }

    private static byte[] reindent(byte[] in, Random rnd) {
        List<String> lines = new ArrayList<>(Arrays.asList(text(in).split("\n", -1)));
        int a = rnd.nextInt(lines.size());
        lines.set(a, rnd.nextBoolean() ? "  " + lines.get(a) : lines.get(a).stripLeading());
        return bytes(String.join("\n", lines));
    }

    private static byte[] swapColumns(byte[] in, Random rnd) {
        List<String> lines = new ArrayList<>(Arrays.asList(text(in).split("\n", -1)));
        int cols = lines.get(0).split(",", -1).length;
        int a = rnd.nextInt(cols);
        int b = rnd.nextInt(cols);
        for (int i = 0; i < lines.size(); i++) {
            String[] c = lines.get(i).split(",", -1);
            if (c.length == cols) {
                String t = c[a];
                c[a] = c[b];
                c[b] = t;
                lines.set(i, String.join(",", c));
            }
        }
        return bytes(String.join("\n", lines));
    }

    private static byte[] header(byte[] in, Random rnd) {
        List<String> lines = new ArrayList<>(Arrays.asList(text(in).split("\n", -1)));
        String[] c = lines.get(0).split(",", -1);
        int a = rnd.nextInt(c.length);
        c[a] = switch (rnd.nextInt(4)) {
            case 0 -> c[a].toUpperCase(Locale.ROOT);
            case 1 -> " " + c[a] + " ";
            case 2 -> "";
            default -> c[a] + "2";
        };
        lines.set(0, String.join(",", c));
        return bytes(String.join("\n", lines));
    }

    // ---- files ----

    private static void clean(Path dir) throws java.io.IOException {
        for (String f : List.of("s.yaml", "s.json", "p.csv", "btc.csv", "cf.csv")) {
            Files.deleteIfExists(dir.resolve(f));
        }
    }

    private static Path write(Path dir, String name, byte[] content) throws java.io.IOException {
        Path f = dir.resolve(name);
        Files.write(f, content);
        return f;
    }

    private static Path writeCsvCase(Path dir, byte[] scenario, byte[] prices, byte[] btc, byte[] cf)
            throws java.io.IOException {
        write(dir, "p.csv", prices);
        write(dir, "btc.csv", btc);
        write(dir, "cf.csv", cf);
        return write(dir, "s.yaml", scenario);
    }

    private static String preview(Path dir, Path scenario, int i) {
        try {
            String file = switch (i % 5) {
                case 2 -> "p.csv";
                case 3 -> "btc.csv";
                case 4 -> "cf.csv";
                default -> scenario.getFileName().toString();
            };
            String t = new String(Files.readAllBytes(dir.resolve(file)), StandardCharsets.UTF_8);
            return t.length() > 1500 ? t.substring(0, 1500) + "..." : t;
        } catch (java.io.IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }
}
