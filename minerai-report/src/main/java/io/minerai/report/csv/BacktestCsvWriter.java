package io.minerai.report.csv;

import io.minerai.core.time.TimeGrid;
import io.minerai.dispatch.Dispatch;
import io.minerai.dispatch.DispatchResult;
import io.minerai.dispatch.ledger.Ledger;
import io.minerai.dispatch.ledger.Measure;
import io.minerai.dispatch.ledger.Stream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;

/**
 * Writes the per-interval CSV of a settled dispatch, one row per interval of the grid, streaming (one row in memory at
 * a time). The columns iterate over what the ledger declares, units in their names:
 *
 * <pre>
 * interval_start_utc        ISO-8601 instant of the interval start
 * dispatched                true, or false when the interval was skipped for missing data
 * &lt;measure&gt;                 every measure of the ledger in its order: price_usd_per_mwh, hashprice_usd_per_ph_day,
 *                           generation_mw, import_mw, export_mw, spill_mw, load_class_*_mw, load_&lt;asset&gt;_mw,
 *                           energy_cost_usd_per_mwh, btc_mined, miner_energy_cost_usd, reserve_&lt;product&gt;_mw,
 *                           gpu_job_&lt;job&gt;_mw, program peak flags, ...
 * stream_&lt;id&gt;_usd           every stream of the ledger, signed (revenues +, costs -): stream_mining_usd, ...,
 *                           stream_power_cost_usd, stream_transmission_4cp_usd, ...
 * net_usd                   the sum of the stream columns
 * </pre>
 *
 * Skipped intervals keep their timestamp and {@code dispatched=false}; every numeric field is empty there (missing,
 * not zero). Numbers are plain decimals rounded to a fixed number of places per column (see {@link #columns}). Fields
 * are quoted per RFC 4180 where needed (asset names may hold commas or quotes). Lines end with {@code \n}.
 */
public final class BacktestCsvWriter {
    private static final int MW_DECIMALS = 6;
    private static final int USD_DECIMALS = 6;
    private static final int PRICE_DECIMALS = 6;
    private static final int BTC_DECIMALS = 12;

    private BacktestCsvWriter() {}

    /**
     * One CSV column.
     *
     * @param name header, with its unit
     * @param decimals rounding of the values
     * @param value value of interval {@code t} (read only for dispatched intervals)
     */
    public record Column(String name, int decimals, IntToDoubleFunction value) {}

    /** Writes the CSV to {@code file} (UTF-8), replacing it. */
    public static void write(DispatchResult result, Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(result, w);
        }
    }

    /** Writes the CSV to {@code out}; flushes but does not close it. */
    public static void write(DispatchResult result, Writer out) throws IOException {
        Ledger ledger = result.ledger();
        Dispatch d = ledger.dispatch();
        TimeGrid grid = ledger.grid();
        List<Column> columns = columns(ledger);
        StringBuilder row = new StringBuilder(64 + columns.size() * 16);
        row.append("interval_start_utc,dispatched");
        for (Column c : columns) {
            row.append(',');
            CsvFormat.appendField(row, c.name());
        }
        row.append('\n');
        out.write(row.toString());
        boolean[] dispatched = d.dispatched();
        char[] buf = new char[row.capacity()];
        for (int t = 0; t < grid.count(); t++) {
            row.setLength(0);
            row.append(grid.start(t)).append(',').append(dispatched[t]);
            for (Column c : columns) {
                row.append(',');
                if (dispatched[t]) {
                    CsvFormat.appendNumber(row, c.value().applyAsDouble(t), c.decimals());
                }
            }
            row.append('\n');
            if (buf.length < row.length()) {
                buf = new char[row.length() * 2];
            }
            row.getChars(0, row.length(), buf, 0);
            out.write(buf, 0, row.length());
        }
        out.flush();
    }

    /** The header line's column names, in order (for tests and documentation). */
    public static List<String> header(DispatchResult result) {
        List<String> out = new ArrayList<>();
        out.add("interval_start_utc");
        out.add("dispatched");
        for (Column c : columns(result.ledger())) {
            out.add(c.name());
        }
        return out;
    }

    /** The numeric columns after {@code interval_start_utc} and {@code dispatched}. */
    static List<Column> columns(Ledger ledger) {
        List<Column> cols = new ArrayList<>();
        for (Measure m : ledger.measures()) {
            double[] v = ledger.values(m);
            cols.add(new Column(m.id(), decimals(m), t -> v[t]));
        }
        for (Stream st : ledger.streams()) {
            double[] a = ledger.amounts(st);
            cols.add(new Column(st.columnName("USD"), USD_DECIMALS, t -> a[t]));
        }
        cols.add(new Column("net_usd", USD_DECIMALS, ledger::netUsd));
        return cols;
    }

    private static int decimals(Measure m) {
        return switch (m.unit()) {
            case "BTC" -> BTC_DECIMALS;
            case "MW" -> MW_DECIMALS;
            case "USD" -> USD_DECIMALS;
            default -> PRICE_DECIMALS;
        };
    }
}
