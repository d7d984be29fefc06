package io.minerai.ops.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.minerai.ops.proto.Lenient;
import io.minerai.ops.proto.LenientJson;
import io.minerai.ops.proto.WhatsminerToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The Whatsminer API v3 of an emulated miner: 4-byte little-endian length prefix plus JSON both ways. Reply shapes are
 * the recorded M60S replies in 256foundation/asic-rs (asic-rs-firmwares/whatsminer/src/test/json/v3:
 * {@code get_device_info.json}, {@code get_miner_status_summary.json}): {@code {"code":0,"desc":cmd,"msg":{..},
 * "when":unix}}. {@code get.device.info} carries the working state in {@code msg.miner.working} ("true"/"false") and
 * the salt in {@code msg.salt}; with {@code param:"salt"} only the salt (as asic-rs and pyasic ask for it). {@code
 * get.miner.status} with {@code param:"summary"} gives {@code hash-realtime} (TH/s), {@code power-realtime} (W) and
 * {@code power-limit} (W), and no working flag. {@code set.*} commands carry {@code ts}, {@code account} and the token
 * {@code base64(SHA256(cmd+password+salt+ts))[0:8]}. The non-zero error codes (-1 write API not enabled, -2 bad token,
 * -3 invalid command or parameter) are this emulator's ASSUMPTION: no public reference lists v3's codes, so drivers
 * treat any non-zero code as a refusal.
 */
public final class WhatsminerV3Emulator implements LoopbackServer.Handler {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private final VirtualMiner m;

    public WhatsminerV3Emulator(VirtualMiner m) {
        this.m = m;
    }

    @Override
    public void handle(Socket s) throws IOException {
        InputStream in = s.getInputStream();
        byte[] len = in.readNBytes(4);
        if (len.length < 4) {
            return;
        }
        int n = ByteBuffer.wrap(len).order(ByteOrder.LITTLE_ENDIAN).getInt();
        if (n < 0 || n > 65536) {
            return;
        }
        String body = new String(in.readNBytes(n), StandardCharsets.UTF_8);
        Quirks q = m.quirks();
        if (q.dropConnections()) {
            return;
        }
        ObjectNode reply = answer(LenientJson.parse(body));
        q.delay(); // the command has taken effect, the answer is late
        byte[] out = reply.toString().getBytes(StandardCharsets.UTF_8);
        OutputStream os = s.getOutputStream();
        os.write(ByteBuffer.allocate(4)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putInt(out.length)
                .array());
        os.write(out);
        os.flush();
    }

    private ObjectNode reply(int code, String desc) {
        ObjectNode r = F.objectNode();
        r.put("code", code);
        r.put("desc", desc);
        r.put("when", m.reading().whenEpochSeconds());
        return r;
    }

    ObjectNode answer(JsonNode req) {
        String cmd = req.path("cmd").asText("");
        String param = req.path("param").asText("");
        VirtualMiner.Reading rd = m.reading();
        if (cmd.equals("get.device.info")) {
            ObjectNode r = reply(0, cmd);
            ObjectNode msg = r.putObject("msg");
            if (!param.equals("salt")) {
                ObjectNode miner = msg.putObject("miner");
                miner.put("board-num", "3");
                miner.put("hash-board", "K40");
                miner.put("miner-sn", "BTM3CS40HD" + Integer.toHexString(m.id().hashCode()));
                miner.put("pool-strategy", "FAILOVER");
                miner.put("type", "M60S_VK40");
                miner.put("working", rd.flagAsleep() ? "false" : "true");
                ObjectNode net = msg.putObject("network");
                net.put("hostname", "WhatsMiner");
                net.put("mac", "CE:02:01:00:8C:36");
                ObjectNode power = msg.putObject("power");
                power.put("fanspeed", rd.sleeping() ? 0 : 6344);
                power.put("mode", "1");
                power.put("model", "P221B");
                ObjectNode sys = msg.putObject("system");
                sys.put("api", "3.0.2");
                sys.put("apiswitch", m.quirks().accessDenied() ? "0" : "1");
                sys.put("fwversion", "20251209.16.Rel2");
            }
            msg.put("salt", m.salt());
            return r;
        }
        if (cmd.equals("get.miner.status")) {
            ObjectNode r = reply(0, cmd);
            if (!param.equals("summary")) {
                return reply(-3, cmd).put("msg", "param not modelled by the emulator: " + param);
            }
            ObjectNode sum = r.putObject("msg").putObject("summary");
            sum.put("elapsed", m.elapsedSeconds());
            sum.put("factory-hash", m.nameplateHashrateThPerS());
            sum.put("hash-average", Math.round(rd.hashrateThPerS() * 1000) / 1000.0);
            sum.put("hash-realtime", Math.round(rd.hashrateThPerS() * 1000) / 1000.0);
            sum.put(
                    "power-limit",
                    Double.isNaN(rd.powerLimitW()) ? Math.round(m.ratedW()) : Math.round(rd.powerLimitW()));
            sum.put("power-realtime", (double) Math.round(rd.powerW()));
            sum.put("up-freq-finish", 1);
            return r;
        }
        if (!cmd.startsWith("set.")) {
            return reply(-3, cmd).put("msg", "invalid command");
        }
        if (m.quirks().accessDenied()) {
            return reply(-1, cmd).put("msg", "write API not enabled");
        }
        long ts = req.path("ts").asLong(0);
        String token = req.path("token").asText("");
        if (!token.equals(WhatsminerToken.of(cmd, m.password(), m.salt(), ts))) {
            return reply(-2, cmd).put("msg", "invalid token");
        }
        boolean apply = !m.quirks().ignoreCommands();
        switch (cmd) {
            case "set.miner.service" -> {
                String p = req.path("param").asText("");
                if (!p.equals("start") && !p.equals("stop") && !p.equals("restart")) {
                    return reply(-3, cmd).put("msg", "invalid param");
                }
                if (apply) {
                    m.setSleeping(p.equals("stop"));
                }
                return reply(0, cmd).put("msg", "ok");
            }
            case "set.miner.power_limit" -> {
                double w = Lenient.number(req.get("param"));
                if (!(w > 0) || w > m.ratedW()) {
                    return reply(-3, cmd).put("msg", "power limit must be in 1.." + Math.round(m.ratedW()));
                }
                if (apply) {
                    m.setPowerLimitW(w);
                }
                return reply(0, cmd).put("msg", "ok");
            }
            default -> {
                return reply(-3, cmd).put("msg", "invalid command");
            }
        }
    }
}
