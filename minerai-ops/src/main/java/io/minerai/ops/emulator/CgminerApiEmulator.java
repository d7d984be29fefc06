package io.minerai.ops.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.minerai.ops.proto.LenientJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The cgminer RPC API of an emulated miner (TCP, one request per connection, JSON or plain-text requests, replies
 * terminated by a NUL, then the socket is closed). Stock Antminer firmware answers only {@code
 * stats/pools/devs/summary/version} and denies everything else with code 45, as its factory {@code api-groups} do;
 * LuxOS adds sessions ({@code logon} refused with 402 while another session is active), {@code curtail}, profiles and
 * ATM. Stock bmminer sends {@code "GHS 5s"} as a string, and puts firmware metadata in {@code STATS[0]}, the stats in
 * {@code STATS[1]}.
 */
public final class CgminerApiEmulator implements LoopbackServer.Handler {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private final VirtualMiner m;

    public CgminerApiEmulator(VirtualMiner m) {
        this.m = m;
    }

    @Override
    public void handle(Socket s) throws IOException {
        String req = readRequest(s.getInputStream());
        Quirks q = m.quirks();
        if (q.dropConnections()) {
            return; // close without a reply
        }
        boolean json = req.stripLeading().startsWith("{");
        String command;
        String parameter = "";
        boolean newApi = false;
        if (json) {
            JsonNode n = LenientJson.parse(req);
            command = n.path("command").asText("");
            parameter = n.path("parameter").asText("");
            newApi = n.path("new_api").asBoolean(false); // a top-level flag (asic-rs #328)
        } else {
            String t = req.strip();
            int bar = t.indexOf('|');
            command = bar < 0 ? t : t.substring(0, bar);
            parameter = bar < 0 ? "" : t.substring(bar + 1);
        }
        String c = command.strip().toLowerCase(Locale.ROOT);
        ObjectNode reply = newApi && c.equals("stats") ? newApiStats() : answer(c, parameter);
        q.delay(); // a slow device: the command has taken effect, the answer is late
        String out = json ? reply.toString() : toText(reply);
        s.getOutputStream().write((out + "\0").getBytes(StandardCharsets.UTF_8));
        s.getOutputStream().flush();
    }

