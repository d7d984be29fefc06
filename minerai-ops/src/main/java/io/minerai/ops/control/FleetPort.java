package io.minerai.ops.control;

import io.minerai.ops.device.Capabilities;
import io.minerai.ops.device.DeviceProblem;
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

    /** Why the last read of device {@code i} failed, or null when it succeeded or none has finished yet. */
    default @Nullable DeviceProblem problem(int i) {
        return null;
    }

    /** Whether a read of device {@code i} has finished since the fleet started, successfully or not. */
    default boolean readAttempted(int i) {
        return telemetry(i) != null || problem(i) != null;
    }

    /**
     * What device {@code i} can do as its driver knows it now (power ranges the device itself reported, e.g. LuxOS's
     * profile ladder); the inventory's figures until then.
     */
    default Capabilities capabilities(int i) {
        return specs().get(i).capabilities();
    }
}
