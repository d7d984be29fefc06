package io.minerai.ops.contract;

import io.minerai.ops.driver.CgminerRpc;
import io.minerai.ops.driver.LuxosDriver;
import io.minerai.ops.emulator.Firmware;
import io.minerai.ops.emulator.VirtualMiner;
import io.minerai.ops.sim.FakeClock;
import java.util.ArrayList;
import java.util.List;

/** The contract kit on the LuxOS driver. */
class LuxosContractTest extends DriverContract {
    @Override
    protected Subject start(FakeClock clock) {
        return MinerSubjects.of(new VirtualMiner("lux", Firmware.LUXOS, 3250, 60, 95, "pw", clock), clock, false);
    }

    @Override
    protected List<DocumentedCase> documentedReplies(FakeClock clock) {
        List<DocumentedCase> out = new ArrayList<>();
        for (String name : List.of("luxos-s19kpro-2025-running", "luxos-curtailed")) {
            ReplayFixture f = ReplayFixture.start(name);
            out.add(new DocumentedCase(
                    f, new LuxosDriver(name, new CgminerRpc(MinerSubjects.tcp(f.rpc()), false), 2794, clock)));
        }
        return out;
    }
}
