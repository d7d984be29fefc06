package io.minerai.ops.inventory;

import io.minerai.core.time.TimeGrid;
import io.minerai.core.validation.Problems;
import io.minerai.data.ercot.ErcotHourlyPrices;
import io.minerai.data.ercot.Market;
import io.minerai.ops.control.MeterLoop;
import io.minerai.ops.device.Capabilities;
import io.minerai.ops.device.DeviceDriver;
import io.minerai.ops.device.DeviceKind;
import io.minerai.ops.device.DeviceSpec;
import io.minerai.ops.driver.AntminerStockDriver;
import io.minerai.ops.driver.CgminerDriver;
import io.minerai.ops.driver.CgminerRpc;
import io.minerai.ops.driver.DigestHttpClient;
import io.minerai.ops.driver.LuxosDriver;
import io.minerai.ops.driver.WhatsminerV3Driver;
import io.minerai.ops.firmware.FirmwarePlugin;
import io.minerai.ops.firmware.FirmwarePlugins;
import io.minerai.ops.gpu.CommandRunner;
import io.minerai.ops.gpu.GpuNodeDriver;
import io.minerai.ops.meter.HttpJsonMeter;
import io.minerai.ops.meter.ModbusTcpMeter;
import io.minerai.ops.proto.TcpRequest;
import io.minerai.ops.signal.HttpPriceFeed;
import io.minerai.ops.signal.MqttCurtailmentSignal;
import io.minerai.ops.signal.OpenAdrVen;
import io.minerai.ops.signal.ReplayPriceFeed;
import io.minerai.ops.signal.SignalSource;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/** Turns an inventory into device specs, production drivers and signal sources. */
public final class InventoryWiring {
    private final SiteInventory inv;
    private final UnaryOperator<String> env;
    private final Clock clock;

    /**
     * @param inv the inventory
     * @param env environment lookup for secrets (returns "" when unset)
     * @param clock clock for drivers and signals
     */
    public InventoryWiring(SiteInventory inv, UnaryOperator<String> env, Clock clock) {
        this.inv = inv;
        this.env = env;
        this.clock = clock;
    }

    /**
     * Checks that every secret the inventory names is set and that every driver kept in a module of its own (Braiins
     * OS) has its module on the class path; reports each problem with its path.
     */
    public void checkSecrets() {
        Problems p = new Problems();
        for (int i = 0; i < inv.devices().size(); i++) {
            String e = inv.devices().get(i).passwordEnv();
            if (!e.isEmpty() && secret(e).isEmpty()) {
                p.add("devices[" + i + "].passwordEnv", "environment variable " + e + " is not set");
            }
        }
        for (int i = 0; i < inv.devices().size(); i++) {
            String driver = inv.devices().get(i).driver();
            if (FirmwarePlugins.isPluginDriver(driver)
                    && FirmwarePlugins.find(driver).isEmpty()) {
                p.add("devices[" + i + "].driver", FirmwarePlugins.missing(driver));
            }
        }
        inv.mqtt().ifPresent(m -> {
            if (!m.passwordEnv().isEmpty() && secret(m.passwordEnv()).isEmpty()) {
                p.add("signals.mqtt.passwordEnv", "environment variable " + m.passwordEnv() + " is not set");
            }
        });
        inv.openAdr().ifPresent(a -> {
            if (!a.clientSecretEnv().isEmpty() && secret(a.clientSecretEnv()).isEmpty()) {
                p.add("signals.openadr.clientSecretEnv", "environment variable " + a.clientSecretEnv() + " is not set");
            }
        });
        inv.meter().ifPresent(m -> {
            if (!m.tokenEnv().isEmpty() && secret(m.tokenEnv()).isEmpty()) {
                p.add("meter.tokenEnv", "environment variable " + m.tokenEnv() + " is not set");
            }
        });
        p.throwIfAny("inventory secrets and drivers");
    }

    private String secret(String name) {
        return env.apply(name);
    }

