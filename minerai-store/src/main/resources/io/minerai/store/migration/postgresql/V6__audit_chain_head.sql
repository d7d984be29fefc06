-- The audit chain's head, kept apart from the entries: the sequence number and hash of the last entry appended. Every
-- append moves it in the same transaction, so deleting or blanking the last entries (which leaves a shorter chain that
-- is valid in itself) no longer matches the head and is detected. Filled from the entries that exist.
CREATE TABLE audit_head (
    id INT NOT NULL PRIMARY KEY,
    last_sequence BIGINT NOT NULL,
    last_hash VARCHAR(64) NOT NULL,
    entry_count BIGINT NOT NULL
);

INSERT INTO audit_head (id, last_sequence, last_hash, entry_count)
SELECT 1,
       COALESCE(MAX(sequence), 0),
       COALESCE((SELECT chain_hash FROM audit_entry WHERE sequence = (SELECT MAX(sequence) FROM audit_entry)),
                '0000000000000000000000000000000000000000000000000000000000000000'),
       COUNT(*)
FROM audit_entry WHERE chain_hash IS NOT NULL;
