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
    private static final String COLUMNS = "id, name, role, created_utc, created_by, revoked_utc";
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
        if (!sha256Hex.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("a token hash must be 64 lower-case hex digits");
        }
        Instant now = clock.instant();
        return jdbc.tx("create token", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO api_token (name, role, token_sha256, created_utc, created_by) VALUES (?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, name);
                ps.setString(2, role.name());
                ps.setString(3, sha256Hex);
                Jdbc.setInstant(ps, 4, now);
                ps.setString(5, createdBy);
                ps.executeUpdate();
                return new TokenRecord(
                        ScenarioRepository.generatedId(ps), name, role, now, createdBy, Optional.empty());
            }
        });
    }

    /** The active (not revoked) token with this hash. */
    public Optional<TokenRecord> findActive(String sha256Hex) {
        return jdbc.read("find token", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT " + COLUMNS + " FROM api_token WHERE token_sha256 = ? AND revoked_utc IS NULL")) {
                ps.setString(1, sha256Hex);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs)) : Optional.empty();
                }
            }
        });
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
                Jdbc.instant(rs, "revoked_utc"));
    }
}
