package io.minerai.ops.driver.whatsminerv2;

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
import io.minerai.ops.driver.MinerReadings;
import io.minerai.ops.proto.Lenient;
import io.minerai.ops.proto.LenientJson;
import io.minerai.ops.proto.TcpRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;

/**
 * Whatsminer API v2 (btminer firmware before late 2024; API 2.0.x on TCP 4028), from the vendor's API documents
 * (WhatsMiner API V2.0.4 / V2.0.5) and the public clients pyasic ({@code rpc/btminer.py}, {@code
 * backends/btminer.py}) and asic-rs ({@code whatsminer/v2}).
 *
 * <ul>
 *   <li>One request per TCP connection, reply read to EOF; reads are plaintext ({@code {"command":"summary"}}, {@code
 *       status}, {@code get_token}: the key both public clients send; the vendor document writes {@code cmd}).
 *   <li>Writes only in ciphertext: {@code get_token} then the command with the sign as {@code token}, AES-256-ECB
 *       ({@link WhatsminerV2Crypto}). A token lives 30 minutes and one client IP may hold 32, so the token is reused
 *       for 25 minutes and fetched again once when the miner answers 135 "check token error".
 *   <li>Sleep = {@code power_off} with {@code respbefore:"true"} (answer before the hashboards go off: otherwise the
 *       reply may never come); wake = {@code power_on}.
 *   <li>Power target = {@code adjust_power_limit} (API 2.0.5; the value a string, not above stock power). The miner
 *       reboots to apply it, so the command is answered ACCEPTED and confirmed later by {@code status} reporting
 *       {@code power_limit_set}; a target equal to the limit in force sends nothing.
 *   <li>State: {@code status.Msg.mineroff} ("true" = asleep, unless hashrate still shows: then running), power {@code SUMMARY[0].Power} (W), hashrate {@code MHS
 *       av} / {@code HS RT} (MH/s), freshness from {@code STATUS[0].When}.
 *   <li>Codes: 131 OK, 134 token OK, 135 check token error, 136 token over max times, 45 permission denied / "can't
 *       access write cmd" (write API not enabled with the vendor tool), 14 invalid command, 132 command error, 23
 *       invalid JSON, 137 base64 decode error.
 * </ul>
 */
public final class WhatsminerV2Driver implements DeviceDriver {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    /** Tokens live 30 minutes on the miner; refetch a little before. */
    static final Duration TOKEN_REUSE = Duration.ofMinutes(25);

    /**
     * A token from {@code get_token} turned into the cipher key and the sign.
     *
     * @param key AES key text
     * @param sign the token sent in commands
     * @param fetchedAt when it was fetched
     */
    record Token(String key, String sign, Instant fetchedAt) {}

    private final String id;
    private final TcpRequest tcp;
    private final String password;
    private final double ratedW;
    private final double minPowerW;
    private final Clock clock;
    private final MinerReadings.FreshnessTracker fresh = new MinerReadings.FreshnessTracker();
    private @Nullable Token token;

