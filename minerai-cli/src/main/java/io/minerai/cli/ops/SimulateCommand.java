package io.minerai.cli.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.minerai.cli.ExitCodes;
import io.minerai.core.audit.AuditLog;
import io.minerai.core.scenario.FieldReader;
import io.minerai.core.validation.Problems;
import io.minerai.data.ercot.Market;
import io.minerai.ops.audit.InMemoryAuditLog;
import io.minerai.ops.control.PlanFileTarget;
import io.minerai.ops.metrics.ControllerMetrics;
import io.minerai.ops.sim.SimulatedSite;
import io.minerai.store.Store;
import io.minerai.store.StoreConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Runs a whole virtual site against emulated devices on loopback, replaying real ERCOT prices on a fake clock. */
@Command(
        name = "simulate",
        mixinStandardHelpOptions = true,
        description = {
            "Run the live controller against a virtual site: a mixed fleet of emulated miners (stock Antminer CGI,"
                    + " LuxOS, Whatsminer API v3 and v2, VNish, ePIC, Braiins OS gRPC when its module is present) and"
                    + " GPU nodes (nvidia-smi, DCGM) on loopback sockets behind the production drivers, a site meter"
                    + " that sees cooling and transformer losses, real bundled ERCOT prices and hashprice, random"
                    + " device faults, an OpenADR VTN issuing a daily peak event; a simulated day runs in about a"
                    + " minute.",
            "Device physics and fault rates are synthetic; prices, hashprice and ASIC nameplates are real."
        })
public final class SimulateCommand implements Callable<Integer> {
    @Spec
    @SuppressWarnings("NullAway.Init")
    CommandSpec spec;

    @Option(
            names = "--start",
            defaultValue = "2024-08-19",
            description = "Start: a date (midnight US Central) or a date-time with offset (default ${DEFAULT-VALUE},"
                    + " the day before the August 2024 price spike).")
    String start = "2024-08-19";

    @Option(names = "--days", defaultValue = "1", description = "Days to simulate (default ${DEFAULT-VALUE}).")
    int days = 1;

    @Option(
            names = "--step",
            defaultValue = "5m",
            description = "Control interval, e.g. 1m, 5m (default ${DEFAULT-VALUE}).")
    String step = "5m";

    @Option(names = "--miners", defaultValue = "120", description = "Emulated miners (default ${DEFAULT-VALUE}).")
    int miners = 120;

    @Option(names = "--gpu-nodes", defaultValue = "2", description = "Emulated 8-GPU nodes (default ${DEFAULT-VALUE}).")
    int gpuNodes = 2;

    @Option(
            names = "--settlement-point",
            defaultValue = "LZ_WEST",
            description = "ERCOT settlement point (default ${DEFAULT-VALUE}).")
    String settlementPoint = "LZ_WEST";

    @Option(names = "--market", defaultValue = "RTM", description = "RTM or DAM (default ${DEFAULT-VALUE}).")
    Market market = Market.RTM;

    @Option(
            names = "--cap-fraction",
            defaultValue = "0.9",
            description = "Site cap as a share of the fleet's rated power (default ${DEFAULT-VALUE}).")
    double capFraction = 0.9;

    @Option(
            names = "--fault-rate",
            defaultValue = "0.002",
            description = "Chance per device and step that a random quirk starts (default ${DEFAULT-VALUE}).")
    double faultRate = 0.002;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed = 42;

    @Option(names = "--no-openadr", description = "Do not run the OpenADR VTN stub and VEN.")
    boolean noOpenAdr;

    @Option(
            names = "--audit-db",
            description = "Write the audit log to the embedded store in this folder (read it with `serve --data-dir`).")
    @Nullable
    Path auditDb;

    @Option(names = "--metrics-port", description = "Serve Prometheus /metrics on 127.0.0.1 at this port.")
    @Nullable
    Integer metricsPort;

    @Option(names = "--format", defaultValue = "table", description = "table or json (default ${DEFAULT-VALUE}).")
    String format = "table";

    @Option(
            names = "--plan",
            description = "Follow a dispatch plan (the intervals.csv of `minerai optimize` or `backtest`) by its share"
                    + " of controllable load, merit order outside it; see `control --plan`.")
    @Nullable
    Path plan;

