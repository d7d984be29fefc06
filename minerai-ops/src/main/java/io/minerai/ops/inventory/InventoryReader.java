package io.minerai.ops.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import io.minerai.core.scenario.DocumentText;
import io.minerai.core.scenario.FieldReader;
import io.minerai.core.scenario.ObjectSpec;
import io.minerai.core.validation.Checked;
import io.minerai.core.validation.Problems;
import io.minerai.ops.control.ControllerConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a site inventory (YAML or JSON) and reports every problem at once with its path, e.g. {@code
 * devices[3].ratedPowerW: must be > 0, was -5}, or the line and column of a syntax error.
 */
public final class InventoryReader {
    private InventoryReader() {}

    public static SiteInventory read(Path file) {
        return readChecked(file).value();
    }

    /** Like {@link #read(Path)}, with the warnings about unusual values that the inventory is accepted with. */
    public static Checked<SiteInventory> readChecked(Path file) {
        String what = "inventory " + file.getFileName();
        String text = DocumentText.readFile(file, "inventory");
        Path base = file.toAbsolutePath().getParent();
        return parseChecked(text, what, base == null ? Path.of(".") : base);
    }

    public static SiteInventory parse(String text, String what, Path baseDir) {
        return parseChecked(text, what, baseDir).value();
    }

