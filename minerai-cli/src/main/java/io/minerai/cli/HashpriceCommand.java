package io.minerai.cli;

import io.minerai.core.bitcoin.BitcoinDay;
import io.minerai.core.bitcoin.MiningEconomics;
import io.minerai.core.validation.Problem;
import io.minerai.core.validation.ValidationException;
import io.minerai.data.bitcoin.BitcoinHistory;
import io.minerai.data.bitcoin.CoinMetricsReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Daily hashprice from Coin Metrics network data, optionally with a machine's revenue per MWh and breakeven. */
@Command(
        name = "hashprice",
        mixinStandardHelpOptions = true,
        description = {
            "Hashprice (USD per PH/s per day) for a UTC date or range: (subsidy + fees that day) x BTC price / network"
                    + " hashrate, from the bundled Coin Metrics data (2024-01-01 .. 2025-12-29) or your own file.",
            "With --efficiency-j-per-th it also prints revenue per MWh and the breakeven power price."
        })
final class HashpriceCommand implements Callable<Integer> {
    @Spec
    @SuppressWarnings("NullAway.Init")
    CommandSpec spec;

    @Option(names = "--date", description = "One UTC date, e.g. 2024-04-20. Default: the last day of the data.")
    @Nullable
    String date;

    @Option(names = "--from", description = "First UTC date of a range (inclusive).")
    @Nullable
    String from;

    @Option(names = "--to", description = "Last UTC date of a range (inclusive).")
    @Nullable
    String to;

    @Option(names = "--bitcoin-csv", description = "A CSV in Coin Metrics' columns instead of the bundled data.")
    @Nullable
    Path bitcoinCsv;

    @Option(names = "--efficiency-j-per-th", description = "Machine efficiency, J/TH (e.g. 17.5 for an S21).")
    @Nullable
    Double efficiencyJPerTh;

    @Option(
            names = "--pue",
            defaultValue = "1.0",
            description = "Facility power / machine power (default ${DEFAULT-VALUE}).")
    double pue;

    @Option(names = "--pool-fee", defaultValue = "0.0", description = "Pool fee fraction (default ${DEFAULT-VALUE}).")
    double poolFeeFraction;

    @Option(names = "--format", defaultValue = "table", description = "table, csv or json (default ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Override
    public Integer call() {
        BitcoinHistory history = bitcoinCsv == null ? CoinMetricsReader.bundled() : CoinMetricsReader.read(bitcoinCsv);
        LocalDate first;
        LocalDate last;
        if (date != null) {
            if (from != null || to != null) {
                throw new ValidationException("options", new Problem("--date", "use either --date or --from/--to"));
            }
            first = parse("--date", date);
            last = first;
        } else if (from != null || to != null) {
            first = from == null ? history.coverage().first() : parse("--from", from);
            last = to == null ? history.coverage().last() : parse("--to", to);
            if (last.isBefore(first)) {
                throw new ValidationException("options", new Problem("--to", "is before --from"));
            }
        } else {
            first = history.asMap().lastKey();
            last = first;
        }
        if (efficiencyJPerTh != null && !(efficiencyJPerTh > 0)) {
            throw new ValidationException("options", new Problem("--efficiency-j-per-th", "must be > 0"));
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        List<LocalDate> missing = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            var day = history.day(d);
            if (day.isEmpty()) {
                missing.add(d);
            } else {
                rows.add(row(day.get()));
            }
        }
        if (rows.isEmpty()) {
            throw new ValidationException(
                    "hashprice",
                    new Problem(
                            "--date",
                            "no data for " + first + (last.equals(first) ? "" : " .. " + last) + "; the data covers "
                                    + history.coverage() + " (" + history.source() + ")"));
        }
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case json -> out.println(Json.write(rows.size() == 1 && date != null ? rows.get(0) : rows));
            case csv -> {
                out.println(String.join(",", rows.get(0).keySet()));
                for (Map<String, Object> r : rows) {
                    out.println(String.join(
                            ",", r.values().stream().map(String::valueOf).toList()));
                }
            }
            case table -> table(out, rows);
        }
        if (!missing.isEmpty()) {
            spec.commandLine()
                    .getErr()
                    .println("minerai: no data for " + missing.size() + " day(s): "
                            + (missing.size() <= 5 ? missing : missing.subList(0, 5) + " ..."));
        }
        out.flush();
        return ExitCodes.OK;
    }

    private Map<String, Object> row(BitcoinDay d) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("date", d.dateUtc().toString());
        r.put("hashpriceUsdPerPhDay", round(d.hashpriceUsdPerPhDay(), 4));
        r.put("btcPerPhDay", round(d.btcPerPhDay(), 10));
        r.put("btcPriceUsd", round(d.priceUsdPerBtc(), 2));
        r.put("networkHashrateEhPerS", round(d.networkHashrateThPerS() / 1e6, 3));
        r.put("subsidyBtc", round(d.subsidyBtc(), 8));
        r.put("feesBtc", round(d.feesBtc(), 8));
        r.put("feeShare", round(d.feeShare(), 4));
        if (efficiencyJPerTh != null) {
            double e = efficiencyJPerTh;
            r.put("efficiencyJPerTh", e);
            r.put(
                    "revenueUsdPerMwh",
                    round(MiningEconomics.revenueUsdPerMwh(d.hashpriceUsdPerPhDay(), e, pue, poolFeeFraction), 2));
            r.put(
                    "breakevenPowerPriceUsdPerMwh",
                    round(
                            MiningEconomics.breakevenPowerPriceUsdPerMwh(
                                    d.hashpriceUsdPerPhDay(), e, pue, poolFeeFraction, 0),
                            2));
        }
        return r;
    }

    private static void table(PrintWriter out, List<Map<String, Object>> rows) {
        List<String> keys = new ArrayList<>(rows.get(0).keySet());
        String[] head = keys.stream().map(HashpriceCommand::label).toArray(String[]::new);
        int[] w = new int[keys.size()];
        for (int i = 0; i < keys.size(); i++) {
            w[i] = head[i].length();
            for (Map<String, Object> r : rows) {
                w[i] = Math.max(w[i], String.valueOf(r.get(keys.get(i))).length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < keys.size(); i++) {
            sb.append(String.format(Locale.ROOT, i == 0 ? "%-" + w[i] + "s" : "  %" + w[i] + "s", head[i]));
        }
        out.println(sb);
        for (Map<String, Object> r : rows) {
            sb.setLength(0);
            for (int i = 0; i < keys.size(); i++) {
                sb.append(String.format(
                        Locale.ROOT, i == 0 ? "%-" + w[i] + "s" : "  %" + w[i] + "s", r.get(keys.get(i))));
            }
            out.println(sb);
        }
    }

    private static String label(String key) {
        return switch (key) {
            case "date" -> "date (UTC)";
            case "hashpriceUsdPerPhDay" -> "$/PH/day";
            case "btcPerPhDay" -> "BTC/PH/day";
            case "btcPriceUsd" -> "BTC $";
            case "networkHashrateEhPerS" -> "EH/s";
            case "subsidyBtc" -> "subsidy BTC";
            case "feesBtc" -> "fees BTC";
            case "feeShare" -> "fee share";
            case "efficiencyJPerTh" -> "J/TH";
            case "revenueUsdPerMwh" -> "rev $/MWh";
            case "breakevenPowerPriceUsdPerMwh" -> "breakeven $/MWh";
            default -> key;
        };
    }

    private static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }

    private static LocalDate parse(String option, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new ValidationException(
                    "options", new Problem(option, "must be a date like 2024-04-20, was '" + value + "'"));
        }
    }
}
