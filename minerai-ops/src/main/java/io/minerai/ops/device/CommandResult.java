package io.minerai.ops.device;

/**
 * What a driver learnt when it sent a command and re-read the device.
 *
 * @param status the answer
 * @param detail short human-readable facts (reply message, applied preset...), no secrets
 */
public record CommandResult(AckStatus status, String detail) {
    public static CommandResult confirmed(String detail) {
        return new CommandResult(AckStatus.CONFIRMED, detail);
    }

    public static CommandResult of(AckStatus status, String detail) {
        return new CommandResult(status, detail);
    }
}
