package io.minerai.ops.emulator.whatsminerv2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.minerai.ops.driver.whatsminerv2.WhatsminerV2Crypto;
import io.minerai.ops.emulator.CgminerApiEmulator;
import io.minerai.ops.emulator.LoopbackServer;
import io.minerai.ops.emulator.rig.EmulatedRig;
import io.minerai.ops.proto.Lenient;
import io.minerai.ops.proto.LenientJson;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.Random;

/**
 * The Whatsminer API v2 of an emulated miner (TCP, one request per connection, reply then close). Modelled on the
 * vendor's API documents (WhatsMiner API V2.0.4 / V2.0.5: codes, token lifetime and count, plaintext-only reads,
 * ciphertext-only writes, {@code power_off respbefore}, {@code adjust_power_limit} rebooting the miner) and on the
 * reply shapes recorded in asic-rs's fixtures ({@code whatsminer/src/test/json/v2/summary.json}, {@code
 * status.json}: cgminer-style {@code STATUS} list for {@code summary}, btminer-style top-level {@code
 * STATUS/When/Code/Msg} for {@code status} and {@code get_token}).
 *
 * <p>Quirks modelled: a token lives 30 minutes and a client may hold 32 (136 "token over max times" after that); a
 * wrong password or stale token gets 135 "check token error" in plaintext; a locked write API gets 45 "can't access
 * write cmd" (the message pyasic checks for); {@code power_off} with {@code respbefore:"false"} cuts the hashboards
 * before answering, so the answer never comes; {@code adjust_power_limit} answers and then reboots the miner, which
 * does not answer until the reboot delay has passed; plus the shared {@link io.minerai.ops.emulator.Quirks}. The
 * {@code time} value in {@code get_token} is the miner's epoch second as a string (ASSUMPTION: the documents give
 * only its name).
 */
public final class WhatsminerV2Emulator implements LoopbackServer.Handler {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    static final int MAX_TOKENS = 32;
    static final Duration TOKEN_LIFE = Duration.ofMinutes(30);

    private record Issued(String sign, Instant at) {}

    private final EmulatedRig rig;
    private final String salt;
    private final Random random;
    private final Deque<Issued> tokens = new ArrayDeque<>();

    /**
     * @param rig the miner
     * @param seed seeds the salts (reproducible runs)
     */
    public WhatsminerV2Emulator(EmulatedRig rig, long seed) {
        this.rig = rig;
        this.random = new Random(seed);
        this.salt = randomSalt();
    }

