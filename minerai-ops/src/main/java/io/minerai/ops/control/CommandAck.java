package io.minerai.ops.control;

import io.minerai.ops.device.AckStatus;
import java.time.Duration;

/**
 * A device's answer to one command, delivered by the {@link FleetPort}.
 *
 * @param commandId the command
 * @param status the answer
 * @param detail reply facts for the audit log
 * @param latency time from sending to the answer
 */
public record CommandAck(long commandId, AckStatus status, String detail, Duration latency) {}
