package io.minerai.ops.signal;

import com.fasterxml.jackson.databind.JsonNode;
import io.minerai.ops.proto.LenientJson;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * The MQTT curtailment message: {@code {"target":0..100,"timestamp":<unix seconds>}} (the "target_timestamp" payload
 * format of the MaestroOS contract as implemented in block/proto-fleet mqttingest/payload.go: at most 1024 bytes,
 * timestamps more than 24 h from the local clock rejected), or {@code {"shedKw":<kW>,"timestamp":<unix seconds>}}, a
 * demand-response dispatch naming how many kW to shed (our extension for contracted curtailment). proto-fleet
 * accepts only targets 0 and 100; this reader accepts any percentage 0..100.
 *
 * @param demand what the publisher asks for
 * @param timestamp when the publisher issued it
 */
public record CurtailmentPayload(Demand demand, Instant timestamp) {
    public static final int MAX_BYTES = 1024;
    public static final Duration MAX_SKEW = Duration.ofHours(24);
    /** Largest shed a message may ask for, kW (a sanity bound: 1 GW). */
    public static final double MAX_SHED_KW = 1_000_000;

    /** What a curtailment message asks for. */
    public sealed interface Demand {
        /**
         * Run at most this share of the site cap (or, on a signal with a contracted shed, shed {@code 100 -
         * percent} % of the contracted kW).
         *
         * @param percent 0..100
         */
        record TargetPercent(double percent) implements Demand {}

        /**
         * Shed this many kW below the site's power before the event.
         *
         * @param shedKw kW, at least 0 (0 ends the event)
         */
        record ShedKw(double shedKw) implements Demand {}
    }

    /** A target-percentage message. */
    public CurtailmentPayload(double targetPercent, Instant timestamp) {
        this(new Demand.TargetPercent(targetPercent), timestamp);
    }

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
        JsonNode shed = n.get("shedKw");
        JsonNode ts = n.get("timestamp");
        if (target != null && shed != null) {
            throw new IllegalArgumentException("carries both 'target' and 'shedKw': send one");
        }
        Demand demand;
        if (shed != null) {
            if (!shed.isNumber() || !Double.isFinite(shed.asDouble())) {
                throw new IllegalArgumentException("'shedKw' must be a number of kW >= 0");
            }
            double kw = shed.asDouble();
            if (kw < 0 || kw > MAX_SHED_KW) {
                throw new IllegalArgumentException("'shedKw' must be in 0.." + (long) MAX_SHED_KW + " kW, was " + kw);
            }
            demand = new Demand.ShedKw(kw);
        } else {
            if (target == null || !target.isNumber()) {
                throw new IllegalArgumentException("'target' must be a number 0..100 (or 'shedKw' a number of kW)");
            }
            double t = target.asDouble();
            if (!(t >= 0 && t <= 100)) {
                throw new IllegalArgumentException("'target' must be in 0..100, was " + t);
            }
            demand = new Demand.TargetPercent(t);
        }
        if (ts == null || !ts.canConvertToLong()) {
            throw new IllegalArgumentException("'timestamp' must be unix seconds");
        }
        Instant when = Instant.ofEpochSecond(ts.asLong());
        if (Duration.between(when, nowUtc).abs().compareTo(MAX_SKEW) > 0) {
            throw new IllegalArgumentException("'timestamp' " + when + " is more than 24 h from now " + nowUtc);
        }
        return new CurtailmentPayload(demand, when);
    }

    /** The JSON text of this payload. */
    public String toJson() {
        String body = switch (demand) {
            case Demand.TargetPercent t -> "\"target\":" + number(t.percent());
            case Demand.ShedKw s -> "\"shedKw\":" + number(s.shedKw());
        };
        return "{" + body + ",\"timestamp\":" + timestamp.getEpochSecond() + "}";
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
