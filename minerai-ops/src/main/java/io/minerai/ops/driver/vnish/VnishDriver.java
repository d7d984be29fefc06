package io.minerai.ops.driver.vnish;

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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * VNish over its REST API, from the vendor's OpenAPI description ("xminer-api", VNish 1.2.6 / 1.2.7 / 1.3.4, kept by
 * 256foundation/asic-rs under {@code meta/vnish/}) and the clients asic-rs ({@code vnish/src/backends/v1_3_0}) and
 * pyasic ({@code web/vnish.py}).
 *
 * <ul>
 *   <li>Auth: {@code POST /api/v1/unlock {"pw": password}} answers {@code {"token": ...}} (403 wrong password, 429 too
 *       many tries); the token goes in {@code Authorization: Bearer}. A 401 later (token dropped by a firmware
 *       restart) unlocks once more.
 *   <li>Reads: {@code GET /api/v1/summary}: {@code miner.miner_status.miner_state} (mining, initializing, starting,
 *       auto-tuning, restarting, shutting-down, stopped, failure), {@code miner.power_consumption} (W), {@code
 *       miner.hr_realtime} (GH/s). Not {@code power_usage}: the spec marks it deprecated and equal to {@code
 *       power_efficiency} (J/TH), though pyasic reads it as watts.
 *   <li>Sleep / wake: {@code POST /api/v1/mining/stop} and {@code /mining/start}.
 *   <li>Power target: VNish tunes to presets named by their watts ({@code GET /api/v1/autotune/presets}: {@code
 *       {"name":"3495","pretty":"3495 watt ~ 132 TH","status":"tuned"}}); the driver picks the highest preset not above
 *       the target, saves it with {@code POST /api/v1/settings {"miner":{"overclock":{"preset":...}}}} and, when the
 *       answer says {@code restart_required}, restarts mining to apply it. An untuned preset is tuned first
 *       (auto-tuning). Confirmed when {@code GET /api/v1/perf-summary} shows the preset and the power has come down. The
 *       lowest preset is the device's lowest target: below it the answer is UNSUPPORTED (the controller sleeps the
 *       miner). The operator's preset in force before the first target is restored on {@code run}.
 * </ul>
 */
public final class VnishDriver implements DeviceDriver {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    static final Set<String> RUNNING_STATES = Set.of("mining", "auto-tuning", "initializing", "starting", "restarting");
    static final Set<String> STARTING_STATES = Set.of("initializing", "starting", "restarting", "auto-tuning");

    /**
     * A preset.
     *
     * @param name its id (the watts as text)
     * @param watts its power
     * @param tuned whether it has been tuned
     */
    record Preset(String name, double watts, boolean tuned) {}

    private final String id;
    private final JsonHttp http;
    private final String password;
    private final double ratedW;
    private final Clock clock;
    private @Nullable String token;
    private List<Preset> presets = List.of();
    private @Nullable String operatorPreset;

    public VnishDriver(String id, JsonHttp http, String password, double ratedW, Clock clock) {
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
        double min = presets.stream().mapToDouble(Preset::watts).min().orElse(Double.NaN);
        return Double.isNaN(min) ? Capabilities.SLEEP_ONLY : Capabilities.sleepAndTarget(min, ratedW);
    }

    private synchronized String token(boolean renew) throws DeviceException {
        String t = token;
        if (t != null && !renew) {
            return t;
        }
        JsonHttp.Reply r = http.post("/api/v1/unlock", F.objectNode().put("pw", password), Map.of());
        if (r.status() == 403) {
            throw new DeviceException(AckStatus.DENIED, id + ": unlock: HTTP 403 wrong password");
        }
        if (r.status() == 429) {
            throw new DeviceException(
                    AckStatus.DENIED,
                    id + ": unlock: HTTP 429 too many tries, locked for "
                            + r.body().path("unlock_timeout").asText("?") + " s");
        }
        String fresh = r.body().path("token").asText("");
        if (!r.ok() || fresh.isEmpty()) {
            throw new DeviceException(AckStatus.FAILED, id + ": unlock: HTTP " + r.status() + " without a token");
        }
        token = fresh;
        return fresh;
    }

