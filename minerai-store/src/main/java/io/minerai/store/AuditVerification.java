package io.minerai.store;

/**
 * The result of checking the audit log's hash chain against its head.
 *
 * @param intact whether every entry matches its content, its predecessor, and the last one the head
 * @param entries chained entries found
 * @param firstBadSequence the first entry that does not match (or where missing entries should be); -1 when intact
 * @param problem what is wrong, "" when intact
 */
public record AuditVerification(boolean intact, long entries, long firstBadSequence, String problem) {}
