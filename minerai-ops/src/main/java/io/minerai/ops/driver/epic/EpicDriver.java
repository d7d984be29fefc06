package io.minerai.ops.driver.epic;

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
import io.minerai.ops.driver.http.JsonHttp;
import io.minerai.ops.proto.Lenient;
import java.time.Clock;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * ePIC PowerPlay (UMC OS) over HTTP/JSON on port 4028, from the vendor's OpenAPI description ("ePIC UMC API" 1.22.5
 * and 1.30.0, kept by 256foundation/asic-rs under {@code meta/epic/}) and asic-rs's client ({@code
 * epic/src/backends/v1}).
 *
 * <ul>
 *   <li>Reads: {@code GET /summary}: {@code Status."Operating State"} (Mining, Idling, Initializing, Loading,
 *       AdjustingClockVoltage, PreInitCooldown, Testing, Stopping, Rebooting, SoftRebooting, UpdatingFirmware), wall
 *       power {@code "Power Supply Stats"."Input Power"} (W), hashrate the sum of {@code HBs[].Hashrate[0]} (MH/s),
 *       the perpetual-tune algorithm and target. {@code GET /capabilities} lists the algorithms a model offers with
 *       their {@code min}/{@code max}.
 *   <li>Writes carry the password in the JSON body and answer {@code {"result": bool, "error": ApiError|null}}:
 *       {@code POST /miner {"param":"Stop"|"Autostart"}} to sleep and wake; {@code POST /perpetualtune/algo
 *       {"param":{"algo":"Power","target":W}}} for a power target (the spec's algorithm enum says {@code Power};
 *       asic-rs sends {@code PowerTune}). {@code BadPassword} is a refusal; {@code LastCmdStillPending} means the
 *       previous command (e.g. a start-up that takes minutes) has not finished.
 *   <li>Waking goes through Initializing/Loading before Mining: answered ACCEPTED until hashrate shows. Stopping,
 *       rebooting and updating states are reported UNKNOWN (counted at rated power by the controller).
 *   <li>Power target: only when the model offers the {@code Power} algorithm, within its {@code min}/{@code max} as
 *       the device reports them; otherwise UNSUPPORTED (the controller sleeps the miner instead). The operator's
 *       algorithm and target in force before the first power target are restored on {@code run}.
 * </ul>
 */
public final class EpicDriver implements DeviceDriver {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    static final Set<String> STARTING =
            Set.of("Initializing", "Loading", "AdjustingClockVoltage", "PreInitCooldown", "Testing");

    /**
     * The perpetual-tune setting in force.
     *
     * @param algo algorithm name
     * @param target its target (W for Power, TH/s for the others)
     */
    record Tune(String algo, double target) {}

    /**
     * The power range a model reports for the Power algorithm.
     *
     * @param minW lowest target
     * @param maxW highest target
     */
    record PowerRange(double minW, double maxW) {}

    private final String id;
    private final JsonHttp http;
    private final String password;
    private final double ratedW;
    private final Clock clock;
    private @Nullable Tune operatorTune;
    private @Nullable PowerRange range;
    private boolean rangeRead;

    public EpicDriver(String id, JsonHttp http, String password, double ratedW, Clock clock) {
        this.id = id;
        this.http = http;
        this.password = password;
        this.ratedW = ratedW;
        this.clock = clock;
    }

    @Override
    public String deviceId() {
        return id;
    }

    @Override
    public Capabilities capabilities() {
        PowerRange r = range;
        return r == null ? Capabilities.SLEEP_ONLY : Capabilities.sleepAndTarget(r.minW(), Math.min(ratedW, r.maxW()));
    }

    JsonNode summary() throws DeviceException {
        JsonHttp.Reply r = http.get("/summary", Map.of());
        if (!r.ok() || !r.body().isObject()) {
            throw new DeviceException(
                    AckStatus.FAILED, id + ": GET /summary: HTTP " + r.status() + " " + brief(r.text()));
        }
        return r.body();
    }

    static @Nullable Tune tune(JsonNode summary) {
        JsonNode algos = summary.path("PerpetualTune").path("Algorithm");
        if (!algos.isObject() || algos.isEmpty()) {
            return null;
        }
        var e = algos.properties().iterator().next();
        double target = Lenient.number(e.getValue().get("Target"));
        return Double.isNaN(target) ? null : new Tune(e.getKey(), target);
    }

    static DeviceMode mode(String state) {
        if (state.equals("Mining") || STARTING.contains(state)) {
            return DeviceMode.RUNNING;
        }
        return state.equals("Idling") ? DeviceMode.SLEEPING : DeviceMode.UNKNOWN;
    }

    static double hashrateThPerS(JsonNode summary) {
        double mhs = 0;
        boolean any = false;
        for (JsonNode hb : summary.path("HBs")) {
            double v = Lenient.number(hb.path("Hashrate").path(0));
            if (!Double.isNaN(v)) {
                mhs += v;
                any = true;
            }
        }
        return any ? mhs / 1e6 : 0;
    }

    @Override
    public DeviceTelemetry readTelemetry() throws DeviceException {
        DeviceTelemetry t = telemetry(summary());
        if (!rangeRead) {
            range(); // learn the power range the model reports once, so capabilities() tell it
        }
        return t;
    }

    DeviceTelemetry telemetry(JsonNode s) {
        String state = s.path("Status").path("Operating State").asText("");
        DeviceMode mode = mode(state);
        double ths = hashrateThPerS(s);
        if (mode == DeviceMode.SLEEPING && ths > 0) {
            mode = DeviceMode.RUNNING; // "Idling" while the boards still hash: believe the hashrate
        }
        double w = Lenient.number(s.path("Power Supply Stats").get("Input Power"));
        Tune t = tune(s);
        OptionalDouble limit = t != null && t.algo().equals("Power") && t.target() < ratedW
                ? OptionalDouble.of(t.target())
                : OptionalDouble.empty();
        return new DeviceTelemetry(clock.instant(), mode, w, ths, limit);
    }