    private String randomSalt() {
        byte[] b = new byte[4];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    @Override
    public void handle(Socket s) throws IOException {
        String req = CgminerApiEmulator.readRequest(s.getInputStream());
        if (rig.quirks().dropConnections() || !rig.reachable()) {
            return; // closed without a reply (rebooting or a network fault)
        }
        String reply = answer(req);
        if (reply.isEmpty()) {
            return;
        }
        rig.replyDelay();
        s.getOutputStream().write(reply.getBytes(StandardCharsets.UTF_8));
        s.getOutputStream().flush();
    }

    private long when() {
        return rig.reading().whenEpochSeconds();
    }

    private ObjectNode btminer(String status, int code, String msg) {
        ObjectNode r = F.objectNode();
        r.put("STATUS", status);
        r.put("When", rig.clock().instant().getEpochSecond());
        r.put("Code", code);
        r.put("Msg", msg);
        r.put("Description", "");
        return r;
    }

    /** Answers one request; "" means no answer at all. Package-private for the fixture tests. */
    synchronized String answer(String request) {
        JsonNode req;
        try {
            req = LenientJson.parse(request);
        } catch (IllegalArgumentException e) {
            return btminer("E", 23, "invalid JSON message").toString();
        }
        if (req.has("enc")) {
            return privileged(req);
        }
        String cmd = req.path("cmd").asText(req.path("command").asText(""));
        return switch (cmd) {
            case "summary" -> summary().toString();
            case "status" -> status().toString();
            case "get_token" -> getToken().toString();
            case "get_version" -> {
                ObjectNode r = btminer("S", 131, "");
                r.putObject("Msg")
                        .put("api_ver", "2.0.5")
                        .put("fw_ver", "20230803.11.REL")
                        .put("platform", "H616");
                yield r.toString();
            }
            default -> btminer("E", 14, "invalid API command or data").toString();
        };
    }

    private ObjectNode summary() {
        EmulatedRig.Reading rd = rig.reading();
        ObjectNode r = F.objectNode();
        r.putArray("STATUS")
                .addObject()
                .put("STATUS", "S")
                .put("When", rd.whenEpochSeconds())
                .put("Code", 11)
                .put("Msg", "Summary")
                .put("Description", "cgminer 4.9.2");
        ObjectNode s = r.putArray("SUMMARY").addObject();
        double mhs = rd.hashrateThPerS() * 1e6;
        s.put("Elapsed", 25000);
        s.put("MHS av", Math.round(mhs));
        s.put("HS RT", Math.round(mhs));
        s.put("Power", Math.round(rd.powerW()));
        s.put("Power Limit", Math.round(rd.powerTargetW()));
        s.put("Power Mode", "Normal");
        s.put("Factory GHS", Math.round(rig.spec().hashrateThPerS() * 1000));
        r.put("id", 1);
        return r;
    }

    private ObjectNode status() {
        EmulatedRig.Reading rd = rig.reading();
        ObjectNode r = btminer("S", 131, "");
        r.put("When", rd.whenEpochSeconds());
        ObjectNode m = r.putObject("Msg");
        m.put("mineroff", rd.sleeping() ? "true" : "false");
        m.put("mineroff_reason", "");
        m.put("mineroff_time", "");
        m.put("FirmwareVersion", "20230803.11.REL");
        m.put("power_mode", "normal");
        m.put("power_limit_set", Long.toString(Math.round(rd.powerTargetW())));
        m.put("hash_percent", "0");
        return r;
    }

    private ObjectNode getToken() {
        Instant now = rig.clock().instant();
        tokens.removeIf(t -> !now.isBefore(t.at().plus(TOKEN_LIFE)));
        if (tokens.size() >= MAX_TOKENS) {
            return btminer("E", 136, "token over max times");
        }
        String time = Long.toString(now.getEpochSecond());
        String newSalt = randomSalt();
        String key = WhatsminerV2Crypto.key(rig.spec().password(), salt);
        tokens.add(new Issued(WhatsminerV2Crypto.sign(key, time, newSalt), now));
        ObjectNode r = btminer("S", 134, "");
        r.putObject("Msg").put("time", time).put("salt", salt).put("newsalt", newSalt);
        return r;
    }

    private String privileged(JsonNode req) {
        if (rig.quirks().accessDenied()) {
            return btminer("E", 45, "can't access write cmd").toString();
        }
        String key = WhatsminerV2Crypto.key(rig.spec().password(), salt);
        JsonNode cmd;
        try {
            cmd = LenientJson.parse(
                    WhatsminerV2Crypto.decrypt(key, req.path("data").asText("")));
        } catch (IllegalArgumentException e) {
            // a wrong password gives a wrong key: the plaintext is garbage and the token cannot match
            return btminer("E", 135, "check token error").toString();
        }
        Instant now = rig.clock().instant();
        String sign = cmd.path("token").asText("");
        boolean valid = tokens.stream().anyMatch(t -> t.sign().equals(sign) && now.isBefore(t.at().plus(TOKEN_LIFE)));
        if (!valid) {
            return btminer("E", 135, "check token error").toString();
        }
        String name = cmd.path("cmd").asText(cmd.path("command").asText(""));
        boolean apply = !rig.quirks().ignoreCommands();
        ObjectNode ok = btminer("S", 131, "API command OK");
        switch (name) {
            case "power_off" -> {
                boolean respBefore = cmd.path("respbefore").asText("true").equals("true");
                if (apply) {
                    rig.sleep();
                }
                if (!respBefore) {
                    return ""; // the hashboards went off before the answer was sent
                }
            }
            case "power_on" -> {
                if (apply) {
                    rig.wake();
                }
            }
            case "adjust_power_limit" -> {
                double w = Lenient.number(cmd.get("power_limit"));
                if (!(w > 0) || w > rig.spec().ratedW()) {
                    return encrypted(key, btminer("E", 132, "command error"));
                }
                if (apply) {
                    rig.setPowerTargetW(w);
                    rig.reboot(); // "The miner will reboot after this is set"
                }
            }
            default -> {
                return encrypted(key, btminer("E", 14, "invalid API command or data"));
            }
        }
        return encrypted(key, ok);
    }

    private static String encrypted(String key, ObjectNode reply) {
        return F.objectNode()
                .put("enc", WhatsminerV2Crypto.encrypt(key, reply.toString()))
                .toString();
    }
}
