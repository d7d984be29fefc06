package io.minerai.report.csv;

import io.minerai.core.time.TimeGrid;
import io.minerai.dispatch.Dispatch;
import io.minerai.dispatch.DispatchLedger;
import io.minerai.dispatch.DispatchResult;
import io.minerai.dispatch.LoadClass;
import io.minerai.dispatch.LoadInfo;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntToDoubleFunction;

/**
 * Writes the per-interval CSV of a settled dispatch, one row per interval of the grid, streaming (one row in memory at
 * a time). Columns, units in their names:
 *
 * <pre>
 * interval_start_utc        ISO-8601 instant of the interval start
 * dispatched                true, or false when the interval was skipped for missing data
 * price_usd_per_mwh         real-time price
 * hashprice_usd_per_ph_day  hashprice of the interval's UTC day
 * generation_mw, import_mw, export_mw, spill_mw
 * load_class_mining_mw, load_class_ai_cloud_mw, load_class_colocation_mw
 * load_&lt;asset&gt;_mw           one per load, in site order
 * revenue_mining_usd, revenue_ai_cloud_usd, revenue_colocation_usd, revenue_export_usd,
 * revenue_ppa_sellback_usd, revenue_ancillary_usd, power_cost_usd, net_usd
 * btc_mined                 BTC after pool fees
 * energy_cost_usd_per_mwh   average cost of the energy the site consumed
 * </pre>
 *
 * Skipped intervals keep their timestamp and {@code dispatched=false}; every numeric field is empty there (missing,
 * not zero). Numbers are plain decimals rounded to a fixed number of places per column (see {@link #columns}).
 * Fields are quoted per RFC 4180 where needed (asset names may hold commas or quotes); should two per-load column
 * names coincide with each other or a fixed column, later ones get {@code _2}, {@code _3} before the unit. Lines end with
 * {@code \n}.
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
        DispatchLedger ledger = result.ledger();
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
    static List<Column> columns(DispatchLedger ledger) {
        Dispatch d = ledger.dispatch();
        List<Column> cols = new ArrayList<>();
        cols.add(new Column("price_usd_per_mwh", PRICE_DECIMALS, t -> ledger.priceUsdPerMwh()[t]));
        cols.add(new Column("hashprice_usd_per_ph_day", PRICE_DECIMALS, t -> ledger.hashpriceUsdPerPhDay()[t]));
        cols.add(new Column("generation_mw", MW_DECIMALS, t -> d.generationMw()[t]));
        cols.add(new Column("import_mw", MW_DECIMALS, t -> d.importMw()[t]));
        cols.add(new Column("export_mw", MW_DECIMALS, t -> d.exportMw()[t]));
        cols.add(new Column("spill_mw", MW_DECIMALS, t -> d.spillMw()[t]));
        Set<String> used = new HashSet<>();
        for (Column c : cols) {
            used.add(c.name());
        }
        for (LoadClass lc : LoadClass.values()) {
            String name = "load_class_" + lc.name().toLowerCase(Locale.ROOT) + "_mw";
            used.add(name);
            cols.add(new Column(name, MW_DECIMALS, t -> ledger.loadMw(t, lc)));
        }
        List<LoadInfo> loads = d.loads();
        for (int l = 0; l < loads.size(); l++) {
            int li = l;
            String name = unique("load_" + loads.get(l).name(), "_mw", used);
            cols.add(new Column(name, MW_DECIMALS, t -> d.loadMw(t, li)));
        }
        cols.add(new Column("revenue_mining_usd", USD_DECIMALS, t -> ledger.revenueMiningUsd()[t]));
        cols.add(new Column("revenue_ai_cloud_usd", USD_DECIMALS, t -> ledger.revenueAiCloudUsd()[t]));
        cols.add(new Column("revenue_colocation_usd", USD_DECIMALS, t -> ledger.revenueColocationUsd()[t]));
        cols.add(new Column("revenue_export_usd", USD_DECIMALS, t -> ledger.revenueExportUsd()[t]));
        cols.add(new Column("revenue_ppa_sellback_usd", USD_DECIMALS, t -> ledger.revenuePpaSellbackUsd()[t]));
        cols.add(new Column("revenue_ancillary_usd", USD_DECIMALS, t -> ledger.revenueAncillaryUsd()[t]));
        cols.add(new Column("power_cost_usd", USD_DECIMALS, t -> ledger.powerCostUsd()[t]));
        cols.add(new Column("net_usd", USD_DECIMALS, ledger::netUsd));
        cols.add(new Column("btc_mined", BTC_DECIMALS, t -> ledger.btcMined()[t]));
        cols.add(new Column("energy_cost_usd_per_mwh", PRICE_DECIMALS, t -> ledger.energyCostUsdPerMwh()[t]));
        return cols;
    }

    private static String unique(String stem, String unitSuffix, Set<String> used) {
        String candidate = stem + unitSuffix;
        int k = 2;
        while (!used.add(candidate)) {
            candidate = stem + "_" + k++ + unitSuffix;
        }
        return candidate;
    }
}
