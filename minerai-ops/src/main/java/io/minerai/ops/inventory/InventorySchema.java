package io.minerai.ops.inventory;

import static io.minerai.core.scenario.FieldKind.BOOLEAN;
import static io.minerai.core.scenario.FieldKind.ENUM;
import static io.minerai.core.scenario.FieldKind.INTEGER;
import static io.minerai.core.scenario.FieldKind.LIST;
import static io.minerai.core.scenario.FieldKind.NUMBER;
import static io.minerai.core.scenario.FieldKind.OBJECT;
import static io.minerai.core.scenario.FieldKind.STRING;

import io.minerai.core.scenario.FieldKind;
import io.minerai.core.scenario.FieldSpec;
import io.minerai.core.scenario.ObjectSpec;
import io.minerai.core.scenario.Plausibility;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The site inventory file's fields: the one source for reading, validating and documenting it. */
public final class InventorySchema {
    private InventorySchema() {}

    static FieldSpec f(String name, FieldKind kind, String unit, String desc) {
        return FieldSpec.builder(name, kind).unit(unit).description(desc).build();
    }

    static FieldSpec req(String name, FieldKind kind, String unit, String desc) {
        return FieldSpec.builder(name, kind)
                .unit(unit)
                .required()
                .description(desc)
                .build();
    }

    static FieldSpec num(String name, String unit, double def, double min, String desc) {
        return FieldSpec.builder(name, NUMBER)
                .unit(unit)
                .defaultValue(def)
                .atLeast(min)
                .description(desc)
                .build();
    }

    static FieldSpec secs(String name, int def, String desc) {
        return FieldSpec.builder(name, INTEGER)
                .unit("s")
                .defaultValue(def)
                .atLeast(1)
                .description(desc)
                .build();
    }

    public static final ObjectSpec SITE = ObjectSpec.of(
            "site",
            "The site.",
            req("name", STRING, "", "Site name."),
            FieldSpec.builder("capMw", NUMBER)
                    .plausible(Plausibility.POWER_MW)
                    .unit("MW")
                    .required()
                    .above(0)
                    .description(
                            "Hard cap on device load; never commanded above, unknown devices counted at rated power.")
                    .build());

    public static final ObjectSpec CONTROLLER = ObjectSpec.of(
            "controller",
            "Controller timing and limits (all optional).",
            secs("intervalSeconds", 30, "Control interval."),
            secs("telemetryStaleAfterSeconds", 90, "A reading older than this no longer tells a device's state."),
            secs("lostAfterSeconds", 180, "A device without a fresh reading this long is declared lost."),
            secs("confirmTimeoutSeconds", 90, "A command not confirmed by a reading within this is retried."),
            secs("retryDelaySeconds", 30, "First wait before a retry (doubles per failure, up to 8x)."),
            FieldSpec.builder("maxRestoreMwPerStep", NUMBER)
                    .plausible(Plausibility.POWER_MW)
                    .unit("MW")
                    .defaultValue(0.5)
                    .above(0)
                    .description("At most this much load is woken per interval.")
                    .build(),
            num("safeMaxLoadMw", "MW", 0, 0, "Load allowed in the safe state (0 = sleep everything that can sleep)."),
            FieldSpec.builder("lostFractionForSafeState", NUMBER)
                    .defaultValue(0.5)
                    .atLeast(0)
                    .atMost(1)
                    .description("Enter the safe state when more than this share of devices is lost.")
                    .build(),
            secs("safeStateDeadlineSeconds", 600, "Alarm (audit safe-state-late) if the safe state takes longer."),
            FieldSpec.builder("safeStateMinHoldSeconds", INTEGER)
                    .unit("s")
                    .defaultValue(300)
                    .atLeast(0)
                    .description("Leave the safe state only after its reasons have been gone this long.")
                    .build());

    static List<FieldSpec> meterCommon() {
        return List.of(
                secs("staleAfterSeconds", 60, "A meter reading older than this is stale (safe state)."),
                FieldSpec.builder("marginalLossShare", NUMBER)
                        .defaultValue(0.1)
                        .atLeast(0)
                        .atMost(1)
                        .description("Cooling and losses added per W of device load (0.1 = 10 %; ASSUMPTION default,"
                                + " set it from your meter data).")
                        .build(),
                secs("overheadWindowSeconds", 300, "How long an estimate of the non-device load is kept."));
    }

