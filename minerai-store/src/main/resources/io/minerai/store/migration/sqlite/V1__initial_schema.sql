-- minerai store schema for the embedded SQLite store: the state of the PostgreSQL migrations V1 to V3 in one step
-- (SQLite cannot drop a NOT NULL constraint in place). Instants are stored as fixed-width ISO-8601 text in UTC with
-- microseconds (2024-07-01T00:00:00.000000Z), so they sort and compare as text. AUTOINCREMENT keeps ids (and audit
-- sequence numbers) from ever being reused after a deletion.

CREATE TABLE scenario (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name VARCHAR(200) NOT NULL,
    created_utc TEXT NOT NULL,
    created_by VARCHAR(200) NOT NULL,
    deleted_utc TEXT
);

CREATE TABLE scenario_version (
    scenario_id INTEGER NOT NULL REFERENCES scenario (id),
    version INT NOT NULL,
    name VARCHAR(200) NOT NULL,
    content_json TEXT NOT NULL,
    created_utc TEXT NOT NULL,
    created_by VARCHAR(200) NOT NULL,
    PRIMARY KEY (scenario_id, version)
);

CREATE TABLE dataset (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name VARCHAR(200) NOT NULL,
    kind VARCHAR(40) NOT NULL,
    original_filename VARCHAR(255) NOT NULL,
    source VARCHAR(2000) NOT NULL,
    sha256 CHAR(64) NOT NULL,
    size_bytes BIGINT NOT NULL,
    row_count INT NOT NULL,
    first_time_utc TEXT,
    last_time_utc TEXT,
    uploaded_by VARCHAR(200) NOT NULL,
    uploaded_utc TEXT NOT NULL,
    content TEXT NOT NULL
);

CREATE TABLE run (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind VARCHAR(40) NOT NULL,
    scenario_id BIGINT REFERENCES scenario (id),
    scenario_version INT,
    parameters_json TEXT NOT NULL,
    status VARCHAR(20) NOT NULL,
    progress_fraction DOUBLE PRECISION NOT NULL,
    phase VARCHAR(200) NOT NULL,
    message VARCHAR(4000),
    created_by VARCHAR(200) NOT NULL,
    queued_utc TEXT NOT NULL,
    started_utc TEXT,
    finished_utc TEXT,
    solver_seconds DOUBLE PRECISION
);

CREATE INDEX run_status_idx ON run (status);

CREATE TABLE run_result (
    run_id BIGINT NOT NULL PRIMARY KEY REFERENCES run (id),
    summary_json TEXT NOT NULL,
    interval_count INT NOT NULL,
    loads_json TEXT NOT NULL
);

CREATE TABLE run_ledger (
    run_id BIGINT NOT NULL REFERENCES run (id),
    interval_index INT NOT NULL,
    interval_start_utc TEXT NOT NULL,
    dispatched BOOLEAN NOT NULL,
    price_usd_per_mwh DOUBLE PRECISION NOT NULL,
    hashprice_usd_per_ph_day DOUBLE PRECISION NOT NULL,
    generation_mw DOUBLE PRECISION NOT NULL,
    import_mw DOUBLE PRECISION NOT NULL,
    export_mw DOUBLE PRECISION NOT NULL,
    spill_mw DOUBLE PRECISION NOT NULL,
    mining_mw DOUBLE PRECISION NOT NULL,
    ai_cloud_mw DOUBLE PRECISION NOT NULL,
    colocation_mw DOUBLE PRECISION NOT NULL,
    revenue_mining_usd DOUBLE PRECISION NOT NULL,
    revenue_ai_cloud_usd DOUBLE PRECISION NOT NULL,
    revenue_colocation_usd DOUBLE PRECISION NOT NULL,
    revenue_export_usd DOUBLE PRECISION NOT NULL,
    revenue_ppa_sellback_usd DOUBLE PRECISION NOT NULL,
    revenue_ancillary_usd DOUBLE PRECISION NOT NULL,
    power_cost_usd DOUBLE PRECISION NOT NULL,
    net_usd DOUBLE PRECISION NOT NULL,
    btc_mined DOUBLE PRECISION NOT NULL,
    miner_energy_cost_usd DOUBLE PRECISION NOT NULL,
    energy_cost_usd_per_mwh DOUBLE PRECISION NOT NULL,
    load_fractions VARCHAR(8000) NOT NULL,
    PRIMARY KEY (run_id, interval_index)
);

CREATE TABLE api_token (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name VARCHAR(200) NOT NULL,
    role VARCHAR(20) NOT NULL,
    token_sha256 CHAR(64) NOT NULL UNIQUE,
    created_utc TEXT NOT NULL,
    created_by VARCHAR(200) NOT NULL,
    revoked_utc TEXT
);

CREATE TABLE audit_entry (
    sequence INTEGER PRIMARY KEY AUTOINCREMENT,
    time_utc TEXT NOT NULL,
    actor VARCHAR(200) NOT NULL,
    target VARCHAR(400) NOT NULL,
    action VARCHAR(400) NOT NULL,
    outcome VARCHAR(400) NOT NULL,
    details_json TEXT NOT NULL,
    chain_hash VARCHAR(64)
);

CREATE INDEX audit_entry_time_idx ON audit_entry (time_utc);
