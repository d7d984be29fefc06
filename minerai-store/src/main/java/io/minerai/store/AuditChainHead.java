package io.minerai.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The head of the audit hash chain (last sequence number, its hash, the number of chained entries), kept in its own
 * table and moved in the same transaction as each append. Reading it with a row lock also serialises appenders across
 * processes on PostgreSQL, so two writers never chain onto the same predecessor.
 *
 * @param lastSequence sequence number of the last entry (0 before the first)
 * @param lastHash its chain hash (64 zeros before the first)
 * @param entryCount chained entries
 */
record AuditChainHead(long lastSequence, String lastHash, long entryCount) {
    static final String GENESIS = "0".repeat(64);

    static AuditChainHead lock(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT last_sequence, last_hash, entry_count FROM audit_head"
                        + " WHERE id = 1" + Jdbc.forUpdate(c));
                ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("the audit chain head is missing: the store was tampered with");
            }
            return new AuditChainHead(rs.getLong(1), rs.getString(2), rs.getLong(3));
        }
    }

    static AuditChainHead read(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                        "SELECT last_sequence, last_hash, entry_count FROM audit_head WHERE id = 1");
                ResultSet rs = ps.executeQuery()) {
            return rs.next()
                    ? new AuditChainHead(rs.getLong(1), rs.getString(2), rs.getLong(3))
                    : new AuditChainHead(-1, "(missing)", -1);
        }
    }

    /** Moves the head to a newly appended entry. */
    AuditChainHead advance(Connection c, long sequence, String hash) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE audit_head SET last_sequence = ?, last_hash = ?, entry_count = ? WHERE id = 1")) {
            ps.setLong(1, sequence);
            ps.setString(2, hash);
            ps.setLong(3, entryCount + 1);
            if (ps.executeUpdate() != 1) {
                throw new SQLException("the audit chain head is missing");
            }
        }
        return new AuditChainHead(sequence, hash, entryCount + 1);
    }
}