    static ObjectSpec meterVariant(String name, String desc, FieldSpec... more) {
        List<FieldSpec> fs = new ArrayList<>(List.of(more));
        fs.addAll(meterCommon());
        return new ObjectSpec(name, desc, fs, java.util.Optional.empty(), Map.of());
    }

    public static final ObjectSpec METER = ObjectSpec.union(
            "meter",
            "The site meter: the cap is then kept on metered power (cooling and losses included).",
            "type",
            map(
                    "modbus-tcp",
                    meterVariant(
                            "modbus-tcp",
                            "A power meter (or gateway) on Modbus TCP: total active power from registers.",
                            req("host", STRING, "", "IP or host name."),
                            FieldSpec.builder("port", INTEGER)
                                    .defaultValue(502)
                                    .atLeast(1)
                                    .atMost(65535)
                                    .description("TCP port.")
                                    .build(),
                            FieldSpec.builder("unitId", INTEGER)
                                    .defaultValue(1)
                                    .atLeast(0)
                                    .atMost(255)
                                    .description("Modbus unit id.")
                                    .build(),
                            FieldSpec.builder("table", ENUM)
                                    .allowed("holding", "input")
                                    .defaultValue("holding")
                                    .description("Register table.")
                                    .build(),
                            FieldSpec.builder("address", INTEGER)
                                    .required()
                                    .atLeast(0)
                                    .atMost(65535)
                                    .description("Zero-based register address of the total active power.")
                                    .build(),
                            FieldSpec.builder("format", ENUM)
                                    .allowed("float32", "int32", "uint32", "int16", "uint16")
                                    .defaultValue("float32")
                                    .description("Number format of the value.")
                                    .build(),
                            FieldSpec.builder("wordSwapped", BOOLEAN)
                                    .defaultValue(false)
                                    .description("32-bit values with the low word first.")
                                    .build(),
                            FieldSpec.builder("scaleToW", NUMBER)
                                    .defaultValue(1)
                                    .above(0)
                                    .description("Multiply the raw value by this to get W (1000 for kW).")
                                    .build()),
                    "http-json",
                    meterVariant(
                            "http-json",
                            "Site power from an HTTP endpoint answering JSON (a power partner's or gateway's API).",
                            req("url", STRING, "", "http(s) URL."),
                            req("powerPointer", STRING, "", "JSON pointer of the power value, e.g. /site/kw."),
                            FieldSpec.builder("scaleToW", NUMBER)
                                    .defaultValue(1)
                                    .above(0)
                                    .description("Multiply the value by this to get W (1000 for kW).")
                                    .build(),
                            f("timePointer", STRING, "", "JSON pointer of the sample time (optional)."),
                            f("tokenEnv", STRING, "", "Environment variable holding a bearer token (optional)."))));

    public static final ObjectSpec PRICE = ObjectSpec.union(
            "price",
            "Energy price feed.",
            "source",
            map(
                    "ercot-bundled",
                    ObjectSpec.of(
                            "ercot-bundled",
                            "Replay of the bundled ERCOT hourly prices (2024-01..2026-03) in real time.",
                            req("settlementPoint", STRING, "", "e.g. LZ_WEST, HB_NORTH."),
                            FieldSpec.builder("market", ENUM)
                                    .allowed("RTM", "DAM")
                                    .defaultValue("RTM")
                                    .description("Real-time or day-ahead.")
                                    .build(),
                            secs("staleAfterSeconds", 7200, "Price older than this is stale (safe state).")),
                    "csv",
                    ObjectSpec.of(
                            "csv",
                            "A CSV of time,priceUsdPerMwh rows (ISO-8601 with offset).",
                            req("path", STRING, "", "File path, relative to the inventory file."),
                            secs("staleAfterSeconds", 7200, "Price older than this is stale (safe state).")),
                    "http",
                    ObjectSpec.of(
                            "http",
                            "The same CSV fetched from a URL and refetched periodically.",
                            req("url", STRING, "", "http(s) URL serving the CSV."),
                            secs("pollSeconds", 300, "Fetch interval."),
                            secs("staleAfterSeconds", 7200, "Price older than this is stale (safe state)."))));

