package io.minerai.ops.contract;

import io.minerai.ops.device.DeviceDriver;
import io.minerai.ops.driver.http.JsonHttp;
import io.minerai.ops.driver.vnish.VnishDriver;
import io.minerai.ops.emulator.rig.EmulatedRig;
import io.minerai.ops.emulator.vnish.VnishEmulator;
import io.minerai.ops.sim.FakeClock;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The contract kit on the VNish driver (emulator and documented replies). */
class VnishContractTest extends DriverContract {
    static JsonHttp http(URI base) {
        return JsonHttp.of(base, "vnish", MinerSubjects.CONNECT, MinerSubjects.READ);
    }

    @Override
    protected Subject start(FakeClock clock) throws Exception {
        EmulatedRig rig = new EmulatedRig(new EmulatedRig.Spec("vnish", 3400, 45, 104, 2000, "admin1"), clock);
        VnishEmulator e = new VnishEmulator(rig, 13);
        URI base = URI.create(e.baseUrl());
        DeviceDriver d = new VnishDriver("vnish", http(base), "admin1", 3400, clock);
        DeviceDriver wrong = new VnishDriver("vnish", http(base), "nope", 3400, clock);
        return new Subject(d, rig, Optional.of(wrong), MinerSubjects.READ, e);
    }

    @Override
    protected boolean telemetryCarriesDeviceTime() {
        return false; // the summary carries no reading time
    }

    @Override
    protected List<DocumentedCase> documentedReplies(FakeClock clock) {
        List<DocumentedCase> out = new ArrayList<>();
        for (String name : List.of("vnish-s19jpro-mining", "vnish-s19jpro-stopped")) {
            ReplayFixture f = ReplayFixture.start(name);
            out.add(new DocumentedCase(f, new VnishDriver(name, http(f.web()), "admin", 3495, clock)));
        }
        return out;
    }
}
