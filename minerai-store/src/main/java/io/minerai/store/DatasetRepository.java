package io.minerai.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** Uploaded datasets with their provenance. The content lives in the database, never in a file named by a user. */
public final class DatasetRepository {
    private static final String COLUMNS = "id, name, kind, original_filename, source, sha256, size_bytes, row_count,"
            + " first_time_utc, last_time_utc, uploaded_by, uploaded_utc";
    private final Jdbc jdbc;
    private final Clock clock;

    DatasetRepository(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Stores a validated dataset in one transaction. */
    public DatasetInfo create(NewDataset d) {
        Instant now = clock.instant();
        byte[] bytes = d.content().getBytes(StandardCharsets.UTF_8);
        String sha = sha256Hex(bytes);
        return jdbc.tx("store dataset", c -> {
            long id;
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO dataset (name, kind, original_filename, source, sha256, size_bytes, row_count,"
                            + " first_time_utc, last_time_utc, uploaded_by, uploaded_utc, content)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, d.name());
                ps.setString(2, d.kind());
                ps.setString(3, d.originalFilename());
                ps.setString(4, d.source());
                ps.setString(5, sha);
                ps.setLong(6, bytes.length);
                ps.setInt(7, d.rowCount());
                Jdbc.setInstant(ps, 8, d.firstTimeUtc().orElse(null));
                Jdbc.setInstant(ps, 9, d.lastTimeUtc().orElse(null));
                ps.setString(10, d.uploadedBy());
                Jdbc.setInstant(ps, 11, now);
                ps.setString(12, d.content());
                ps.executeUpdate();
                id = ScenarioRepository.generatedId(ps);
            }
            return new DatasetInfo(
                    id,
                    d.name(),
                    d.kind(),
                    d.originalFilename(),
                    d.source(),
                    sha,
                    bytes.length,
                    d.rowCount(),
                    d.firstTimeUtc(),
                    d.lastTimeUtc(),
                    d.uploadedBy(),
                    now);
        });
    }

    public Optional<DatasetInfo> get(long id) {
        return jdbc.read("read dataset", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM dataset WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs)) : Optional.empty();
                }
            }
        });
    }

    /** The dataset's text. */
    public Optional<String> content(long id) {
        return jdbc.read("read dataset content", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT content FROM dataset WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    public List<DatasetInfo> list(int limit, int offset) {
        return jdbc.read("list datasets", c -> {
            List<DatasetInfo> out = new ArrayList<>();
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT " + COLUMNS + " FROM dataset ORDER BY id LIMIT ? OFFSET ?")) {
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

    public long count() {
        return jdbc.read("count datasets", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM dataset");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private static DatasetInfo read(ResultSet rs) throws SQLException {
        return new DatasetInfo(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("kind"),
                rs.getString("original_filename"),
                rs.getString("source"),
                rs.getString("sha256"),
                rs.getLong("size_bytes"),
                rs.getInt("row_count"),
                Jdbc.instant(rs, "first_time_utc"),
                Jdbc.instant(rs, "last_time_utc"),
                rs.getString("uploaded_by"),
                Jdbc.requiredInstant(rs, "uploaded_utc"));
    }

    static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
