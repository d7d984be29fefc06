package io.minerai.ops.signal;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Sends USAGE reports back to the VTN while an event is active: the site's power (metered when there is a meter) for
 * each active event interval, at most once per {@code every} per interval, echoing the interval id as the spec asks.
 */
public final class OpenAdrReporter {
    private final OpenAdrVen ven;
    private final Duration every;
    private final Map<String, Instant> lastSent = new HashMap<>();
    private long sent;
    private long failed;

    public OpenAdrReporter(OpenAdrVen ven, Duration every) {
        this.ven = ven;
        this.every = every;
    }

    /** Reports {@code usageMw} for every event interval active at {@code nowUtc} that is due. */
    public void report(Instant nowUtc, double usageMw) {
        for (OpenAdrEvents.Active a : ven.active(nowUtc)) {
            String key = a.eventId() + "#" + a.intervalId();
            Instant last = lastSent.get(key);
            if (last != null && Duration.between(last, nowUtc).compareTo(every) < 0) {
                continue;
            }
            lastSent.put(key, nowUtc);
            if (ven.report(a, usageMw, nowUtc)) {
                sent++;
            } else {
                failed++;
            }
        }
    }

    public long sent() {
        return sent;
    }

    public long failed() {
        return failed;
    }
}