    public List<DeviceSpec> specs() {
        List<DeviceSpec> out = new ArrayList<>();
        for (SiteInventory.Device d : inv.devices()) {
            Capabilities caps = switch (d.driver()) {
                case "antminer-stock" -> Capabilities.SLEEP_ONLY;
                case "cgminer" -> Capabilities.READ_ONLY;
                case "luxos" -> Capabilities.sleepAndTarget(d.ratedPowerW() * 0.6, d.ratedPowerW());
                case "whatsminer-v3", "whatsminer-v2" -> Capabilities.sleepAndTarget(minPower(d), d.ratedPowerW());
                // ranges these report themselves (presets, constraints, capabilities): learnt at the first reading
                case "vnish", "braiins", "epic" ->
                    Capabilities.sleepAndTarget(Math.max(1, d.curtailedPowerW()), d.ratedPowerW());
                default -> Capabilities.sleepAndTarget(d.curtailedPowerW(), d.ratedPowerW());
            };
            out.add(new DeviceSpec(
                    d.id(),
                    d.driver().equals("nvidia-smi") ? DeviceKind.GPU_NODE : DeviceKind.MINER,
                    d.ratedPowerW(),
                    d.curtailedPowerW(),
                    d.hashrateThPerS(),
                    d.valueUsdPerMwh(),
                    caps));
        }
        return out;
    }

    private static double minPower(SiteInventory.Device d) {
        return d.minPowerW() > 0 ? d.minPowerW() : d.ratedPowerW() * 0.5;
    }

    /** Production drivers with the protocol timeouts the notes recommend (dial 10 s, read 30 s, CGI 35 s). */
    public List<DeviceDriver> drivers() {
        List<DeviceDriver> out = new ArrayList<>();
        Duration dial = Duration.ofSeconds(10);
        Duration read = Duration.ofSeconds(30);
        for (SiteInventory.Device d : inv.devices()) {
            TcpRequest tcp = new TcpRequest(new InetSocketAddress(d.host(), d.port()), dial, read);
            out.add(
                    switch (d.driver()) {
                        case "antminer-stock" ->
                            new AntminerStockDriver(
                                    d.id(),
                                    new CgminerRpc(tcp, false),
                                    new DigestHttpClient(
                                            URI.create("http://" + d.host() + ":" + d.webPort()),
                                            d.username(),
                                            secret(d.passwordEnv()),
                                            dial,
                                            Duration.ofSeconds(35)),
                                    clock);
                        case "cgminer" -> new CgminerDriver(d.id(), new CgminerRpc(tcp, false), clock);
                        case "whatsminer-v2" ->
                            new io.minerai.ops.driver.whatsminerv2.WhatsminerV2Driver(
                                    d.id(), tcp, secret(d.passwordEnv()), d.ratedPowerW(), minPower(d), clock);
                        case "vnish" ->
                            new io.minerai.ops.driver.vnish.VnishDriver(
                                    d.id(),
                                    io.minerai.ops.driver.http.JsonHttp.of(
                                            URI.create("http://" + d.host() + ":" + d.port()), d.id(), dial, read),
                                    secret(d.passwordEnv()),
                                    d.ratedPowerW(),
                                    clock);
                        case "epic" ->
                            new io.minerai.ops.driver.epic.EpicDriver(
                                    d.id(),
                                    io.minerai.ops.driver.http.JsonHttp.of(
                                            URI.create("http://" + d.host() + ":" + d.port()), d.id(), dial, read),
                                    secret(d.passwordEnv()),
                                    d.ratedPowerW(),
                                    clock);
                        case "braiins" ->
                            // a firmware module's driver (GPL code kept out of this module), found at run time
                            FirmwarePlugins.find(d.driver())
                                    .orElseThrow(() -> new IllegalStateException(
                                            "devices: " + d.id() + ": " + FirmwarePlugins.missing(d.driver())))
                                    .driver(
                                            new FirmwarePlugin.Endpoint(
                                                    d.id(),
                                                    d.host(),
                                                    d.port(),
                                                    d.username(),
                                                    secret(d.passwordEnv()),
                                                    d.ratedPowerW(),
                                                    Duration.ofSeconds(10)),
                                            clock);
                        case "luxos" -> new LuxosDriver(d.id(), new CgminerRpc(tcp, false), d.ratedPowerW(), clock);
                        case "whatsminer-v3" ->
                            new WhatsminerV3Driver(
                                    d.id(),
                                    tcp,
                                    d.account(),
                                    secret(d.passwordEnv()),
                                    d.ratedPowerW(),
                                    minPower(d),
                                    clock);
                        default -> new GpuNodeDriver(d.id(), prefixed(d.command()), d.overheadW(), read, clock);
                    });
        }
        return out;
    }

