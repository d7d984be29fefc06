package io.minerai.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Versioned scenarios: every update adds a version; old versions stay readable (runs refer to them). */
public final class ScenarioRepository {
    private final Jdbc jdbc;
    private final Clock clock;

    ScenarioRepository(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Stores a new scenario as version 1. */
    public ScenarioVersion create(String name, String contentJson, String createdBy) {
        Instant now = clock.instant();
        return jdbc.tx("create scenario", c -> {
            long id;
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO scenario (name, created_utc, created_by) VALUES (?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, name);
                Jdbc.setInstant(ps, 2, now);
                ps.setString(3, createdBy);
                ps.executeUpdate();
                id = generatedId(ps);
            }
            insertVersion(c, new ScenarioVersion(id, 1, name, contentJson, now, createdBy));
            return new ScenarioVersion(id, 1, name, contentJson, now, createdBy);
        });
    }

    /** Adds a version to an existing, not deleted scenario; empty when there is no such scenario. */
    public Optional<ScenarioVersion> update(long id, String name, String contentJson, String createdBy) {
        Instant now = clock.instant();
        return jdbc.tx("update scenario", c -> {
            // lock the scenario row so that concurrent updates get distinct version numbers
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id FROM scenario WHERE id = ? AND deleted_utc IS NULL" + Jdbc.forUpdate(c))) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                }
            }
            int next = latestVersion(c, id) + 1;
            try (PreparedStatement ps = c.prepareStatement("UPDATE scenario SET name = ? WHERE id = ?")) {
                ps.setString(1, name);
                ps.setLong(2, id);
                ps.executeUpdate();
            }
            ScenarioVersion v = new ScenarioVersion(id, next, name, contentJson, now, createdBy);
            insertVersion(c, v);
            return Optional.of(v);
        });
    }

    /** The latest version of a scenario that is not deleted. */
    public Optional<ScenarioVersion> latest(long id) {
        return jdbc.read("read scenario", c -> {
            if (!exists(c, id)) {
                return Optional.empty();
            }
            return version(c, id, latestVersion(c, id));
        });
    }

    /** A given version of a scenario, also after the scenario was deleted (runs refer to it). */
    public Optional<ScenarioVersion> version(long id, int version) {
        return jdbc.read("read scenario version", c -> version(c, id, version));
    }

    /** Every version of a scenario, oldest first (without content). */
    public List<ScenarioVersion> versions(long id) {
        return jdbc.read("list scenario versions", c -> {
            List<ScenarioVersion> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT scenario_id, version, name, '' AS content_json,"
                    + " created_utc, created_by FROM scenario_version WHERE scenario_id = ? ORDER BY version")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(read(rs));
                    }
                }
            }
            return out;
        });
    }

    /** Scenarios that are not deleted, by id. */
    public List<ScenarioInfo> list(int limit, int offset) {
        return jdbc.read("list scenarios", c -> {
            List<ScenarioInfo> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT s.id, s.name, s.created_utc,"
                    + " MAX(v.version) AS latest, MAX(v.created_utc) AS updated"
                    + " FROM scenario s JOIN scenario_version v ON v.scenario_id = s.id"
                    + " WHERE s.deleted_utc IS NULL GROUP BY s.id, s.name, s.created_utc ORDER BY s.id"
                    + " LIMIT ? OFFSET ?")) {
                ps.setInt(1, limit);
                ps.setInt(2, offset);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new ScenarioInfo(
                                rs.getLong("id"),
                                rs.getString("name"),
                                rs.getInt("latest"),
                                Jdbc.requiredInstant(rs, "created_utc"),
                                Jdbc.requiredInstant(rs, "updated")));
                    }
                }
            }
            return out;
        });
    }

    /** Marks a scenario deleted (its versions stay for the runs that used them); false when there was none. */
    public boolean delete(long id) {
        Instant now = clock.instant();
        return jdbc.tx("delete scenario", c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("UPDATE scenario SET deleted_utc = ? WHERE id = ? AND deleted_utc IS NULL")) {
                Jdbc.setInstant(ps, 1, now);
                ps.setLong(2, id);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** Scenarios ever stored, deleted ones included. */
    public long countAll() {
        return jdbc.read("count scenarios", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM scenario");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private static boolean exists(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM scenario WHERE id = ? AND deleted_utc IS NULL")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static int latestVersion(Connection c, long id) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("SELECT MAX(version) FROM scenario_version WHERE scenario_id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static Optional<ScenarioVersion> version(Connection c, long id, int version) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT scenario_id, version, name, content_json, created_utc,"
                + " created_by FROM scenario_version WHERE scenario_id = ? AND version = ?")) {
            ps.setLong(1, id);
            ps.setInt(2, version);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    private static ScenarioVersion read(ResultSet rs) throws SQLException {
        return new ScenarioVersion(
                rs.getLong("scenario_id"),
                rs.getInt("version"),
                rs.getString("name"),
                rs.getString("content_json"),
                Jdbc.requiredInstant(rs, "created_utc"),
                rs.getString("created_by"));
    }

    private static void insertVersion(Connection c, ScenarioVersion v) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO scenario_version (scenario_id, version, name,"
                + " content_json, created_utc, created_by) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, v.scenarioId());
            ps.setInt(2, v.version());
            ps.setString(3, v.name());
            ps.setString(4, v.contentJson());
            Jdbc.setInstant(ps, 5, v.createdUtc());
            ps.setString(6, v.createdBy());
            ps.executeUpdate();
        }
    }

    static long generatedId(PreparedStatement ps) throws SQLException {
        try (ResultSet keys = ps.getGeneratedKeys()) {
            if (!keys.next()) {
                throw new SQLException("no generated key");
            }
            return keys.getLong(1);
        }
    }
}
