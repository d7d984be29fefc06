package io.minerai.ops.control;

import io.minerai.ops.device.AckStatus;
import java.time.Duration;

/** Receives what the controller does, e.g. for metrics. Methods run on the controller thread and must be quick. */
public interface ControllerObserver {
    ControllerObserver NONE = new ControllerObserver() {};

    default void onStep(ControllerStatus status) {}

    /** A command ended: confirmed, or failed with the given status. */
    default void onCommandFinished(DeviceCommand command, String outcome, Duration latency) {}

    /** A device answered a command. */
    default void onAck(DeviceCommand command, AckStatus status, Duration latency) {}
}
