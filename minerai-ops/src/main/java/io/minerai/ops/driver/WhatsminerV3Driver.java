package io.minerai.ops.driver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.minerai.ops.device.AckStatus;
import io.minerai.ops.device.Capabilities;
import io.minerai.ops.device.CommandResult;
import io.minerai.ops.device.DesiredState;
import io.minerai.ops.device.DeviceDriver;
import io.minerai.ops.device.DeviceException;
import io.minerai.ops.device.DeviceMode;
import io.minerai.ops.device.DeviceTelemetry;
import io.minerai.ops.proto.Lenient;
import io.minerai.ops.proto.LenientJson;
import io.minerai.ops.proto.TcpRequest;
import io.minerai.ops.proto.WhatsminerToken;
import java.time.Clock;
import java.util.OptionalDouble;

/**
 * Whatsminer API v3 (firmware 2024+, port 4433): 4-byte little-endian length prefix plus JSON. Writes carry {@code
 * ts}, {@code account} and the token {@code base64(SHA256(cmd+password+salt+ts))[0:8]} with the salt from {@code
 * get.device.info}. Sleep/wake = {@code set.miner.service stop|start} (not {@code adjust_power_limit}, which reboots
 * the miner); power target = {@code set.miner.power_limit} (cannot exceed stock power). Any non-zero {@code code} is
 * a refusal: the write API must be enabled on the miner first (UpstreamData/pyasic#142). Confirmed by re-reading
 * {@code get.miner.status}.
 */
public final class WhatsminerV3Driver implements DeviceDriver {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private final String id;
    private final TcpRequest tcp;
    private final String account;
    private final String password;
    private final double ratedW;
    private final double minPowerW;
    private final Clock clock;
    private final MinerReadings.FreshnessTracker fresh = new MinerReadings.FreshnessTracker();

    public WhatsminerV3Driver(
            String id, TcpRequest tcp, String account, String password, double ratedW, double minPowerW, Clock clock) {
        this.id = id;
        this.tcp = tcp;
        this.account = account;
        this.password = password;
        this.ratedW = ratedW;
        this.minPowerW = minPowerW;
        this.clock = clock;
    }

    @Override
    public String deviceId() {
        return id;
    }

    @Override
    public Capabilities capabilities() {
        return Capabilities.sleepAndTarget(minPowerW, ratedW);
    }

    private JsonNode call(ObjectNode req) throws DeviceException {
        String raw = tcp.exchangeLengthPrefixed(req.toString());
        try {
            return LenientJson.parse(raw);
        } catch (IllegalArgumentException e) {
            throw new DeviceException(AckStatus.FAILED, id + ": " + e.getMessage(), e);
        }
    }

    private JsonNode status() throws DeviceException {
        ObjectNode req = F.objectNode().put("cmd", "get.miner.status").put("param", "summary");
        JsonNode r = call(req);
        if (r.path("code").asInt(-1) != 0) {
            throw new DeviceException(
                    AckStatus.FAILED,
                    id + ": get.miner.status: " + r.path("msg").asText());
        }
        return r;
    }

    @Override
    public DeviceTelemetry readTelemetry() throws DeviceException {
        JsonNode r = status();
        JsonNode s = r.path("msg").path("summary");
        double ths = Lenient.number(Lenient.first(s, "hash-realtime", "hash-average"));
        double w = Lenient.number(Lenient.first(s, "power-realtime", "power"));
        double limit = Lenient.number(s.get("power-limit"));
        JsonNode working = s.get("working");
        DeviceMode mode = working != null
                ? (working.asText().equals("true") ? DeviceMode.RUNNING : DeviceMode.SLEEPING)
                : (ths > 0 ? DeviceMode.RUNNING : DeviceMode.UNKNOWN);
        OptionalDouble lim = !Double.isNaN(limit) && limit < ratedW ? OptionalDouble.of(limit) : OptionalDouble.empty();
        return new DeviceTelemetry(fresh.observedAt(r.path("when").asLong(0), clock), mode, w, ths, lim);
    }

    private JsonNode write(String cmd, JsonNode param) throws DeviceException {
        JsonNode info = call(F.objectNode().put("cmd", "get.device.info").put("param", "salt"));
        String salt = info.path("msg").path("salt").asText("");
        if (salt.isEmpty()) {
            throw new DeviceException(AckStatus.FAILED, id + ": get.device.info gave no salt");
        }
        long ts = clock.instant().getEpochSecond();
        ObjectNode req = F.objectNode();
        req.put("cmd", cmd);
        req.set("param", param);
        req.put("ts", ts);
        req.put("account", account);
        req.put("token", WhatsminerToken.of(cmd, password, salt, ts));
        JsonNode r = call(req);
        int code = r.path("code").asInt(-1);
        if (code != 0) {
            throw new DeviceException(
                    AckStatus.DENIED,
                    id + ": " + cmd + ": code " + code + " " + r.path("msg").asText());
        }
        return r;
    }

    @Override
    public CommandResult apply(DesiredState desired) throws DeviceException {
        switch (desired) {
            case DesiredState.Sleep s -> write("set.miner.service", F.textNode("stop"));
            case DesiredState.Run r -> {
                JsonNode sum = status().path("msg").path("summary");
                if (Lenient.number(sum.get("power-limit")) < ratedW) {
                    write("set.miner.power_limit", F.numberNode(Math.round(ratedW)));
                }
                write("set.miner.service", F.textNode("start"));
            }
            case DesiredState.PowerTarget pt -> {
                long w = Math.round(Math.max(minPowerW, Math.min(ratedW, pt.powerW())));
                write("set.miner.power_limit", F.numberNode(w));
                write("set.miner.service", F.textNode("start"));
            }
        }
        DeviceTelemetry t = readTelemetry();
        boolean ok = switch (desired) {
            case DesiredState.Sleep s -> t.mode() == DeviceMode.SLEEPING;
            case DesiredState.Run r ->
                t.mode() == DeviceMode.RUNNING && t.powerLimitW().isEmpty();
            case DesiredState.PowerTarget pt ->
                t.mode() == DeviceMode.RUNNING
                        && t.powerLimitW().isPresent()
                        && t.powerLimitW().getAsDouble() <= pt.powerW() + 1;
        };
        return ok
                ? CommandResult.confirmed(desired.label())
                : CommandResult.of(
                        AckStatus.NOT_APPLIED, desired.label() + " answered code 0, not in force on re-read");
    }
}