    public static final ObjectSpec MQTT = ObjectSpec.of(
            "mqtt",
            "MQTT curtailment {\"target\":0..100,\"timestamp\":unix} (or, with a contracted shed,"
                    + " {\"shedKw\":N,\"timestamp\":unix}); silence means curtail.",
            req("brokerUri", STRING, "", "e.g. tcp://10.0.0.5:1883 or ssl://broker:8883."),
            req("topic", STRING, "", "e.g. maestro/target."),
            FieldSpec.builder("clientId", STRING)
                    .defaultValue("minerai-controller")
                    .description("MQTT client id.")
                    .build(),
            f("username", STRING, "", "User name (optional)."),
            f("passwordEnv", STRING, "", "Environment variable holding the password (never the password itself)."),
            secs("staleAfterSeconds", 90, "Silence after which the site curtails."),
            secs("upDebounceSeconds", 5, "A raised target applies after holding this long."),
            FieldSpec.builder("minCurtailedSeconds", INTEGER)
                    .unit("s")
                    .defaultValue(0)
                    .atLeast(0)
                    .description("Once lowered, the target is raised no sooner than this (program minimum).")
                    .build(),
            FieldSpec.builder("contractedShedKw", NUMBER)
                    .unit("kW")
                    .defaultValue(0)
                    .atLeast(0)
                    .description("kW the site sheds below its pre-event power when curtailed (demand-response"
                            + " contract); target 0 sheds all of it, target p sheds (100-p) %, {\"shedKw\":N} sheds N."
                            + " 0: the target is a share of the site cap.")
                    .build());

    public static final ObjectSpec OPENADR = ObjectSpec.of(
            "openadr",
            "OpenADR 3 VEN polling a VTN.",
            req("vtnUrl", STRING, "", "VTN base URL."),
            req("programId", STRING, "", "Program whose events to follow."),
            f("clientId", STRING, "", "OAuth2 client id (optional)."),
            f("clientSecretEnv", STRING, "", "Environment variable holding the client secret."),
            FieldSpec.builder("venName", STRING)
                    .defaultValue("minerai")
                    .description("Name in reports.")
                    .build(),
            secs("pollSeconds", 30, "Poll interval."),
            secs("staleAfterSeconds", 300, "Without a successful poll this long the site fails safe."));

    public static final ObjectSpec SIGNALS = ObjectSpec.of(
            "signals",
            "Grid and market signals; each one configured is required to be fresh.",
            FieldSpec.builder("price", OBJECT)
                    .element(PRICE)
                    .description("Price feed.")
                    .build(),
            FieldSpec.builder("mqtt", OBJECT)
                    .element(MQTT)
                    .description("MQTT curtailment target.")
                    .build(),
            FieldSpec.builder("openadr", OBJECT)
                    .element(OPENADR)
                    .description("OpenADR 3 VEN.")
                    .build());

    static List<FieldSpec> common() {
        return List.of(
                req("id", STRING, "", "Unique device id."),
                FieldSpec.builder("ratedPowerW", NUMBER)
                        .plausible(Plausibility.MACHINE_POWER_W)
                        .unit("W")
                        .required()
                        .above(0)
                        .description("Wall power at full load; counted when the state is unknown.")
                        .build(),
                num("curtailedPowerW", "W", 60, 0, "Wall power asleep (GPU nodes: at minimum caps)."),
                num("hashrateThPerS", "TH/s", 0, 0, "Nameplate hashrate."),
                FieldSpec.builder("valueUsdPerMwh", NUMBER)
                        .plausible(Plausibility.ENERGY_PRICE_USD_PER_MWH)
                        .unit("USD/MWh")
                        .required()
                        .description("What running earns per MWh; the lowest value is curtailed first.")
                        .build());
    }

    static ObjectSpec device(String name, String desc, FieldSpec... more) {
        List<FieldSpec> fs = new ArrayList<>(common());
        fs.addAll(List.of(more));
        return new ObjectSpec(name, desc, fs, java.util.Optional.empty(), Map.of());
    }

    static FieldSpec port(String name, int def) {
        return FieldSpec.builder(name, INTEGER)
                .defaultValue(def)
                .atLeast(1)
                .atMost(65535)
                .description("TCP port.")
                .build();
    }

