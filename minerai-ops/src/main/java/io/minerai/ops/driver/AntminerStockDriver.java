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
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Stock Antminer firmware: telemetry from the cgminer API on 4028 (read-only there: everything else is denied with
 * code 45), work mode and control through the web CGI with Digest auth.
 *
 * <ul>
 *   <li><b>Writes.</b> Sleep/wake = read {@code get_miner_conf.cgi}, set the work mode, POST the config to {@code
 *       set_miner_conf.cgi} with <em>both</em> {@code miner-mode} and {@code bitmain-work-mode} (numbers), because
 *       firmware differs on which key it honours: S19j Pro Dec-2022 ignores {@code bitmain-work-mode}
 *       (256foundation/asic-rs#249), newer firmware ignores a write that carries only one of them (asic-rs#312 "send
 *       both keys"). The reply must say {@code "stats":"success"} / {@code M000}.
 *   <li><b>Confirmation by what the device does.</b> The config alone is not believed: stock firmware has been seen
 *       with the config saying sleep while the hashrate had not dropped after 60 s. A reading is {@link
 *       DeviceMode#SLEEPING} only when the work mode is 1 <em>and</em> the hashrate is below {@link
 *       MinerReadings#IDLE_HASHRATE_THS}; a sleep whose config is written but whose hashrate has not dropped yet is
 *       answered {@link AckStatus#ACCEPTED}, and the controller confirms it by a later reading within its confirm
 *       timeout (or retries it).
 *   <li><b>Power.</b> {@code STATS[1].chain_power} where the firmware reports it, else {@code STATS[0].power} of the
 *       {@code new_api} stats request of newer firmware (asic-rs #325/#328); NaN when neither exists.
 *   <li>Waking restores the work mode the miner had before sleeping ("resume" is not always "normal":
 *       Schnitzel/hass-miner#588). No arbitrary watt target on stock firmware.
 *   <li>A refused CGI login (wrong password) fails the whole read with {@link AckStatus#DENIED}: without the work mode
 *       the driver cannot tell sleep from failure, and the operator must see why.
 * </ul>
 */
public final class AntminerStockDriver implements DeviceDriver {
    private final String id;
    private final CgminerRpc rpc;
    private final DigestHttpClient web;
    private final Clock clock;
    private final MinerReadings.FreshnessTracker fresh = new MinerReadings.FreshnessTracker();
    private int modeBeforeSleep;
    /** Whether the legacy stats lacked power and the new_api request gave it (null: not tried yet). */
    private @Nullable Boolean powerFromNewApi;

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

    /** Work mode from a config: 0 normal, 1 sleep, 2 high, 3 low (asic-rs); -1 when absent. */
    static int workMode(JsonNode conf) {
        double v = Lenient.number(Lenient.first(conf, "miner-mode", "bitmain-work-mode"));
        return Double.isNaN(v) ? -1 : (int) v;
    }

    private JsonNode conf() throws DeviceException {
        try {
            return LenientJson.parse(web.send("GET", "/cgi-bin/get_miner_conf.cgi", ""));
        } catch (IllegalArgumentException e) {
            throw new DeviceException(AckStatus.FAILED, id + ": get_miner_conf: " + e.getMessage(), e);
        }
    }

    private double powerW() {
        if (!Boolean.TRUE.equals(powerFromNewApi)) {
            try {
                double w = MinerReadings.statsPowerW(rpc.checked("stats", ""));
                if (!Double.isNaN(w)) {
                    powerFromNewApi = false;
                    return w;
                }
            } catch (DeviceException e) {
                return Double.NaN; // power is optional
            }
        }
        try {
            double w = MinerReadings.newApiStatsPowerW(rpc.newApi("stats"));
            powerFromNewApi = !Double.isNaN(w);
            return w;
        } catch (DeviceException e) {
            return Double.NaN;
        }
    }

    private double hashrate() throws DeviceException {
        return MinerReadings.hashrateThPerS(rpc.checked("summary", "").first("SUMMARY"));
    }

    @Override
    public DeviceTelemetry readTelemetry() throws DeviceException {
        CgminerReply sum = rpc.checked("summary", "");
        double ths = MinerReadings.hashrateThPerS(sum.first("SUMMARY"));
        double w = powerW();
        int mode;
        try {
            mode = workMode(conf());
        } catch (DeviceException e) {
            if (e.status() == AckStatus.DENIED) {
                throw new DeviceException(AckStatus.DENIED, id + ": web CGI refused the login: " + e.getMessage(), e);
            }
            mode = -1;
        }
        return DeviceTelemetry.of(fresh.observedAt(sum.status().whenEpochSeconds(), clock), modeOf(mode, ths), w, ths);
    }

    static DeviceMode modeOf(int workMode, double ths) {
        boolean idle = !(ths > MinerReadings.IDLE_HASHRATE_THS);
        if (workMode == 1) {
            return idle ? DeviceMode.SLEEPING : DeviceMode.RUNNING; // the config says sleep, the boards still hash
        }
        if (workMode >= 0) {
            return DeviceMode.RUNNING;
        }
        return idle ? DeviceMode.UNKNOWN : DeviceMode.RUNNING;
    }

    @Override
    public CommandResult apply(DesiredState desired) throws DeviceException {
        JsonNode conf = conf();
        int current = workMode(conf);
        int target;
        switch (desired) {
            case DesiredState.Sleep s -> target = 1;
            case DesiredState.Run r -> target = current == 1 ? modeBeforeSleep : (current >= 0 ? current : 0);
            case DesiredState.PowerTarget pt -> {
                return CommandResult.of(AckStatus.UNSUPPORTED, "stock Antminer firmware has no watt target");
            }
        }
        if (current != target) {
            if (target == 1 && current >= 0) {
                modeBeforeSleep = current;
            }
            ObjectNode body = (ObjectNode) conf.deepCopy();
            body.put("miner-mode", target);
            body.put("bitmain-work-mode", target);
            String reply = web.send("POST", "/cgi-bin/set_miner_conf.cgi", body.toString());
            String r = reply.strip().toLowerCase(Locale.ROOT);
            if (!r.contains("success") && !r.contains("m000")) {
                return CommandResult.of(AckStatus.FAILED, "set_miner_conf answered " + abbreviate(reply.strip()));
            }
            int now = workMode(conf());
            if (now != target) {
                return CommandResult.of(
                        AckStatus.NOT_APPLIED,
                        "set_miner_conf answered OK but the work mode is " + now + ", not " + target);
            }
        }
        double ths = hashrate();
        boolean idle = !(ths > MinerReadings.IDLE_HASHRATE_THS);
        String what = "work mode " + target + " (miner-mode and bitmain-work-mode)";
        if (target == 1) {
            return idle
                    ? CommandResult.confirmed(what + "; hashrate " + ths + " TH/s")
                    : CommandResult.of(
                            AckStatus.ACCEPTED,
                            what + " written; hashrate still " + ths + " TH/s (confirmed when it drops)");
        }
        return idle
                ? CommandResult.of(AckStatus.ACCEPTED, what + " written; not hashing yet")
                : CommandResult.confirmed(what + "; hashrate " + ths + " TH/s");
    }

    private static String abbreviate(String s) {
        return s.length() <= 120 ? s : s.substring(0, 120) + "...";
    }
}
