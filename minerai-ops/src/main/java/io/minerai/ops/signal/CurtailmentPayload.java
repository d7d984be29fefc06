package io.minerai.ops.signal;

import com.fasterxml.jackson.databind.JsonNode;
import io.minerai.ops.proto.LenientJson;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * The MQTT curtailment message {@code {"target":0..100,"timestamp":<unix seconds>}} (the "target_timestamp" payload
 * format of the MaestroOS contract as implemented in block/proto-fleet mqttingest/payload.go: at most 1024 bytes,
 * timestamps more than 24 h from the local clock rejected). proto-fleet accepts only 0 and 100; this reader accepts
 * any percentage 0..100 as a load ceiling.
 *
 * @param targetPercent allowed load, % of the site cap
 * @param timestamp when the publisher issued it
 */
public record CurtailmentPayload(double targetPercent, Instant timestamp) {
    public static final int MAX_BYTES = 1024;
    public static final Duration MAX_SKEW = Duration.ofHours(24);

    /**
     * Parses and checks a payload.
     *
     * @throws IllegalArgumentException with the reason when it must be rejected
     */
    public static CurtailmentPayload parse(byte[] payload, Instant nowUtc) {
        if (payload.length > MAX_BYTES) {
            throw new IllegalArgumentException("payload of " + payload.length + " bytes exceeds " + MAX_BYTES);
        }
        JsonNode n = LenientJson.parse(new String(payload, StandardCharsets.UTF_8));
        JsonNode target = n.get("target");
        JsonNode ts = n.get("timestamp");
        if (target == null || !target.isNumber()) {
            throw new IllegalArgumentException("'target' must be a number 0..100");
        }
        if (ts == null || !ts.canConvertToLong()) {
            throw new IllegalArgumentException("'timestamp' must be unix seconds");
        }
        double t = target.asDouble();
        if (t < 0 || t > 100) {
            throw new IllegalArgumentException("'target' must be in 0..100, was " + t);
        }
        Instant when = Instant.ofEpochSecond(ts.asLong());
        if (Duration.between(when, nowUtc).abs().compareTo(MAX_SKEW) > 0) {
            throw new IllegalArgumentException("'timestamp' " + when + " is more than 24 h from now " + nowUtc);
        }
        return new CurtailmentPayload(t, when);
    }

    /** The JSON text of this payload. */
    public String toJson() {
        return "{\"target\":"
                + (targetPercent == Math.rint(targetPercent) ? Long.toString((long) targetPercent) : targetPercent)
                + ",\"timestamp\":" + timestamp.getEpochSecond() + "}";
    }
}