    @Option(names = "--quiet", description = "No live status view.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        Problems problems = new Problems();
        Instant startUtc = parseStart(start, problems);
        Duration stepD = Duration.ofMinutes(5);
        try {
            stepD = FieldReader.parseDuration(step);
        } catch (IllegalArgumentException e) {
            problems.add("--step", "must be a duration like 1m, 5m, 1h, was '" + step + "'");
        }
        if (days < 1 || days > 366) {
            problems.add("--days", "must be in 1..366, was " + days);
        }
        if (stepD.isZero() || stepD.isNegative() || stepD.toSeconds() % 60 != 0) {
            problems.add("--step", "must be a whole number of minutes > 0, was '" + step + "'");
        }
        if (miners < 0 || gpuNodes < 0 || miners + gpuNodes == 0 || miners > 2000 || gpuNodes > 50) {
            problems.add("--miners/--gpu-nodes", "need 1..2000 miners and 0..50 GPU nodes, at least one device");
        }
        if (!(capFraction > 0 && capFraction <= 1)) {
            problems.add("--cap-fraction", "must be in (0, 1], was " + capFraction);
        }
        if (!(faultRate >= 0 && faultRate <= 1)) {
            problems.add("--fault-rate", "must be in 0..1, was " + faultRate);
        }
        if (!format.equals("table") && !format.equals("json")) {
            problems.add("--format", "must be table or json, was '" + format + "'");
        }
        problems.throwIfAny("options");
        PrintWriter out = spec.commandLine().getOut();
        // read before any emulator starts, so a bad plan is reported at once
        PlanFileTarget planTarget = plan == null ? null : PlanFileTarget.read(plan, (now, price, devices) -> 0);
        var o = new SimulatedSite.Options(
                startUtc,
                days,
                stepD,
                miners,
                gpuNodes,
                settlementPoint,
                market,
                capFraction,
                faultRate,
                seed,
                !noOpenAdr);
        Store store = auditDb == null ? null : Store.open(StoreConfig.embedded(auditDb), java.time.Clock.systemUTC());
        AuditLog audit = store == null ? new InMemoryAuditLog() : store.auditLog();
        try (ControllerMetrics metrics = new ControllerMetrics()) {
            if (metricsPort != null) {
                int port = metrics.serve(metricsPort);
                out.println("metrics: http://127.0.0.1:" + port + "/metrics");
            }
            boolean tty = StatusView.stdoutIsTerminal();
            StatusView view = new StatusView(
                    out, tty, (int) Math.max(1, Duration.ofHours(1).toSeconds() / stepD.toSeconds()));
            if (!quiet && format.equals("table")) {
                out.printf(
                        Locale.ROOT,
                        "simulating %s, %d day(s) from %s at %s steps, %s %s prices%n",
                        fleet(),
                        days,
                        startUtc,
                        step,
                        settlementPoint,
                        market);
            }
            if (planTarget != null && format.equals("table")) {
                out.println("target: " + planTarget.describe() + "; merit order on the replayed price outside it");
            }
            SimulatedSite.Summary s = SimulatedSite.run(
                    o,
                    audit,
                    metrics,
                    st -> {
                        if (!quiet && format.equals("table")) {
                            view.update(st);
                        }
                    },
                    merit -> planTarget == null ? merit : planTarget.withFallback(merit));
            print(out, s);
            return s.overCapSteps() == 0 ? ExitCodes.OK : ExitCodes.FAILED;
        } finally {
            if (store != null) {
                store.close();
            }
        }
    }

    private void print(PrintWriter out, SimulatedSite.Summary s) throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("fleet", fleet());
        m.put("steps", s.steps());
        m.put("capMw", round(s.capMw()));
        m.put("maxMeteredMw", round(s.maxTruePowerMw()));
        m.put("maxDeviceSumMw", round(s.maxDevicePowerMw()));
        m.put("overCapSteps", s.overCapSteps());
        m.put("meteredMwh", round(s.meteredEnergyMwh()));
        m.put("deviceSumMwh", round(s.deviceEnergyMwh()));
        m.put("energyCostUsd", round(s.energyCostUsd()));
        m.put("curtailedMwh", round(s.curtailedMwh()));
        m.put("commands", s.commands());
        m.put("commandsFailed", s.failures());
        m.put("safeStateSteps", s.safeSteps());
        m.put("auditEntries", s.auditEntries());
        if (format.equals("json")) {
            out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(m));
        } else {
            if (!quiet) {
                out.println(); // after the live view
            }
            m.forEach((k, v) -> out.printf(Locale.ROOT, "%-16s %s%n", k, v));
            if (auditDb != null) {
                out.println("audit log: embedded store in " + auditDb.toAbsolutePath());
            }
        }
        out.flush();
        // wall time varies run to run: on stderr, so the summary on stdout is the same for the same seed
        PrintWriter err = spec.commandLine().getErr();
        err.printf(Locale.ROOT, "took %.1f s%n", s.wallSeconds());
        err.flush();
    }

    /** E.g. {@code 120 miners (36 antminer-stock, 18 luxos, ...) + 2 GPU nodes}. */
    private String fleet() {
        StringBuilder b = new StringBuilder().append(miners).append(" miners");
        if (miners > 0) {
            b.append(" (");
            SimulatedSite.fleetMix(miners)
                    .forEach((fw, n) -> b.append(n).append(' ').append(fw).append(", "));
            b.setLength(b.length() - 2);
            b.append(')');
        }
        return b.append(" + ").append(gpuNodes).append(" GPU nodes").toString();
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    static Instant parseStart(String s, Problems problems) {
        try {
            if (s.length() == 10) {
                return LocalDate.parse(s)
                        .atStartOfDay(ZoneId.of("America/Chicago"))
                        .toInstant();
            }
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            problems.add("--start", "must be a date like 2024-08-19 or a date-time with offset, was '" + s + "'");
            return Instant.parse("2024-08-19T05:00:00Z");
        }
    }
}
