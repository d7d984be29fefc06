package io.minerai.store;

import io.minerai.dispatch.LoadInfo;
import io.minerai.dispatch.ledger.Ledger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * Runs, their results and decision ledgers. A result and its ledger are written in the same transaction that marks the
 * run SUCCEEDED, so a run that was killed, failed or cancelled never has a result or ledger rows.
 */
public final class RunRepository {
    private static final String COLUMNS = "id, kind, scenario_id, scenario_version, parameters_json, status,"
            + " progress_fraction, phase, message, created_by, queued_utc, started_utc, finished_utc, solver_seconds";
    private static final int BATCH = 1000;
    private final Jdbc jdbc;
    private final Clock clock;

    RunRepository(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Queues a run. */
    public RunRecord create(NewRun r) {
        Instant now = clock.instant();
        long id = jdbc.tx("queue run", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO run (kind, scenario_id, scenario_version, parameters_json, status,"
                            + " progress_fraction, phase, created_by, queued_utc) VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, r.kind());
                if (r.hasScenario()) {
                    ps.setLong(2, r.scenarioId());
                    ps.setInt(3, r.scenarioVersion());
                } else {
                    ps.setNull(2, java.sql.Types.BIGINT);
                    ps.setNull(3, java.sql.Types.INTEGER);
                }
                ps.setString(4, r.parametersJson());
                ps.setString(5, RunStatus.QUEUED.name());
                ps.setString(6, "queued");
                ps.setString(7, r.createdBy());
                Jdbc.setInstant(ps, 8, now);
                ps.executeUpdate();
                return ScenarioRepository.generatedId(ps);
            }
        });
        return get(id).orElseThrow();
    }

    public Optional<RunRecord> get(long id) {
        return jdbc.tx("read run", c -> get(c, id));
    }

    /** Runs, newest first. */
    public List<RunRecord> list(int limit, int offset) {
        return query("SELECT " + COLUMNS + " FROM run ORDER BY id DESC LIMIT ? OFFSET ?", limit, offset);
    }

