package io.minerai.ops.contract;

import io.minerai.ops.device.DeviceDriver;
import io.minerai.ops.driver.whatsminerv2.WhatsminerV2Driver;
import io.minerai.ops.emulator.LoopbackServer;
import io.minerai.ops.emulator.rig.EmulatedRig;
import io.minerai.ops.emulator.whatsminerv2.WhatsminerV2Emulator;
import io.minerai.ops.sim.FakeClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The contract kit on the Whatsminer API v2 driver (emulator and recorded replies). */
class WhatsminerV2ContractTest extends DriverContract {
    @Override
    protected Subject start(FakeClock clock) throws Exception {
        EmulatedRig rig = new EmulatedRig(new EmulatedRig.Spec("wm2", 3400, 40, 110, 1700, "s3cret"), clock);
        ExecutorService ex = Executors.newVirtualThreadPerTaskExecutor();
        LoopbackServer server = new LoopbackServer("wm2", new WhatsminerV2Emulator(rig, 11), ex);
        DeviceDriver d =
                new WhatsminerV2Driver("wm2", MinerSubjects.tcp(server.address()), "s3cret", 3400, 1700, clock);
        DeviceDriver wrong =
                new WhatsminerV2Driver("wm2", MinerSubjects.tcp(server.address()), "nope", 3400, 1700, clock);
        return new Subject(d, rig, Optional.of(wrong), MinerSubjects.READ, () -> {
            server.close();
            ex.shutdownNow();
        });
    }

    @Override
    protected List<DocumentedCase> documentedReplies(FakeClock clock) {
        List<DocumentedCase> out = new ArrayList<>();
        for (String name : List.of("whatsminer-v2-m50-running", "whatsminer-v2-m50-powered-off")) {
            ReplayFixture f = ReplayFixture.start(name);
            out.add(new DocumentedCase(
                    f, new WhatsminerV2Driver(name, MinerSubjects.tcp(f.rpc()), "admin", 3800, 1900, clock)));
        }
        return out;
    }
}
