package io.minerai.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.minerai.core.audit.AuditEntry;
import io.minerai.core.audit.AuditLog;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The audit log kept in the store. Append-only: this class has no update or delete. Sequence numbers are assigned by
 * the database (increasing, starting at 1); entries are read back in sequence order.
 */
public final class JdbcAuditLog implements AuditLog {
    private static final TypeReference<TreeMap<String, String>> DETAILS = new TypeReference<>() {};
    private final Jdbc jdbc;

    JdbcAuditLog(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public AuditEntry append(AuditEntry e) {
        String details = json(e.details());
        long seq = jdbc.tx("append audit entry", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO audit_entry (time_utc, actor, target, action, outcome, details_json)"
                            + " VALUES (?, ?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                Jdbc.setInstant(ps, 1, e.timeUtc());
                ps.setString(2, e.actor());
                ps.setString(3, e.target());
                ps.setString(4, e.action());
                ps.setString(5, e.outcome());
                ps.setString(6, details);
                ps.executeUpdate();
                return ScenarioRepository.generatedId(ps);
            }
        });
        return new AuditEntry(seq, e.timeUtc(), e.actor(), e.target(), e.action(), e.outcome(), e.details());
    }

    @Override
    public List<AuditEntry> read(Instant fromUtc, Instant toUtc) {
        return jdbc.tx("read audit log", c -> {
            List<AuditEntry> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT sequence, time_utc, actor, target, action,"
                    + " outcome, details_json FROM audit_entry WHERE time_utc >= ? AND time_utc < ?"
                    + " ORDER BY sequence")) {
                Jdbc.setInstant(ps, 1, fromUtc);
                Jdbc.setInstant(ps, 2, toUtc);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new AuditEntry(
                                rs.getLong("sequence"),
                                Jdbc.requiredInstant(rs, "time_utc"),
                                rs.getString("actor"),
                                rs.getString("target"),
                                rs.getString("action"),
                                rs.getString("outcome"),
                                parse(rs.getString("details_json"))));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public long size() {
        return jdbc.tx("count audit entries", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM audit_entry");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private static String json(Map<String, String> details) {
        try {
            return JsonText.MAPPER.writeValueAsString(new TreeMap<>(details));
        } catch (JsonProcessingException ex) {
            throw new IllegalArgumentException("audit details are not serialisable", ex);
        }
    }

    private static Map<String, String> parse(String json) {
        try {
            return JsonText.MAPPER.readValue(json, DETAILS);
        } catch (JsonProcessingException ex) {
            throw new StoreException("stored audit details are not valid JSON: " + ex.getOriginalMessage(), ex);
        }
    }
}
