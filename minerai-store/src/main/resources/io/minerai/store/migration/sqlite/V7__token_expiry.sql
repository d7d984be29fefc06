-- Tokens may expire (and a rotated token expires after its grace period).
ALTER TABLE api_token ADD COLUMN expires_utc TEXT;
