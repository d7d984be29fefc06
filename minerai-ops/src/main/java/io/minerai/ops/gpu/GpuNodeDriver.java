package io.minerai.ops.gpu;

import io.minerai.ops.device.AckStatus;
import io.minerai.ops.device.Capabilities;
import io.minerai.ops.device.CommandResult;
import io.minerai.ops.device.DesiredState;
import io.minerai.ops.device.DeviceDriver;
import io.minerai.ops.device.DeviceException;
import io.minerai.ops.device.DeviceMode;
import io.minerai.ops.device.DeviceTelemetry;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * A GPU server driven through nvidia-smi: telemetry from {@code --query-gpu ... --format=csv,noheader,nounits},
 * power caps with {@code nvidia-smi -i N -pl W}. "Sleep" caps every GPU at its minimum limit (GPUs keep serving, at
 * low power); "run" restores each GPU's original limit, remembered the first time the driver saw it (caps are not
 * persistent and there is no reset-to-default, so the driver keeps them itself); a power target for the node is spread
 * evenly over its GPUs within each GPU's [min, max]. Every change is confirmed by re-reading. {@link #close()} leaves
 * the caps as they are (never raises load at shutdown).
 */
public final class GpuNodeDriver implements DeviceDriver {
    private final String id;
    private final CommandRunner runner;
    private final double overheadW;
    private final Duration timeout;
    private final Clock clock;
    private final Map<Integer, Double> originalLimitW = new LinkedHashMap<>();
    private List<GpuReading> last = List.of();

    /**
     * @param id device id
     * @param runner runs nvidia-smi (locally, over ssh, or an emulator)
     * @param overheadW the server's power besides its GPUs (CPUs, fans, PSU losses), W
     * @param timeout per nvidia-smi call
     * @param clock for reading times
     */
    public GpuNodeDriver(String id, CommandRunner runner, double overheadW, Duration timeout, Clock clock) {
        this.id = id;
        this.runner = runner;
        this.overheadW = overheadW;
        this.timeout = timeout;
        this.clock = clock;
    }

    @Override
    public String deviceId() {
        return id;
    }

    @Override
    public Capabilities capabilities() {
        double min = overheadW;
        double max = overheadW;
        for (GpuReading g : last) {
            min += g.minPowerLimitW();
            max += g.maxPowerLimitW();
        }
        return Capabilities.sleepAndTarget(min, max);
    }

    /** The GPUs as last read. */
    public List<GpuReading> gpus() {
        return last;
    }

    /** The limits the driver will restore, by GPU index. */
    public Map<Integer, Double> originalLimitsW() {
        return Map.copyOf(originalLimitW);
    }

    private List<GpuReading> query() throws DeviceException {
        CommandRunner.Result r = run(NvidiaSmi.queryCommand());
        if (r.exitCode() == 255) {
            // ssh(1): 255 when ssh itself failed (host unreachable, refused, authentication)
            throw new DeviceException(
                    AckStatus.UNREACHABLE, id + ": ssh exit 255: " + r.stderr().strip());
        }
        if (r.exitCode() != 0) {
            throw new DeviceException(
                    AckStatus.FAILED,
                    id + ": nvidia-smi exit " + r.exitCode() + ": " + r.stderr().strip());
        }
        try {
            List<GpuReading> gs = NvidiaSmi.parseQuery(r.stdout());
            for (GpuReading g : gs) {
                originalLimitW.putIfAbsent(g.index(), g.powerLimitW());
            }
            last = gs;
            return gs;
        } catch (IllegalArgumentException e) {
            throw new DeviceException(AckStatus.FAILED, id + ": " + e.getMessage(), e);
        }
    }

