package io.minerai.ops.firmware;

import io.minerai.ops.device.DeviceDriver;
import io.minerai.ops.emulator.rig.EmulatedRig;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

/**
 * Firmware support shipped in a module of its own and found at run time with {@link java.util.ServiceLoader} (see
 * {@link FirmwarePlugins}): a driver for the inventory's {@code driver:} name and an emulator of the same firmware for
 * {@code simulate} and tests. The Braiins OS driver is one (module {@code minerai-ops-braiins}): its client is
 * generated from GPL-3.0 interface files, so it is kept out of this module and loaded only when its module is on the
 * class path.
 */
public interface FirmwarePlugin {
    /**
     * Where and how to reach one device.
     *
     * @param id device id
     * @param host IP or host name
     * @param port API port
     * @param username API user
     * @param password API password (may be empty)
     * @param ratedPowerW stock wall power, W
     * @param timeout per call
     */
    record Endpoint(
            String id, String host, int port, String username, String password, double ratedPowerW, Duration timeout) {
        public Endpoint {
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException(id + ": port must be in 1..65535, was " + port);
            }
        }
    }

    /**
     * An emulated device serving the firmware's API on a loopback port.
     *
     * @param port where it listens on 127.0.0.1
     * @param username the API user it accepts
     * @param server stops it
     */
    record Emulation(int port, String username, AutoCloseable server) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            server.close();
        }
    }

    /** The inventory's {@code driver:} name, e.g. {@code braiins}. */
    String driverName();

    /** What it drives, for listings and messages. */
    String description();

    /** A production driver for the device (it owns its connection and releases it on close). */
    DeviceDriver driver(Endpoint endpoint, Clock clock);

    /** Serves the firmware's API for an emulated rig on a loopback port (for {@code simulate} and tests). */
    Emulation emulate(EmulatedRig rig, long seed) throws IOException;
}
