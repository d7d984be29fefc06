package io.minerai.ops.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.minerai.ops.proto.Digest;
import io.minerai.ops.proto.Lenient;
import io.minerai.ops.proto.LenientJson;
import java.io.IOException;
import java.net.Socket;
import java.util.Map;
import java.util.UUID;

/**
 * The stock Antminer web CGI (HTTP Digest auth, user {@code root}): {@code get_system_info.cgi}, {@code
 * get_miner_conf.cgi} and {@code set_miner_conf.cgi} (POST the whole config back with the work mode changed; answers
 * {@code {"stats":"success","code":"M000","msg":"OK!"}}, the body asic-rs checks for {@code "stats":"success"}). The
 * config reports {@code bitmain-work-mode} as a string (the shape in asic-rs's antminer v2023_07 tests). Which writes
 * take effect depends on the {@link AntminerVariant}: either key (legacy), only {@code miner-mode} (S19j Pro Dec-2022,
 * asic-rs#249), or only both keys together (S21, asic-rs#312); the others are answered OK and do nothing.
 */
public final class AntminerWebEmulator implements LoopbackServer.Handler {
    static final String REALM = "antMiner Configuration";
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private final VirtualMiner m;
    private final String nonce = UUID.randomUUID().toString().replace("-", "");

    public AntminerWebEmulator(VirtualMiner m) {
        this.m = m;
    }

    @Override
    public void handle(Socket s) throws IOException {
        MiniHttp.Request req = MiniHttp.read(s);
        Quirks q = m.quirks();
        if (q.dropConnections()) {
            return;
        }
        if (!authorized(req)) {
            MiniHttp.write(
                    s,
                    401,
                    "text/html",
                    "<html><body>401 Unauthorized</body></html>",
                    Map.of(
                            "WWW-Authenticate",
                            "Digest realm=\"" + REALM + "\", nonce=\"" + nonce + "\", qop=\"auth\""));
            return;
        }
        String path = req.path();
        int qm = path.indexOf('?');
        if (qm >= 0) {
            path = path.substring(0, qm);
        }
        switch (path) {
            case "/cgi-bin/get_system_info.cgi" -> {
                ObjectNode o = F.objectNode();
                o.put("minertype", "Antminer S19j Pro");
                o.put("hostname", m.id());
                o.put("system_filesystem_version", "Thu Dec 15 15:49:39 CST 2022");
                q.delay();
                MiniHttp.write(s, 200, "application/json", o.toString(), Map.of());
            }
            case "/cgi-bin/get_miner_conf.cgi" -> {
                String conf = conf().toString();
                q.delay();
                MiniHttp.write(s, 200, "application/json", conf, Map.of());
            }
            case "/cgi-bin/set_miner_conf.cgi" -> {
                if (q.accessDenied()) {
                    q.delay();
                    MiniHttp.write(s, 403, "application/json", "{\"stats\":\"error\",\"code\":\"E000\"}", Map.of());
                    return;
                }
                JsonNode body = LenientJson.parse(req.body());
                if (!q.ignoreCommands()) {
                    JsonNode mm = body.get("miner-mode");
                    JsonNode bw = body.get("bitmain-work-mode");
                    double mmv = Lenient.number(mm);
                    double bwv = Lenient.number(bw);
                    switch (m.variant()) {
                        case LEGACY -> {
                            if (!Double.isNaN(mmv)) {
                                m.setWorkMode((int) mmv);
                            } else if (!Double.isNaN(bwv)) {
                                m.setWorkMode((int) bwv);
                            }
                        }
                        case S19J_PRO_DEC_2022 -> {
                            if (!Double.isNaN(mmv)) {
                                m.setWorkMode((int) mmv); // bitmain-work-mode alone: OK and nothing (asic-rs#249)
                            }
                        }
                        case S21 -> {
                            if (!Double.isNaN(mmv) && mmv == bwv) {
                                m.setWorkMode((int) mmv); // one key alone: OK and nothing (asic-rs#312)
                            }
                        }
                    }
                }
                q.delay(); // the CGI has applied it; the answer is late (~21 s on real S19s)
                MiniHttp.write(
                        s,
                        200,
                        "application/json",
                        "{\"stats\":\"success\",\"code\":\"M000\",\"msg\":\"OK!\"}",
                        Map.of());
            }
            default -> MiniHttp.write(s, 404, "text/html", "not found", Map.of());
        }
    }

    private ObjectNode conf() {
        ObjectNode c = F.objectNode();
        ObjectNode pool = c.putArray("pools").addObject();
        pool.put("url", "stratum+tcp://pool0.invalid:3333");
        pool.put("user", "site." + m.id());
        pool.put("pass", "x");
        c.put("api-listen", true);
        c.put("api-network", true);
        c.put("api-groups", "A:stats:pools:devs:summary:version");
        c.put("api-allow", "A:0/0,W:*");
        c.put("bitmain-fan-ctrl", false);
        c.put("bitmain-fan-pwm", "100");
        c.put("bitmain-work-mode", Integer.toString(m.workMode()));
        c.put("bitmain-freq-level", "100");
        return c;
    }

    private boolean authorized(MiniHttp.Request req) {
        String h = req.header("authorization");
        if (h.isEmpty() || !h.regionMatches(true, 0, "Digest", 0, 6)) {
            return false;
        }
        Map<String, String> p = Digest.params(h);
        if (!"root".equals(p.get("username")) || !nonce.equals(p.get("nonce"))) {
            return false;
        }
        String expected = Digest.response(
                "root",
                m.password(),
                Map.of("realm", REALM, "nonce", nonce, "qop", "auth"),
                req.method(),
                p.getOrDefault("uri", ""),
                p.getOrDefault("nc", ""),
                p.getOrDefault("cnonce", ""));
        return expected.equals(p.get("response"));
    }
}
