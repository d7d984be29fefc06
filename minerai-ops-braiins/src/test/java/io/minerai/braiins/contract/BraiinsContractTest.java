package io.minerai.braiins.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.grpc.ManagedChannel;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.minerai.braiins.driver.BraiinsDriver;
import io.minerai.braiins.driver.BraiinsFixtureServer;
import io.minerai.braiins.emulator.BraiinsEmulator;
import io.minerai.ops.contract.DriverContract;
import io.minerai.ops.contract.MinerSubjects;
import io.minerai.ops.contract.ReplayFixture;
import io.minerai.ops.device.CommandResult;
import io.minerai.ops.device.DesiredState;
import io.minerai.ops.device.DeviceDriver;
import io.minerai.ops.device.DeviceException;
import io.minerai.ops.device.DeviceTelemetry;
import io.minerai.ops.emulator.rig.EmulatedRig;
import io.minerai.ops.sim.FakeClock;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The contract kit on the Braiins OS gRPC driver: against the emulator served in-process (real gRPC calls through the
 * generated stubs), and against recorded replies (fixtures/braiins-os-*.json, section {@code grpc}) served by an
 * in-process gRPC server.
 */
class BraiinsContractTest extends DriverContract {
    static ManagedChannel channel(String name) {
        return InProcessChannelBuilder.forName(name).build();
    }

    /** A driver that also closes its channel (and the fixture server behind it). */
    static DeviceDriver closing(BraiinsDriver d, ManagedChannel ch, AutoCloseable server) {
        return new DeviceDriver() {
            @Override
            public String deviceId() {
                return d.deviceId();
            }

            @Override
            public io.minerai.ops.device.Capabilities capabilities() {
                return d.capabilities();
            }

            @Override
            public DeviceTelemetry readTelemetry() throws DeviceException {
                return d.readTelemetry();
            }

            @Override
            public CommandResult apply(DesiredState desired) throws DeviceException {
                return d.apply(desired);
            }

            @Override
            public void close() {
                ch.shutdownNow();
                try {
                    server.close();
                } catch (Exception e) {
                    // closing anyway
                }
            }
        };
    }

    static BraiinsDriver driver(String id, ManagedChannel ch, String password, double ratedW, Clock clock) {
        return new BraiinsDriver(id, ch, "root", password, ratedW, MinerSubjects.READ, clock);
    }

    @Override
    protected Subject start(FakeClock clock) throws Exception {
        EmulatedRig rig = new EmulatedRig(new EmulatedRig.Spec("bos", 3250, 30, 140, 1600, "pa55"), clock);
        String name = "bos-contract-" + UUID.randomUUID();
        BraiinsEmulator e = BraiinsEmulator.inProcess(rig, name, 17);
        ManagedChannel ch = channel(name);
        ManagedChannel wrongCh = channel(name);
        DeviceDriver d = closing(driver("bos", ch, "pa55", 3250, clock), ch, () -> {});
        DeviceDriver wrong = closing(driver("bos", wrongCh, "nope", 3250, clock), wrongCh, () -> {});
        return new Subject(d, rig, Optional.of(wrong), MinerSubjects.READ, e);
    }

    @Override
    protected boolean telemetryCarriesDeviceTime() {
        return false; // the stats carry no reading time
    }

    @Override
    protected List<DocumentedCase> documentedReplies(FakeClock clock) throws Exception {
        List<DocumentedCase> out = new ArrayList<>();
        for (String name : List.of("braiins-os-2507-running", "braiins-os-2604-running")) {
            JsonNode grpc;
            try (InputStream in = BraiinsContractTest.class.getResourceAsStream("/fixtures/" + name + ".json")) {
                grpc = new ObjectMapper().readTree(in).path("grpc");
            }
            ReplayFixture f = ReplayFixture.start(name); // checks the source note; serves nothing (gRPC below)
            String server = name + "-" + UUID.randomUUID();
            BraiinsFixtureServer s =
                    new BraiinsFixtureServer(server, rpc -> grpc.path(rpc).toString());
            ManagedChannel ch = channel(server);
            out.add(new DocumentedCase(f, closing(driver(name, ch, "pw", 3600, clock), ch, s)));
        }
        return out;
    }
}
