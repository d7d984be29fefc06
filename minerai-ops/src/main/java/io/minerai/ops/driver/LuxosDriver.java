package io.minerai.ops.driver;

import com.fasterxml.jackson.databind.JsonNode;
import io.minerai.ops.device.AckStatus;
import io.minerai.ops.device.Capabilities;
import io.minerai.ops.device.CommandResult;
import io.minerai.ops.device.DesiredState;
import io.minerai.ops.device.DeviceDriver;
import io.minerai.ops.device.DeviceException;
import io.minerai.ops.device.DeviceMode;
import io.minerai.ops.device.DeviceTelemetry;
import io.minerai.ops.proto.CgminerReply;
import io.minerai.ops.proto.Lenient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;

/**
 * LuxOS over its cgminer-style TCP API (reply shapes: the recorded LUXminer 2025.4.8 replies in 256foundation/asic-rs,
 * luxos-tooling's {@code atm.json}, pyasic's {@code rpc/luxminer.py}).
 *
 * <ul>
 *   <li><b>Sessions.</b> Privileged commands take a session id as their first parameter: the driver logs on per
 *       command and logs off in a finally block; only one session may exist, so a second {@code logon} is refused with
 *       code 402 ("Another session is active"), in which case the driver reuses the open session as pyasic does and
 *       leaves it open.
 *   <li><b>Reads.</b> {@code summary} ({@code GHS 5s}), {@code power} ({@code POWER[0].Watts}), {@code config}
 *       ({@code CurtailMode}, {@code Profile}, {@code IsAtmEnabled}), {@code profiles} ({@code Profile Name}, {@code
 *       Watts}). A miner is {@link DeviceMode#SLEEPING} only when its curtail mode is not {@code None} and it has
 *       stopped hashing.
 *   <li><b>Power ranges from the device.</b> A power target picks the highest profile whose watts do not exceed it;
 *       the lowest target is the device's lowest profile (its ladder can stop well above 60 % of rated). A target
 *       below it is answered {@link AckStatus#UNSUPPORTED} with the lowest profile in the detail (the controller then
 *       sleeps the miner instead); it is never rounded up.
 *   <li><b>ATM restored as the operator had it.</b> ATM (Advanced Thermal Management) overrides a profile set while
 *       it runs, so it is switched off around {@code profileset} and switched back on only if it was on before (as
 *       pyasic's {@code set_power_limit} does), never forced on.
 *   <li><b>Wake</b> restores the profile the operator ran before the controller first changed it (or {@code default})
 *       and sends {@code curtail wakeup}. Every command is confirmed by re-reading.
 * </ul>
 */
public final class LuxosDriver implements DeviceDriver {
    /**
     * A profile the firmware offers.
     *
     * @param name its name
     * @param watts its wall power
     */
    public record Profile(String name, double watts) {}

    private final String id;
    private final CgminerRpc rpc;
    private final Clock clock;
    private final double ratedW;
    private final MinerReadings.FreshnessTracker fresh = new MinerReadings.FreshnessTracker();
    private volatile List<Profile> profiles = List.of();
    /** The profile the operator ran before this driver first changed it. */
    private @Nullable String operatorProfile;

    public LuxosDriver(String id, CgminerRpc rpc, double ratedW, Clock clock) {
        this.id = id;
        this.rpc = rpc;
        this.ratedW = ratedW;
        this.clock = clock;
    }

    @Override
    public String deviceId() {
        return id;
    }

    /** Sleep, and targets from the device's lowest profile to rated power (rated..rated before the first read). */
    @Override
    public Capabilities capabilities() {
        double min = profiles.stream().mapToDouble(Profile::watts).min().orElse(ratedW);
        return Capabilities.sleepAndTarget(Math.min(min, ratedW), ratedW);
    }

