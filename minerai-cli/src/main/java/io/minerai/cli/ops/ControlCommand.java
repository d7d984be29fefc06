package io.minerai.cli.ops;

import io.minerai.cli.ExitCodes;
import io.minerai.cli.Warnings;
import io.minerai.core.audit.AuditLog;
import io.minerai.core.validation.Checked;
import io.minerai.ops.control.ControllerStatus;
import io.minerai.ops.control.DriverFleet;
import io.minerai.ops.control.DryRunFleet;
import io.minerai.ops.control.FleetPort;
import io.minerai.ops.control.MeritOrderTarget;
import io.minerai.ops.control.PlanFileTarget;
import io.minerai.ops.control.SiteController;
import io.minerai.ops.control.TargetSource;
import io.minerai.ops.device.DeviceSpec;
import io.minerai.ops.inventory.InventoryReader;
import io.minerai.ops.inventory.InventoryWiring;
import io.minerai.ops.inventory.SiteInventory;
import io.minerai.ops.metrics.ControllerMetrics;
import io.minerai.ops.signal.HttpPriceFeed;
import io.minerai.ops.signal.MqttCurtailmentSignal;
import io.minerai.ops.signal.OpenAdrVen;
import io.minerai.ops.signal.SignalSource;
import io.minerai.store.Store;
import io.minerai.store.StoreConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Runs the controller against the real devices of a site inventory; dry run unless told otherwise. */
@Command(
        name = "control",
        mixinStandardHelpOptions = true,
        description = {
            "Control real devices listed in a site inventory (YAML): read telemetry, follow the price and grid"
                    + " signals, keep the site under its cap, fail safe on stale signals or lost devices.",
            "DRY RUN BY DEFAULT: devices are only read, and every command the controller would send is printed and"
                    + " audited as 'dry-run: not sent'. Pass --no-dry-run to send commands.",
            "Secrets come from environment variables named in the inventory, never from the file."
        })
public final class ControlCommand implements Callable<Integer> {
    @Spec
    @SuppressWarnings("NullAway.Init")
    CommandSpec spec;

    @Option(names = "--inventory", required = true, description = "Site inventory file (YAML or JSON).")
    @SuppressWarnings("NullAway.Init")
    Path inventory;

    @Option(
            names = "--dry-run",
            negatable = true,
            defaultValue = "true",
            fallbackValue = "true",
            description = "Only print planned commands (default ${DEFAULT-VALUE}); --no-dry-run sends them.")
    boolean dryRun = true;

    @Option(names = "--steps", defaultValue = "0", description = "Stop after this many intervals (0 = until Ctrl-C).")
    int steps;

    @Option(
            names = "--data-dir",
            description = "Folder of the embedded store that keeps the audit log (default: $MINERAI_HOME or"
                    + " ~/.minerai, the store `serve` shows at /api/audit).")
    @Nullable
    Path dataDir;

    @Option(
            names = "--db",
            description = "JDBC URL of the store instead of the embedded one (e.g. jdbc:postgresql://host/minerai);"
                    + " password from MINERAI_DB_PASSWORD.")
    @Nullable
    String dbUrl;

    @Option(names = "--db-user", description = "Database user for --db.")
    String dbUser = "";

    @Option(names = "--metrics-port", description = "Serve Prometheus /metrics on 127.0.0.1 at this port.")
    @Nullable
    Integer metricsPort;

    @Option(names = "--quiet", description = "No live status view.")
    boolean quiet;

