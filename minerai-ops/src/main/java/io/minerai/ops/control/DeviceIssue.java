package io.minerai.ops.control;

/**
 * A device the controller cannot see or trust right now, with the reason (for the status view, metrics and a dry run).
 *
 * @param deviceId the device
 * @param reason short kind: {@code unreachable}, {@code refused (wrong password or access denied)}, {@code no answer in
 *     time}, {@code unsupported}, {@code failed}, {@code state unknown}
 * @param detail the driver's own words (no secrets)
 */
public record DeviceIssue(String deviceId, String reason, String detail) {}
