-- Runs that do not run a scenario (the planning Monte Carlo runs a plan document given in its parameters) have no
-- scenario: both columns become optional. Portable between H2 and PostgreSQL.
ALTER TABLE run ALTER COLUMN scenario_id DROP NOT NULL;
ALTER TABLE run ALTER COLUMN scenario_version DROP NOT NULL;
