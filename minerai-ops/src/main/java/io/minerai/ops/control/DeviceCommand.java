package io.minerai.ops.control;

import io.minerai.ops.device.DesiredState;
import java.time.Instant;

/**
 * One command the controller sent.
 *
 * @param id unique within a controller run, increasing
 * @param device index of the device in the fleet
 * @param desired what was asked
 * @param sentAtUtc when it was sent
 * @param reason why (e.g. "merit-order", "safe-state", "retry")
 */
public record DeviceCommand(long id, int device, DesiredState desired, Instant sentAtUtc, String reason) {}
