package io.minerai.ops.inventory;

import static io.minerai.core.scenario.FieldKind.STRING;

import io.minerai.core.scenario.FieldSpec;
import io.minerai.core.scenario.ObjectSpec;
import io.minerai.ops.device.Capabilities;
import io.minerai.ops.device.DeviceDriver;
import io.minerai.ops.driver.braiins.BraiinsDriver;
import io.minerai.ops.driver.epic.EpicDriver;
import io.minerai.ops.driver.http.JsonHttp;
import io.minerai.ops.driver.vnish.VnishDriver;
import io.minerai.ops.driver.whatsminerv2.WhatsminerV2Driver;
import io.minerai.ops.proto.TcpRequest;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The inventory entries of the firmware families added for issue 14 (Whatsminer API v2, VNish, Braiins OS, ePIC):
 * each one's fields, the capabilities the planner assumes before the device is read, and its production driver. The
 * older families are still wired in {@link InventorySchema} and {@link InventoryWiring} directly.
 */
public final class FirmwareFamilies {
    private FirmwareFamilies() {}

    private static FieldSpec host() {
        return InventorySchema.req("host", STRING, "", "IP or host name.");
    }

    private static FieldSpec password(String what) {
        return InventorySchema.req("passwordEnv", STRING, "", "Environment variable holding the " + what + ".");
    }

    private static FieldSpec minPower() {
        return InventorySchema.num(
                "minPowerW",
                "W",
                0,
                0,
                "Lowest power target to ask for (0 = half the rated power); the device's own lower limit still applies.");
    }

    /** The device variants, by driver name. */
    static Map<String, ObjectSpec> variants() {
        Map<String, ObjectSpec> m = new LinkedHashMap<>();
        m.put(
                "whatsminer-v2",
                InventorySchema.device(
                        "whatsminer-v2",
                        "Whatsminer API v2 (btminer before late 2024): power_off/power_on, adjust_power_limit (reboots)."
                                + " Enable the write API and change the admin password with the vendor tool first.",
                        host(),
                        InventorySchema.port("port", 4028),
                        password("admin password"),
                        minPower()));
        m.put(
                "vnish",
                InventorySchema.device(
                        "vnish",
                        "VNish REST API: mining stop/start, watt presets for power targets.",
                        host(),
                        InventorySchema.port("port", 80),
                        password("web password"),
                        minPower()));
        m.put(
                "braiins-os",
                InventorySchema.device(
                        "braiins-os",
                        "Braiins OS public gRPC API (23.03+): pause/resume mining, tuner power target.",
                        host(),
                        InventorySchema.port("port", 50051),
                        FieldSpec.builder("username", STRING)
                                .defaultValue("root")
                                .description("API user.")
                                .build(),
                        password("password"),
                        minPower()));
        m.put(
                "epic",
                InventorySchema.device(
                        "epic",
                        "ePIC PowerPlay (UMC) HTTP API: miner Stop/Autostart, Power perpetual-tune target.",
                        host(),
                        InventorySchema.port("port", 4028),
                        password("password"),
                        minPower()));
        return m;
    }

    static boolean knows(String driver) {
        return variants().containsKey(driver);
    }

    private static double minPowerW(SiteInventory.Device d) {
        return d.minPowerW() > 0 ? d.minPowerW() : d.ratedPowerW() * 0.5;
    }

    /** What the planner may ask before the device is read (the driver answers UNSUPPORTED below the device's range). */
    static Optional<Capabilities> capabilities(SiteInventory.Device d) {
        return knows(d.driver())
                ? Optional.of(Capabilities.sleepAndTarget(minPowerW(d), d.ratedPowerW()))
                : Optional.empty();
    }

    /** The production driver (dial 10 s, read 30 s). */
    static Optional<DeviceDriver> driver(SiteInventory.Device d, UnaryOperator<String> secret, Clock clock) {
        Duration dial = Duration.ofSeconds(10);
        Duration read = Duration.ofSeconds(30);
        String pw = secret.apply(d.passwordEnv());
        URI web = URI.create("http://" + d.host() + ":" + d.port());
        return Optional.ofNullable(
                switch (d.driver()) {
                    case "whatsminer-v2" ->
                        new WhatsminerV2Driver(
                                d.id(),
                                new TcpRequest(new InetSocketAddress(d.host(), d.port()), dial, read),
                                pw,
                                d.ratedPowerW(),
                                minPowerW(d),
                                clock);
                    case "vnish" ->
                        new VnishDriver(d.id(), JsonHttp.of(web, d.id(), dial, read), pw, d.ratedPowerW(), clock);
                    case "epic" ->
                        new EpicDriver(d.id(), JsonHttp.of(web, d.id(), dial, read), pw, d.ratedPowerW(), clock);
                    case "braiins-os" ->
                        BraiinsDriver.connect(
                                d.id(), d.host(), d.port(), d.username(), pw, d.ratedPowerW(), read, clock);
                    default -> null;
                });
    }
}
