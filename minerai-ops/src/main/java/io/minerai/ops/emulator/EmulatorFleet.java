package io.minerai.ops.emulator;

import io.minerai.ops.device.DeviceDriver;
import io.minerai.ops.driver.AntminerStockDriver;
import io.minerai.ops.driver.CgminerRpc;
import io.minerai.ops.driver.DigestHttpClient;
import io.minerai.ops.driver.LuxosDriver;
import io.minerai.ops.driver.WhatsminerV3Driver;
import io.minerai.ops.driver.epic.EpicDriver;
import io.minerai.ops.driver.http.JsonHttp;
import io.minerai.ops.driver.vnish.VnishDriver;
import io.minerai.ops.driver.whatsminerv2.WhatsminerV2Driver;
import io.minerai.ops.emulator.epic.EpicEmulator;
import io.minerai.ops.emulator.rig.EmulatedRig;
import io.minerai.ops.emulator.vnish.VnishEmulator;
import io.minerai.ops.emulator.whatsminerv2.WhatsminerV2Emulator;
import io.minerai.ops.firmware.FirmwarePlugin;
import io.minerai.ops.gpu.GpuNodeDriver;
import io.minerai.ops.proto.TcpRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;

/**
 * Emulated miners and GPU nodes on loopback ports in one process: every connection on a virtual thread. Hands out real
 * drivers pointed at the emulators, so everything above the socket is the production code path. Miners are either
 * {@link VirtualMiner}s (stock Antminer, LuxOS, Whatsminer v3) or {@link EmulatedRig}s behind the emulators of the
 * firmware added later (Whatsminer API v2, VNish, ePIC, and any {@link FirmwarePlugin} such as Braiins OS).
 */
public final class EmulatorFleet implements AutoCloseable {
    /**
     * Where one emulated miner listens.
     *
     * @param miner the device
     * @param rpc cgminer API (stock, LuxOS), null for Whatsminer
     * @param web Antminer web CGI, null unless stock
     * @param v3 Whatsminer API v3, null unless Whatsminer
     */
    public record MinerEndpoints(
            VirtualMiner miner,
            @Nullable InetSocketAddress rpc,
            @Nullable InetSocketAddress web,
            @Nullable InetSocketAddress v3) {}

    /**
     * Where one emulated GPU node serves its DCGM page.
     *
     * @param node the node
     * @param dcgm its exporter address
     */
    public record GpuEndpoints(VirtualGpuNode node, InetSocketAddress dcgm) {}