    public static final ObjectSpec DEVICE = ObjectSpec.union(
            "device",
            "One controlled device.",
            "driver",
            map(
                    "antminer-stock",
                    device(
                            "antminer-stock",
                            "Stock Antminer: cgminer API (read) + web CGI with Digest auth (sleep/wake).",
                            req("host", STRING, "", "IP or host name."),
                            port("rpcPort", 4028),
                            port("webPort", 80),
                            FieldSpec.builder("username", STRING)
                                    .defaultValue("root")
                                    .description("Web user.")
                                    .build(),
                            req("passwordEnv", STRING, "", "Environment variable holding the web password.")),
                    "cgminer",
                    device(
                            "cgminer",
                            "Any cgminer-API miner, read only (monitored and counted, never commanded).",
                            req("host", STRING, "", "IP or host name."),
                            port("rpcPort", 4028)),
                    "luxos",
                    device(
                            "luxos",
                            "LuxOS: curtail sleep/wakeup, profiles for power targets.",
                            req("host", STRING, "", "IP or host name."),
                            port("rpcPort", 4028)),
                    "whatsminer-v3",
                    device(
                            "whatsminer-v3",
                            "Whatsminer API v3: service stop/start, power limit. Enable the write API first.",
                            req("host", STRING, "", "IP or host name."),
                            port("port", 4433),
                            FieldSpec.builder("account", STRING)
                                    .defaultValue("super")
                                    .description("API account.")
                                    .build(),
                            req("passwordEnv", STRING, "", "Environment variable holding the API password."),
                            num("minPowerW", "W", 0, 0, "Lowest power limit to ask for (0 = half the rated power).")),
                    "whatsminer-v2",
                    device(
                            "whatsminer-v2",
                            "Whatsminer API v2 (btminer before late 2024): power_off/power_on, adjust_power_limit"
                                    + " (reboots the miner). Enable the write API first.",
                            req("host", STRING, "", "IP or host name."),
                            port("port", 4028),
                            req("passwordEnv", STRING, "", "Environment variable holding the admin password."),
                            num("minPowerW", "W", 0, 0, "Lowest power limit to ask for (0 = half the rated power).")),
                    "vnish",
                    device(
                            "vnish",
                            "VNish (Antminer) REST API: mining stop/start, autotune presets for power targets.",
                            req("host", STRING, "", "IP or host name."),
                            port("port", 80),
                            req("passwordEnv", STRING, "", "Environment variable holding the web password.")),
                    "braiins",
                    device(
                            "braiins",
                            "Braiins OS (23.03+) public gRPC API: pause/resume mining, power target.",
                            req("host", STRING, "", "IP or host name."),
                            port("port", 50051),
                            FieldSpec.builder("username", STRING)
                                    .defaultValue("root")
                                    .description("API user.")
                                    .build(),
                            req("passwordEnv", STRING, "", "Environment variable holding the password.")),
                    "epic",
                    device(
                            "epic",
                            "ePIC PowerPlay (UMC OS) HTTP API: stop/autostart, perpetual-tune power target.",
                            req("host", STRING, "", "IP or host name."),
                            port("port", 4028),
                            req("passwordEnv", STRING, "", "Environment variable holding the password.")),
                    "nvidia-smi",
                    device(
                            "nvidia-smi",
                            "GPU server: nvidia-smi telemetry and power caps (needs root there).",
                            FieldSpec.builder("command", STRING)
                                    .defaultValue("nvidia-smi")
                                    .description("How to run nvidia-smi, e.g. 'ssh root@gpu1 nvidia-smi'.")
                                    .build(),
                            num("overheadW", "W", 0, 0, "Server power besides the GPUs."))));

    public static final ObjectSpec INVENTORY = ObjectSpec.of(
            "inventory",
            "A site inventory for `minerai control`.",
            FieldSpec.builder("site", OBJECT)
                    .required()
                    .element(SITE)
                    .description("The site.")
                    .build(),
            FieldSpec.builder("controller", OBJECT)
                    .element(CONTROLLER)
                    .description("Controller settings.")
                    .build(),
            FieldSpec.builder("signals", OBJECT)
                    .element(SIGNALS)
                    .description("Signals.")
                    .build(),
            FieldSpec.builder("meter", OBJECT)
                    .element(METER)
                    .description("Site meter (optional; recommended).")
                    .build(),
            FieldSpec.builder("devices", LIST)
                    .required()
                    .element(DEVICE)
                    .description("The devices.")
                    .build());

    private static Map<String, ObjectSpec> map(Object... kv) {
        Map<String, ObjectSpec> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], (ObjectSpec) kv[i + 1]);
        }
        return m;
    }
}
