package io.minerai.ops.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.minerai.core.audit.AuditEntry;
import io.minerai.core.audit.AuditLog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An append-only audit log in a JDBC database (an embedded H2 file by default). The code only ever issues {@code
 * CREATE TABLE IF NOT EXISTS}, {@code INSERT} and {@code SELECT}: no UPDATE or DELETE. Each row carries the SHA-256 of
 * the previous row's hash and its own content, so {@link #verifyChain()} detects edits made behind the log's back.
 * Thread-safe (one connection, synchronized).
 */
public final class JdbcAuditLog implements AuditLog, AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TABLE = "minerai_audit_log";

    private final Connection conn;
    private final PreparedStatement insert;
    private long lastSeq;
    private String lastHash;

    private JdbcAuditLog(Connection conn) throws SQLException {
        this.conn = conn;
        try (Statement st = conn.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS " + TABLE
                    + " (seq BIGINT PRIMARY KEY, time_utc TIMESTAMP WITH TIME ZONE NOT NULL,"
                    + " actor VARCHAR(200) NOT NULL, target VARCHAR(400) NOT NULL, action VARCHAR(400) NOT NULL,"
                    + " outcome VARCHAR(200) NOT NULL, details VARCHAR(4000) NOT NULL, hash CHAR(64) NOT NULL)");
            try (ResultSet rs = st.executeQuery("SELECT seq, hash FROM " + TABLE + " ORDER BY seq DESC LIMIT 1")) {
                if (rs.next()) {
                    lastSeq = rs.getLong(1);
                    lastHash = rs.getString(2);
                } else {
                    lastSeq = 0;
                    lastHash = "0".repeat(64);
                }
            }
        }
        this.insert = conn.prepareStatement("INSERT INTO " + TABLE
                + " (seq, time_utc, actor, target, action, outcome, details, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    }

    /** Opens (creating if needed) an embedded H2 database file; {@code file} is the path without the .mv.db suffix. */
    public static JdbcAuditLog openH2(Path file) {
        return open("jdbc:h2:file:" + file.toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE");
    }

    /** Opens a log on any JDBC URL whose driver is on the class path. */
    public static JdbcAuditLog open(String jdbcUrl) {
        try {
            return new JdbcAuditLog(DriverManager.getConnection(jdbcUrl));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open audit log " + jdbcUrl + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized AuditEntry append(AuditEntry e) {
        long seq = lastSeq + 1;
        String details = toJson(e.details());
        String hash = sha256(lastHash + "|" + seq + "|" + e.timeUtc() + "|" + e.actor() + "|" + e.target() + "|"
                + e.action() + "|" + e.outcome() + "|" + details);
        try {
            insert.setLong(1, seq);
            insert.setObject(2, e.timeUtc().atOffset(ZoneOffset.UTC));
            insert.setString(3, e.actor());
            insert.setString(4, e.target());
            insert.setString(5, e.action());
            insert.setString(6, e.outcome());
            insert.setString(7, details);
            insert.setString(8, hash);
            insert.executeUpdate();
        } catch (SQLException ex) {
            throw new IllegalStateException("cannot append to audit log: " + ex.getMessage(), ex);
        }
        lastSeq = seq;
        lastHash = hash;
        return new AuditEntry(seq, e.timeUtc(), e.actor(), e.target(), e.action(), e.outcome(), e.details());
    }

    @Override
    public synchronized List<AuditEntry> read(Instant fromUtc, Instant toUtc) {
        List<AuditEntry> out = new ArrayList<>();
        try (PreparedStatement q =
                conn.prepareStatement("SELECT seq, time_utc, actor, target, action, outcome, details FROM " + TABLE
                        + " WHERE time_utc >= ? AND time_utc < ? ORDER BY seq")) {
            q.setObject(1, fromUtc.atOffset(ZoneOffset.UTC));
            q.setObject(2, toUtc.atOffset(ZoneOffset.UTC));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.add(new AuditEntry(
                            rs.getLong(1),
                            rs.getObject(2, OffsetDateTime.class).toInstant(),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            fromJson(rs.getString(7))));
                }
            }
        } catch (SQLException ex) {
            throw new IllegalStateException("cannot read audit log: " + ex.getMessage(), ex);
        }
        return out;
    }

    @Override
    public synchronized long size() {
        return lastSeq;
    }

    /**
     * Re-computes the hash chain over every row.
     *
     * @return the sequence number of the first row whose hash does not match, or -1 when the chain is intact
     */
    public synchronized long verifyChain() {
        String prev = "0".repeat(64);
        try (Statement st = conn.createStatement();
                ResultSet rs =
                        st.executeQuery("SELECT seq, time_utc, actor, target, action, outcome, details, hash FROM "
                                + TABLE + " ORDER BY seq")) {
            while (rs.next()) {
                long seq = rs.getLong(1);
                String h = sha256(prev + "|" + seq + "|"
                        + rs.getObject(2, OffsetDateTime.class).toInstant() + "|" + rs.getString(3) + "|"
                        + rs.getString(4) + "|" + rs.getString(5) + "|" + rs.getString(6) + "|" + rs.getString(7));
                if (!h.equals(rs.getString(8))) {
                    return seq;
                }
                prev = h;
            }
        } catch (SQLException ex) {
            throw new IllegalStateException("cannot read audit log: " + ex.getMessage(), ex);
        }
        return -1;
    }

    @Override
    public synchronized void close() {
        try {
            insert.close();
            conn.close();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot close audit log: " + e.getMessage(), e);
        }
    }

    private static String toJson(Map<String, String> details) {
        try {
            return JSON.writeValueAsString(new TreeMap<>(details));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> fromJson(String s) {
        try {
            return JSON.readValue(s, new TypeReference<TreeMap<String, String>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("bad details in audit log: " + s, e);
        }
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