    /**
     * Driver timeouts.
     *
     * @param connect dial timeout
     * @param read read timeout (the web CGI gets this too)
     */
    public record Timeouts(Duration connect, Duration read) {
        public static final Timeouts TESTS = new Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(2));
    }

    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final List<LoopbackServer> servers = new ArrayList<>();
    private final List<MinerEndpoints> miners = new ArrayList<>();
    private final List<GpuEndpoints> gpus = new ArrayList<>();
    private final List<AutoCloseable> others = new ArrayList<>();

    public EmulatorFleet() {}

    /** Starts the servers of a miner. */
    public MinerEndpoints add(VirtualMiner m) {
        try {
            MinerEndpoints e = switch (m.firmware()) {
                case ANTMINER_STOCK ->
                    new MinerEndpoints(
                            m,
                            serve(m.id() + "-rpc", new CgminerApiEmulator(m)),
                            serve(m.id() + "-web", new AntminerWebEmulator(m)),
                            null);
                case LUXOS -> new MinerEndpoints(m, serve(m.id() + "-rpc", new CgminerApiEmulator(m)), null, null);
                case WHATSMINER_V3 ->
                    new MinerEndpoints(m, null, null, serve(m.id() + "-v3", new WhatsminerV3Emulator(m)));
            };
            miners.add(e);
            return e;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Serves Whatsminer API v2 for a rig; returns the production driver pointed at it. */
    public DeviceDriver whatsminerV2(EmulatedRig rig, long seed, double minPowerW, Timeouts t, Clock clock) {
        try {
            InetSocketAddress a = serve(rig.id() + "-v2", new WhatsminerV2Emulator(rig, seed));
            return new WhatsminerV2Driver(
                    rig.id(),
                    new TcpRequest(a, t.connect(), t.read()),
                    rig.spec().password(),
                    rig.ratedW(),
                    minPowerW,
                    clock);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Serves the VNish REST API for a rig; returns the production driver pointed at it. */
    public DeviceDriver vnish(EmulatedRig rig, long seed, Timeouts t, Clock clock) {
        try {
            VnishEmulator e = new VnishEmulator(rig, seed);
            others.add(e);
            return new VnishDriver(
                    rig.id(),
                    JsonHttp.of(URI.create(e.baseUrl()), rig.id(), t.connect(), t.read()),
                    rig.spec().password(),
                    rig.ratedW(),
                    clock);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Serves the ePIC PowerPlay HTTP API for a rig (with its Power tuning algorithm); returns the driver. */
    public DeviceDriver epic(EmulatedRig rig, Timeouts t, Clock clock) {
        try {
            EpicEmulator e = new EpicEmulator(rig, true);
            others.add(e);
            return new EpicDriver(
                    rig.id(),
                    JsonHttp.of(URI.create(e.baseUrl()), rig.id(), t.connect(), t.read()),
                    rig.spec().password(),
                    rig.ratedW(),
                    clock);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Serves a plugin firmware's API for a rig (e.g. Braiins OS over gRPC); returns the plugin's driver. */
    public DeviceDriver plugin(FirmwarePlugin p, EmulatedRig rig, long seed, Timeouts t, Clock clock) {
        try {
            FirmwarePlugin.Emulation e = p.emulate(rig, seed);
            others.add(e);
            return p.driver(
                    new FirmwarePlugin.Endpoint(
                            rig.id(),
                            "127.0.0.1",
                            e.port(),
                            e.username(),
                            rig.spec().password(),
                            rig.ratedW(),
                            t.read()),
                    clock);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Starts the DCGM page of a GPU node. */
    public GpuEndpoints add(VirtualGpuNode n) {
        try {
            GpuEndpoints e = new GpuEndpoints(n, serve(n.id() + "-dcgm", n));
            gpus.add(e);
            return e;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private InetSocketAddress serve(String name, LoopbackServer.Handler h) throws IOException {
        LoopbackServer s = new LoopbackServer(name, h, executor);
        servers.add(s);
        return s.address();
    }

    public List<MinerEndpoints> miners() {
        return List.copyOf(miners);
    }

    public List<GpuEndpoints> gpus() {
        return List.copyOf(gpus);
    }

    /** A production driver pointed at an emulated miner. */
    public static DeviceDriver driver(MinerEndpoints e, Timeouts t, Clock clock) {
        VirtualMiner m = e.miner();
        return switch (m.firmware()) {
            case ANTMINER_STOCK ->
                new AntminerStockDriver(
                        m.id(),
                        new CgminerRpc(new TcpRequest(req(e.rpc()), t.connect(), t.read()), false),
                        new DigestHttpClient(
                                URI.create("http://127.0.0.1:" + req(e.web()).getPort()),
                                "root",
                                m.password(),
                                t.connect(),
                                t.read()),
                        clock);
            case LUXOS ->
                new LuxosDriver(
                        m.id(),
                        new CgminerRpc(new TcpRequest(req(e.rpc()), t.connect(), t.read()), false),
                        m.ratedW(),
                        clock);
            case WHATSMINER_V3 ->
                new WhatsminerV3Driver(
                        m.id(),
                        new TcpRequest(req(e.v3()), t.connect(), t.read()),
                        "super",
                        m.password(),
                        m.ratedW(),
                        Math.round(m.ratedW() * 0.5),
                        clock);
        };
    }

    /** A production GPU driver whose nvidia-smi is the emulated node. */
    public static GpuNodeDriver driver(GpuEndpoints e, double overheadW, Timeouts t, Clock clock) {
        return new GpuNodeDriver(e.node().id(), e.node(), overheadW, t.read(), clock);
    }

    private static InetSocketAddress req(@Nullable InetSocketAddress a) {
        if (a == null) {
            throw new IllegalStateException("endpoint not served for this firmware");
        }
        return a;
    }

    @Override
    public void close() {
        servers.forEach(LoopbackServer::close);
        for (AutoCloseable c : others) {
            try {
                c.close();
            } catch (Exception e) {
                // closing anyway
            }
        }
        executor.shutdownNow();
    }
}
