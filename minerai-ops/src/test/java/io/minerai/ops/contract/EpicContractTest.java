package io.minerai.ops.contract;

import io.minerai.ops.device.DeviceDriver;
import io.minerai.ops.driver.epic.EpicDriver;
import io.minerai.ops.driver.http.JsonHttp;
import io.minerai.ops.emulator.epic.EpicEmulator;
import io.minerai.ops.emulator.rig.EmulatedRig;
import io.minerai.ops.sim.FakeClock;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The contract kit on the ePIC driver (emulator and recorded replies). */
class EpicContractTest extends DriverContract {
    static JsonHttp http(URI base) {
        return JsonHttp.of(base, "epic", MinerSubjects.CONNECT, MinerSubjects.READ);
    }

    @Override
    protected Subject start(FakeClock clock) throws Exception {
        EmulatedRig rig = new EmulatedRig(new EmulatedRig.Spec("epic", 3350, 60, 142, 1700, "letmein"), clock);
        EpicEmulator e = new EpicEmulator(rig, true);
        URI base = URI.create(e.baseUrl());
        DeviceDriver d = new EpicDriver("epic", http(base), "letmein", 3350, clock);
        DeviceDriver wrong = new EpicDriver("epic", http(base), "nope", 3350, clock);
        return new Subject(d, rig, Optional.of(wrong), MinerSubjects.READ, e);
    }

    @Override
    protected boolean telemetryCarriesDeviceTime() {
        return false; // /summary carries no reading time
    }

    @Override
    protected List<DocumentedCase> documentedReplies(FakeClock clock) {
        List<DocumentedCase> out = new ArrayList<>();
        for (String name : List.of("epic-s19xp-mining", "epic-s19xp-idling")) {
            ReplayFixture f = ReplayFixture.start(name);
            out.add(new DocumentedCase(f, new EpicDriver(name, http(f.web()), "letmein", 3350, clock)));
        }
        return out;
    }
}
