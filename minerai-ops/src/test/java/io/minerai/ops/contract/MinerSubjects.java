package io.minerai.ops.contract;

import io.minerai.ops.device.DeviceDriver;
import io.minerai.ops.driver.AntminerStockDriver;
import io.minerai.ops.driver.CgminerRpc;
import io.minerai.ops.driver.DigestHttpClient;
import io.minerai.ops.driver.WhatsminerV3Driver;
import io.minerai.ops.emulator.EmulatorFleet;
import io.minerai.ops.emulator.VirtualMiner;
import io.minerai.ops.proto.TcpRequest;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** Starts emulated miners for the contract tests (short timeouts: the slow-device test waits past them). */
public final class MinerSubjects {
    public static final Duration CONNECT = Duration.ofSeconds(1);
    public static final Duration READ = Duration.ofMillis(700);
    public static final EmulatorFleet.Timeouts TIMEOUTS = new EmulatorFleet.Timeouts(CONNECT, READ);

    private MinerSubjects() {}

    static DriverContract.Subject of(VirtualMiner m, Clock clock, boolean withWrongCredentials) {
        EmulatorFleet fleet = new EmulatorFleet();
        EmulatorFleet.MinerEndpoints e = fleet.add(m);
        DeviceDriver d = EmulatorFleet.driver(e, TIMEOUTS, clock);
        Optional<DeviceDriver> wrong = Optional.empty();
        if (withWrongCredentials) {
            wrong = Optional.of(
                    switch (m.firmware()) {
                        case ANTMINER_STOCK ->
                            new AntminerStockDriver(
                                    m.id(),
                                    new CgminerRpc(tcp(e.rpc()), false),
                                    new DigestHttpClient(
                                            URI.create("http://127.0.0.1:"
                                                    + Objects.requireNonNull(e.web())
                                                            .getPort()),
                                            "root",
                                            "not-the-password",
                                            CONNECT,
                                            READ),
                                    clock);
                        case WHATSMINER_V3 ->
                            new WhatsminerV3Driver(
                                    m.id(),
                                    tcp(e.v3()),
                                    "super",
                                    "not-the-password",
                                    m.ratedW(),
                                    Math.round(m.ratedW() * 0.5),
                                    clock);
                        case LUXOS -> throw new IllegalArgumentException("LuxOS logon takes no password");
                    });
        }
        return new DriverContract.Subject(d, m, wrong, READ, fleet);
    }

    static TcpRequest tcp(java.net.@org.jspecify.annotations.Nullable InetSocketAddress a) {
        return new TcpRequest(Objects.requireNonNull(a), CONNECT, READ);
    }

    static TcpRequest tcp(InetSocketAddress a, Duration read) {
        return new TcpRequest(a, CONNECT, read);
    }
}