    /** The device's profiles (read once, then cached). */
    public List<Profile> profiles() throws DeviceException {
        if (profiles.isEmpty()) {
            List<Profile> out = new ArrayList<>();
            for (JsonNode p : rpc.checked("profiles", "").section("PROFILES")) {
                JsonNode n = Lenient.first(p, "Profile Name", "Profile", "Name");
                double w = Lenient.number(Lenient.first(p, "Watts", "Power"));
                if (n != null && !Double.isNaN(w)) {
                    out.add(new Profile(n.asText(), w));
                }
            }
            profiles = List.copyOf(out);
        }
        return profiles;
    }

    private JsonNode config() throws DeviceException {
        return rpc.checked("config", "").first("CONFIG");
    }

    private static boolean curtailed(JsonNode conf) {
        JsonNode c = conf.get("CurtailMode");
        return c != null && !c.asText().isBlank() && !c.asText().equalsIgnoreCase("None");
    }

    @Override
    public DeviceTelemetry readTelemetry() throws DeviceException {
        CgminerReply sum = rpc.checked("summary", "");
        double ths = MinerReadings.hashrateThPerS(sum.first("SUMMARY"));
        double w = Lenient.number(rpc.checked("power", "").first("POWER").get("Watts"));
        JsonNode conf = config();
        boolean idle = !(ths > MinerReadings.IDLE_HASHRATE_THS);
        DeviceMode mode;
        if (conf.has("CurtailMode")) {
            mode = curtailed(conf) && idle ? DeviceMode.SLEEPING : DeviceMode.RUNNING;
        } else {
            mode = idle ? DeviceMode.UNKNOWN : DeviceMode.RUNNING;
        }
        OptionalDouble limit = OptionalDouble.empty();
        JsonNode prof = conf.get("Profile");
        if (prof != null) {
            synchronized (this) {
                if (operatorProfile == null) {
                    operatorProfile = prof.asText();
                }
            }
            for (Profile p : profiles()) {
                if (p.name().equals(prof.asText()) && p.watts() < ratedW) {
                    limit = OptionalDouble.of(p.watts());
                }
            }
        }
        return new DeviceTelemetry(fresh.observedAt(sum.status().whenEpochSeconds(), clock), mode, w, ths, limit);
    }

    /** Runs privileged commands in one session; logs off afterwards if the session was ours. */
    private interface SessionWork {
        CommandResult run(String sid) throws DeviceException;
    }

    private CommandResult withSession(SessionWork work) throws DeviceException {
        String sid;
        boolean ours;
        CgminerReply logon = rpc.command("logon", "");
        if (logon.status().ok()) {
            sid = logon.first("SESSION").path("SessionID").asText("");
            ours = true;
        } else if (logon.status().code() == 402) {
            sid = rpc.checked("session", "").first("SESSION").path("SessionID").asText("");
            ours = false;
            if (sid.isEmpty()) {
                throw new DeviceException(AckStatus.DENIED, id + ": another session is active (402)");
            }
        } else {
            throw new DeviceException(
                    logon.accessDenied() ? AckStatus.DENIED : AckStatus.FAILED,
                    id + ": logon: " + logon.status().code() + " "
                            + logon.status().msg());
        }
        try {
            return work.run(sid);
        } finally {
            if (ours) {
                try {
                    rpc.command("logoff", sid);
                } catch (DeviceException e) {
                    // the session times out on the miner
                }
            }
        }
    }

    private double hashrate() throws DeviceException {
        return MinerReadings.hashrateThPerS(rpc.checked("summary", "").first("SUMMARY"));
    }

