package io.minerai.ops.emulator;

/**
 * What a test may ask of any emulated device behind a driver: its switchable faults and the truth the driver can only
 * learn through the protocol (so the driver contract kit can check a driver's readings against reality).
 */
public interface EmulatedDevice {
    /** Device id. */
    String id();

    /** Faults to switch on and off. */
    Quirks quirks();

    /** What the device really draws now, W (ignores frozen telemetry). */
    double truePowerW();

    /** What it draws at full stock power, W. */
    double ratedW();

    /** Whether it really works now (hashing, or GPUs above their minimum caps), whatever it reports. */
    boolean trulyWorking();
}
