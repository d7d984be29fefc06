package io.minerai.ops.contract;

import io.minerai.ops.device.DeviceDriver;
import io.minerai.ops.driver.CgminerDriver;
import io.minerai.ops.driver.CgminerRpc;
import io.minerai.ops.emulator.EmulatorFleet;
import io.minerai.ops.emulator.Firmware;
import io.minerai.ops.emulator.VirtualMiner;
import io.minerai.ops.sim.FakeClock;
import java.util.List;
import java.util.Optional;

/** The contract kit on the read-only cgminer driver (pointed at a stock Antminer's API). */
class CgminerContractTest extends DriverContract {
    @Override
    protected Subject start(FakeClock clock) {
        VirtualMiner m = new VirtualMiner("cg", Firmware.ANTMINER_STOCK, 3250, 60, 104, "pw", clock);
        EmulatorFleet fleet = new EmulatorFleet();
        var e = fleet.add(m);
        DeviceDriver d = new CgminerDriver(m.id(), new CgminerRpc(MinerSubjects.tcp(e.rpc()), false), clock);
        return new Subject(d, m, Optional.empty(), MinerSubjects.READ, fleet);
    }

    @Override
    protected List<DocumentedCase> documentedReplies(FakeClock clock) {
        ReplayFixture f = ReplayFixture.start("cgminer-s9-bmminer");
        return List.of(new DocumentedCase(
                f, new CgminerDriver("s9", new CgminerRpc(MinerSubjects.tcp(f.rpc()), false), clock)));
    }
}