    @Override
    public CommandResult apply(DesiredState desired) throws DeviceException {
        return switch (desired) {
            case DesiredState.Sleep s ->
                withSession(sid -> {
                    rememberOperatorProfile();
                    rpc.checked("curtail", sid + ",sleep");
                    if (!curtailed(config())) {
                        return CommandResult.of(AckStatus.NOT_APPLIED, "curtail sleep answered OK, not curtailed");
                    }
                    double ths = hashrate();
                    return ths > MinerReadings.IDLE_HASHRATE_THS
                            ? CommandResult.of(
                                    AckStatus.ACCEPTED,
                                    "curtail sleep in force; hashrate still " + ths + " TH/s (confirmed when it drops)")
                            : CommandResult.confirmed("curtail sleep");
                });
            case DesiredState.Run r ->
                withSession(sid -> {
                    String want = runProfile();
                    if (!want.isEmpty() && !want.equals(config().path("Profile").asText(""))) {
                        setProfile(sid, want);
                    }
                    rpc.checked("curtail", sid + ",wakeup");
                    return !curtailed(config())
                            ? CommandResult.confirmed("curtail wakeup" + (want.isEmpty() ? "" : ", profile " + want))
                            : CommandResult.of(AckStatus.NOT_APPLIED, "wakeup answered OK, still curtailed on re-read");
                });
            case DesiredState.PowerTarget pt -> {
                Profile best = null;
                Profile lowest = null;
                for (Profile p : profiles()) {
                    if (p.watts() <= pt.powerW() && (best == null || p.watts() > best.watts())) {
                        best = p;
                    }
                    if (lowest == null || p.watts() < lowest.watts()) {
                        lowest = p;
                    }
                }
                if (best == null) {
                    yield CommandResult.of(
                            AckStatus.UNSUPPORTED,
                            "no profile at or below " + Math.round(pt.powerW()) + " W; lowest is "
                                    + (lowest == null
                                            ? "none"
                                            : lowest.name() + " at " + Math.round(lowest.watts()) + " W"));
                }
                Profile chosen = best;
                yield withSession(sid -> {
                    rememberOperatorProfile();
                    setProfile(sid, chosen.name());
                    if (curtailed(config())) {
                        rpc.checked("curtail", sid + ",wakeup");
                    }
                    String now = config().path("Profile").asText("");
                    return chosen.name().equals(now)
                            ? CommandResult.confirmed(
                                    "profile " + chosen.name() + " (" + Math.round(chosen.watts()) + " W)")
                            : CommandResult.of(
                                    AckStatus.NOT_APPLIED,
                                    "profileset " + chosen.name() + " answered OK, profile is " + now);
                });
            }
        };
    }

    private void rememberOperatorProfile() throws DeviceException {
        synchronized (this) {
            if (operatorProfile != null) {
                return;
            }
        }
        String p = config().path("Profile").asText("");
        synchronized (this) {
            if (operatorProfile == null && !p.isEmpty()) {
                operatorProfile = p;
            }
        }
    }

    /**
     * The profile to run at full power: the operator's as first seen, when it is a full-power one (it may be an
     * overclock), else {@code default} if the device has one (a controller restarted while the miner ran a curtailed
     * profile must not take that for the operator's).
     */
    private String runProfile() throws DeviceException {
        String op;
        synchronized (this) {
            op = operatorProfile;
        }
        for (Profile p : profiles()) {
            if (op != null && p.name().equals(op) && p.watts() >= ratedW * 0.99) {
                return op; // the operator's own full-power (or overclock) profile
            }
        }
        for (Profile p : profiles()) {
            if (p.name().equals("default")) {
                return "default";
            }
        }
        return "";
    }

    private boolean atmEnabled() throws DeviceException {
        JsonNode a = rpc.checked("atm", "").first("ATM").get("Enabled");
        return a != null && a.asBoolean(false);
    }

    private void setProfile(String sid, String name) throws DeviceException {
        boolean atmWasOn = atmEnabled();
        if (atmWasOn) {
            rpc.checked("atmset", sid + ",enabled=false");
        }
        try {
            CgminerReply r = rpc.checked("profileset", sid + "," + name);
            String set = r.first("PROFILE").path("Profile").asText("");
            if (!set.equals(name)) {
                throw new DeviceException(AckStatus.FAILED, id + ": profileset answered profile '" + set + "'");
            }
        } finally {
            if (atmWasOn) {
                rpc.checked("atmset", sid + ",enabled=true");
            }
        }
    }
}
