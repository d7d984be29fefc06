package io.minerai.ops.contract;

import io.minerai.ops.emulator.VirtualGpuNode;
import io.minerai.ops.gpu.GpuNodeDriver;
import io.minerai.ops.sim.FakeClock;
import java.util.Optional;

/**
 * The contract kit on the nvidia-smi GPU node driver (no server overhead, so its power is the GPUs' own). nvidia-smi
 * is run afresh for every read and carries no device clock, and a GPU cap cannot claim one thing and do another, so
 * those two tests do not apply.
 */
class GpuNodeContractTest extends DriverContract {
    @Override
    protected Subject start(FakeClock clock) {
        VirtualGpuNode n = new VirtualGpuNode("gpu", "NVIDIA H100 80GB HBM3", 8, 200, 700, 70, 0.85);
        return new Subject(
                new GpuNodeDriver("gpu", n, 0, MinerSubjects.READ, clock),
                n,
                Optional.empty(),
                MinerSubjects.READ,
                () -> {});
    }

    @Override
    protected boolean telemetryCarriesDeviceTime() {
        return false;
    }

    @Override
    protected boolean emulatesFalseSleepClaims() {
        return false;
    }
}