    /**
     * @param id device id
     * @param tcp the API address (port 4028) and timeouts
     * @param password the admin password (must have been changed from the default with the vendor tool)
     * @param ratedW stock wall power: the highest power limit
     * @param minPowerW lowest power limit to ask for
     * @param clock clock for token ages and reading times
     */
    public WhatsminerV2Driver(
            String id, TcpRequest tcp, String password, double ratedW, double minPowerW, Clock clock) {
        this.id = id;
        this.tcp = tcp;
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

    private JsonNode parse(String raw, String cmd) throws DeviceException {
        try {
            return LenientJson.parse(raw);
        } catch (IllegalArgumentException e) {
            throw new DeviceException(AckStatus.FAILED, id + ": " + cmd + ": " + e.getMessage(), e);
        }
    }

    /** The reply's status letter: {@code STATUS[0].STATUS} (cgminer form) or {@code STATUS} (btminer form). */
    static String statusLetter(JsonNode r) {
        JsonNode s = r.path("STATUS");
        return s.isArray() ? s.path(0).path("STATUS").asText("") : s.asText("");
    }

    static int code(JsonNode r) {
        JsonNode s = r.path("STATUS");
        return s.isArray() ? s.path(0).path("Code").asInt(-1) : r.path("Code").asInt(-1);
    }

    static String message(JsonNode r) {
        JsonNode s = r.path("STATUS");
        JsonNode m = s.isArray() ? s.path(0).path("Msg") : r.path("Msg");
        return m.isTextual() ? m.asText() : m.toString();
    }

    private JsonNode read(String cmd) throws DeviceException {
        JsonNode r = parse(tcp.exchange(F.objectNode().put("command", cmd).toString()), cmd);
        String st = statusLetter(r);
        if (!st.equals("S") && !st.equals("I")) {
            throw new DeviceException(
                    code(r) == 45 ? AckStatus.DENIED : AckStatus.FAILED,
                    id + ": " + cmd + ": code " + code(r) + " " + message(r));
        }
        return r;
    }

    @Override
    public DeviceTelemetry readTelemetry() throws DeviceException {
        JsonNode sum = read("summary");
        JsonNode s = sum.path("SUMMARY").path(0);
        double mhs = Lenient.number(Lenient.first(s, "HS RT", "MHS av", "MHS 5s", "MHS 1m"));
        double ths = Double.isNaN(mhs) ? Double.NaN : mhs / 1e6;
        double w = Lenient.number(s.get("Power"));
        if (w < 0) {
            w = Double.NaN; // -1 = no power reading on this PSU (pyasic)
        }
        JsonNode status = read("status").path("Msg");
        String off = status.path("mineroff").asText("");
        DeviceMode mode = off.equals("true")
                ? DeviceMode.SLEEPING
                : off.equals("false") ? DeviceMode.RUNNING : (ths > 0 ? DeviceMode.RUNNING : DeviceMode.UNKNOWN);
        if (mode == DeviceMode.SLEEPING && Double.isNaN(ths)) {
            ths = 0;
        }
        if (mode == DeviceMode.SLEEPING && ths > 0) {
            mode = DeviceMode.RUNNING; // mineroff says off while the boards still hash: believe the hashrate
        }
        double limit = Lenient.number(status.get("power_limit_set"));
        if (Double.isNaN(limit)) {
            limit = Lenient.number(s.get("Power Limit"));
        }
        OptionalDouble lim = limit > 0 && limit < ratedW ? OptionalDouble.of(limit) : OptionalDouble.empty();
        long when = sum.path("STATUS").path(0).path("When").asLong(0);
        return new DeviceTelemetry(fresh.observedAt(when, clock), mode, w, ths, lim);
    }

    private synchronized Token token(boolean renew) throws DeviceException {
        Token t = token;
        Instant now = clock.instant();
        if (!renew && t != null && now.isBefore(t.fetchedAt().plus(TOKEN_REUSE))) {
            return t;
        }
        JsonNode r =
                parse(tcp.exchange(F.objectNode().put("command", "get_token").toString()), "get_token");
        int code = code(r);
        JsonNode m = r.path("Msg");
        if (code != 134 || !m.isObject()) {
            throw new DeviceException(
                    code == 45 || code == 136 ? AckStatus.DENIED : AckStatus.FAILED,
                    id + ": get_token: code " + code + " " + message(r)
                            + (code == 136 ? " (this client holds too many tokens; they expire after 30 min)" : ""));
        }
        String salt = m.path("salt").asText("");
        String newSalt = m.path("newsalt").asText("");
        String time = m.path("time").asText("");
        if (salt.isEmpty() || newSalt.isEmpty() || time.isEmpty()) {
            throw new DeviceException(AckStatus.FAILED, id + ": get_token: reply lacks time/salt/newsalt");
        }
        String key = WhatsminerV2Crypto.key(password, salt);
        Token fresh = new Token(key, WhatsminerV2Crypto.sign(key, time, newSalt), now);
        token = fresh;
        return fresh;
    }

    /** Sends a privileged command; returns the (decrypted) reply, or throws with the miner's reason. */
    JsonNode write(String cmd, ObjectNode params) throws DeviceException {
        for (int attempt = 0; ; attempt++) {
            Token t = token(attempt > 0);
            ObjectNode plain = F.objectNode().put("cmd", cmd);
            plain.setAll(params);
            plain.put("token", t.sign());
            ObjectNode req =
                    F.objectNode().put("enc", 1).put("data", WhatsminerV2Crypto.encrypt(t.key(), plain.toString()));
            JsonNode r = parse(tcp.exchange(req.toString()), cmd);
            if (r.path("enc").isTextual()) {
                try {
                    r = parse(WhatsminerV2Crypto.decrypt(t.key(), r.path("enc").asText()), cmd);
                } catch (IllegalArgumentException e) {
                    throw new DeviceException(
                            AckStatus.FAILED, id + ": " + cmd + ": bad encrypted reply: " + e.getMessage());
                }
            }
            int code = code(r);
            if (code == 131 || statusLetter(r).equals("S")) {
                return r;
            }
            if (code == 135 && attempt == 0) {
                continue; // token expired or the miner restarted: fetch a new one once
            }
            AckStatus st = switch (code) {
                case 45, 135, 136 -> AckStatus.DENIED;
                case 14 -> AckStatus.UNSUPPORTED;
                default -> AckStatus.FAILED;
            };
            String hint = code == 45
                    ? " (enable the write API with the vendor tool and change the default password)"
                    : code == 135 ? " (wrong admin password?)" : "";
            throw new DeviceException(st, id + ": " + cmd + ": code " + code + " " + message(r) + hint);
        }
    }

    @Override
    public CommandResult apply(DesiredState desired) throws DeviceException {
        switch (desired) {
            case DesiredState.Sleep s -> write("power_off", F.objectNode().put("respbefore", "true"));
            case DesiredState.Run r -> {
                DeviceTelemetry before = readTelemetry();
                if (before.mode() != DeviceMode.RUNNING) {
                    write("power_on", F.objectNode());
                }
                if (before.powerLimitW().isPresent()) {
                    write("adjust_power_limit", F.objectNode().put("power_limit", Long.toString(Math.round(ratedW))));
                    return CommandResult.of(
                            AckStatus.ACCEPTED,
                            desired.label() + ": power limit back to " + Math.round(ratedW)
                                    + " W (the miner reboots to apply it)");
                }
            }
            case DesiredState.PowerTarget pt -> {
                if (pt.powerW() < minPowerW) {
                    return CommandResult.of(
                            AckStatus.UNSUPPORTED,
                            desired.label() + " below the lowest power limit " + Math.round(minPowerW) + " W");
                }
                long w = Math.round(Math.min(ratedW, pt.powerW()));
                DeviceTelemetry before = readTelemetry();
                if (before.mode() != DeviceMode.RUNNING) {
                    write("power_on", F.objectNode());
                }
                double inForce = before.powerLimitW().orElse(ratedW);
                if (Math.abs(inForce - w) >= 1) {
                    write("adjust_power_limit", F.objectNode().put("power_limit", Long.toString(w)));
                    return CommandResult.of(
                            AckStatus.ACCEPTED,
                            desired.label() + ": power limit " + w + " W (the miner reboots to apply it)");
                }
            }
        }
        DeviceTelemetry t;
        try {
            t = readTelemetry();
        } catch (DeviceException e) {
            // power_off answered first and then cut the boards; a miner busy switching may not answer at once
            return CommandResult.of(
                    AckStatus.ACCEPTED, desired.label() + " answered OK; re-read failed: " + e.getMessage());
        }
        boolean ok = switch (desired) {
            case DesiredState.Sleep s -> t.mode() == DeviceMode.SLEEPING;
            case DesiredState.Run r -> t.mode() == DeviceMode.RUNNING;
            case DesiredState.PowerTarget pt ->
                t.mode() == DeviceMode.RUNNING && t.powerLimitW().orElse(ratedW) <= pt.powerW() + 1;
        };
        if (ok && !(desired instanceof DesiredState.Sleep) && !(t.hashrateThPerS() > 0)) {
            // mineroff is already "false" while the hashboards start: not hashing yet
            return CommandResult.of(AckStatus.ACCEPTED, desired.label() + "; starting, no hashrate yet");
        }
        return ok
                ? CommandResult.confirmed(desired.label())
                : CommandResult.of(AckStatus.NOT_APPLIED, desired.label() + " answered OK, not in force on re-read");
    }
}
