package io.minerai.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs, their results and decision ledgers. A result and its ledger are written in the same transaction that marks the
 * run SUCCEEDED, so a run that was killed, failed or cancelled never has a result or ledger rows.
 */
public final class RunRepository {
    private static final String COLUMNS = "id, kind, scenario_id, scenario_version, parameters_json, status,"
            + " progress_fraction, phase, message, created_by, queued_utc, started_utc, finished_utc, solver_seconds";
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
        return jdbc.read("read run", c -> get(c, id));
    }

    /** Runs, newest first. */
    public List<RunRecord> list(int limit, int offset) {
        return query("SELECT " + COLUMNS + " FROM run ORDER BY id DESC LIMIT ? OFFSET ?", limit, offset);
    }

    /** Runs in a status, oldest first. */
    public List<RunRecord> withStatus(RunStatus status) {
        return jdbc.read("list runs", c -> {
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
     * Stores a run's result and (when it has one) its ledger and marks it SUCCEEDED, all in one transaction: a run is
     * SUCCEEDED with its whole result or not at all. Returns false and writes nothing when the run is not RUNNING any
     * more (cancelled meanwhile).
     */
    public boolean complete(long id, RunResult result) {
        Instant now = clock.instant();
        return jdbc.tx("store run result", c -> {
            Optional<RunRecord> current = lock(c, id);
            if (current.isEmpty() || current.get().status() != RunStatus.RUNNING) {
                return false;
            }
            int intervals = result.ledger().map(RunLedger::size).orElse(0);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO run_result (run_id, summary_json,"
                    + " interval_count, loads_json) VALUES (?, ?, ?, ?)")) {
                ps.setLong(1, id);
                ps.setString(2, result.summaryJson());
                ps.setInt(3, intervals);
                ps.setString(4, result.loadsJson());
                ps.executeUpdate();
            }
            if (result.ledger().isPresent()) {
                insertLedger(c, id, result.ledger().get());
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE run SET status = ?, progress_fraction = 1,"
                    + " phase = ?, finished_utc = ?, solver_seconds = ? WHERE id = ?")) {
                ps.setString(1, RunStatus.SUCCEEDED.name());
                ps.setString(2, "done");
                Jdbc.setInstant(ps, 3, now);
                ps.setDouble(4, result.solverSeconds());
                ps.setLong(5, id);
                ps.executeUpdate();
            }
            return true;
        });
    }

    /** What {@link #delete} did. */
    public enum DeleteOutcome {
        DELETED,
        NOT_FOUND,
        /** refused: the run is queued or running */
        NOT_FINISHED
    }

    /** Deletes a finished run with its result and ledger, in one transaction; queued and running runs are kept. */
    public DeleteOutcome delete(long id) {
        return jdbc.tx("delete run", c -> {
            Optional<RunRecord> r = lock(c, id);
            if (r.isEmpty()) {
                return DeleteOutcome.NOT_FOUND;
            }
            if (r.get().status() == RunStatus.QUEUED || r.get().status() == RunStatus.RUNNING) {
                return DeleteOutcome.NOT_FINISHED;
            }
            for (String table : List.of("run_series_chunk", "run_series_column", "run_result")) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE run_id = ?")) {
                    ps.setLong(1, id);
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM run WHERE id = ?")) {
                ps.setLong(1, id);
                ps.executeUpdate();
            }
            return DeleteOutcome.DELETED;
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
        return jdbc.read("read run summary", c -> {
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
        return jdbc.read("read run loads", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT loads_json FROM run_result WHERE run_id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    /** Number of ledger intervals of a run (0 when it has none). */
    public int ledgerSize(long id) {
        return jdbc.read("count ledger rows", c -> ledgerSize(c, id));
    }

    /** The stored ledger columns of a run in their stored order, {@code dispatched} first; empty without a ledger. */
    public List<ColumnInfo> columns(long id) {
        return jdbc.read("list ledger columns", c -> columns(c, id));
    }

    /** A page of the ledger: intervals {@code offset .. offset + limit - 1} of the named columns. */
    public SeriesPage series(long id, List<String> columns, int offset, int limit) {
        return jdbc.read("read run series", c -> {
            int total = ledgerSize(c, id);
            Map<String, Aggregation> known = known(c, id, columns);
            int from = Math.min(offset, total);
            int to = (int) Math.min(total, (long) offset + limit);
            List<Instant> times = times(c, id, from, to);
            Map<String, double[]> out = new LinkedHashMap<>();
            for (String name : known.keySet()) {
                out.put(name, SeriesChunks.doubles(SeriesChunks.read(c, id, name, from, to)));
            }
            return new SeriesPage(total, offset, 1, times, out);
        });
    }

    /**
     * The whole ledger in at most {@code maxPoints} buckets of equal interval count, each column reduced by its
     * {@link Aggregation}: summed, averaged over the bucket, or averaged over the bucket's dispatched intervals (NaN
     * when it has none).
     */
    public SeriesPage downsampled(long id, List<String> columns, int maxPoints) {
        return jdbc.read("read run series", c -> {
            int total = ledgerSize(c, id);
            Map<String, Aggregation> known = known(c, id, columns);
            int bucket = Math.max(1, (total + maxPoints - 1) / Math.max(1, maxPoints));
            int points = (total + bucket - 1) / bucket;
            List<Instant> all = times(c, id, 0, total);
            List<Instant> times = new ArrayList<>(points);
            for (int p = 0; p < points; p++) {
                times.add(all.get(p * bucket));
            }
            double[] dispatched = known.containsValue(Aggregation.MEAN_OF_DISPATCHED)
                    ? SeriesChunks.doubles(SeriesChunks.read(c, id, RunLedger.DISPATCHED, 0, total))
                    : new double[0];
            Map<String, double[]> out = new LinkedHashMap<>();
            for (var e : known.entrySet()) {
                double[] v = SeriesChunks.doubles(SeriesChunks.read(c, id, e.getKey(), 0, total));
                out.put(e.getKey(), reduce(v, dispatched, e.getValue(), bucket));
            }
            return new SeriesPage(total, 0, bucket, times, out);
        });
    }

    static double[] reduce(double[] v, double[] dispatched, Aggregation aggregation, int bucket) {
        int points = (v.length + bucket - 1) / bucket;
        double[] out = new double[points];
        for (int p = 0; p < points; p++) {
            int from = p * bucket;
            int to = Math.min(v.length, from + bucket);
            double sum = 0;
            int n = 0;
            for (int i = from; i < to; i++) {
                if (aggregation != Aggregation.MEAN_OF_DISPATCHED || dispatched[i] != 0) {
                    sum += v[i];
                    n++;
                }
            }
            out[p] = switch (aggregation) {
                case SUM -> sum;
                case MEAN, MEAN_OF_DISPATCHED -> n == 0 ? Double.NaN : sum / n;
            };
        }
        return out;
    }

    /** The requested columns with their aggregation; a column the run does not have is an error naming it. */
    private static Map<String, Aggregation> known(Connection c, long id, List<String> names) throws SQLException {
        Map<String, Aggregation> stored = new LinkedHashMap<>();
        for (ColumnInfo ci : columns(c, id)) {
            stored.put(ci.name(), ci.aggregation());
        }
        Map<String, Aggregation> out = new LinkedHashMap<>();
        for (String n : names) {
            Aggregation a = stored.get(n);
            if (a == null) {
                throw new IllegalArgumentException("run " + id + " has no ledger column '" + n + "'");
            }
            out.put(n, a);
        }
        return out;
    }

    private static List<ColumnInfo> columns(Connection c, long id) throws SQLException {
        List<ColumnInfo> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT column_name, aggregation FROM run_series_column" + " WHERE run_id = ? ORDER BY position")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ColumnInfo(rs.getString(1), Aggregation.valueOf(rs.getString(2))));
                }
            }
        }
        return out;
    }

    private static List<Instant> times(Connection c, long id, int from, int to) throws SQLException {
        long[] ms = SeriesChunks.longs(SeriesChunks.read(c, id, SeriesChunks.TIMES, from, to));
        List<Instant> out = new ArrayList<>(ms.length);
        for (long t : ms) {
            out.add(Instant.ofEpochMilli(t));
        }
        return out;
    }

    private static int ledgerSize(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT interval_count FROM run_result WHERE run_id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
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

    private static void insertLedger(Connection c, long id, RunLedger l) throws SQLException {
        long[] ms = new long[l.size()];
        for (int t = 0; t < ms.length; t++) {
            ms[t] = l.intervalStartsUtc().get(t).toEpochMilli();
        }
        SeriesChunks.insertTimes(c, id, ms);
        double[] dispatched = new double[l.size()];
        for (int t = 0; t < dispatched.length; t++) {
            dispatched[t] = l.dispatched()[t] ? 1 : 0;
        }
        List<ColumnInfo> columns = new ArrayList<>();
        columns.add(new ColumnInfo(RunLedger.DISPATCHED, Aggregation.MEAN));
        SeriesChunks.insert(c, id, RunLedger.DISPATCHED, dispatched);
        for (SeriesColumn col : l.columns()) {
            columns.add(new ColumnInfo(col.name(), col.aggregation()));
            SeriesChunks.insert(c, id, col.name(), col.values());
        }
        insertColumns(c, id, columns);
    }

    static void insertColumns(Connection c, long id, List<ColumnInfo> columns) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO run_series_column (run_id, position, column_name,"
                + " aggregation) VALUES (?, ?, ?, ?)")) {
            for (int k = 0; k < columns.size(); k++) {
                ps.setLong(1, id);
                ps.setInt(2, k);
                ps.setString(3, columns.get(k).name());
                ps.setString(4, columns.get(k).aggregation().name());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static Optional<RunRecord> lock(Connection c, long id) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("SELECT " + COLUMNS + " FROM run WHERE id = ?" + Jdbc.forUpdate(c))) {
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
        return jdbc.read("list runs", c -> {
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
