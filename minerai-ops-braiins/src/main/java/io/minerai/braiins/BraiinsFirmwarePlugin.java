package io.minerai.braiins;

import io.minerai.braiins.driver.BraiinsDriver;
import io.minerai.braiins.emulator.BraiinsEmulator;
import io.minerai.ops.device.DeviceDriver;
import io.minerai.ops.emulator.rig.EmulatedRig;
import io.minerai.ops.firmware.FirmwarePlugin;
import java.io.IOException;
import java.time.Clock;

/** Braiins OS for minerai-ops, registered in {@code META-INF/services/io.minerai.ops.firmware.FirmwarePlugin}. */
public final class BraiinsFirmwarePlugin implements FirmwarePlugin {
    public BraiinsFirmwarePlugin() {}

    @Override
    public String driverName() {
        return "braiins";
    }

    @Override
    public String description() {
        return "Braiins OS (23.03+) public gRPC API (bos-plus-api 1.11.0), module minerai-ops-braiins, GPL-3.0-or-later";
    }

    @Override
    public DeviceDriver driver(Endpoint e, Clock clock) {
        // the driver owns its channel and shuts it down on close
        return BraiinsDriver.connect(
                e.id(), e.host(), e.port(), e.username(), e.password(), e.ratedPowerW(), e.timeout(), clock);
    }

    @Override
    public Emulation emulate(EmulatedRig rig, long seed) throws IOException {
        BraiinsEmulator emu = BraiinsEmulator.loopback(rig, seed);
        return new Emulation(emu.port(), BraiinsEmulator.USERNAME, emu);
    }
}
