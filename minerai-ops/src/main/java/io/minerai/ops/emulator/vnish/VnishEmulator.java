package io.minerai.ops.emulator.vnish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.minerai.ops.emulator.rig.EmulatedRig;
import io.minerai.ops.emulator.rig.JsonHttpServer;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The VNish REST API ({@code /api/v1}) of an emulated Antminer, from the vendor's OpenAPI description (VNish 1.3.4 as
 * kept by asic-rs under {@code meta/vnish/}: paths, {@code UnlockSuccess}, {@code AuthCheck}, {@code MinerState},
 * {@code AntmMinerStats}, {@code SaveConfigResult}, {@code PerfSummary}, {@code AutotunePresetsItem}) and asic-rs's
 * client (preset names are watts, {@code "pretty": "3495 watt ~ 132 TH"}).
 *
 * <p>Quirks modelled: writes need the bearer token from {@code /unlock} (401 otherwise; 403 for a wrong password, 429
 * after five wrong ones within a minute, ASSUMPTION: the spec gives the statuses, not the limit); a token is forgotten
 * when the token lifetime passes (ASSUMPTION: 30 min, so that clients must re-unlock); saving a preset answers {@code
 * restart_required: true} and is only in force after {@code /mining/restart}; the lowest preset is untuned, so
 * selecting it goes through {@code auto-tuning} for the rig's tuning delay; waking goes through {@code starting} for
 * the start-up delay; a locked API ({@code accessDenied}) answers writes 403 with an {@code ErrDescr}; plus the shared
 * quirks.
 */
public final class VnishEmulator implements AutoCloseable {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    static final Duration TOKEN_LIFE = Duration.ofMinutes(30);

    private record Preset(String name, double watts, boolean tuned) {}

    private final EmulatedRig rig;
    private final JsonHttpServer server;
    private final Random random;
    private final List<Preset> presets = new ArrayList<>();
    private final Map<String, Instant> tokens = new HashMap<>();
    private final List<Instant> failedUnlocks = new ArrayList<>();
    private String savedPreset;
    private String activePreset;

    public VnishEmulator(EmulatedRig rig, long seed) throws IOException {
        this.rig = rig;
        this.random = new Random(seed);
        double rated = rig.spec().ratedW();
        double min = Math.max(rig.spec().minTargetW(), 1);
        int steps = 4;
        for (int i = 0; i <= steps; i++) {
            double w = Math.round(min + (rated - min) * i / steps);
            presets.add(new Preset(Long.toString(Math.round(w)), w, i > 0));
        }
        this.savedPreset = presets.get(presets.size() - 1).name();
        this.activePreset = savedPreset;
        this.server = new JsonHttpServer(rig, this::handle);
    }

    public String baseUrl() {
        return server.baseUrl();
    }

    private static JsonHttpServer.Response json(int status, JsonNode n) {
        return JsonHttpServer.Response.json(status, n);
    }

    private static JsonHttpServer.Response empty(int status) {
        return new JsonHttpServer.Response(status, "");
    }

    private boolean authorised(JsonHttpServer.Request r) {
        String a = r.authorization();
        if (!a.startsWith("Bearer ")) {
            return false;
        }
        Instant issued = tokens.get(a.substring(7));
        return issued != null && rig.clock().instant().isBefore(issued.plus(TOKEN_LIFE));
    }

