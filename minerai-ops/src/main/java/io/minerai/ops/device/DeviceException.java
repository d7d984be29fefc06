package io.minerai.ops.device;

/** A device could not be read or commanded; {@link #status()} says how it failed. */
public final class DeviceException extends Exception {
    private static final long serialVersionUID = 1L;
    private final AckStatus status;

    public DeviceException(AckStatus status, String message) {
        super(message);
        this.status = status;
    }

    public DeviceException(AckStatus status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    public AckStatus status() {
        return status;
    }
}
