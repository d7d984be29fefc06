-- The per-interval ledger becomes generic and columnar: any number of named double columns per run (the store does
-- not know what they mean), stored in chunks of 8,192 intervals with a CRC-32C each. V5 (a Java migration) moves the
-- rows of the old fixed-column run_ledger into it and drops that table.
CREATE TABLE run_series_column (
    run_id BIGINT NOT NULL REFERENCES run (id),
    position INT NOT NULL,
    column_name VARCHAR(100) NOT NULL,
    aggregation VARCHAR(20) NOT NULL,
    PRIMARY KEY (run_id, column_name)
);

CREATE TABLE run_series_chunk (
    run_id BIGINT NOT NULL REFERENCES run (id),
    column_name VARCHAR(100) NOT NULL,
    chunk INT NOT NULL,
    value_count INT NOT NULL,
    crc32c BIGINT NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY (run_id, column_name, chunk)
);
