package io.minerai.ops.contract;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.minerai.ops.emulator.VirtualGpuNode;
import io.minerai.ops.gpu.CommandRunner;
import io.minerai.ops.gpu.GpuNodeDriver;
import io.minerai.ops.gpu.NvidiaSmi;
import io.minerai.ops.sim.FakeClock;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The contract kit on the nvidia-smi GPU node driver (no server overhead, so its power is the GPUs' own). nvidia-smi
 * is run afresh for every read and carries no device clock, and a GPU cap cannot claim one thing and do another, so
 * those two tests do not apply. The documented replies are nvidia-smi's CSV output ({@code fixtures/nvidia-smi-*.json},
 * section {@code nvidia-smi}), handed to the driver by a command runner in place of the process.
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

    @Override
    protected List<DocumentedCase> documentedReplies(FakeClock clock) throws Exception {
        List<DocumentedCase> out = new ArrayList<>();
        for (String name : List.of("nvidia-smi-h100-8x-running", "nvidia-smi-h100-8x-capped")) {
            String csv;
            try (InputStream in = GpuNodeContractTest.class.getResourceAsStream("/fixtures/" + name + ".json")) {
                csv = new ObjectMapper()
                        .readTree(in)
                        .path("nvidia-smi")
                        .path("query")
                        .asText();
            }
            ReplayFixture f = ReplayFixture.start(name); // checks the source note; serves nothing (a process here)
            CommandRunner runner = (argv, timeout) -> argv.equals(NvidiaSmi.queryCommand())
                    ? new CommandRunner.Result(0, csv, "")
                    : new CommandRunner.Result(6, "", "unexpected command " + argv);
            out.add(new DocumentedCase(f, new GpuNodeDriver(name, runner, 0, MinerSubjects.READ, clock)));
        }
        return out;
    }
}
