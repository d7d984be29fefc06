package io.minerai.ops.driver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import io.minerai.ops.proto.LenientJson;
import java.time.Clock;

/**
 * Stock Antminer firmware: telemetry from the cgminer API on 4028 (read-only there: everything else is denied with
 * code 45), work mode and control through the web CGI with Digest auth. Sleep/wake = read {@code get_miner_conf.cgi},
 * change the work mode, POST the whole config to {@code set_miner_conf.cgi}, re-read to confirm. Writes {@code
 * miner-mode} first and falls back to {@code bitmain-work-mode}, because some firmware (S19j Pro Dec-2022) answers
 * {@code M000 OK} to the latter and does nothing (256foundation/asic-rs#249). Waking restores the work mode the miner
 * had before sleeping ("resume" is not always "normal": Schnitzel/hass-miner#588). No arbitrary watt target on stock
 * firmware.
 */
public final class AntminerStockDriver implements DeviceDriver {
    private final String id;
    private final CgminerRpc rpc;
    private final DigestHttpClient web;
    private final Clock clock;
    private final MinerReadings.FreshnessTracker fresh = new MinerReadings.FreshnessTracker();
    private int modeBeforeSleep;

    public AntminerStockDriver(String id, CgminerRpc rpc, DigestHttpClient web, Clock clock) {
        this.id = id;
        this.rpc = rpc;
        this.web = web;
        this.clock = clock;
    }

    @Override
    public String deviceId() {
        return id;
    }

    @Override
    public Capabilities capabilities() {
        return Capabilities.SLEEP_ONLY;
    }

    /** Work mode from a config: 0 normal, 1 sleep, 2 low power; -1 when absent. */
    static int workMode(JsonNode conf) {
        double v = Lenient.number(Lenient.first(conf, "bitmain-work-mode", "miner-mode"));
        return Double.isNaN(v) ? -1 : (int) v;
    }

    private JsonNode conf() throws DeviceException {
        try {
            return LenientJson.parse(web.send("GET", "/cgi-bin/get_miner_conf.cgi", ""));
        } catch (IllegalArgumentException e) {
            throw new DeviceException(AckStatus.FAILED, id + ": get_miner_conf: " + e.getMessage(), e);
        }
    }

    @Override
    public DeviceTelemetry readTelemetry() throws DeviceException {
        CgminerReply sum = rpc.checked("summary", "");
        double ths = MinerReadings.hashrateThPerS(sum.first("SUMMARY"));
        double w = Double.NaN;
        try {
            w = MinerReadings.statsPowerW(rpc.checked("stats", ""));
        } catch (DeviceException e) {
            // power is optional
        }
        int mode;
        try {
            mode = workMode(conf());
        } catch (DeviceException e) {
            mode = -1;
        }
        DeviceMode m = mode == 1
                ? DeviceMode.SLEEPING
                : mode >= 0 ? DeviceMode.RUNNING : (ths > 0 ? DeviceMode.RUNNING : DeviceMode.UNKNOWN);
        return DeviceTelemetry.of(fresh.observedAt(sum.status().whenEpochSeconds(), clock), m, w, ths);
    }

    @Override
    public CommandResult apply(DesiredState desired) throws DeviceException {
        JsonNode conf = conf();
        int current = workMode(conf);
        int target;
        switch (desired) {
            case DesiredState.Sleep s -> target = 1;
            case DesiredState.Run r -> target = modeBeforeSleep;
            case DesiredState.PowerTarget pt -> {
                return CommandResult.of(AckStatus.UNSUPPORTED, "stock Antminer firmware has no watt target");
            }
        }
        if (current == target) {
            return CommandResult.confirmed("work mode already " + target);
        }
        if (target == 1 && current >= 0) {
            modeBeforeSleep = current;
        }
        for (String key : new String[] {"miner-mode", "bitmain-work-mode"}) {
            ObjectNode body = ((ObjectNode) conf.deepCopy());
            body.remove("miner-mode");
            body.remove("bitmain-work-mode");
            if (key.equals("miner-mode")) {
                body.put(key, target);
            } else {
                body.put(key, Integer.toString(target));
            }
            String reply = web.send("POST", "/cgi-bin/set_miner_conf.cgi", body.toString());
            int now = workMode(conf());
            if (now == target) {
                return CommandResult.confirmed("work mode " + target + " via " + key + " (" + reply.strip() + ")");
            }
        }
        return CommandResult.of(
                AckStatus.NOT_APPLIED, "set_miner_conf answered OK but the work mode stayed " + current);
    }
}
