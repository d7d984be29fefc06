package io.minerai.ops.emulator;

import io.minerai.ops.device.DeviceDriver;
import io.minerai.ops.driver.AntminerStockDriver;
import io.minerai.ops.driver.CgminerRpc;
import io.minerai.ops.driver.DigestHttpClient;
import io.minerai.ops.driver.LuxosDriver;
import io.minerai.ops.driver.WhatsminerV3Driver;
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
 * drivers pointed at the emulators, so everything above the socket is the production code path.
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
        executor.shutdownNow();
    }
}
