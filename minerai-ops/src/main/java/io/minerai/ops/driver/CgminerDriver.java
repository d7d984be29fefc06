package io.minerai.ops.driver;

import io.minerai.ops.device.AckStatus;
import io.minerai.ops.device.Capabilities;
import io.minerai.ops.device.CommandResult;
import io.minerai.ops.device.DesiredState;
import io.minerai.ops.device.DeviceDriver;
import io.minerai.ops.device.DeviceException;
import io.minerai.ops.device.DeviceMode;
import io.minerai.ops.device.DeviceTelemetry;
import io.minerai.ops.proto.CgminerReply;
import java.time.Clock;

/**
 * Read-only driver for any cgminer-API miner: hashrate from {@code summary}, power from {@code stats} where the
 * firmware reports it. The cgminer API has no pause or power-target command, so control is unsupported here; a zero
 * hashrate is reported as {@link DeviceMode#UNKNOWN} because it cannot tell sleep from failure.
 */
public final class CgminerDriver implements DeviceDriver {
    private final String id;
    private final CgminerRpc rpc;
    private final Clock clock;
    private final MinerReadings.FreshnessTracker fresh = new MinerReadings.FreshnessTracker();

    public CgminerDriver(String id, CgminerRpc rpc, Clock clock) {
        this.id = id;
        this.rpc = rpc;
        this.clock = clock;
    }

    @Override
    public String deviceId() {
        return id;
    }

    @Override
    public Capabilities capabilities() {
        return Capabilities.READ_ONLY;
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
        DeviceMode mode = ths > 0 ? DeviceMode.RUNNING : DeviceMode.UNKNOWN;
        return DeviceTelemetry.of(fresh.observedAt(sum.status().whenEpochSeconds(), clock), mode, w, ths);
    }

    @Override
    public CommandResult apply(DesiredState desired) {
        return CommandResult.of(AckStatus.UNSUPPORTED, "the cgminer API has no " + desired.label() + " command");
    }
}