    /** Runs in a status, oldest first. */
    public List<RunRecord> withStatus(RunStatus status) {
        return jdbc.tx("list runs", c -> {
            List<RunRecord> out = new ArrayList<>();
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT " + COLUMNS + " FROM run WHERE status = ? ORDER BY id")) {
                ps.setString(1, status.name());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(read(rs));
                    }
                }
            }
            return out;
        });
    }

    /** QUEUED -> RUNNING; false when the run is no longer queued (e.g. cancelled meanwhile). */
    public boolean markRunning(long id) {
        Instant now = clock.instant();
        return jdbc.tx("start run", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE run SET status = ?, started_utc = ?, phase = ?" + " WHERE id = ? AND status = ?")) {
                ps.setString(1, RunStatus.RUNNING.name());
                Jdbc.setInstant(ps, 2, now);
                ps.setString(3, "starting");
                ps.setLong(4, id);
                ps.setString(5, RunStatus.QUEUED.name());
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** Records progress of a RUNNING run; false when it is not running any more. */
    public boolean progress(long id, double fraction, String phase) {
        double f = Math.max(0, Math.min(1, fraction));
        return jdbc.tx("record run progress", c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("UPDATE run SET progress_fraction = ?, phase = ? WHERE id = ? AND status = ?")) {
                ps.setDouble(1, f);
                ps.setString(2, truncate(phase, 200));
                ps.setLong(3, id);
                ps.setString(4, RunStatus.RUNNING.name());
                return ps.executeUpdate() == 1;
            }
        });
    }

    /**
     * Stores a run's result and (when it has one) its decision ledger and marks it SUCCEEDED, all in one transaction.
     * Returns false and writes nothing when the run is not RUNNING any more (cancelled meanwhile).
     *
     * @param id run
     * @param summaryJson the run's summary as a JSON object
     * @param ledger the per-interval ledger of a dispatch run
     * @param solverSeconds time spent deciding
     */
    public boolean complete(long id, String summaryJson, Optional<Ledger> ledger, double solverSeconds) {
        Instant now = clock.instant();
        return jdbc.tx("store run result", c -> {
            Optional<RunRecord> current = lock(c, id);
            if (current.isEmpty() || current.get().status() != RunStatus.RUNNING) {
                return false;
            }
            int intervals = ledger.map(Ledger::size).orElse(0);
            String loadsJson = ledger.map(l -> loadsJson(l.loads())).orElse("[]");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO run_result (run_id, summary_json,"
                    + " interval_count, loads_json) VALUES (?, ?, ?, ?)")) {
                ps.setLong(1, id);
                ps.setString(2, summaryJson);
                ps.setInt(3, intervals);
                ps.setString(4, loadsJson);
                ps.executeUpdate();
            }
            if (ledger.isPresent()) {
                insertLedger(c, id, ledger.get());
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE run SET status = ?, progress_fraction = 1,"
                    + " phase = ?, finished_utc = ?, solver_seconds = ? WHERE id = ?")) {
                ps.setString(1, RunStatus.SUCCEEDED.name());
                ps.setString(2, "done");
                Jdbc.setInstant(ps, 3, now);
                ps.setDouble(4, solverSeconds);
                ps.setLong(5, id);
                ps.executeUpdate();
            }
            return true;
        });
    }

    /** Marks a run that has not finished FAILED with a reason; false when it had already finished. */
    public boolean fail(long id, String message) {
        return finish(id, RunStatus.FAILED, message);
    }

    /** Marks a queued or running run CANCELLED; false when it had already finished. */
    public boolean cancel(long id, String message) {
        return finish(id, RunStatus.CANCELLED, message);
    }

    /**
     * After a restart: every run left RUNNING by a stopped server is marked FAILED (nothing of its result was
     * committed). Returns the ids so marked. QUEUED runs are left for the caller to resubmit.
     */
    public List<Long> failInterrupted(String message) {
        List<Long> ids = new ArrayList<>();
        for (RunRecord r : withStatus(RunStatus.RUNNING)) {
            if (fail(r.id(), message)) {
                ids.add(r.id());
            }
        }
        return ids;
    }

    /** The stored summary JSON of a SUCCEEDED run. */
    public Optional<String> summaryJson(long id) {
        return jdbc.tx("read run summary", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT summary_json FROM run_result WHERE run_id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    /** The loads of a stored ledger (name, class, firm, max power) as a JSON array. */
    public Optional<String> loadsJson(long id) {
        return jdbc.tx("read run loads", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT loads_json FROM run_result WHERE run_id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    /** Number of ledger rows of a run (0 when it has none). */
    public int ledgerSize(long id) {
        return jdbc.tx("count ledger rows", c -> ledgerSize(c, id));
    }

    /** A page of the ledger: intervals {@code offset .. offset + limit - 1}. */
    public SeriesPage series(long id, List<LedgerColumn> columns, int offset, int limit) {
        return jdbc.tx("read run series", c -> {
            int total = ledgerSize(c, id);
            StringBuilder sql = new StringBuilder("SELECT interval_start_utc");
            for (LedgerColumn col : columns) {
                sql.append(", ").append(col.sql());
            }
            sql.append(" FROM run_ledger WHERE run_id = ? AND interval_index >= ? AND interval_index < ?"
                    + " ORDER BY interval_index");
            return readPage(c, sql.toString(), id, offset, (long) offset + limit, total, offset, 1, columns);
        });
    }

    /**
     * The whole ledger in at most {@code maxPoints} buckets of equal interval count: money and BTC are summed over a
     * bucket; power and prices are averaged over its dispatched intervals (NaN when it has none); {@code dispatched}
     * becomes the fraction of dispatched intervals.
     */
    public SeriesPage downsampled(long id, List<LedgerColumn> columns, int maxPoints) {
        return jdbc.tx("read run series", c -> {
            int total = ledgerSize(c, id);
            int bucket = Math.max(1, (total + maxPoints - 1) / Math.max(1, maxPoints));
            StringBuilder sql = new StringBuilder("SELECT MIN(interval_start_utc) AS interval_start_utc");
            for (LedgerColumn col : columns) {
                if (col.additive()) {
                    sql.append(", SUM(").append(col.sql()).append(')');
                } else if (col == LedgerColumn.DISPATCHED) {
                    sql.append(", AVG(").append(col.sql()).append(')');
                } else {
                    // prices and power are averaged over the dispatched intervals only (skipped ones hold zeros)
                    sql.append(", AVG(CASE WHEN dispatched THEN ")
                            .append(col.sql())
                            .append(" END)");
                }
            }
            sql.append(" FROM run_ledger WHERE run_id = ? AND interval_index >= ? AND interval_index < ?"
                            + " GROUP BY interval_index / ")
                    .append(bucket)
                    .append(" ORDER BY MIN(interval_index)");
            return readPage(c, sql.toString(), id, 0, total, total, 0, bucket, columns);
        });
    }

    private static SeriesPage readPage(
            Connection c,
            String sql,
            long id,
            long from,
            long to,
            int total,
            int offset,
            int bucket,
            List<LedgerColumn> columns)
            throws SQLException {
        List<Instant> times = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            ps.setLong(2, from);
            ps.setLong(3, to);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    times.add(Jdbc.requiredInstant(rs, "interval_start_utc"));
                    double[] row = new double[columns.size()];
                    for (int k = 0; k < row.length; k++) {
                        double v = rs.getDouble(k + 2);
                        row[k] = rs.wasNull() ? Double.NaN : v;
                    }
                    rows.add(row);
                }
            }
        }
        Map<LedgerColumn, double[]> out = new EnumMap<>(LedgerColumn.class);
        for (int k = 0; k < columns.size(); k++) {
            double[] v = new double[rows.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = rows.get(i)[k];
            }
            out.put(columns.get(k), v);
        }
        return new SeriesPage(total, offset, bucket, times, out);
    }

    private static int ledgerSize(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM run_ledger WHERE run_id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private boolean finish(long id, RunStatus status, String message) {
        Instant now = clock.instant();
        return jdbc.tx("finish run", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE run SET status = ?, message = ?, phase = ?,"
                    + " finished_utc = ? WHERE id = ? AND status IN (?, ?)")) {
                ps.setString(1, status.name());
                ps.setString(2, truncate(message, 4000));
                ps.setString(3, status.name().toLowerCase(java.util.Locale.ROOT));
                Jdbc.setInstant(ps, 4, now);
                ps.setLong(5, id);
                ps.setString(6, RunStatus.QUEUED.name());
                ps.setString(7, RunStatus.RUNNING.name());
                return ps.executeUpdate() == 1;
            }
        });
    }

    private static void insertLedger(Connection c, long id, Ledger l) throws SQLException {
        var d = l.dispatch();
        var grid = l.grid();
        int nLoads = l.loads().size();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO run_ledger (run_id, interval_index,"
                + " interval_start_utc, dispatched, price_usd_per_mwh, hashprice_usd_per_ph_day, generation_mw,"
                + " import_mw, export_mw, spill_mw, mining_mw, ai_cloud_mw, colocation_mw, revenue_mining_usd,"
                + " revenue_ai_cloud_usd, revenue_colocation_usd, revenue_export_usd, revenue_ppa_sellback_usd,"
                + " revenue_ancillary_usd, power_cost_usd, net_usd, btc_mined, miner_energy_cost_usd,"
                + " energy_cost_usd_per_mwh, load_fractions)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int t = 0; t < l.size(); t++) {
                int k = 1;
                ps.setLong(k++, id);
                ps.setInt(k++, t);
                Jdbc.setInstant(ps, k++, grid.start(t));
                ps.setBoolean(k++, d.dispatched()[t]);
                final int i = t;
                DoubleSupplier[] values = {
                    () -> l.valuesOrZero("price_usd_per_mwh")[i],
                    () -> l.valuesOrZero("hashprice_usd_per_ph_day")[i],
                    () -> d.generationMw()[i],
                    () -> d.importMw()[i],
                    () -> d.exportMw()[i],
                    () -> d.spillMw()[i],
                    () -> l.valuesOrZero("load_class_mining_mw")[i],
                    () -> l.valuesOrZero("load_class_ai_cloud_mw")[i],
                    () -> l.valuesOrZero("load_class_colocation_mw")[i],
                    () -> l.amountsOrZero("mining")[i],
                    () -> l.amountsOrZero("ai_cloud")[i],
                    () -> l.amountsOrZero("colocation")[i],
                    () -> l.amountsOrZero("export")[i],
                    () -> l.amountsOrZero("ppa_sellback")[i],
                    () -> l.amountsOrZero("ancillary")[i],
                    () -> -l.amountsOrZero("power_cost")[i],
                    () -> l.netUsd(i),
                    () -> l.valuesOrZero("btc_mined")[i],
                    () -> l.valuesOrZero("miner_energy_cost_usd")[i],
                    () -> l.valuesOrZero("energy_cost_usd_per_mwh")[i]
                };
                for (DoubleSupplier v : values) {
                    ps.setDouble(k++, finite(v.getAsDouble()));
                }
                StringBuilder fr = new StringBuilder();
                for (int j = 0; j < nLoads; j++) {
                    if (j > 0) {
                        fr.append(',');
                    }
                    fr.append(d.fraction(t, j));
                }
                ps.setString(k, fr.toString());
                ps.addBatch();
                if ((t + 1) % BATCH == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
    }

    private static double finite(double v) {
        return Double.isFinite(v) ? v : 0.0;
    }

    private static String loadsJson(List<LoadInfo> loads) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < loads.size(); i++) {
            LoadInfo li = loads.get(i);
            if (i > 0) {
                sb.append(',');
            }
            sb.append("{\"name\":")
                    .append(JsonText.quote(li.name()))
                    .append(",\"loadClass\":\"")
                    .append(li.loadClass().name())
                    .append("\",\"firm\":")
                    .append(li.firm())
                    .append(",\"maxPowerMw\":")
                    .append(finite(li.maxPowerMw()))
                    .append('}');
        }
        return sb.append(']').toString();
    }

    private static Optional<RunRecord> lock(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM run WHERE id = ? FOR UPDATE")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    private static Optional<RunRecord> get(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM run WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    private List<RunRecord> query(String sql, int limit, int offset) {
        return jdbc.tx("list runs", c -> {
            List<RunRecord> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setInt(1, limit);
                ps.setInt(2, offset);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(read(rs));
                    }
                }
            }
            return out;
        });
    }

    private static RunRecord read(ResultSet rs) throws SQLException {
        return new RunRecord(
                rs.getLong("id"),
                rs.getString("kind"),
                rs.getLong("scenario_id"),
                rs.getInt("scenario_version"),
                rs.getString("parameters_json"),
                RunStatus.valueOf(rs.getString("status")),
                rs.getDouble("progress_fraction"),
                rs.getString("phase"),
                Optional.ofNullable(rs.getString("message")),
                rs.getString("created_by"),
                Jdbc.requiredInstant(rs, "queued_utc"),
                Jdbc.instant(rs, "started_utc"),
                Jdbc.instant(rs, "finished_utc"),
                Jdbc.optionalDouble(rs, "solver_seconds"));
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