    private CommandRunner.Result run(List<String> argv) throws DeviceException {
        try {
            return runner.run(argv, timeout);
        } catch (java.net.ConnectException | java.net.NoRouteToHostException | java.net.UnknownHostException e) {
            throw new DeviceException(AckStatus.UNREACHABLE, id + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new DeviceException(AckStatus.TIMEOUT, id + ": " + e.getMessage(), e);
        }
    }

    @Override
    public DeviceTelemetry readTelemetry() throws DeviceException {
        List<GpuReading> gs = query();
        double draw = overheadW;
        double limit = overheadW;
        boolean allAtMin = !gs.isEmpty();
        for (GpuReading g : gs) {
            draw += Double.isNaN(g.powerDrawW()) ? 0 : g.powerDrawW();
            limit += g.limitInForceW();
            allAtMin &= g.limitInForceW() <= g.minPowerLimitW() + 0.5;
        }
        return new DeviceTelemetry(
                clock.instant(),
                allAtMin ? DeviceMode.SLEEPING : DeviceMode.RUNNING,
                draw,
                0,
                OptionalDouble.of(limit));
    }

    @Override
    public CommandResult apply(DesiredState desired) throws DeviceException {
        List<GpuReading> gs = query();
        if (gs.isEmpty()) {
            throw new DeviceException(AckStatus.FAILED, id + ": nvidia-smi lists no GPU");
        }
        Map<Integer, Double> want = new LinkedHashMap<>();
        switch (desired) {
            case DesiredState.Sleep s -> gs.forEach(g -> want.put(g.index(), g.minPowerLimitW()));
            case DesiredState.Run r ->
                gs.forEach(g -> want.put(g.index(), originalLimitW.getOrDefault(g.index(), g.defaultPowerLimitW())));
            case DesiredState.PowerTarget pt -> {
                double lowest = overheadW;
                for (GpuReading g : gs) {
                    lowest += g.minPowerLimitW();
                }
                if (pt.powerW() < lowest - 0.5) {
                    return CommandResult.of(
                            AckStatus.UNSUPPORTED,
                            "lowest caps give " + Math.round(lowest) + " W, asked " + Math.round(pt.powerW()) + " W");
                }
                double perGpu = (pt.powerW() - overheadW) / gs.size();
                for (GpuReading g : gs) {
                    want.put(g.index(), Math.max(g.minPowerLimitW(), Math.min(g.maxPowerLimitW(), Math.floor(perGpu))));
                }
            }
        }
        List<String> refused = new ArrayList<>();
        for (GpuReading g : gs) {
            double w = want.getOrDefault(g.index(), g.powerLimitW());
            if (w < g.minPowerLimitW() || w > g.maxPowerLimitW()) {
                refused.add(
                        "GPU " + g.index() + ": " + w + " W outside " + g.minPowerLimitW() + ".." + g.maxPowerLimitW());
                continue;
            }
            if (Math.abs(g.powerLimitW() - w) < 0.5) {
                continue;
            }
            CommandRunner.Result r = run(NvidiaSmi.setPowerLimitCommand(g.index(), w));
            if (r.exitCode() != 0) {
                String msg = (r.stdout() + " " + r.stderr()).strip();
                refused.add("GPU " + g.index() + ": " + msg);
                if (msg.toLowerCase(Locale.ROOT).contains("permission")
                        || msg.toLowerCase(Locale.ROOT).contains("not supported")) {
                    return CommandResult.of(AckStatus.DENIED, String.join("; ", refused));
                }
            }
        }
        List<GpuReading> after = query();
        boolean all = true;
        for (GpuReading g : after) {
            Double w = want.get(g.index());
            all &= w != null && Math.abs(g.powerLimitW() - w) < 0.5;
        }
        if (all) {
            return CommandResult.confirmed(desired.label() + " on " + after.size() + " GPUs");
        }
        return CommandResult.of(
                refused.isEmpty() ? AckStatus.NOT_APPLIED : AckStatus.FAILED,
                refused.isEmpty() ? "limits unchanged on re-read" : String.join("; ", refused));
    }

    /**
     * Does not touch the caps: restoring the original limits at shutdown would raise the load with nobody watching
     * the cap or the price. The controller restores them while it runs, within the cap ({@link #originalLimitsW()}
     * says what they were; the controller's audit log says which nodes it left capped).
     */
    @Override
    public void close() {}
}
