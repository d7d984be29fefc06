package io.minerai.ops.emulator.epic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.minerai.ops.emulator.rig.EmulatedRig;
import io.minerai.ops.emulator.rig.JsonHttpServer;
import io.minerai.ops.proto.Lenient;
import java.io.IOException;

/**
 * The ePIC UMC API of an emulated miner, from the vendor's OpenAPI description (1.30.0: {@code /summary}, {@code
 * /capabilities}, {@code /miner}, {@code /perpetualtune/algo}, the {@code JsonResponse}/{@code ApiError} shapes and the
 * operating states) and the recorded {@code summary.json}/{@code capabilities.json} in asic-rs's fixtures.
 *
 * <p>Quirks modelled: every write carries the password in its body ({@code BadPassword} otherwise, HTTP 200 with
 * {@code result:false}: the spec declares only 200); a start-up goes through {@code Initializing} for the rig's
 * start-up delay, during which another {@code /miner} command is refused with {@code LastCmdStillPending}; a new
 * power target draws the old power for the tuning delay; the {@code Power} algorithm's {@code min}/{@code max} are in
 * W (ASSUMPTION: the recorded S19 XP capabilities list only TH/s algorithms); plus the shared quirks.
 */
public final class EpicEmulator implements AutoCloseable {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private final EmulatedRig rig;
    private final JsonHttpServer server;
    private final boolean offersPowerAlgorithm;
    private String algo = "VoltageOptimizer";
    private double target;

    /**
     * @param rig the miner
     * @param offersPowerAlgorithm whether the model lists the {@code Power} perpetual-tune algorithm
     */
    public EpicEmulator(EmulatedRig rig, boolean offersPowerAlgorithm) throws IOException {
        this.rig = rig;
        this.offersPowerAlgorithm = offersPowerAlgorithm;
        this.target = rig.spec().hashrateThPerS();
        this.server = new JsonHttpServer(rig, this::handle);
    }

    public String baseUrl() {
        return server.baseUrl();
    }

    synchronized JsonHttpServer.Response handle(JsonHttpServer.Request r) {
        String key = r.method() + " " + r.path();
        return switch (key) {
            case "GET /summary" -> ok(summary());
            case "GET /capabilities" -> ok(capabilities());
            case "POST /miner" ->
                write(r.body(), () -> miner(r.body().path("param").asText("")));
            case "POST /perpetualtune/algo" ->
                write(r.body(), () -> algo(r.body().path("param")));
            default -> new JsonHttpServer.Response(404, "");
        };
    }

    private static JsonHttpServer.Response ok(JsonNode n) {
        return JsonHttpServer.Response.json(200, n);
    }

    private static JsonHttpServer.Response result(boolean ok, JsonNode error) {
        ObjectNode n = F.objectNode().put("result", ok);
        n.set("error", error);
        return ok(n);
    }

    private JsonHttpServer.Response write(JsonNode body, java.util.function.Supplier<JsonHttpServer.Response> action) {
        if (rig.quirks().accessDenied()) {
            return new JsonHttpServer.Response(403, ""); // a proxy or firewall refusing writes (ASSUMPTION)
        }
        if (!body.path("password").asText("").equals(rig.spec().password())) {
            return result(false, F.textNode("BadPassword"));
        }
        if (body.path("param").isMissingNode()) {
            return result(false, F.textNode("MissingParam"));
        }
        return action.get();
    }

    private JsonHttpServer.Response miner(String param) {
        if (rig.reading().phase() == EmulatedRig.Phase.STARTING) {
            return result(false, F.objectNode().put("LastCmdStillPending", "Autostart"));
        }
        boolean apply = !rig.quirks().ignoreCommands();
        switch (param) {
            case "Stop" -> {
                if (apply) {
                    rig.sleep();
                }
            }
            case "Autostart" -> {
                if (apply) {
                    rig.wake();
                }
            }
            default -> {
                return result(false, F.textNode("MissingParam"));
            }
        }
        return result(true, F.nullNode());
    }

    private JsonHttpServer.Response algo(JsonNode p) {
        String a = p.path("algo").asText("");
        double t = Lenient.number(p.get("target"));
        boolean known = a.equals("VoltageOptimizer")
                || a.equals("ChipTune")
                || a.equals("BoardTune")
                || (a.equals("Power") && offersPowerAlgorithm);
        if (!known || Double.isNaN(t) || t < 0) {
            return result(false, F.textNode("UnknownError"));
        }
        if (a.equals("Power") && (t < rig.spec().minTargetW() || t > rig.spec().ratedW())) {
            return result(false, F.textNode("UnknownError"));
        }
        if (!rig.quirks().ignoreCommands()) {
            algo = a;
            target = t;
            rig.setPowerTargetW(
                    a.equals("Power") ? t : rig.spec().ratedW() * t / rig.spec().hashrateThPerS());
        }
        return result(true, F.nullNode());
    }

    private ObjectNode summary() {
        EmulatedRig.Reading rd = rig.reading();
        ObjectNode s = F.objectNode();
        String state = switch (rd.phase()) {
            case SLEEPING -> "Idling";
            case STARTING -> "Initializing";
            case REBOOTING -> "Rebooting";
            case RUNNING, TUNING -> "Mining";
        };
        ObjectNode status = s.putObject("Status");
        status.put("Operating State", state);
        status.putNull("Last Command");
        status.putNull("Last Command Result");
        status.putNull("Last Error");
        s.put("Hostname", rig.id());
        s.put("Software", "PowerPlay-BMS v1.5.13");
        s.put("OS Type", "umcOS");
        ObjectNode psu = s.putObject("Power Supply Stats");
        psu.put("Input Power", Math.round(rd.powerW() * 10) / 10.0);
        psu.put("Output Voltage", 12.6);
        ArrayNode hbs = s.putArray("HBs");
        for (int i = 0; i < 3; i++) {
            ObjectNode hb = hbs.addObject();
            hb.put("Index", i);
            hb.putArray("Hashrate")
                    .add(rd.hashrateThPerS() * 1e6 / 3)
                    .add(100.0)
                    .add(0.8);
            hb.put("Temperature", 65.0);
        }
        ObjectNode pt = s.putObject("PerpetualTune");
        pt.put("Running", true);
        ObjectNode st = pt.putObject("Algorithm").putObject(algo);
        st.put("Target", Math.round(target));
        st.put("Unit", algo.equals("Power") ? "W" : "TH/s");
        st.put("Optimized", rd.phase() == EmulatedRig.Phase.RUNNING);
        s.putObject("PresetInfo").put("Target Power", Math.round(rig.spec().ratedW()));
        return s;
    }

    private ObjectNode capabilities() {
        ObjectNode c = F.objectNode();
        c.put("Model", "AntMiner S19 XP");
        c.put("Default Hashrate", rig.spec().hashrateThPerS());
        ArrayNode pt = c.putArray("PerpetualTune");
        pt.addObject()
                .put("algorithm", "VoltageOptimizer")
                .put("name", "Voltage Optimizer")
                .put("min", 60)
                .put("max", 300);
        if (offersPowerAlgorithm) {
            pt.addObject()
                    .put("algorithm", "Power")
                    .put("name", "Power")
                    .put("min", Math.round(rig.spec().minTargetW()))
                    .put("max", Math.round(rig.spec().ratedW()));
        }
        return c;
    }

    @Override
    public void close() {
        server.close();
    }
}
