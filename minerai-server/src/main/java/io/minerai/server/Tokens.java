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

    /**
     * Why a token chosen by a person (the admin token from the environment) is too weak, or empty when it is strong
     * enough: 24..200 printable characters without spaces, at least 12 different characters, and at least three of
     * lower-case letters, upper-case letters, digits and other characters. (A generated token has 43 random
     * characters.)
     */
    public static java.util.Optional<String> strengthProblem(String s) {
        if (!wellFormed(s)) {
            return java.util.Optional.of("must be 24..200 printable ASCII characters without spaces");
        }
        long distinct = s.chars().distinct().count();
        int classes = (s.chars().anyMatch(Character::isLowerCase) ? 1 : 0)
                + (s.chars().anyMatch(Character::isUpperCase) ? 1 : 0)
                + (s.chars().anyMatch(Character::isDigit) ? 1 : 0)
                + (s.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0);
        if (distinct < 12 || classes < 3) {
            return java.util.Optional.of("is too weak: it needs at least 12 different characters and three of"
                    + " lower-case letters, upper-case letters, digits and other characters (had " + distinct
                    + " different characters and " + classes + " kinds); let the server generate one instead");
        }
        return java.util.Optional.empty();
    }

    static void requireStrong(String s) {
        strengthProblem(s).ifPresent(p -> {
            throw new IllegalArgumentException(ServerConfig.ADMIN_TOKEN_ENV + " " + p);
        });
    }
}
