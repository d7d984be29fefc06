-- Tamper evidence for the append-only audit log: each entry stores SHA-256(previous entry's hash | its content),
-- so an entry edited or removed behind the log's back breaks the chain (JdbcAuditLog.verifyChain).
ALTER TABLE audit_entry ADD COLUMN chain_hash VARCHAR(64);