    private synchronized @Nullable PowerRange range() throws DeviceException {
        if (!rangeRead) {
            JsonHttp.Reply r = http.get("/capabilities", Map.of());
            if (!r.ok()) {
                throw new DeviceException(AckStatus.FAILED, id + ": GET /capabilities: HTTP " + r.status());
            }
            for (JsonNode opt : r.body().path("PerpetualTune")) {
                if (opt.path("algorithm").asText("").equals("Power")) {
                    range = new PowerRange(Lenient.number(opt.get("min")), Lenient.number(opt.get("max")));
                }
            }
            rangeRead = true;
        }
        return range;
    }

    private void post(String path, JsonNode param) throws DeviceException {
        ObjectNode body = F.objectNode();
        body.set("param", param);
        body.put("password", password);
        JsonHttp.Reply r = http.post(path, body, Map.of());
        JsonNode b = r.body();
        if (r.ok() && b.path("result").asBoolean(false)) {
            return;
        }
        JsonNode err = b.path("error");
        String code = err.isTextual()
                ? err.asText()
                : err.isObject() && !err.isEmpty() ? err.fieldNames().next() : "";
        String detail = err.isMissingNode() || err.isNull() ? brief(r.text()) : err.toString();
        AckStatus st = switch (code) {
            case "BadPassword" -> AckStatus.DENIED;
            case "LastCmdStillPending" -> AckStatus.FAILED;
            case "" -> r.status() == 401 || r.status() == 403 ? AckStatus.DENIED : AckStatus.FAILED;
            default -> AckStatus.FAILED;
        };
        String hint = code.equals("BadPassword")
                ? " (wrong password)"
                : code.equals("LastCmdStillPending") ? " (the previous command has not finished)" : "";
        throw new DeviceException(st, id + ": POST " + path + ": HTTP " + r.status() + " " + detail + hint);
    }

    private static String brief(String text) {
        String t = text.strip();
        return t.length() > 200 ? t.substring(0, 200) + "..." : t;
    }

    @Override
    public CommandResult apply(DesiredState desired) throws DeviceException {
        JsonNode before = summary();
        String state = before.path("Status").path("Operating State").asText("");
        switch (desired) {
            case DesiredState.Sleep s -> post("/miner", F.textNode("Stop"));
            case DesiredState.Run r -> {
                Tune now = tune(before);
                Tune back = operatorTune;
                if (back != null && !back.equals(now)) {
                    post(
                            "/perpetualtune/algo",
                            F.objectNode().put("algo", back.algo()).put("target", Math.round(back.target())));
                }
                if (mode(state) != DeviceMode.RUNNING) {
                    post("/miner", F.textNode("Autostart"));
                }
            }
            case DesiredState.PowerTarget pt -> {
                PowerRange pr = range();
                if (pr == null) {
                    return CommandResult.of(
                            AckStatus.UNSUPPORTED,
                            desired.label() + ": this model offers no Power perpetual-tune algorithm");
                }
                if (pt.powerW() < pr.minW()) {
                    return CommandResult.of(
                            AckStatus.UNSUPPORTED,
                            desired.label() + " below the device's lowest power target " + Math.round(pr.minW())
                                    + " W");
                }
                long w = Math.round(Math.min(pt.powerW(), Math.min(pr.maxW(), ratedW)));
                Tune now = tune(before);
                if (operatorTune == null && now != null && !now.algo().equals("Power")) {
                    operatorTune = now; // restored on run
                }
                if (now == null || !now.algo().equals("Power") || Math.abs(now.target() - w) >= 1) {
                    post(
                            "/perpetualtune/algo",
                            F.objectNode().put("algo", "Power").put("target", w));
                }
                if (mode(state) != DeviceMode.RUNNING) {
                    post("/miner", F.textNode("Autostart"));
                }
            }
        }
        JsonNode after = summary();
        DeviceTelemetry t = telemetry(after);
        String st = after.path("Status").path("Operating State").asText("");
        return switch (desired) {
            case DesiredState.Sleep s ->
                t.mode() == DeviceMode.SLEEPING
                        ? CommandResult.confirmed("sleep")
                        : st.equals("Stopping")
                                ? CommandResult.of(AckStatus.ACCEPTED, "sleep: stopping")
                                : CommandResult.of(AckStatus.NOT_APPLIED, "sleep answered OK, still " + st);
            case DesiredState.Run r ->
                t.mode() != DeviceMode.RUNNING
                        ? CommandResult.of(AckStatus.NOT_APPLIED, "run answered OK, still " + st)
                        : STARTING.contains(st) || !(t.hashrateThPerS() > 0)
                                ? CommandResult.of(AckStatus.ACCEPTED, "run: " + st + ", no hashrate yet")
                                : CommandResult.confirmed("run");
            case DesiredState.PowerTarget pt -> {
                Tune now = tune(after);
                boolean set = now != null && now.algo().equals("Power") && now.target() <= pt.powerW() + 1;
                if (!set) {
                    yield CommandResult.of(
                            AckStatus.NOT_APPLIED, desired.label() + " answered OK, tune not in force on re-read");
                }
                yield t.mode() == DeviceMode.RUNNING && t.powerW() <= pt.powerW() * 1.02 && !STARTING.contains(st)
                        ? CommandResult.confirmed(desired.label())
                        : CommandResult.of(
                                AckStatus.ACCEPTED,
                                desired.label() + ": set, drawing " + Math.round(t.powerW()) + " W (" + st + ")");
            }
        };
    }
}