    @Option(
            names = "--plan",
            description = "Follow a dispatch plan: the intervals.csv written by `minerai optimize` (e.g. rolling on"
                    + " day-ahead prices) or `minerai backtest`. In each plan interval the fleet runs the plan's share"
                    + " of its controllable load; outside the plan, merit order on the live price. Signals and the cap"
                    + " still apply.")
    @Nullable
    Path plan;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Checked<SiteInventory> read = InventoryReader.readChecked(inventory);
        Warnings.print(spec.commandLine().getErr(), read.warnings());
        SiteInventory inv = read.value();
        Clock clock = Clock.systemUTC();
        InventoryWiring wiring = new InventoryWiring(inv, k -> Objects.requireNonNullElse(System.getenv(k), ""), clock);
        try {
            wiring.checkSecrets();
        } catch (io.minerai.core.validation.ValidationException e) {
            // name the file: "inventory site.yaml has 1 problem: devices[3].driver: ..."
            throw new io.minerai.core.validation.ValidationException("inventory " + inventory, e.problems());
        }
        List<DeviceSpec> specs = wiring.specs();
        TargetSource target =
                plan == null ? new MeritOrderTarget(0) : PlanFileTarget.read(plan, new MeritOrderTarget(0));
        out.printf(
                Locale.ROOT,
                "%s: %d devices, cap %.3f MW, interval %ds, %s%n",
                inv.siteName(),
                specs.size(),
                inv.config().siteCapMw(),
                inv.interval().toSeconds(),
                dryRun ? "DRY RUN (nothing is sent; --no-dry-run to send)" : "LIVE: commands are sent");
        if (target instanceof PlanFileTarget p) {
            out.println("target: " + p.describe() + "; merit order on the live price outside it");
        } else {
            out.println("target: merit order on the live price");
        }
        List<SignalSource> signals = wiring.signals(clock.instant());
        if (signals.isEmpty()) {
            out.println("warning: no signal configured: the controller follows the cap and merit order only");
        }
        var meter = wiring.meter();
        if (meter.isPresent()) {
            out.println("meter: " + meter.get().meter().name() + " (the cap is kept on metered site power)");
        } else {
            out.println("warning: no site meter: the cap is kept on the devices' own figures (cooling and losses not"
                    + " counted)");
        }
        StoreConfig storeConfig = dbUrl == null
                ? StoreConfig.embedded(dataDir == null ? StoreConfig.defaultDataDir() : dataDir)
                : new StoreConfig(dbUrl, dbUser, envOrEmpty("MINERAI_DB_PASSWORD"), 2);
        try (Store store = Store.open(storeConfig, clock);
                ControllerMetrics metrics = new ControllerMetrics();
                DriverFleet real = new DriverFleet(specs, wiring.drivers(), clock)) {
            AuditLog audit = store.auditLog();
            for (SignalSource s : signals) {
                if (s instanceof MqttCurtailmentSignal m) {
                    try {
                        m.start();
                    } catch (org.eclipse.paho.client.mqttv3.MqttException e) {
                        out.println("warning: MQTT " + e.getMessage() + " (the signal stays missing: safe state)");
                    }
                }
            }
            if (metricsPort != null) {
                out.println("metrics: http://127.0.0.1:" + metrics.serve(metricsPort) + "/metrics");
            }
            FleetPort fleet = dryRun
                    ? new DryRunFleet(
                            real,
                            c -> out.printf(
                                    Locale.ROOT,
                                    "DRY-RUN would send: %s %s (%s)%n",
                                    specs.get(c.device()).id(),
                                    c.desired().label(),
                                    c.reason()))
                    : real;
            SiteController c = new SiteController(
                    new SiteController.Wiring(inv.config(), fleet, signals, target, audit, metrics, meter),
                    clock.instant());
            StatusView view = new StatusView(out, StatusView.stdoutIsTerminal(), 1);
            List<io.minerai.ops.signal.OpenAdrReporter> reporters = new java.util.ArrayList<>();
            for (SignalSource s : signals) {
                if (s instanceof OpenAdrVen v) {
                    reporters.add(new io.minerai.ops.signal.OpenAdrReporter(v, java.time.Duration.ofMinutes(5)));
                }
            }
            Thread main = Thread.currentThread();
            Thread hook = new Thread(main::interrupt);
            Runtime.getRuntime().addShutdownHook(hook);
            long intervalMs = inv.interval().toMillis();
            long pricePollEvery =
                    Math.max(1, inv.price().map(p -> p.poll().toMillis()).orElse(intervalMs) / Math.max(1, intervalMs));
            int done = 0;
            try {
                while (steps == 0 || done < steps) {
                    long t0 = System.currentTimeMillis();
                    meter.ifPresent(m -> {
                        if (!m.meter().poll()) {
                            out.println("meter: " + m.meter().lastError());
                        }
                    });
                    for (SignalSource s : signals) {
                        if (s instanceof OpenAdrVen v) {
                            v.poll();
                        } else if (s instanceof HttpPriceFeed h && done % pricePollEvery == 0) {
                            h.poll();
                        }
                    }
                    ControllerStatus st = c.step(Instant.now(clock));
                    for (var r : reporters) {
                        r.report(st.nowUtc(), st.sitePowerMw()); // USAGE reports while an OpenADR event is on
                    }
                    done++;
                    if (!quiet) {
                        view.update(st);
                    }
                    long sleep = intervalMs - (System.currentTimeMillis() - t0);
                    if (steps != 0 && done >= steps) {
                        break;
                    }
                    if (sleep > 0) {
                        Thread.sleep(sleep);
                    }
                }
            } catch (InterruptedException e) {
                out.println("stopping");
            } finally {
                c.close(clock.instant());
                meter.ifPresent(m -> m.meter().close());
                for (SignalSource s : signals) {
                    if (s instanceof MqttCurtailmentSignal m) {
                        m.close();
                    }
                }
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException e) {
                    // shutting down already
                }
            }
            out.println("audit log: store " + storeConfig.redactedUrl() + " (" + audit.size() + " entries)");
        }
        return ExitCodes.OK;
    }

    private static String envOrEmpty(String name) {
        String v = System.getenv(name);
        return v == null ? "" : v;
    }
}
