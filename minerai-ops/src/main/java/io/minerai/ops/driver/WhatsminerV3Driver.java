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
 * Whatsminer API v3 (firmware 2024+, port 4433): 4-byte little-endian length prefix plus JSON.
 *
 * <ul>
 *   <li><b>Reads</b> as pyasic's {@code BTMinerV3} and asic-rs's {@code WhatsMinerV3} do: {@code get.miner.status}
 *       {@code summary} for {@code hash-realtime} (TH/s), {@code power-realtime} (W) and {@code power-limit} (W), and
 *       {@code get.device.info} for the working state {@code msg.miner.working} ("true"/"false"); the summary carries
 *       no working flag. A miner is {@link DeviceMode#SLEEPING} only when {@code working} is "false" and the hashrate
 *       is below {@link MinerReadings#IDLE_HASHRATE_THS}.
 *   <li><b>Writes</b> ({@code set.*}) carry {@code ts}, {@code account} and the token {@code
 *       base64(SHA256(cmd+password+salt+ts))[0:8]}, the salt from {@code get.device.info} {@code param:"salt"}.
 *       Sleep/wake = {@code set.miner.service stop|start} (not v2's {@code adjust_power_limit}, which reboots the
 *       miner); power target = {@code set.miner.power_limit} (cannot exceed stock power; a target below the lowest
 *       limit is answered unsupported, never rounded up). Any non-zero {@code code} is a refusal: the write API must be
 *       enabled on the miner first (UpstreamData/pyasic#142), and v3's code list is not public.
 *   <li>Every command is confirmed by re-reading both replies.
 * </ul>
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

    private JsonNode read(String cmd, String param) throws DeviceException {
        ObjectNode req = F.objectNode().put("cmd", cmd);
        if (!param.isEmpty()) {
            req.put("param", param);
        }
        JsonNode r = call(req);
        if (r.path("code").asInt(-1) != 0) {
            throw new DeviceException(
                    AckStatus.FAILED,
                    id + ": " + cmd + ": code " + r.path("code").asText() + " "
                            + r.path("msg").asText());
        }
        return r;
    }

    /** The summary and the working flag ("" when the reply has none). */
    private record State(JsonNode summary, String working, long when) {}

    private State state() throws DeviceException {
        JsonNode st = read("get.miner.status", "summary");
        JsonNode info = read("get.device.info", "");
        return new State(
                st.path("msg").path("summary"),
                info.path("msg").path("miner").path("working").asText(""),
                st.path("when").asLong(0));
    }

    @Override
    public DeviceTelemetry readTelemetry() throws DeviceException {
        return telemetry(state());
    }

    private DeviceTelemetry telemetry(State st) {
        JsonNode s = st.summary();
        double ths = Lenient.number(Lenient.first(s, "hash-realtime", "hash-average"));
        double w = Lenient.number(Lenient.first(s, "power-realtime", "power-5min"));
        double limit = Lenient.number(s.get("power-limit"));
        boolean idle = !(ths > MinerReadings.IDLE_HASHRATE_THS);
        DeviceMode mode = switch (st.working()) {
            case "false" -> idle ? DeviceMode.SLEEPING : DeviceMode.RUNNING;
            case "true" -> DeviceMode.RUNNING;
            default -> idle ? DeviceMode.UNKNOWN : DeviceMode.RUNNING;
        };
        OptionalDouble lim = !Double.isNaN(limit) && limit < ratedW ? OptionalDouble.of(limit) : OptionalDouble.empty();
        return new DeviceTelemetry(fresh.observedAt(st.when(), clock), mode, w, ths, lim);
    }

    private void write(String cmd, JsonNode param) throws DeviceException {
        JsonNode info = read("get.device.info", "salt");
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
                    id + ": " + cmd + " refused: code " + code + " "
                            + r.path("msg").asText() + " (write API enabled? account and password right?)");
        }
    }

    @Override
    public CommandResult apply(DesiredState desired) throws DeviceException {
        switch (desired) {
            case DesiredState.Sleep s -> write("set.miner.service", F.textNode("stop"));
            case DesiredState.Run r -> {
                double limit = Lenient.number(state().summary().get("power-limit"));
                if (limit < ratedW) {
                    write("set.miner.power_limit", F.numberNode(Math.round(ratedW)));
                }
                write("set.miner.service", F.textNode("start"));
            }
            case DesiredState.PowerTarget pt -> {
                if (pt.powerW() < minPowerW) {
                    return CommandResult.of(
                            AckStatus.UNSUPPORTED,
                            "lowest power limit is " + Math.round(minPowerW) + " W, asked " + Math.round(pt.powerW())
                                    + " W");
                }
                long w = Math.round(Math.min(ratedW, pt.powerW()));
                write("set.miner.power_limit", F.numberNode(w));
                write("set.miner.service", F.textNode("start"));
            }
        }
        State st = state();
        DeviceTelemetry t = telemetry(st);
        return switch (desired) {
            case DesiredState.Sleep s -> {
                if (t.mode() == DeviceMode.SLEEPING) {
                    yield CommandResult.confirmed("service stopped; hashrate " + t.hashrateThPerS() + " TH/s");
                }
                yield st.working().equals("false")
                        ? CommandResult.of(
                                AckStatus.ACCEPTED,
                                "working=false but hashrate still " + t.hashrateThPerS()
                                        + " TH/s (confirmed when it drops)")
                        : CommandResult.of(AckStatus.NOT_APPLIED, "set.miner.service stop answered 0, still working");
            }
            case DesiredState.Run r ->
                t.mode() == DeviceMode.RUNNING && t.powerLimitW().isEmpty()
                        ? CommandResult.confirmed("running, no power limit below rated")
                        : CommandResult.of(
                                AckStatus.NOT_APPLIED, "start answered 0, not running at full power on re-read");
            case DesiredState.PowerTarget pt ->
                t.mode() == DeviceMode.RUNNING
                                && (t.powerLimitW().isPresent()
                                        ? t.powerLimitW().getAsDouble() <= pt.powerW() + 1
                                        : pt.powerW() >= ratedW - 1)
                        ? CommandResult.confirmed("power limit " + Math.round(Math.min(ratedW, pt.powerW())) + " W")
                        : CommandResult.of(
                                AckStatus.NOT_APPLIED, desired.label() + " answered 0, not in force on re-read");
        };
    }
}
