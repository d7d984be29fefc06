package io.minerai.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** API tokens, stored as SHA-256 hashes of their secrets; the secret itself is never stored. */
public final class TokenRepository {
    private static final String COLUMNS = "id, name, role, created_utc, created_by, revoked_utc, expires_utc";
    private final Jdbc jdbc;
    private final Clock clock;

    TokenRepository(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Stores a token by its hash.
     *
     * @param name holder
     * @param role role
     * @param sha256Hex SHA-256 of the secret, 64 lower-case hex digits
     * @param createdBy who made it
     */
    public TokenRecord create(String name, Role role, String sha256Hex, String createdBy) {
        return create(name, role, sha256Hex, createdBy, Optional.empty());
    }

    /** Stores a token by its hash that stops working at {@code expiresUtc}. */
    public TokenRecord create(
            String name, Role role, String sha256Hex, String createdBy, Optional<Instant> expiresUtc) {
        if (!sha256Hex.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("a token hash must be 64 lower-case hex digits");
        }
        Instant now = clock.instant();
        return jdbc.tx("create token", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO api_token (name, role, token_sha256, created_utc, created_by, expires_utc)"
                            + " VALUES (?, ?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, name);
                ps.setString(2, role.name());
                ps.setString(3, sha256Hex);
                Jdbc.setInstant(ps, 4, now);
                ps.setString(5, createdBy);
                Jdbc.setInstant(ps, 6, expiresUtc.orElse(null));
                ps.executeUpdate();
                return new TokenRecord(
                        ScenarioRepository.generatedId(ps), name, role, now, createdBy, Optional.empty(), expiresUtc);
            }
        });
    }

    /** The active (not revoked, not expired) token with this hash. */
    public Optional<TokenRecord> findActive(String sha256Hex) {
        Instant now = clock.instant();
        return jdbc.read("find token", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT " + COLUMNS + " FROM api_token WHERE token_sha256 = ? AND revoked_utc IS NULL")) {
                ps.setString(1, sha256Hex);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs)).filter(t -> t.activeAt(now)) : Optional.empty();
                }
            }
        });
    }

    /** The token with this id. */
    public Optional<TokenRecord> get(long id) {
        return jdbc.read("read token", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM api_token WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs)) : Optional.empty();
                }
            }
        });
    }

    /** Number of admin tokens that work now. */
    public long activeAdmins() {
        Instant now = clock.instant();
        return list().stream()
                .filter(t -> t.role() == Role.ADMIN && t.activeAt(now))
                .count();
    }

    /**
     * Revokes an active token unless it is the last working admin token; in one transaction, so two admins cannot
     * revoke each other at once. Empty when there is no active token with this id.
     */
    public Optional<RevokeOutcome> revokeUnlessLastAdmin(long id) {
        Instant now = clock.instant();
        return jdbc.tx("revoke token", c -> {
            List<TokenRecord> all = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM api_token");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    all.add(read(rs));
                }
            }
            Optional<TokenRecord> target =
                    all.stream().filter(t -> t.id() == id && t.activeAt(now)).findFirst();
            if (target.isEmpty()) {
                return Optional.empty();
            }
            long admins = all.stream()
                    .filter(t -> t.role() == Role.ADMIN && t.activeAt(now))
                    .count();
            if (target.get().role() == Role.ADMIN && admins <= 1) {
                return Optional.of(RevokeOutcome.LAST_ADMIN);
            }
            try (PreparedStatement ps =
                    c.prepareStatement("UPDATE api_token SET revoked_utc = ? WHERE id = ? AND revoked_utc IS NULL")) {
                Jdbc.setInstant(ps, 1, now);
                ps.setLong(2, id);
                ps.executeUpdate();
            }
            return Optional.of(RevokeOutcome.REVOKED);
        });
    }

    /** What {@link #revokeUnlessLastAdmin} did. */
    public enum RevokeOutcome {
        REVOKED,
        /** refused: the token is the last working admin token */
        LAST_ADMIN
    }

    /**
     * Rotation: a new token with the same holder, role and expiry, and the old one kept working until
     * {@code oldValidUntil} (its grace period), so clients switch over without downtime. Empty when the old token is
     * not active.
     */
    public Optional<TokenRecord> rotate(long id, String newSha256Hex, String by, Instant oldValidUntil) {
        Instant now = clock.instant();
        Optional<TokenRecord> old = get(id).filter(t -> t.activeAt(now));
        if (old.isEmpty()) {
            return Optional.empty();
        }
        TokenRecord made = create(
                old.get().name(), old.get().role(), newSha256Hex, by, old.get().expiresUtc());
        Instant until =
                old.get().expiresUtc().filter(e -> e.isBefore(oldValidUntil)).orElse(oldValidUntil);
        jdbc.tx("expire rotated token", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE api_token SET expires_utc = ? WHERE id = ?")) {
                Jdbc.setInstant(ps, 1, until);
                ps.setLong(2, id);
                return ps.executeUpdate();
            }
        });
        return Optional.of(made);
    }

    public List<TokenRecord> list() {
        return jdbc.read("list tokens", c -> {
            List<TokenRecord> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM api_token ORDER BY id");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
            return out;
        });
    }

    /** Number of tokens ever made (revoked ones included). */
    public long count() {
        return jdbc.read("count tokens", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM api_token");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** Revokes a token; false when there is no active token with this id. */
    public boolean revoke(long id) {
        Instant now = clock.instant();
        return jdbc.tx("revoke token", c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("UPDATE api_token SET revoked_utc = ? WHERE id = ? AND revoked_utc IS NULL")) {
                Jdbc.setInstant(ps, 1, now);
                ps.setLong(2, id);
                return ps.executeUpdate() == 1;
            }
        });
    }

    private static TokenRecord read(ResultSet rs) throws SQLException {
        return new TokenRecord(
                rs.getLong("id"),
                rs.getString("name"),
                Role.valueOf(rs.getString("role")),
                Jdbc.requiredInstant(rs, "created_utc"),
                rs.getString("created_by"),
                Jdbc.instant(rs, "revoked_utc"),
                Jdbc.instant(rs, "expires_utc"));
    }
}