    /** An authorised request; unlocks once more on 401. */
    private JsonHttp.Reply authed(String method, String path, @Nullable JsonNode body) throws DeviceException {
        for (int attempt = 0; ; attempt++) {
            Map<String, String> h = Map.of("Authorization", "Bearer " + token(attempt > 0));
            JsonHttp.Reply r = method.equals("GET")
                    ? http.get(path, h)
                    : body == null ? http.post(path, h) : http.post(path, body, h);
            if (r.status() == 401 && attempt == 0) {
                continue;
            }
            if (r.status() == 401 || r.status() == 403) {
                throw new DeviceException(AckStatus.DENIED, id + ": " + method + " " + path + ": HTTP " + r.status());
            }
            if (!r.ok()) {
                String err = r.body().path("err").asText(r.text().strip());
                throw new DeviceException(
                        AckStatus.FAILED, id + ": " + method + " " + path + ": HTTP " + r.status() + " " + err);
            }
            return r;
        }
    }

    JsonNode summary() throws DeviceException {
        JsonHttp.Reply r = http.get("/api/v1/summary", Map.of());
        if (r.status() == 401) {
            r = authed("GET", "/api/v1/summary", null);
        }
        if (!r.ok() || !r.body().path("miner").isObject()) {
            throw new DeviceException(
                    AckStatus.FAILED, id + ": GET /api/v1/summary: HTTP " + r.status() + " without a miner section");
        }
        return r.body().path("miner");
    }

    static DeviceMode mode(String state) {
        if (RUNNING_STATES.contains(state)) {
            return DeviceMode.RUNNING;
        }
        return state.equals("stopped") ? DeviceMode.SLEEPING : DeviceMode.UNKNOWN;
    }

    @Override
    public DeviceTelemetry readTelemetry() throws DeviceException {
        DeviceTelemetry t = telemetry(summary(), currentPreset());
        if (presets.isEmpty()) {
            try {
                presets(); // learn the preset ladder once, so capabilities() tell the device's range
            } catch (DeviceException e) {
                // the reading stands; the ladder is read again before a power target
            }
        }
        return t;
    }

    private DeviceTelemetry telemetry(JsonNode miner, @Nullable String preset) {
        String state = miner.path("miner_status").path("miner_state").asText("");
        double w = Lenient.number(miner.get("power_consumption"));
        double ghs = Lenient.number(Lenient.first(miner, "hr_realtime", "hr_average"));
        double ths = Double.isNaN(ghs) ? 0 : ghs / 1000;
        DeviceMode mode = mode(state);
        if (mode == DeviceMode.SLEEPING && ths > 0) {
            mode = DeviceMode.RUNNING; // "stopped" while the boards still hash: believe the hashrate
        }
        OptionalDouble lim = OptionalDouble.empty();
        if (preset != null) {
            double pw = Lenient.number(preset);
            if (pw > 0 && pw < ratedW) {
                lim = OptionalDouble.of(pw);
            }
        }
        return new DeviceTelemetry(clock.instant(), mode, w, ths, lim);
    }

    synchronized List<Preset> presets() throws DeviceException {
        if (presets.isEmpty()) {
            List<Preset> out = new ArrayList<>();
            for (JsonNode p : authed("GET", "/api/v1/autotune/presets", null).body()) {
                String name = p.path("name").asText("");
                double w = Lenient.number(name);
                if (w > 0) { // "disabled" and other non-numeric names are not power presets
                    out.add(new Preset(name, w, p.path("status").asText("").equals("tuned")));
                }
            }
            out.sort(Comparator.comparingDouble(Preset::watts));
            presets = List.copyOf(out);
        }
        return presets;
    }

    /** The preset in force ({@code GET /api/v1/perf-summary}, public like the summary); null when none. */
    private @Nullable String currentPreset() throws DeviceException {
        JsonHttp.Reply r = http.get("/api/v1/perf-summary", Map.of());
        if (r.status() == 401) {
            r = authed("GET", "/api/v1/perf-summary", null);
        }
        JsonNode cur = r.body().path("current_preset");
        String name = cur.path("name").asText("");
        return name.isEmpty() ? null : name;
    }