    /** Like {@link #parse(String, String, Path)}, with the warnings. */
    public static Checked<SiteInventory> parseChecked(String text, String what, Path baseDir) {
        JsonNode root = DocumentText.parseObject(text, what, "fields");
        Problems problems = new Problems();
        FieldReader r = new FieldReader(root, "", InventorySchema.INVENTORY, problems);
        Optional<String[]> site = r.object("site", InventorySchema.SITE, (s, spec) ->
                new String[] {s.string("name"), Double.toString(s.number("capMw"))});
        double capMw = site.map(s -> Double.parseDouble(s[1])).orElse(1.0);
        Optional<Object[]> ctl = r.object("controller", InventorySchema.CONTROLLER, (c, spec) -> controller(c, capMw));
        ControllerConfig cfg;
        Duration interval;
        if (ctl.isPresent()) {
            cfg = (ControllerConfig) ctl.get()[0];
            interval = (Duration) ctl.get()[1];
        } else {
            cfg = capMw > 0 ? defaults(capMw) : defaults(1);
            interval = Duration.ofSeconds(30);
        }
        Optional<Object[]> sig = r.object("signals", InventorySchema.SIGNALS, InventoryReader::signals);
        Optional<SiteInventory.Meter> meter = r.object("meter", InventorySchema.METER, (m, v) -> {
            String type = m.enumValue("type");
            boolean modbus = type.equals("modbus-tcp");
            return new SiteInventory.Meter(
                    type,
                    modbus ? m.string("host") : "",
                    modbus ? m.integer("port") : 0,
                    modbus ? m.integer("unitId") : 0,
                    modbus ? m.enumValue("table") : "",
                    modbus ? m.integer("address") : 0,
                    modbus ? m.enumValue("format") : "",
                    modbus && m.bool("wordSwapped"),
                    m.number("scaleToW"),
                    modbus ? "" : m.string("url"),
                    modbus ? "" : m.string("powerPointer"),
                    modbus ? "" : m.string("timePointer"),
                    modbus ? "" : m.string("tokenEnv"),
                    Duration.ofSeconds(m.integer("staleAfterSeconds")),
                    m.number("marginalLossShare"),
                    Duration.ofSeconds(m.integer("overheadWindowSeconds")));
        });
        List<String> paths = new java.util.ArrayList<>();
        List<SiteInventory.Device> devices = r.list("devices", InventorySchema.DEVICE, (d, v) -> {
            paths.add(d.path());
            return device(d, v);
        });
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < devices.size(); i++) {
            SiteInventory.Device d = devices.get(i);
            if (!ids.add(d.id())) {
                problems.add(paths.get(i) + ".id", "duplicate id '" + d.id() + "'");
            }
            if (d.curtailedPowerW() > d.ratedPowerW()) {
                problems.add(
                        paths.get(i) + ".curtailedPowerW",
                        "must be <= ratedPowerW (" + d.ratedPowerW() + "), was " + d.curtailedPowerW());
            }
        }
        if (r.has("devices") && devices.isEmpty() && problems.isEmpty()) {
            problems.add("devices", "must list at least one device");
        }
        problems.throwIfAny(what);
        @SuppressWarnings("unchecked")
        SiteInventory inv = new SiteInventory(
                site.orElseThrow()[0],
                cfg,
                interval,
                sig.map(x -> (Optional<SiteInventory.Price>) x[0]).orElse(Optional.empty()),
                sig.map(x -> (Optional<SiteInventory.Mqtt>) x[1]).orElse(Optional.empty()),
                sig.map(x -> (Optional<SiteInventory.OpenAdr>) x[2]).orElse(Optional.empty()),
                meter,
                devices,
                baseDir);
        return new Checked<>(inv, problems.warnings());
    }

    private static ControllerConfig defaults(double capMw) {
        return new ControllerConfig(
                capMw,
                Duration.ofSeconds(90),
                Duration.ofSeconds(180),
                Duration.ofSeconds(90),
                Duration.ofSeconds(30),
                0.5,
                0,
                0.5,
                50,
                Duration.ofSeconds(600),
                Duration.ofSeconds(300));
    }

    private static Object[] controller(FieldReader c, double capMw) {
        int interval = c.integer("intervalSeconds");
        int stale = c.integer("telemetryStaleAfterSeconds");
        int lost = c.integer("lostAfterSeconds");
        int confirm = c.integer("confirmTimeoutSeconds");
        int retry = c.integer("retryDelaySeconds");
        double restore = c.number("maxRestoreMwPerStep");
        double safeMax = c.number("safeMaxLoadMw");
        double lostFrac = c.number("lostFractionForSafeState");
        int deadline = c.integer("safeStateDeadlineSeconds");
        int hold = c.integer("safeStateMinHoldSeconds");
        if (lost < stale) {
            c.problems().add(c.fieldPath("lostAfterSeconds"), "must be >= telemetryStaleAfterSeconds (" + stale + ")");
        }
        if (capMw > 0 && safeMax > capMw) {
            c.problems().add(c.fieldPath("safeMaxLoadMw"), "must be <= site.capMw (" + capMw + ")");
        }
        if (!c.problems().isEmpty() || !(capMw > 0) || !(restore > 0)) {
            return new Object[] {defaults(capMw > 0 ? capMw : 1), Duration.ofSeconds(Math.max(1, interval))};
        }
        return new Object[] {
            new ControllerConfig(
                    capMw,
                    Duration.ofSeconds(stale),
                    Duration.ofSeconds(lost),
                    Duration.ofSeconds(confirm),
                    Duration.ofSeconds(retry),
                    restore,
                    safeMax,
                    lostFrac,
                    50,
                    Duration.ofSeconds(deadline),
                    Duration.ofSeconds(hold)),
            Duration.ofSeconds(interval)
        };
    }

    private static Object[] signals(FieldReader s, ObjectSpec spec) {
        Optional<SiteInventory.Price> price = s.object("price", InventorySchema.PRICE, (p, v) -> {
            String source = p.enumValue("source");
            Duration stale = Duration.ofSeconds(p.integer("staleAfterSeconds"));
            return switch (source) {
                case "csv" -> new SiteInventory.Price("csv", "", "", p.string("path"), stale, Duration.ZERO);
                case "http" ->
                    new SiteInventory.Price(
                            "http", "", "", p.string("url"), stale, Duration.ofSeconds(p.integer("pollSeconds")));
                default ->
                    new SiteInventory.Price(
                            "ercot-bundled",
                            p.string("settlementPoint"),
                            p.enumValue("market"),
                            "",
                            stale,
                            Duration.ZERO);
            };
        });
        Optional<SiteInventory.Mqtt> mqtt = s.object(
                "mqtt",
                InventorySchema.MQTT,
                (m, v) -> new SiteInventory.Mqtt(
                        m.string("brokerUri"),
                        m.string("topic"),
                        m.string("clientId"),
                        m.string("username"),
                        m.string("passwordEnv"),
                        Duration.ofSeconds(m.integer("staleAfterSeconds")),
                        Duration.ofSeconds(m.integer("upDebounceSeconds")),
                        Duration.ofSeconds(m.integer("minCurtailedSeconds")),
                        m.number("contractedShedKw")));
        Optional<SiteInventory.OpenAdr> adr = s.object(
                "openadr",
                InventorySchema.OPENADR,
                (a, v) -> new SiteInventory.OpenAdr(
                        a.string("vtnUrl"),
                        a.string("programId"),
                        a.string("clientId"),
                        a.string("clientSecretEnv"),
                        a.string("venName"),
                        Duration.ofSeconds(a.integer("pollSeconds")),
                        Duration.ofSeconds(a.integer("staleAfterSeconds"))));
        return new Object[] {price, mqtt, adr};
    }

    private static SiteInventory.Device device(FieldReader d, ObjectSpec variant) {
        String driver = d.enumValue("driver");
        boolean has = variant.field("host").isPresent();
        return new SiteInventory.Device(
                d.string("id"),
                driver,
                has ? d.string("host") : "",
                variant.field("rpcPort").isPresent()
                        ? d.integer("rpcPort")
                        : variant.field("port").isPresent() ? d.integer("port") : 0,
                variant.field("webPort").isPresent() ? d.integer("webPort") : 0,
                variant.field("username").isPresent() ? d.string("username") : "",
                variant.field("account").isPresent() ? d.string("account") : "",
                variant.field("passwordEnv").isPresent() ? d.string("passwordEnv") : "",
                variant.field("command").isPresent() ? d.string("command") : "",
                variant.field("overheadW").isPresent() ? d.number("overheadW") : 0,
                variant.field("minPowerW").isPresent() ? d.number("minPowerW") : 0,
                d.number("ratedPowerW"),
                d.number("curtailedPowerW"),
                d.number("hashrateThPerS"),
                d.number("valueUsdPerMwh"));
    }
}