    /** A runner that puts the configured command (e.g. {@code ssh root@gpu1 nvidia-smi}) in front of the arguments. */
    static CommandRunner prefixed(String command) {
        List<String> prefix = Arrays.asList(command.strip().split("\\s+"));
        CommandRunner real = CommandRunner.processes();
        return (argv, timeout) -> {
            List<String> full = new ArrayList<>(prefix);
            full.addAll(argv.subList(1, argv.size())); // argv[0] is "nvidia-smi"
            return real.run(full, timeout);
        };
    }

    /** The site meter loop, when the inventory has a meter. */
    public java.util.Optional<MeterLoop> meter() {
        return inv.meter().map(m -> {
            Duration timeout = Duration.ofSeconds(5);
            io.minerai.ops.meter.SiteMeter meter = m.type().equals("modbus-tcp")
                    ? new ModbusTcpMeter(
                            new ModbusTcpMeter.Settings(
                                    m.host(),
                                    m.port(),
                                    m.unitId(),
                                    m.table().equals("input")
                                            ? ModbusTcpMeter.Table.INPUT
                                            : ModbusTcpMeter.Table.HOLDING,
                                    m.address(),
                                    ModbusTcpMeter.Format.valueOf(m.format().toUpperCase(java.util.Locale.ROOT)),
                                    m.wordSwapped(),
                                    m.scaleToW(),
                                    m.staleAfter(),
                                    timeout),
                            clock)
                    : new HttpJsonMeter(
                            new HttpJsonMeter.Settings(
                                    URI.create(m.url()),
                                    m.powerPointer(),
                                    m.scaleToW(),
                                    m.timePointer(),
                                    m.tokenEnv().isEmpty() ? "" : secret(m.tokenEnv()),
                                    m.staleAfter(),
                                    timeout),
                            clock);
            return new MeterLoop(meter, m.marginalLossShare(), m.overheadWindow());
        });
    }

    /** The configured signals (the MQTT one still needs {@code start()}). */
    public List<SignalSource> signals(Instant nowUtc) {
        List<SignalSource> out = new ArrayList<>();
        inv.price().ifPresent(p -> {
            if (p.source().equals("csv")) {
                out.add(ReplayPriceFeed.readCsv(inv.baseDir().resolve(p.path()), p.staleAfter()));
            } else if (p.source().equals("http")) {
                out.add(new HttpPriceFeed(URI.create(p.path()), p.staleAfter(), Duration.ofSeconds(30)));
            } else {
                TimeGrid g = TimeGrid.between(
                        Instant.parse("2024-01-01T00:00:00Z"),
                        Instant.parse("2026-03-18T00:00:00Z"),
                        Duration.ofHours(1));
                out.add(ReplayPriceFeed.of(
                        "price:" + p.settlementPoint() + ":" + p.market(),
                        ErcotHourlyPrices.bundled().series(p.settlementPoint(), Market.valueOf(p.market()), g),
                        p.staleAfter()));
            }
        });
        inv.mqtt()
                .ifPresent(m -> out.add(new MqttCurtailmentSignal(
                        new MqttCurtailmentSignal.Settings(
                                m.brokerUri(),
                                m.topic(),
                                m.clientId(),
                                m.username(),
                                m.passwordEnv().isEmpty() ? "" : secret(m.passwordEnv()),
                                m.staleAfter(),
                                m.upDebounce(),
                                m.minCurtailed(),
                                m.contractedShedKw()),
                        clock)));
        inv.openAdr()
                .ifPresent(a -> out.add(new OpenAdrVen(
                        new OpenAdrVen.Settings(
                                URI.create(a.vtnUrl()),
                                a.programId(),
                                a.clientId(),
                                a.clientSecretEnv().isEmpty() ? "" : secret(a.clientSecretEnv()),
                                a.venName(),
                                a.staleAfter(),
                                Duration.ofSeconds(10)),
                        inv.config().siteCapMw(),
                        clock)));
        return out;
    }
}