    /** Reads one request: a balanced JSON object, or whatever text arrives first. */
    public static String readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        byte[] chunk = new byte[4096];
        int depth = 0;
        boolean started = false;
        boolean inString = false;
        boolean escaped = false;
        while (true) {
            int n;
            try {
                n = in.read(chunk);
            } catch (SocketTimeoutException e) {
                break;
            }
            if (n <= 0) {
                break;
            }
            buf.write(chunk, 0, n);
            boolean done = false;
            for (int i = 0; i < n; i++) {
                char c = (char) chunk[i];
                if (!started && !Character.isWhitespace(c)) {
                    started = true;
                    if (c != '{') {
                        done = true; // plain text: one read
                        break;
                    }
                }
                if (inString) {
                    if (escaped) {
                        escaped = false;
                    } else if (c == '\\') {
                        escaped = true;
                    } else if (c == '"') {
                        inString = false;
                    }
                } else if (c == '"') {
                    inString = true;
                } else if (c == '{') {
                    depth++;
                } else if (c == '}') {
                    depth--;
                    if (depth == 0) {
                        done = true;
                        break;
                    }
                }
            }
            if (done) {
                break;
            }
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    private String description() {
        return m.firmware() == Firmware.LUXOS ? "LUXminer 2025.4.8.220305-57b389c7" : "bmminer 1.0.0";
    }

    private ObjectNode status(String letter, int code, String msg) {
        ObjectNode r = F.objectNode();
        ObjectNode st = r.putArray("STATUS").addObject();
        st.put("STATUS", letter);
        st.put("When", m.reading().whenEpochSeconds());
        st.put("Code", code);
        st.put("Msg", msg);
        st.put("Description", description());
        r.put("id", 1);
        return r;
    }

    ObjectNode answer(String command, String parameter) {
        return switch (command) {
            case "summary" -> summary();
            case "stats" -> stats();
            case "pools" -> pools();
            case "devs" -> devs();
            case "version" -> version();
            default -> m.firmware() == Firmware.LUXOS ? luxos(command, parameter) : denied(command);
        };
    }

    private ObjectNode denied(String command) {
        if (!command.matches("[a-z+]+")) {
            return status("E", 14, "Invalid command");
        }
        return status("E", 45, "Access denied to '" + command + "' command");
    }

    private ObjectNode summary() {
        VirtualMiner.Reading r = m.reading();
        ObjectNode reply = status("S", 11, "Summary");
        ObjectNode s = reply.putArray("SUMMARY").addObject();
        s.put("Elapsed", m.elapsedSeconds());
        double ghs = r.hashrateThPerS() * 1000;
        if (m.firmware() == Firmware.ANTMINER_STOCK) {
            s.put("GHS 5s", String.format(Locale.ROOT, "%.3f", ghs)); // a string, as bmminer sends it
        } else {
            s.put("GHS 5s", round3(ghs));
        }
        s.put("GHS av", round3(ghs));
        s.put("Accepted", 5077);
        s.put("Rejected", 9);
        s.put("Hardware Errors", 390);
        s.put("Stale", 0);
        s.put("Device Hardware%", 0.0004);
        s.put("Pool Rejected%", 0.156);
        return reply;
    }

    private ObjectNode stats() {
        VirtualMiner.Reading r = m.reading();
        ObjectNode reply = status("S", 70, "CGMiner stats");
        ArrayNode a = reply.putArray("STATS");
        ObjectNode meta = a.addObject();
        meta.put(m.firmware() == Firmware.LUXOS ? "LUXminer" : "BMMiner", "2.0.0");
        meta.put("Miner", "uart_trans.1.3");
        meta.put("CompileTime", "Thu Dec 15 15:49:39 CST 2022");
        meta.put("Type", "Antminer S19j Pro");
        ObjectNode st = a.addObject();
        st.put("STATS", 0);
        st.put("ID", "BC50");
        st.put("Elapsed", m.elapsedSeconds());
        st.put("GHS 5s", String.format(Locale.ROOT, "%.3f", r.hashrateThPerS() * 1000));
        st.put("GHS av", round3(r.hashrateThPerS() * 1000));
        st.put("total_rateideal", round3(m.nameplateHashrateThPerS() * 1000));
        st.put("rate_unit", "GH");
        st.put("fan1", r.sleeping() ? 1200 : 5640);
        st.put("fan2", r.sleeping() ? 1200 : 5520);
        if (m.firmware() != Firmware.ANTMINER_STOCK || m.variant() != AntminerVariant.S21) {
            st.put("chain_power", Math.round(r.powerW()) + " W"); // "3250 W" (PROTOCOLS.md §1); none on S21 firmware
        }
        return reply;
    }

    /**
     * {@code {"command":"stats","new_api":true}} on S21-generation stock firmware: wall power in {@code
     * STATS[0].power} (the location asic-rs #325 reads; the other fields of that reply are not modelled). Older
     * firmware ignores the flag and sends the legacy reply.
     */
    private ObjectNode newApiStats() {
        if (m.firmware() != Firmware.ANTMINER_STOCK || m.variant() != AntminerVariant.S21) {
            return stats();
        }
        VirtualMiner.Reading r = m.reading();
        ObjectNode reply = status("S", 70, "CGMiner stats");
        ObjectNode st = reply.putArray("STATS").addObject();
        st.put("elapsed", m.elapsedSeconds());
        st.put("rate_5s", round3(r.hashrateThPerS() * 1000));
        st.put("rate_unit", "GH/s");
        st.put("power", Math.round(r.powerW()));
        return reply;
    }

    private ObjectNode pools() {
        ObjectNode reply = status("S", 7, "2 Pool(s)");
        ArrayNode a = reply.putArray("POOLS");
        for (int i = 0; i < 2; i++) {
            ObjectNode p = a.addObject();
            p.put("POOL", i);
            p.put("URL", "stratum+tcp://pool" + i + ".invalid:3333");
            p.put("Status", "Alive");
            p.put("Priority", i);
            p.put("Accepted", i == 0 ? 5077 : 0);
            p.put("Rejected", i == 0 ? 9 : 0);
            p.put("Stale", 0);
            p.put("User", "site." + m.id());
            p.put("Stratum Active", i == 0);
        }
        return reply;
    }

    private ObjectNode devs() {
        VirtualMiner.Reading r = m.reading();
        ObjectNode reply = status("S", 9, "3 ASC(s)");
        ArrayNode a = reply.putArray("DEVS");
        for (int i = 0; i < 3; i++) {
            ObjectNode d = a.addObject();
            d.put("ASC", i);
            d.put("Enabled", "Y");
            d.put("Status", "Alive");
            d.put("Tenperature", r.sleeping() ? 30 : 65); // the Antminer spelling
            d.put("MHS 5s", round3(r.hashrateThPerS() * 1e6 / 3));
        }
        return reply;
    }

    private ObjectNode version() {
        ObjectNode reply = status("S", 22, "CGMiner versions");
        ObjectNode v = reply.putArray("VERSION").addObject();
        if (m.firmware() == Firmware.LUXOS) {
            v.put("LUXminer", "2024.9.17.174900");
            v.put("API", "3.7");
        } else {
            v.put("BMMiner", "1.0.0");
            v.put("API", "3.1");
        }
        v.put("Type", "Antminer S19j Pro");
        return reply;
    }

    private ObjectNode luxos(String command, String parameter) {
        Quirks q = m.quirks();
        String[] p = parameter.isEmpty() ? new String[0] : parameter.split(",", -1);
        switch (command) {
            case "session" -> {
                ObjectNode r = status("S", 201, "Session");
                String sid = m.sessionId();
                r.putArray("SESSION").addObject().put("SessionID", sid == null ? "" : sid);
                return r;
            }
            case "logon" -> {
                if (q.accessDenied()) {
                    return status("E", 45, "Access denied to 'logon' command");
                }
                synchronized (m) {
                    if (m.sessionId() != null) {
                        return status("E", 402, "Another session is active");
                    }
                    String sid = UUID.randomUUID().toString().substring(0, 8);
                    m.setSessionId(sid);
                    ObjectNode r = status("S", 200, "Logon");
                    r.putArray("SESSION").addObject().put("SessionID", sid);
                    return r;
                }
            }
            case "power" -> {
                // Shape and codes of the recorded LUXminer 2025.4.8 replies (asic-rs luxminer/src/test/json/v1).
                ObjectNode r = status("S", 311, "Power usage");
                r.putArray("POWER")
                        .addObject()
                        .put("PSU", false)
                        .put("Watts", Math.round(m.reading().powerW()));
                return r;
            }
            case "profiles" -> {
                ObjectNode r = status("S", 323, "List profiles");
                ArrayNode a = r.putArray("PROFILES");
                for (VirtualMiner.Profile pr : m.profiles()) {
                    ObjectNode o = a.addObject();
                    o.put("CanRestore", true);
                    o.put("Frequency", pr.frequencyMhz());
                    o.put("HasOverrides", false);
                    o.put("Hashrate", round3(m.nameplateHashrateThPerS() * pr.watts() / m.ratedW()));
                    o.put("IsDynamic", true);
                    o.put("IsTuned", false);
                    o.put("Profile Name", pr.name());
                    o.put("Step", Integer.toString(pr.step()));
                    o.put("Voltage", 11.88);
                    o.put("Watts", Math.round(pr.watts()));
                }
                return r;
            }
            case "atm" -> {
                // luxos-tooling tests/data/messages/atm.json
                ObjectNode r = status("S", 339, "ATM configuration values");
                ObjectNode a = r.putArray("ATM").addObject();
                a.put("Enabled", m.atmEnabled());
                a.put("MaxProfile", "");
                a.put("MinProfile", "");
                a.put("PostRampMinutes", 1);
                a.put("StartupMinutes", 1);
                a.put("TempWindow", 3.0);
                return r;
            }
            case "config" -> {
                ObjectNode r = status("S", 33, "LUXminer config");
                ObjectNode c = r.putArray("CONFIG").addObject();
                // "None" is the recorded value while mining; "Sleep" while curtailed is this emulator's (not recorded).
                c.put("CurtailMode", m.reading().flagAsleep() ? "Sleep" : "None");
                c.put("IsAtmEnabled", m.atmEnabled());
                c.put("MACAddr", "02:00:00:00:00:01");
                c.put("Model", "Antminer S19");
                c.put("OS", "LuxOS");
                String active = m.profile();
                c.put("Profile", active);
                for (VirtualMiner.Profile pr : m.profiles()) {
                    if (pr.name().equals(active)) {
                        c.put("ProfileStep", Integer.toString(pr.step()));
                    }
                }
                c.put("SystemStatus", "Normal");
                return r;
            }
            default -> {}
        }
        // Privileged: the first parameter is the session id.
        if (q.accessDenied()) {
            return status("E", 45, "Access denied to '" + command + "' command");
        }
        String sid = m.sessionId();
        if (p.length == 0 || sid == null || !sid.equals(p[0])) {
            return status("E", 401, "Invalid session id");
        }
        boolean apply = !q.ignoreCommands();
        switch (command) {
            case "logoff" -> {
                m.setSessionId(null);
                return status("S", 203, "Logoff");
            }
            case "curtail" -> {
                String what = p.length > 1 ? p[1] : "";
                if (!what.equals("sleep") && !what.equals("wakeup")) {
                    return status("E", 14, "Invalid curtail mode '" + what + "'");
                }
                if (apply) {
                    m.setSleeping(what.equals("sleep"));
                }
                return status("S", 322, "Curtail " + what);
            }
            case "atmset" -> {
                boolean on = parameter.toLowerCase(Locale.ROOT).contains("enabled=true");
                if (apply) {
                    m.atmEnabled(on);
                }
                // code and message as pyasic's rpc/luxminer.py atmset docstring gives them
                return status("S", 340, "Advanced Thermal Management configuration updated");
            }
            case "profileset" -> {
                String name = p.length > 1 ? p[1] : "";
                for (VirtualMiner.Profile pr : m.profiles()) {
                    if (pr.name().equals(name)) {
                        // With ATM on, the thermal manager overrides the profile: answered OK, nothing changes.
                        if (apply && !m.atmEnabled()) {
                            m.setProfile(pr);
                        }
                        ObjectNode r = status("S", 319, "Profile set");
                        r.putArray("PROFILE").addObject().put("Profile", name);
                        return r;
                    }
                }
                return status("E", 320, "Unknown profile '" + name + "'");
            }
            default -> {
                return status("E", 14, "Invalid command");
            }
        }
    }

    private static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    /** The plain-text reply form: sections by {@code |}, fields by {@code ,}, key=value. */
    static String toText(ObjectNode reply) {
        StringBuilder b = new StringBuilder();
        Iterator<Map.Entry<String, JsonNode>> it = reply.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isArray()) {
                continue;
            }
            for (JsonNode el : e.getValue()) {
                boolean first = true;
                if (!e.getKey().equals("STATUS")) {
                    b.append(escape(e.getKey()));
                    first = false;
                }
                Iterator<Map.Entry<String, JsonNode>> f = el.fields();
                while (f.hasNext()) {
                    Map.Entry<String, JsonNode> kv = f.next();
                    if (!first) {
                        b.append(',');
                    }
                    first = false;
                    b.append(escape(kv.getKey()))
                            .append('=')
                            .append(escape(kv.getValue().asText()));
                }
                b.append('|');
            }
        }
        return b.toString();
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("|", "\\|").replace(",", "\\,").replace("=", "\\=");
    }
}
