package io.minerai.ops.control;

import io.minerai.ops.device.AckStatus;
import io.minerai.ops.device.Capabilities;
import io.minerai.ops.device.DeviceProblem;
import io.minerai.ops.device.DeviceSpec;
import io.minerai.ops.device.DeviceTelemetry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Reads the real fleet but sends nothing: every planned command is handed to {@code log} and answered {@code
 * not-applied} with the detail "dry-run: not sent", so the audit log shows exactly what the controller would have done.
 */
public final class DryRunFleet implements FleetPort {
    private final FleetPort reads;
    private final Consumer<DeviceCommand> log;
    private final List<CommandAck> acks = new ArrayList<>();

    public DryRunFleet(FleetPort reads, Consumer<DeviceCommand> log) {
        this.reads = reads;
        this.log = log;
    }

    @Override
    public List<DeviceSpec> specs() {
        return reads.specs();
    }

    @Override
    public void beginStep(Instant nowUtc) {
        reads.beginStep(nowUtc);
    }

    @Override
    public @Nullable DeviceTelemetry telemetry(int i) {
        return reads.telemetry(i);
    }

    @Override
    public @Nullable DeviceProblem problem(int i) {
        return reads.problem(i);
    }

    @Override
    public boolean readAttempted(int i) {
        return reads.readAttempted(i);
    }

    @Override
    public Capabilities capabilities(int i) {
        return reads.capabilities(i);
    }

    @Override
    public synchronized void send(DeviceCommand command) {
        log.accept(command);
        acks.add(new CommandAck(command.id(), AckStatus.NOT_APPLIED, "dry-run: not sent", Duration.ZERO));
    }

    @Override
    public synchronized void drainAcks(Consumer<CommandAck> sink) {
        List<CommandAck> copy = new ArrayList<>(acks);
        acks.clear();
        copy.forEach(sink);
    }
}
