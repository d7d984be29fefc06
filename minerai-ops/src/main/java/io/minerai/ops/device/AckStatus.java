package io.minerai.ops.device;

/** How a device answered one command. */
public enum AckStatus {
    /** The device accepted it and a re-read shows it in force. */
    CONFIRMED(true),
    /** The device accepted it; not yet visible on re-read (e.g. power still ramping). */
    ACCEPTED(true),
    /** The device answered OK but a re-read shows nothing changed (the "silently ignored" firmware quirk). */
    NOT_APPLIED(false),
    /** The device refused (access denied, write API locked, another session active). */
    DENIED(false),
    /** No answer in time. The command may still take effect later. */
    TIMEOUT(false),
    /** Could not connect, or the connection dropped. */
    UNREACHABLE(false),
    /** The device cannot do this (e.g. arbitrary power target on stock firmware). */
    UNSUPPORTED(false),
    /** Anything else (malformed reply, protocol error). */
    FAILED(false);

    private final boolean accepted;

    AckStatus(boolean accepted) {
        this.accepted = accepted;
    }

    /** Whether the device took the command (it processed it; later commands come after it). */
    public boolean accepted() {
        return accepted;
    }

    /** Name as written in the audit log, e.g. {@code not-applied}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
