package io.minerai.ops.device;

/**
 * One device behind one small interface. Implementations talk a real protocol (cgminer RPC, Antminer CGI, LuxOS,
 * Whatsminer v3, nvidia-smi). Calls block (with the protocol's own timeouts) and are made from one thread per device
 * at a time; the controller never calls them on its own thread.
 */
public interface DeviceDriver extends AutoCloseable {
    /** Stable id, e.g. {@code rack1-a07}. */
    String deviceId();

    Capabilities capabilities();

    /** Reads telemetry now. */
    DeviceTelemetry readTelemetry() throws DeviceException;

    /**
     * Sends a command and confirms it by re-reading the device's configuration or state.
     *
     * @return CONFIRMED, ACCEPTED (not yet visible), NOT_APPLIED (device said OK, nothing changed) or a refusal
     */
    CommandResult apply(DesiredState desired) throws DeviceException;

    /** Releases sessions and restores anything the driver changed that must not outlive it (e.g. GPU power caps). */
    @Override
    default void close() {}
}