    private void selectPreset(String name) throws DeviceException {
        ObjectNode body = F.objectNode();
        body.putObject("miner").putObject("overclock").put("preset", name);
        JsonNode saved = authed("POST", "/api/v1/settings", body).body();
        // pyasic (web/vnish.py) notes the answer can say restart_required:false even when nothing changed: check
        if (saved.path("restart_required").asBoolean(false) || !name.equals(currentPreset())) {
            authed("POST", "/api/v1/mining/restart", null);
        }
    }

    @Override
    public CommandResult apply(DesiredState desired) throws DeviceException {
        String state = summary().path("miner_status").path("miner_state").asText("");
        String wanted = null;
        switch (desired) {
            case DesiredState.Sleep s -> authed("POST", "/api/v1/mining/stop", null);
            case DesiredState.Run r -> {
                String back = operatorPreset;
                if (back != null && !back.equals(currentPreset())) {
                    selectPreset(back);
                    wanted = back;
                }
                if (mode(state) != DeviceMode.RUNNING) {
                    authed("POST", "/api/v1/mining/start", null);
                }
            }
            case DesiredState.PowerTarget pt -> {
                List<Preset> ps = presets();
                if (ps.isEmpty()) {
                    return CommandResult.of(
                            AckStatus.UNSUPPORTED, desired.label() + ": the miner lists no power presets");
                }
                Preset best = null;
                for (Preset p : ps) {
                    if (p.watts() <= pt.powerW() + 1e-9) {
                        best = p;
                    }
                }
                if (best == null) {
                    return CommandResult.of(
                            AckStatus.UNSUPPORTED,
                            desired.label() + " below the lowest preset "
                                    + ps.get(0).name() + " W");
                }
                String cur = currentPreset();
                if (operatorPreset == null && cur != null) {
                    operatorPreset = cur; // restored on run
                }
                if (!best.name().equals(cur)) {
                    selectPreset(best.name());
                }
                if (mode(state) != DeviceMode.RUNNING) {
                    authed("POST", "/api/v1/mining/start", null);
                }
                wanted = best.name();
            }
        }
        JsonNode after = summary();
        String st = after.path("miner_status").path("miner_state").asText("");
        String preset = desired instanceof DesiredState.Sleep ? null : currentPreset();
        DeviceTelemetry t = telemetry(after, preset);
        if (wanted != null && !wanted.equals(preset)) {
            return CommandResult.of(
                    AckStatus.NOT_APPLIED, desired.label() + ": preset " + wanted + " saved, " + preset + " in force");
        }
        return switch (desired) {
            case DesiredState.Sleep s ->
                t.mode() == DeviceMode.SLEEPING
                        ? CommandResult.confirmed("sleep")
                        : st.equals("shutting-down")
                                ? CommandResult.of(AckStatus.ACCEPTED, "sleep: shutting down")
                                : CommandResult.of(AckStatus.NOT_APPLIED, "sleep answered OK, still " + st);
            case DesiredState.Run r ->
                t.mode() != DeviceMode.RUNNING
                        ? CommandResult.of(AckStatus.NOT_APPLIED, "run answered OK, still " + st)
                        : STARTING_STATES.contains(st) || !(t.hashrateThPerS() > 0)
                                ? CommandResult.of(AckStatus.ACCEPTED, "run: " + st)
                                : CommandResult.confirmed("run" + (wanted == null ? "" : ", preset " + wanted));
            case DesiredState.PowerTarget pt ->
                t.mode() == DeviceMode.RUNNING && !STARTING_STATES.contains(st) && t.powerW() <= pt.powerW() * 1.02
                        ? CommandResult.confirmed(desired.label() + ", preset " + wanted)
                        : CommandResult.of(
                                AckStatus.ACCEPTED,
                                desired.label() + ": preset " + wanted + ", " + st + ", drawing "
                                        + Math.round(t.powerW()) + " W");
        };
    }
}
