package io.minerai.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Schema version 5: moves every ledger of the old fixed-column {@code run_ledger} table into the generic columnar
 * tables of version 4, under the names the API has always used, then drops the old table. The column list here is
 * history: the layout of {@code run_ledger} as migration V1 made it; new ledgers are columns chosen by the application.
 */
final class LedgerToColumnsMigration implements JavaMigration {
    /** SQL column of the old table, API name, aggregation (additive money and BTC were summed, the rest averaged). */
    private record Old(String sql, String name, Aggregation aggregation) {}

    private static final List<Old> OLD = List.of(
            new Old("price_usd_per_mwh", "priceUsdPerMwh", Aggregation.MEAN_OF_DISPATCHED),
            new Old("hashprice_usd_per_ph_day", "hashpriceUsdPerPhDay", Aggregation.MEAN_OF_DISPATCHED),
            new Old("generation_mw", "generationMw", Aggregation.MEAN_OF_DISPATCHED),
            new Old("import_mw", "importMw", Aggregation.MEAN_OF_DISPATCHED),
            new Old("export_mw", "exportMw", Aggregation.MEAN_OF_DISPATCHED),
            new Old("spill_mw", "spillMw", Aggregation.MEAN_OF_DISPATCHED),
            new Old("mining_mw", "miningMw", Aggregation.MEAN_OF_DISPATCHED),
            new Old("ai_cloud_mw", "aiCloudMw", Aggregation.MEAN_OF_DISPATCHED),
            new Old("colocation_mw", "colocationMw", Aggregation.MEAN_OF_DISPATCHED),
            new Old("revenue_mining_usd", "revenueMiningUsd", Aggregation.SUM),
            new Old("revenue_ai_cloud_usd", "revenueAiCloudUsd", Aggregation.SUM),
            new Old("revenue_colocation_usd", "revenueColocationUsd", Aggregation.SUM),
            new Old("revenue_export_usd", "revenueExportUsd", Aggregation.SUM),
            new Old("revenue_ppa_sellback_usd", "revenuePpaSellbackUsd", Aggregation.SUM),
            new Old("revenue_ancillary_usd", "revenueAncillaryUsd", Aggregation.SUM),
            new Old("power_cost_usd", "powerCostUsd", Aggregation.SUM),
            new Old("net_usd", "netUsd", Aggregation.SUM),
            new Old("btc_mined", "btcMined", Aggregation.SUM),
            new Old("miner_energy_cost_usd", "minerEnergyCostUsd", Aggregation.SUM),
            new Old("energy_cost_usd_per_mwh", "energyCostUsdPerMwh", Aggregation.MEAN_OF_DISPATCHED));

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("5");
    }

    @Override
    public String getDescription() {
        return "ledger to columns";
    }

    @Override
    public Integer getChecksum() {
        return 5;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        List<Long> runs = new ArrayList<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT DISTINCT run_id FROM run_ledger ORDER BY run_id")) {
            while (rs.next()) {
                runs.add(rs.getLong(1));
            }
        }
        for (long run : runs) {
            migrateRun(c, run);
        }
        try (Statement st = c.createStatement()) {
            st.execute("DROP TABLE run_ledger");
        }
    }

    private static void migrateRun(Connection c, long run) throws SQLException {
        List<long[]> times = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT interval_start_utc, dispatched");
        OLD.forEach(o -> sql.append(", ").append(o.sql()));
        sql.append(" FROM run_ledger WHERE run_id = ? ORDER BY interval_index");
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            ps.setLong(1, run);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    times.add(new long[] {
                        Jdbc.requiredInstant(rs, "interval_start_utc").toEpochMilli()
                    });
                    double[] row = new double[OLD.size() + 1];
                    row[0] = rs.getBoolean("dispatched") ? 1 : 0;
                    for (int k = 0; k < OLD.size(); k++) {
                        row[k + 1] = rs.getDouble(k + 3);
                    }
                    rows.add(row);
                }
            }
        }
        int n = rows.size();
        long[] ms = new long[n];
        for (int i = 0; i < n; i++) {
            ms[i] = times.get(i)[0];
        }
        SeriesChunks.insertTimes(c, run, ms);
        List<ColumnInfo> columns = new ArrayList<>();
        columns.add(new ColumnInfo(RunLedger.DISPATCHED, Aggregation.MEAN));
        OLD.forEach(o -> columns.add(new ColumnInfo(o.name(), o.aggregation())));
        for (int k = 0; k < columns.size(); k++) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = rows.get(i)[k];
            }
            SeriesChunks.insert(c, run, columns.get(k).name(), v);
        }
        RunRepository.insertColumns(c, run, columns);
    }
}
