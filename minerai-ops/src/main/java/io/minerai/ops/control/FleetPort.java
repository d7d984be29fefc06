package io.minerai.ops.control;

import io.minerai.ops.device.DeviceSpec;
import io.minerai.ops.device.DeviceTelemetry;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The controller's view of the devices. Never blocks: sending queues the command, answers arrive later through {@link
 * #drainAcks}, and telemetry is the latest successful reading. In-memory fakes implement it for million-step tests;
 * {@code DriverFleet} implements it over real drivers on virtual threads.
 */
public interface FleetPort {
    List<DeviceSpec> specs();

    /** Called once at the start of every controller step (fakes advance their physics, real fleets start polls). */
    default void beginStep(Instant nowUtc) {}

    /** The latest successful reading of device {@code i}, or null if it was never read. */
    @Nullable
    DeviceTelemetry telemetry(int i);

    /** Queues a command; the answer comes back through {@link #drainAcks}. */
    void send(DeviceCommand command);

    /** Hands every answer received since the last call to {@code sink}. */
    void drainAcks(Consumer<CommandAck> sink);
}
