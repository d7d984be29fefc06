package io.minerai.ops.contract;

import io.minerai.ops.driver.WhatsminerV3Driver;
import io.minerai.ops.emulator.Firmware;
import io.minerai.ops.emulator.VirtualMiner;
import io.minerai.ops.sim.FakeClock;
import java.util.ArrayList;
import java.util.List;

/** The contract kit on the Whatsminer API v3 driver. */
class WhatsminerV3ContractTest extends DriverContract {
    @Override
    protected Subject start(FakeClock clock) {
        return MinerSubjects.of(
                new VirtualMiner("wm", Firmware.WHATSMINER_V3, 3600, 180, 180, "pw", clock), clock, true);
    }

    @Override
    protected List<DocumentedCase> documentedReplies(FakeClock clock) {
        List<DocumentedCase> out = new ArrayList<>();
        for (String name : List.of("whatsminer-v3-m60s-running", "whatsminer-v3-m60s-stopped")) {
            ReplayFixture f = ReplayFixture.start(name);
            out.add(new DocumentedCase(
                    f, new WhatsminerV3Driver(name, MinerSubjects.tcp(f.v3()), "super", "pw", 3600, 1800, clock)));
        }
        return out;
    }
}
