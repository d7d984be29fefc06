package io.minerai.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.minerai.core.audit.AuditEntry;
import io.minerai.core.audit.AuditLog;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The audit log kept in the store. Append-only: this class has no update or delete. Sequence numbers are assigned by
 * the database (increasing, starting at 1); entries are read back in sequence order. Each entry carries a SHA-256
 * hash chained to its predecessor, so {@link #verifyChain()} detects entries edited or removed behind the log's back.
 * Appends are serialised within a process; run one writing process per store (the site controller), any number of
 * readers.
 */
public final class JdbcAuditLog implements AuditLog {
    private static final TypeReference<TreeMap<String, String>> DETAILS = new TypeReference<>() {};
    private final Jdbc jdbc;

    JdbcAuditLog(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public synchronized AuditEntry append(AuditEntry e) {
        // database timestamps keep microseconds: store and hash exactly what can be read back
        Instant t = e.timeUtc().truncatedTo(ChronoUnit.MICROS);
        String details = json(e.details());
        long seq = jdbc.tx("append audit entry", c -> {
            AuditChainHead head = AuditChainHead.lock(c);
            String hash = chainHash(head.lastHash(), t, e.actor(), e.target(), e.action(), e.outcome(), details);
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO audit_entry (time_utc, actor, target, action, outcome, details_json, chain_hash)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                Jdbc.setInstant(ps, 1, t);
                ps.setString(2, e.actor());
                ps.setString(3, e.target());
                ps.setString(4, e.action());
                ps.setString(5, e.outcome());
                ps.setString(6, details);
                ps.setString(7, hash);
                ps.executeUpdate();
                long sequence = ScenarioRepository.generatedId(ps);
                head.advance(c, sequence, hash);
                return sequence;
            }
        });
        return new AuditEntry(seq, t, e.actor(), e.target(), e.action(), e.outcome(), e.details());
    }

    /**
     * Recomputes the hash chain over every entry in sequence order. Returns the sequence number of the first entry
     * whose stored hash does not match its content and its predecessor (an entry edited, inserted or removed behind
     * the log's back), or where entries are missing at the end; -1 when the chain is intact. Entries written before
     * the chain existed are skipped.
     */
    public long verifyChain() {
        return verify().firstBadSequence();
    }

    /**
     * Checks the whole chain: each entry against its content and predecessor, and the last one against the chain's
     * head, which is kept apart from the entries, so deleting or blanking the last entries is found too.
     */
    public AuditVerification verify() {
        return jdbc.read("verify audit chain", c -> {
            AuditChainHead head = AuditChainHead.read(c);
            String previous = AuditChainHead.GENESIS;
            long last = 0;
            long count = 0;
            try (PreparedStatement ps = c.prepareStatement("SELECT sequence, time_utc, actor, target, action, outcome,"
                            + " details_json, chain_hash FROM audit_entry ORDER BY sequence");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String stored = rs.getString("chain_hash");
                    if (stored == null) {
                        continue;
                    }
                    long seq = rs.getLong("sequence");
                    String expected = chainHash(
                            previous,
                            Jdbc.requiredInstant(rs, "time_utc"),
                            rs.getString("actor"),
                            rs.getString("target"),
                            rs.getString("action"),
                            rs.getString("outcome"),
                            rs.getString("details_json"));
                    if (!expected.equals(stored)) {
                        return new AuditVerification(
                                false,
                                count,
                                seq,
                                "audit entry " + seq + " does not match its content and its predecessor: it was"
                                        + " edited, or an entry before it was removed or inserted");
                    }
                    previous = stored;
                    last = seq;
                    count++;
                }
            }
            if (head.entryCount() < 0) {
                return new AuditVerification(false, count, last + 1, "the audit chain's head is missing");
            }
            if (last != head.lastSequence() || !previous.equals(head.lastHash()) || count != head.entryCount()) {
                return new AuditVerification(
                        false,
                        count,
                        Math.min(last + 1, head.lastSequence()),
                        "the audit log ends at entry " + last + " (" + count + " entries) but its head says "
                                + head.lastSequence() + " (" + head.entryCount() + " entries): its last entries were"
                                + " removed or changed");
            }
            return new AuditVerification(true, count, -1, "");
        });
    }

    static String chainHash(
            String previous,
            Instant timeUtc,
            String actor,
            String target,
            String action,
            String outcome,
            String detailsJson) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String part : List.of(previous, timeUtc.toString(), actor, target, action, outcome, detailsJson)) {
                md.update(part.getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0x1f);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is not available", ex);
        }
    }

    @Override
    public List<AuditEntry> read(Instant fromUtc, Instant toUtc) {
        return jdbc.read("read audit log", c -> {
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
        return jdbc.read("count audit entries", c -> {
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
