package io.minerai.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * API token secrets: {@code mnr_} followed by 32 random bytes in URL-safe Base64 (43 characters). Only their SHA-256
 * is stored; a token is shown once, when it is made.
 */
public final class Tokens {
    static final String PREFIX = "mnr_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {}

    /** A new random token secret. */
    public static String generate() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** SHA-256 of the secret, 64 lower-case hex digits. */
    public static String hash(String secret) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Whether a string looks like a token (so that garbage is refused before any lookup). */
    public static boolean wellFormed(String s) {
        return s.length() >= 24 && s.length() <= 200 && s.chars().allMatch(c -> c > 32 && c < 127);
    }

    static void requireWellFormed(String s) {
        if (!wellFormed(s)) {
            throw new IllegalArgumentException(
                    ServerConfig.ADMIN_TOKEN_ENV + " must be 24..200 printable ASCII characters without spaces");
        }
    }
}
