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
 * LuxOS over its cgminer-style TCP API. Privileged commands take a session id as their first parameter: the driver
 * logs on per command and logs off in a finally block; only one session may exist, so a second {@code logon} is
 * refused with code 402 ("Another session is active"), in which case the driver reuses the open session as pyasic
 * does and leaves it open. Sleep/wake = {@code curtail <sid>,sleep|wakeup}. A power target picks the highest profile
 * whose watts do not exceed it, with ATM (Advanced Thermal Management) switched off around {@code profileset} because
 * ATM otherwise overrides the profile (UpstreamData/pyasic#267). Every command is confirmed by re-reading.
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
    private List<Profile> profiles = List.of();

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

    @Override
    public Capabilities capabilities() {
        double min = profiles.stream().mapToDouble(Profile::watts).min().orElse(ratedW);
        return Capabilities.sleepAndTarget(min, ratedW);
    }

    /** The profiles as last read (empty before the first read). */
    public List<Profile> profiles() throws DeviceException {
        if (profiles.isEmpty()) {
            List<Profile> out = new ArrayList<>();
            for (JsonNode p : rpc.checked("profiles", "").section("PROFILES")) {
                JsonNode n = Lenient.first(p, "Profile Name", "Profile", "Name");
                String name = n == null ? "" : n.asText();
                out.add(new Profile(name, Lenient.number(Lenient.first(p, "Watts", "Power"))));
            }
            profiles = List.copyOf(out);
        }
        return profiles;
    }

    @Override
    public DeviceTelemetry readTelemetry() throws DeviceException {
        CgminerReply sum = rpc.checked("summary", "");
        double ths = MinerReadings.hashrateThPerS(sum.first("SUMMARY"));
        double w = Lenient.number(rpc.checked("power", "").first("POWER").get("Watts"));
        JsonNode conf = rpc.checked("config", "").first("CONFIG");
        JsonNode curtail = conf.get("CurtailMode");
        DeviceMode mode;
        if (curtail != null) {
            mode = curtail.asText().equalsIgnoreCase("sleep") ? DeviceMode.SLEEPING : DeviceMode.RUNNING;
        } else {
            mode = ths > 0 ? DeviceMode.RUNNING : DeviceMode.UNKNOWN;
        }
        OptionalDouble limit = OptionalDouble.empty();
        JsonNode prof = conf.get("Profile");
        if (prof != null) {
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

    private @Nullable String currentProfile() throws DeviceException {
        JsonNode p = rpc.checked("config", "").first("CONFIG").get("Profile");
        return p == null ? null : p.asText();
    }

    private boolean sleeping() throws DeviceException {
        JsonNode c = rpc.checked("config", "").first("CONFIG").get("CurtailMode");
        return c != null && c.asText().equalsIgnoreCase("sleep");
    }

    @Override
    public CommandResult apply(DesiredState desired) throws DeviceException {
        return switch (desired) {
            case DesiredState.Sleep s ->
                withSession(sid -> {
                    rpc.checked("curtail", sid + ",sleep");
                    return sleeping()
                            ? CommandResult.confirmed("curtail sleep")
                            : CommandResult.of(
                                    AckStatus.NOT_APPLIED, "curtail sleep answered OK, not asleep on re-read");
                });
            case DesiredState.Run r ->
                withSession(sid -> {
                    String def = profiles().stream()
                            .filter(p -> p.name().equals("default"))
                            .map(Profile::name)
                            .findFirst()
                            .orElse("");
                    if (!def.isEmpty() && !def.equals(currentProfile())) {
                        setProfile(sid, def);
                    }
                    rpc.checked("curtail", sid + ",wakeup");
                    return !sleeping()
                            ? CommandResult.confirmed("curtail wakeup")
                            : CommandResult.of(AckStatus.NOT_APPLIED, "wakeup answered OK, still asleep on re-read");
                });
            case DesiredState.PowerTarget pt ->
                withSession(sid -> {
                    Profile best = null;
                    for (Profile p : profiles()) {
                        if (p.watts() <= pt.powerW() && (best == null || p.watts() > best.watts())) {
                            best = p;
                        }
                    }
                    if (best == null) {
                        return CommandResult.of(
                                AckStatus.UNSUPPORTED, "no profile at or below " + Math.round(pt.powerW()) + " W");
                    }
                    setProfile(sid, best.name());
                    if (sleeping()) {
                        rpc.checked("curtail", sid + ",wakeup");
                    }
                    String now = currentProfile();
                    return best.name().equals(now)
                            ? CommandResult.confirmed(
                                    "profile " + best.name() + " (" + Math.round(best.watts()) + " W)")
                            : CommandResult.of(
                                    AckStatus.NOT_APPLIED,
                                    "profileset " + best.name() + " answered OK, profile is " + now);
                });
        };
    }

    private void setProfile(String sid, String name) throws DeviceException {
        rpc.checked("atmset", sid + ",enabled=false");
        try {
            CgminerReply r = rpc.checked("profileset", sid + "," + name);
            String set = r.first("PROFILE").path("Profile").asText("");
            if (!set.equals(name)) {
                throw new DeviceException(AckStatus.FAILED, id + ": profileset answered profile '" + set + "'");
            }
        } finally {
            rpc.checked("atmset", sid + ",enabled=true");
        }
    }
}
