package io.minerai.server;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed authentications per client address in a fixed window; a client with too many failures in the window
 * is refused (429) until the window ends, whatever token it sends.
 */
final class AuthThrottle {
    static final int MAX_FAILURES = 10;
    static final Duration WINDOW = Duration.ofMinutes(1);
    private final Clock clock;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    private record Window(Instant start, int failures) {}

    AuthThrottle(Clock clock) {
        this.clock = clock;
    }

    /** Seconds until the client may try again, or 0 when it is not throttled. */
    long blockedSeconds(String client) {
        Window w = windows.get(client);
        Instant now = clock.instant();
        if (w == null || !now.isBefore(w.start().plus(WINDOW)) || w.failures() < MAX_FAILURES) {
            return 0;
        }
        return Math.max(1, Duration.between(now, w.start().plus(WINDOW)).toSeconds());
    }

    /** Records a failure; returns the client's failures in the current window. */
    int fail(String client) {
        Instant now = clock.instant();
        if (windows.size() > 100_000) {
            windows.clear(); // bounded memory under a flood of addresses
        }
        return windows.compute(
                        client,
                        (k, w) -> w == null || !now.isBefore(w.start().plus(WINDOW))
                                ? new Window(now, 1)
                                : new Window(w.start(), w.failures() + 1))
                .failures();
    }
}
