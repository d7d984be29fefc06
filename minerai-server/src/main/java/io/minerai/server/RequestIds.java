package io.minerai.server;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Request ids: the client's {@code X-Request-Id} when it is a short token of safe characters, else a new one. */
final class RequestIds {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{8,64}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private RequestIds() {}

    static String next() {
        byte[] b = new byte[8];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    static String from(@Nullable String given) {
        return given != null && SAFE.matcher(given).matches() ? given : next();
    }
}