    synchronized JsonHttpServer.Response handle(JsonHttpServer.Request r) {
        String key = r.method() + " " + r.path();
        switch (key) {
            case "GET /api/v1/summary" -> {
                return json(200, summary());
            }
            case "GET /api/v1/status" -> {
                ObjectNode s = status(F.objectNode());
                s.put("unlocked", authorised(r));
                s.put("find_miner", false);
                s.put("restart_required", !savedPreset.equals(activePreset));
                s.put("reboot_required", false);
                return json(200, s);
            }
            case "GET /api/v1/perf-summary" -> {
                ObjectNode p = F.objectNode();
                Preset cur = preset(activePreset);
                ObjectNode c = p.putObject("current_preset");
                c.put("name", cur.name());
                c.put("pretty", pretty(cur));
                c.put("status", cur.tuned() ? "tuned" : "untuned");
                c.put("modded_psu_required", false);
                p.putObject("preset_switcher").put("enabled", false);
                return json(200, p);
            }
            case "POST /api/v1/unlock" -> {
                return unlock(r.body().path("pw").asText(""));
            }
            default -> {
                // everything else needs the token
            }
        }
        if (!authorised(r)) {
            return empty(401);
        }
        if (rig.quirks().accessDenied() && r.method().equals("POST")) {
            return json(403, F.objectNode().put("err", "API locked"));
        }
        boolean apply = !rig.quirks().ignoreCommands();
        switch (key) {
            case "POST /api/v1/mining/stop" -> {
                if (apply) {
                    rig.sleep();
                }
                return empty(200);
            }
            case "POST /api/v1/mining/start" -> {
                if (apply) {
                    rig.wake();
                }
                return empty(200);
            }
            case "POST /api/v1/mining/restart" -> {
                if (apply && !savedPreset.equals(activePreset)) {
                    activePreset = savedPreset;
                    Preset p = preset(activePreset);
                    rig.setPowerTargetW(p.watts());
                }
                return empty(200);
            }
            case "GET /api/v1/autotune/presets" -> {
                ArrayNode a = F.arrayNode();
                a.addObject()
                        .put("name", "disabled")
                        .put("pretty", "Disabled")
                        .put("status", "tuned")
                        .put("modded_psu_required", false);
                for (Preset p : presets) {
                    a.addObject()
                            .put("name", p.name())
                            .put("pretty", pretty(p))
                            .put("status", p.tuned() ? "tuned" : "untuned")
                            .put("modded_psu_required", false);
                }
                return json(200, a);
            }
            case "GET /api/v1/settings" -> {
                ObjectNode s = F.objectNode();
                s.putObject("miner").putObject("overclock").put("preset", savedPreset);
                return json(200, s);
            }
            case "POST /api/v1/settings" -> {
                JsonNode p = r.body().path("miner").path("overclock").path("preset");
                if (p.isTextual()) {
                    String name = p.asText();
                    if (presets.stream().noneMatch(x -> x.name().equals(name))) {
                        return json(500, F.objectNode().put("err", "unknown preset " + name));
                    }
                    if (apply) {
                        savedPreset = name;
                    }
                }
                return json(
                        200,
                        F.objectNode()
                                .put("restart_required", !savedPreset.equals(activePreset))
                                .put("reboot_required", false));
            }
            default -> {
                return empty(404);
            }
        }
    }

    private Preset preset(String name) {
        return presets.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    private String pretty(Preset p) {
        long th =
                Math.round(rig.spec().hashrateThPerS() * p.watts() / rig.spec().ratedW());
        return p.name() + " watt ~ " + th + " TH";
    }

    private JsonHttpServer.Response unlock(String pw) {
        Instant now = rig.clock().instant();
        failedUnlocks.removeIf(t -> t.isBefore(now.minusSeconds(60)));
        if (failedUnlocks.size() >= 5) {
            return json(429, F.objectNode().put("unlock_timeout", 60));
        }
        if (!pw.equals(rig.spec().password())) {
            failedUnlocks.add(now);
            return json(403, F.objectNode().putNull("unlock_timeout"));
        }
        String t = Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong());
        tokens.put(t, now);
        return json(200, F.objectNode().put("token", t));
    }

    private ObjectNode status(ObjectNode s) {
        EmulatedRig.Reading rd = rig.reading();
        Preset cur = preset(activePreset);
        String state = switch (rd.phase()) {
            case SLEEPING -> "stopped";
            case STARTING -> "starting";
            case TUNING -> cur.tuned() ? "mining" : "auto-tuning";
            case REBOOTING -> "restarting";
            case RUNNING -> "mining";
        };
        s.put("miner_state", state);
        s.put("miner_state_time", 0);
        s.put("throttled", 100);
        return s;
    }

    private ObjectNode summary() {
        EmulatedRig.Reading rd = rig.reading();
        ObjectNode out = F.objectNode();
        ObjectNode m = out.putObject("miner");
        status(m.putObject("miner_status"));
        m.put("miner_type", "Antminer S19j Pro (Vnish 1.3.4)");
        double ghs = rd.hashrateThPerS() * 1000;
        m.put("hr_realtime", Math.round(ghs * 100) / 100.0);
        m.put("hr_average", Math.round(ghs * 100) / 100.0);
        m.put("hr_nominal", Math.round(rig.spec().hashrateThPerS() * 1000));
        m.put("hr_stock", Math.round(rig.spec().hashrateThPerS() * 1000));
        m.put("instant_hashrate", Math.round(ghs * 1000));
        m.put("average_hashrate", Math.round(ghs * 1000));
        m.put("power_consumption", Math.round(rd.powerW()));
        m.put(
                "power_efficiency",
                rd.hashrateThPerS() > 0 ? Math.round(rd.powerW() / rd.hashrateThPerS() * 10) / 10.0 : 0);
        m.putArray("chains");
        m.putArray("pools");
        return out;
    }

    /** The preset saved in the settings (in force after a restart). */
    public synchronized String savedPreset() {
        return savedPreset;
    }

    /** Forget every token (as a firmware restart does). */
    public synchronized void forgetTokens() {
        tokens.clear();
    }

    /** Lowest preset watts. */
    public double lowestPresetW() {
        return presets.get(0).watts();
    }

    @Override
    public void close() {
        server.close();
    }
}
