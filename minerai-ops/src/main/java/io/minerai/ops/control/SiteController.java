package io.minerai.ops.control;

import io.minerai.core.audit.AuditEntry;
import io.minerai.core.audit.AuditLog;
import io.minerai.ops.device.AckStatus;
import io.minerai.ops.device.Capabilities;
import io.minerai.ops.device.DesiredState;
import io.minerai.ops.device.DeviceMode;
import io.minerai.ops.device.DeviceProblem;
import io.minerai.ops.device.DeviceSpec;
import io.minerai.ops.device.DeviceTelemetry;
import io.minerai.ops.meter.MeterReading;
import io.minerai.ops.signal.SignalSource;
import io.minerai.ops.signal.SignalValue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;

/**
 * The site controller. Each {@link #step} it reads the signals and the fleet's latest telemetry, reconciles the
 * commands in flight, plans by merit order against the load ceiling, and sends the commands that move the fleet
 * towards the plan. Every command and its outcome goes to the audit log.
 *
 * <p><b>Hard invariant.</b> The controller never sends a command that could raise the site's worst-case load above the
 * cap. Worst case counts every device whose state is unknown (no fresh reading, unknown mode) at its rated power,
 * every upward command that is pending or may still land late (timed out, superseded) at its level, and a device being
 * put to sleep at its running power until a reading confirms the sleep. Commands to one device are assumed to take
 * effect in the order sent (one connection at a time per device), so an upward command still in doubt is resolved
 * only once a later sleep has been acknowledged by the device and confirmed by a reading.
 *
 * <p><b>Safe state.</b> When a signal is stale or missing, or too many devices are lost, the ceiling becomes {@link
 * ControllerConfig#safeMaxLoadMw()} and unknown devices are told to sleep too; retries then ignore the back-off.
 *
 * <p><b>Trust on a real site.</b> A cold start reads before it acts: no command goes out until every device has been
 * read once (or failed to be) and the meter has given a first reading, at most {@code telemetryStaleAfter} after the
 * start; a signal not yet received is not "missing" before its own {@code staleAfter} has passed. Stopping never
 * raises load ({@link #close} sends nothing; drivers leave devices as they are). Every device problem (unreachable,
 * refused, wrong password, unsupported, state unknown) is audited with its reason when it starts and ends and is in
 * {@link ControllerStatus#issues()}. The safe state is left only after its reasons have been gone for {@code
 * safeStateMinHold} (lost devices: below half the share that entered it). A power target a device answers as
 * unsupported narrows that device's range to what its driver reports (the planner then sleeps it instead).
 *
 * <p><b>Meter.</b> With a {@link MeterLoop} the cap and the grid ceilings are met on metered site power: the devices'
 * worst case may reach {@code (cap - overhead) / (1 + s)} (see {@link MeterLoop}); a missing or stale meter is a
 * stale signal.
 *
 * <p>Not thread-safe: one thread calls {@link #step}. A step costs O(devices) plus the commands it sends.
 */
public final class SiteController {
    private static final String ACTOR = "controller";

    private final ControllerConfig cfg;
    private final FleetPort fleet;
    private final List<DeviceSpec> specs;
    private final List<SignalSource> signals;
    private final TargetSource targets;
    private final AuditLog audit;
    private final ControllerObserver observer;
    private final FleetState f;
    private final int n;
    private final double capW;
    private final long staleMs;
    private final long lostMs;
    private final long confirmMs;
    private final long retryMs;

    private final @Nullable DeviceCommand[] pending;
    private final boolean[] pendingAcked;
    private final double[] unresolvedUpW;
    private final long[] lastFreshMs;
    private final long[] nextAttemptMs;
    private final int[] failures;
    /** The power target last confirmed for a device (NaN when none), so quantised presets are not re-sent. */
    private final double[] confirmedTargetW;

    /** Highest command id per device whose level may raise the device's power. */
    private final long[] lastUpwardId;
    /** Highest command id per device the device has processed (answered in order). */
    private final long[] processedUpTo;
    /** Once a reading at or after this time (ms) arrives, earlier upward commands are visible in it; -1 none. */
    private final long[] upClearAfterMs;
    /**
     * Until this time (ms) an upward command whose fate is unknown (no answer, timed out, superseded unanswered) may
     * still land out of order: a device can finish a request its client gave up on after answering later ones.
     */
    private final long[] upUncertainUntilMs;

    private final @Nullable MeterLoop meter;
    private final long startMs;
    private boolean warm;
    /** The problem last audited per device (identity: the fleet hands out a new record when it changes). */
    private final @Nullable DeviceProblem[] seenProblem;
    /** Whether a device's state was unknown despite a fresh reading at the last step. */
    private final boolean[] seenUnknownState;

    private final boolean[] rangeChecked;
    private List<DeviceIssue> issues = List.of();
    /** Since when every safe-state reason has been gone (-1: not clear). */
    private long clearSinceMs = -1;

    private boolean safeByLost;
    /** Overhead samples (time ms, W) over the meter window, highest kept first (monotonic deque). */
    private final java.util.ArrayDeque<double[]> overheadSamples = new java.util.ArrayDeque<>();

    private double overheadW;
    private long lastMeterSampleMs = Long.MIN_VALUE;
    /** The devices' measured power of the last steps (ring), to pair a meter sample with the step it was taken at. */
    private final long[] recentStepMs = new long[16];

    private final double[] recentMeasuredW = new double[16];
    private int recentSteps;

    /** Site power when the current contracted shed began, W (NaN: no shed event). */
    private double shedBaselineW = Double.NaN;
    /** The shed in force at the last step, W. */
    private double shedW;

    private boolean shedReachedAudited;
    private long shedSinceMs;

    private final Map<Long, DeviceCommand> inFlight = new HashMap<>();
    /** Every command sent and not yet answered, in id order, including superseded and timed-out ones. */
    private final LinkedHashMap<Long, DeviceCommand> awaitingAnswer = new LinkedHashMap<>();

    private long nextCommandId = 1;
    private long totalCommands;
    private long totalFailures;
    private boolean safe;
    private boolean safeReachedAudited;
    private boolean safeLateAudited;
    private long safeSinceMs;
    private @Nullable Instant now;
    private List<String> lastReasons = List.of();

    /**
     * Everything a controller needs.
     *
     * @param meter the site meter loop, when the site has a meter
     */
    public record Wiring(
            ControllerConfig config,
            FleetPort fleet,
            List<SignalSource> signals,
            TargetSource targets,
            AuditLog audit,
            ControllerObserver observer,
            Optional<MeterLoop> meter) {
        /** Without a site meter. */
        public Wiring(
                ControllerConfig config,
                FleetPort fleet,
                List<SignalSource> signals,
                TargetSource targets,
                AuditLog audit,
                ControllerObserver observer) {
            this(config, fleet, signals, targets, audit, observer, Optional.empty());
        }
    }

    public SiteController(Wiring w, Instant startUtc) {
        this.cfg = w.config();
        this.fleet = w.fleet();
        this.specs = List.copyOf(w.fleet().specs());
        this.signals = List.copyOf(w.signals());
        this.targets = w.targets();
        this.audit = w.audit();
        this.observer = w.observer();
        this.f = new FleetState(specs);
        this.n = specs.size();
        this.capW = cfg.siteCapMw() * 1e6;
        this.staleMs = cfg.telemetryStaleAfter().toMillis();
        this.lostMs = cfg.lostAfter().toMillis();
        this.confirmMs = cfg.confirmTimeout().toMillis();
        this.retryMs = cfg.retryDelay().toMillis();
        this.pending = new DeviceCommand[n];
        this.pendingAcked = new boolean[n];
        this.unresolvedUpW = new double[n];
        this.lastFreshMs = new long[n];
        this.nextAttemptMs = new long[n];
        this.failures = new int[n];
        this.confirmedTargetW = new double[n];
        this.lastUpwardId = new long[n];
        this.processedUpTo = new long[n];
        this.upClearAfterMs = new long[n];
        this.upUncertainUntilMs = new long[n];
        this.meter = w.meter().orElse(null);
        this.startMs = startUtc.toEpochMilli();
        this.seenProblem = new DeviceProblem[n];
        this.seenUnknownState = new boolean[n];
        this.rangeChecked = new boolean[n];
        java.util.Arrays.fill(upClearAfterMs, -1);
        java.util.Arrays.fill(lastFreshMs, startUtc.toEpochMilli());
        java.util.Arrays.fill(confirmedTargetW, Double.NaN);
        record(startUtc, "site", "controller-start", "done", Map.of("devices", Integer.toString(n)));
    }

    public ControllerConfig config() {
        return cfg;
    }

    public List<DeviceSpec> specs() {
        return specs;
    }

    /** One control interval. */
    public ControllerStatus step(Instant nowUtc) {
        this.now = nowUtc;
        long nowMs = nowUtc.toEpochMilli();
        fleet.beginStep(nowUtc);
        fleet.drainAcks(this::onAck);

        // Signals.
        List<String> reasons = new ArrayList<>(2);
        OptionalDouble price = OptionalDouble.empty();
        double ceilingW = capW;
        double askedShedW = 0; // the deepest fresh contracted shed, W
        String shedBy = "";
        boolean shedSignalFresh = false;
        for (SignalSource s : signals) {
            var v = s.latest(nowUtc);
            if (v.isEmpty()) {
                if (nowMs - startMs > s.staleAfter().toMillis()) {
                    reasons.add(s.name() + " missing"); // not received within its stale time since the start
                }
                continue;
            }
            SignalValue sv = v.get();
            if (Duration.between(sv.receivedAtUtc(), nowUtc).compareTo(s.staleAfter()) > 0) {
                reasons.add(s.name() + " stale");
                continue;
            }
            switch (s.kind()) {
                case PRICE_USD_PER_MWH -> price = OptionalDouble.of(sv.value());
                case LOAD_PERCENT -> ceilingW = Math.min(ceilingW, Math.max(0, sv.value()) / 100.0 * capW);
                case LOAD_CEILING_MW -> ceilingW = Math.min(ceilingW, Math.max(0, sv.value()) * 1e6);
                case SHED_KW -> {
                    shedSignalFresh = true;
                    if (sv.value() * 1e3 > askedShedW) {
                        askedShedW = sv.value() * 1e3;
                        shedBy = s.name();
                    }
                }
            }
        }

        // Telemetry, confirmations, worst case.
        int lostCount = 0;
        int runningCount = 0;
        int sleepingCount = 0;
        int unknownCount = 0;
        double measuredW = 0;
        double hashrate = 0;
        double curtailedRatedW = 0;
        double deviceFiguresW = 0; // measured where a fresh reading has a figure, else the worst case (nameplate)
        boolean silentPower = false;
        for (int i = 0; i < n; i++) {
            DeviceTelemetry raw = fleet.telemetry(i);
            DeviceTelemetry t = raw != null && nowMs - raw.observedAtUtc().toEpochMilli() <= staleMs ? raw : null;
            if (t != null) {
                lastFreshMs[i] = nowMs;
                if (f.lost[i]) {
                    f.lost[i] = false;
                    record(nowUtc, target(i), "device-recovered", "done", Map.of());
                }
            } else if (!f.lost[i] && nowMs - lastFreshMs[i] > lostMs) {
                f.lost[i] = true;
                record(nowUtc, target(i), "device-lost", "done", Map.of("lastFreshMs", Long.toString(lastFreshMs[i])));
            }
            if (f.lost[i]) {
                lostCount++;
            }
            DeviceMode mode = t != null ? t.mode() : DeviceMode.UNKNOWN;
            f.known[i] = t != null && mode != DeviceMode.UNKNOWN;
            f.readable[i] = t != null;
            if (t != null && !rangeChecked[i]) {
                rangeChecked[i] = true;
                refreshRange(i, Double.NaN);
            }
            DeviceProblem prob = fleet.problem(i);
            boolean unknownState = t != null && mode == DeviceMode.UNKNOWN;
            if (prob != seenProblem[i] || unknownState != seenUnknownState[i]) {
                noteIssue(i, prob, unknownState);
            }
            f.limitW[i] =
                    t != null && t.powerLimitW().isPresent() ? t.powerLimitW().getAsDouble() : Double.NaN;
            if (t != null && !Double.isNaN(t.powerW())) {
                measuredW += t.powerW();
            } else {
                silentPower = true;
            }
            if (t != null) {
                hashrate += t.hashrateThPerS();
            }
            if (t != null && upClearAfterMs[i] >= 0 && t.observedAtUtc().toEpochMilli() >= upClearAfterMs[i]) {
                // The device has answered a command sent after its last upward one, and this reading is newer:
                // whatever the upward commands did is visible now.
                unresolvedUpW[i] = 0;
                upClearAfterMs[i] = -1;
            }
            DeviceCommand p = pending[i];
            if (p != null) {
                if (t != null
                        && f.known[i]
                        && t.observedAtUtc().isAfter(p.sentAtUtc())
                        && confirms(i, p.desired(), t)) {
                    finishConfirmed(i, p);
                } else if (nowMs - p.sentAtUtc().toEpochMilli() > confirmMs) {
                    finishFailed(i, p, pendingAcked[i] ? "not-confirmed" : "timeout", "no confirming reading");
                }
            }
            f.worstCaseW[i] = worstCase(i, t, mode);
            deviceFiguresW += t != null && !Double.isNaN(t.powerW()) ? t.powerW() : f.worstCaseW[i];
            f.running[i] = f.known[i] && mode == DeviceMode.RUNNING;
            f.asleep[i] = f.known[i] && mode == DeviceMode.SLEEPING && f.worstCaseW[i] <= f.curtailedW[i];
            if (!f.known[i]) {
                unknownCount++;
            } else if (f.running[i]) {
                runningCount++;
                if (!Double.isNaN(f.limitW[i]) && f.limitW[i] < f.ratedW[i]) {
                    curtailedRatedW += f.ratedW[i] - f.limitW[i];
                }
            } else if (mode == DeviceMode.SLEEPING) {
                sleepingCount++;
                curtailedRatedW += f.ratedW[i];
            }
        }
        double lostLimit = cfg.lostFractionForSafeState() * n * (safe && safeByLost ? 0.5 : 1.0);
        boolean lostReason = n > 0 && lostCount > lostLimit;
        if (lostReason) {
            reasons.add(lostCount + " of " + n + " devices lost");
        }

        // Meter: site power by precedence (meter, device figures, nameplate) and the overhead it reveals.
        double meteredW = Double.NaN;
        double share = 0;
        if (meter != null) {
            share = meter.marginalLossShare();
            recentStepMs[recentSteps % recentStepMs.length] = nowMs;
            recentMeasuredW[recentSteps % recentStepMs.length] = measuredW;
            recentSteps++;
            long meterStaleMs = meter.meter().staleAfter().toMillis();
            Optional<MeterReading> mr = meter.meter().latest();
            if (mr.isEmpty()) {
                if (nowMs - startMs > meterStaleMs) {
                    reasons.add(meter.meter().name() + " missing");
                }
            } else if (nowMs - mr.get().observedAtUtc().toEpochMilli() > meterStaleMs) {
                reasons.add(meter.meter().name() + " stale");
            } else {
                meteredW = mr.get().sitePowerW();
                long at = mr.get().observedAtUtc().toEpochMilli();
                if (at != lastMeterSampleMs) {
                    lastMeterSampleMs = at;
                    // Paired with the devices' power of the step the sample was taken at (a meter read one step late
                    // must not see a step's sleeps as overhead for a whole window); never below 0.
                    sampleOverhead(nowMs, Math.max(0, meteredW - (1 + share) * measuredAt(at, measuredW)));
                }
            }
            expireOverhead(nowMs);
        }

        // Warm-up: read before acting.
        if (!warm) {
            boolean all = true;
            for (int i = 0; i < n && all; i++) {
                all = fleet.readAttempted(i);
            }
            boolean meterOk = meter == null
                    || meter.meter().latest().isPresent()
                    || nowMs - startMs > meter.meter().staleAfter().toMillis();
            if ((all && meterOk) || nowMs - startMs >= staleMs) {
                warm = true;
                record(
                        nowUtc,
                        "site",
                        "first-readings",
                        all && meterOk ? "done" : "timed-out",
                        Map.of(
                                "running", Integer.toString(runningCount),
                                "sleeping", Integer.toString(sleepingCount),
                                "unknown", Integer.toString(unknownCount)));
            }
        }

        // Mode, with a hold before leaving the safe state.
        boolean nowSafe = !reasons.isEmpty();
        if (nowSafe) {
            clearSinceMs = -1;
        }
        if (nowSafe && !safe) {
            safe = true;
            safeReachedAudited = false;
            safeLateAudited = false;
            safeSinceMs = nowMs;
            record(nowUtc, "site", "enter-safe-state", "done", Map.of("reasons", String.join("; ", reasons)));
        } else if (!nowSafe && safe) {
            if (clearSinceMs < 0) {
                clearSinceMs = nowMs;
            }
            long holdMs = cfg.safeStateMinHold().toMillis();
            if (nowMs - clearSinceMs >= holdMs) {
                safe = false;
                clearSinceMs = -1;
                record(nowUtc, "site", "leave-safe-state", "done", Map.of());
            } else {
                reasons.add(
                        "reasons gone; holding the safe state until " + Instant.ofEpochMilli(clearSinceMs + holdMs));
            }
        } else if (nowSafe && !reasons.equals(lastReasons)) {
            record(nowUtc, "site", "safe-state-reasons", "changed", Map.of("reasons", String.join("; ", reasons)));
        }
        if (nowSafe) {
            safeByLost = lostReason;
        }
        lastReasons = reasons;

        double shedCeilingW =
                contractedShed(nowUtc, nowMs, askedShedW, shedBy, shedSignalFresh, meteredW, deviceFiguresW);
        ceilingW = Math.min(ceilingW, shedCeilingW);

        double targetMw = targets.targetLoadMw(nowUtc, price, specs);
        // Site-level limits to device level: devices may draw (limit - overhead) / (1 + s) in the worst case.
        double devCapW = Math.max(0, (capW - overheadW) / (1 + share));
        double devCeilingW = Math.max(0, (ceilingW - overheadW) / (1 + share));
        if (safe) {
            devCeilingW = Math.min(devCapW, cfg.safeMaxLoadMw() * 1e6);
        } else {
            devCeilingW = Math.min(devCeilingW, Math.max(0, targetMw) * 1e6);
        }
        ceilingW = devCeilingW * (1 + share) + overheadW;
        // A contracted shed is kept like the cap, on the worst case: unknown devices count at rated power, and no
        // upward command may break it (an economic ceiling alone only plans).
        double devHardW = Double.isInfinite(shedCeilingW)
                ? devCapW
                : Math.min(devCapW, Math.max(0, (shedCeilingW - overheadW) / (1 + share)));
        int sent = 0;
        if (warm) {
            Planner.allocate(f, devCeilingW, devHardW, safe);
            sent = choose(nowUtc, nowMs, devHardW);
        }

        boolean reached = safe && safeRealized();
        if (reached && !safeReachedAudited) {
            safeReachedAudited = true;
            record(
                    nowUtc,
                    "site",
                    "safe-state-reached",
                    "done",
                    Map.of("afterMs", Long.toString(nowMs - safeSinceMs), "lostDevices", Integer.toString(lostCount)));
        }
        if (safe
                && !reached
                && !safeReachedAudited
                && !safeLateAudited
                && nowMs - safeSinceMs > cfg.safeStateDeadline().toMillis()) {
            safeLateAudited = true;
            record(nowUtc, "site", "safe-state-late", "alarm", Map.of("afterMs", Long.toString(nowMs - safeSinceMs)));
        }
        ControllerStatus st = new ControllerStatus(
                nowUtc,
                safe,
                safe ? List.copyOf(reasons) : List.of(),
                reached,
                price,
                targetMw,
                ceilingW / 1e6,
                cfg.siteCapMw(),
                measuredW / 1e6,
                f.worstCaseTotalW() / 1e6,
                curtailedRatedW / 1e6,
                hashrate,
                runningCount,
                sleepingCount,
                unknownCount,
                lostCount,
                sent,
                inFlight.size(),
                totalCommands,
                totalFailures,
                !warm,
                issues,
                meteredW / 1e6,
                overheadW / 1e6,
                !Double.isNaN(meteredW) ? "meter" : (silentPower ? "devices+nameplate" : "devices"));
        observer.onStep(st);
        return st;
    }

    /**
     * The ceiling a contracted shed sets on site power, W (infinite when none): the site's power when the event began
     * (metered, else the devices' own figures with nameplate for those that give none) minus the kW asked. The
     * baseline is kept for the whole event, so a deeper shed is measured from the same level; a fresh value of 0 ends
     * the event (a stale signal does not: the safe state applies meanwhile). Audits {@code shed-start}, {@code
     * shed-change}, {@code shed-reached} (when the site power first is the shed below the baseline) and {@code
     * shed-end}.
     */
    private double contractedShed(
            Instant nowUtc,
            long nowMs,
            double askedW,
            String by,
            boolean signalFresh,
            double meteredW,
            double deviceFiguresW) {
        boolean metered = !Double.isNaN(meteredW);
        double siteW = metered ? meteredW : deviceFiguresW;
        if (askedW <= 0) {
            if (signalFresh && !Double.isNaN(shedBaselineW)) {
                record(
                        nowUtc,
                        "site",
                        "shed-end",
                        "done",
                        Map.of(
                                "afterMs", Long.toString(nowMs - shedSinceMs),
                                "siteKw", kw(siteW),
                                "baselineKw", kw(shedBaselineW)));
                shedBaselineW = Double.NaN;
                shedW = 0;
            }
            return Double.POSITIVE_INFINITY;
        }
        if (Double.isNaN(shedBaselineW) && !warm) {
            return Double.POSITIVE_INFINITY; // nothing is commanded before the first readings; the baseline waits too
        }
        if (Double.isNaN(shedBaselineW)) {
            // the readings of this step were taken before any command for the event: the pre-event level
            shedBaselineW = siteW;
            shedW = askedW;
            shedSinceMs = nowMs;
            shedReachedAudited = false;
            record(
                    nowUtc,
                    "site",
                    "shed-start",
                    "done",
                    Map.of(
                            "signal", by,
                            "shedKw", kw(askedW),
                            "baselineKw", kw(shedBaselineW),
                            "ceilingKw", kw(Math.max(0, shedBaselineW - askedW)),
                            "source", metered ? "meter" : "devices"));
        } else if (askedW != shedW) {
            shedW = askedW;
            shedReachedAudited = false;
            record(
                    nowUtc,
                    "site",
                    "shed-change",
                    "done",
                    Map.of(
                            "signal", by,
                            "shedKw", kw(askedW),
                            "baselineKw", kw(shedBaselineW),
                            "ceilingKw", kw(Math.max(0, shedBaselineW - askedW))));
        }
        double ceiling = Math.max(0, shedBaselineW - shedW);
        if (!shedReachedAudited && siteW <= ceiling) {
            shedReachedAudited = true;
            record(
                    nowUtc,
                    "site",
                    "shed-reached",
                    "done",
                    Map.of(
                            "afterMs", Long.toString(nowMs - shedSinceMs),
                            "siteKw", kw(siteW),
                            "belowBaselineKw", kw(shedBaselineW - siteW),
                            "source", metered ? "meter" : "devices"));
        }
        return ceiling;
    }

    private static String kw(double w) {
        return String.format(java.util.Locale.ROOT, "%.1f", w / 1e3);
    }

    /** Whether the safe state is in force now. */
    public boolean safe() {
        return safe;
    }

    /** The worst-case power the controller counts for device {@code i} as of the last step, W. */
    public double worstCaseW(int i) {
        return f.worstCaseW[i];
    }

    /** What the plan of the last step wants of device {@code i} (tests). */
    Want wantOf(int i) {
        return f.want[i];
    }

    /** Whether device {@code i} is declared lost as of the last step. */
    public boolean deviceLost(int i) {
        return f.lost[i];
    }

    /** Sum of worst-case device power as of the last step, MW. */
    public double worstCasePowerMw() {
        return f.worstCaseTotalW() / 1e6;
    }

    /**
     * Stops: ends every command still in flight as "abandoned" (so each has an outcome in the log), sends nothing
     * (stopping never raises load), and audits every device left curtailed so the operator knows what to restore.
     */
    public void close(Instant nowUtc) {
        this.now = nowUtc;
        for (int i = 0; i < n; i++) {
            DeviceCommand p = pending[i];
            if (p != null) {
                pending[i] = null;
                inFlight.remove(p.id());
                record(nowUtc, target(i), p.desired().label(), "abandoned", Map.of("command", Long.toString(p.id())));
            }
        }
        int left = 0;
        for (int i = 0; i < n; i++) {
            boolean capped = f.running[i] && !Double.isNaN(f.limitW[i]) && f.limitW[i] < f.ratedW[i] - 1;
            if (f.known[i] && (f.asleep[i] || capped)) {
                left++;
                record(
                        nowUtc,
                        target(i),
                        "left-curtailed",
                        "done",
                        Map.of(
                                "mode",
                                f.asleep[i] ? "asleep" : "power-limit " + Math.round(f.limitW[i]) + "W",
                                "ratedW",
                                Long.toString(Math.round(f.ratedW[i]))));
            }
        }
        record(nowUtc, "site", "controller-stop", "done", Map.of("leftCurtailed", Integer.toString(left)));
    }

    /** Audits a device problem starting, changing or ending, and rebuilds the issue list. */
    private void noteIssue(int i, @Nullable DeviceProblem prob, boolean unknownState) {
        Instant t = now == null ? Instant.ofEpochMilli(startMs) : now;
        if (prob != null && (seenProblem[i] == null || seenProblem[i].status() != prob.status())) {
            record(
                    t,
                    target(i),
                    "device-problem",
                    prob.status().label(),
                    Map.of("reason", prob.reason(), "detail", abbreviate(prob.detail())));
        } else if (prob == null && seenProblem[i] != null) {
            record(t, target(i), "device-problem", "cleared", Map.of());
        }
        if (unknownState && !seenUnknownState[i]) {
            record(t, target(i), "device-state-unknown", "done", Map.of("detail", "the reply does not say"));
        }
        seenProblem[i] = prob;
        seenUnknownState[i] = unknownState;
        List<DeviceIssue> out = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            DeviceProblem p = seenProblem[k];
            if (p != null) {
                out.add(new DeviceIssue(specs.get(k).id(), p.reason(), p.detail()));
            } else if (seenUnknownState[k]) {
                out.add(new DeviceIssue(
                        specs.get(k).id(), "state unknown", "read, but the reply does not say whether it works"));
            }
        }
        issues = List.copyOf(out);
    }

    private static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 200) : s;
    }

    /**
     * Narrows device {@code i}'s power-target range to what its driver reports now; after an unsupported target
     * ({@code refusedW}, NaN when none) at least above it, or no targets at all.
     */
    private void refreshRange(int i, double refusedW) {
        if (!f.canTarget[i]) {
            return;
        }
        Capabilities c = fleet.capabilities(i);
        double min = f.minTargetW[i];
        double max = f.maxTargetW[i];
        boolean can = c.canSetPowerTarget();
        if (can) {
            min = Math.max(min, c.minPowerTargetW());
            max = Math.min(max, c.maxPowerTargetW());
        }
        if (!Double.isNaN(refusedW)) {
            min = Math.max(min, Math.floor(refusedW) + 1);
        }
        if (!can || min > max) {
            f.canTarget[i] = false;
        } else {
            f.minTargetW[i] = min;
            f.maxTargetW[i] = max;
        }
        if (!can || min != specs.get(i).minTargetW() || !Double.isNaN(refusedW)) {
            record(
                    now == null ? Instant.ofEpochMilli(startMs) : now,
                    target(i),
                    "target-range",
                    f.canTarget[i] ? "narrowed" : "targets-off",
                    Map.of(
                            "minW", Long.toString(Math.round(f.minTargetW[i])),
                            "maxW", Long.toString(Math.round(f.maxTargetW[i])),
                            "refusedW", Double.isNaN(refusedW) ? "" : Long.toString(Math.round(refusedW))));
        }
    }

    /** The devices' measured power at the latest step at or before {@code atMs}; {@code fallbackW} if none is kept. */
    private double measuredAt(long atMs, double fallbackW) {
        int kept = Math.min(recentSteps, recentStepMs.length);
        for (int k = 1; k <= kept; k++) {
            int j = Math.floorMod(recentSteps - k, recentStepMs.length);
            if (recentStepMs[j] <= atMs) {
                return recentMeasuredW[j];
            }
        }
        return fallbackW;
    }

    private void sampleOverhead(long nowMs, double w) {
        while (!overheadSamples.isEmpty() && overheadSamples.peekLast()[1] <= w) {
            overheadSamples.pollLast();
        }
        overheadSamples.addLast(new double[] {nowMs, w});
    }

    private void expireOverhead(long nowMs) {
        long window = meter == null ? 0 : meter.overheadWindow().toMillis();
        while (overheadSamples.size() > 1 && nowMs - (long) overheadSamples.peekFirst()[0] > window) {
            overheadSamples.pollFirst();
        }
        if (!overheadSamples.isEmpty()) {
            overheadW = overheadSamples.peekFirst()[1]; // the highest in the window (the last one kept when stale)
        }
    }

    private boolean confirms(int i, DesiredState d, DeviceTelemetry t) {
        double tol = cfg.powerToleranceW();
        return switch (d) {
            case DesiredState.Sleep s -> t.mode() == DeviceMode.SLEEPING;
            case DesiredState.Run r ->
                t.mode() == DeviceMode.RUNNING
                        && (t.powerLimitW().isEmpty() || t.powerLimitW().getAsDouble() >= f.maxTargetW[i] - tol);
            case DesiredState.PowerTarget pt ->
                t.mode() == DeviceMode.RUNNING
                        && (t.powerLimitW().isPresent()
                                ? t.powerLimitW().getAsDouble() <= pt.powerW() + tol
                                : !Double.isNaN(t.powerW()) && t.powerW() <= pt.powerW() + tol);
        };
    }

    private double worstCase(int i, @Nullable DeviceTelemetry t, DeviceMode mode) {
        double base;
        if (t == null || mode == DeviceMode.UNKNOWN) {
            base = f.ratedW[i];
        } else if (mode == DeviceMode.SLEEPING) {
            base = Math.max(f.curtailedW[i], Double.isNaN(t.powerW()) ? 0 : t.powerW());
        } else {
            double level = Double.isNaN(f.limitW[i]) ? f.ratedW[i] : Math.min(f.ratedW[i], f.limitW[i]);
            base = Math.max(level, Double.isNaN(t.powerW()) ? 0 : t.powerW());
        }
        DeviceCommand p = pending[i];
        if (p != null) {
            base = Math.max(base, upLevel(i, p.desired()));
        }
        return Math.max(base, unresolvedUpW[i]);
    }

    private double upLevel(int i, DesiredState d) {
        return switch (d) {
            case DesiredState.Sleep s -> 0;
            case DesiredState.Run r -> f.ratedW[i];
            case DesiredState.PowerTarget pt -> Math.min(f.ratedW[i], pt.powerW());
        };
    }

    /** Chooses and sends this step's commands. Returns how many were sent. */
    private int choose(Instant nowUtc, long nowMs, double devCapW) {
        double wcTotal = f.worstCaseTotalW();
        double restoreLeftW = cfg.maxRestoreMwPerStep() * 1e6;
        double tol = cfg.powerToleranceW();
        int sent = 0;
        for (int k = 0; k < n; k++) {
            int i = f.meritOrder[k];
            Want w = f.want[i];
            DeviceCommand p = pending[i];
            DesiredState cmd = null;
            switch (w) {
                case KEEP -> {}
                case SLEEP -> {
                    if (!f.asleep[i] && !(p != null && p.desired() instanceof DesiredState.Sleep)) {
                        cmd = DesiredState.SLEEP;
                    }
                }
                case RUN -> {
                    boolean full = f.running[i] && (Double.isNaN(f.limitW[i]) || f.limitW[i] >= f.maxTargetW[i] - tol);
                    if (!full && !(p != null && p.desired() instanceof DesiredState.Run)) {
                        cmd = DesiredState.RUN;
                    }
                }
                case TARGET -> {
                    double want = f.wantTargetW[i];
                    boolean inForce = f.running[i]
                            && ((!Double.isNaN(f.limitW[i]) && Math.abs(f.limitW[i] - want) <= tol)
                                    || (!Double.isNaN(confirmedTargetW[i])
                                            && Math.abs(confirmedTargetW[i] - want) <= tol));
                    boolean samePending = p != null
                            && p.desired() instanceof DesiredState.PowerTarget pt
                            && Math.abs(pt.powerW() - want) <= tol;
                    if (!inForce && !samePending) {
                        cmd = new DesiredState.PowerTarget(want);
                    }
                }
            }
            if (cmd == null) {
                continue;
            }
            if (nowMs < nextAttemptMs[i]) {
                continue;
            }
            double up = upLevel(i, cmd);
            double delta = Math.max(0, up - f.worstCaseW[i]);
            if (delta == 0 && !f.known[i] && up > f.curtailedW[i]) {
                // waking a device in an unknown state: within the worst case, but batched like any restore
                double restore = up - f.curtailedW[i];
                if (restore > restoreLeftW + 1e-6) {
                    continue;
                }
                restoreLeftW -= restore;
            } else if (delta > 0) {
                // Upward: the cap is a hard invariant; restores are also rate limited.
                if (wcTotal + delta > devCapW + 1e-6) {
                    continue;
                }
                double restore = f.asleep[i] ? up - f.curtailedW[i] : delta;
                if (restore > restoreLeftW + 1e-6) {
                    continue;
                }
                restoreLeftW -= restore;
                wcTotal += delta;
                f.worstCaseW[i] += delta;
            }
            send(i, cmd, nowUtc, safe ? "safe-state" : (p != null ? "replan" : "merit-order"));
            sent++;
        }
        return sent;
    }

    private void send(int i, DesiredState d, Instant nowUtc, String reason) {
        DeviceCommand old = pending[i];
        if (old != null) {
            pending[i] = null;
            inFlight.remove(old.id());
            record(
                    nowUtc,
                    target(i),
                    old.desired().label(),
                    "superseded",
                    Map.of("command", Long.toString(old.id()), "by", d.label()));
            // A superseded upward command may still land: keep counting it.
            unresolvedUpW[i] = Math.max(unresolvedUpW[i], upLevel(i, old.desired()));
            if (upLevel(i, old.desired()) > 0 && !pendingAcked[i]) {
                upUncertainUntilMs[i] = Math.max(upUncertainUntilMs[i], nowUtc.toEpochMilli() + lateWindowMs());
            }
        }
        DeviceCommand c = new DeviceCommand(nextCommandId++, i, d, nowUtc, reason);
        pending[i] = c;
        pendingAcked[i] = false;
        inFlight.put(c.id(), c);
        totalCommands++;
        double up = upLevel(i, d);
        if (up > 0) {
            unresolvedUpW[i] = Math.max(unresolvedUpW[i], up);
            lastUpwardId[i] = c.id();
            upClearAfterMs[i] = -1;
        }
        awaitingAnswer.put(c.id(), c);
        pruneAwaiting(nowUtc);
        record(
                nowUtc,
                target(i),
                d.label(),
                "sent",
                Map.of(
                        "command",
                        Long.toString(c.id()),
                        "reason",
                        reason,
                        "failuresBefore",
                        Integer.toString(failures[i])));
        fleet.send(c);
    }

    private void onAck(CommandAck ack) {
        DeviceCommand any = awaitingAnswer.remove(ack.commandId());
        long nowMs = now == null ? 0 : now.toEpochMilli();
        if (any != null && processed(ack.status())) {
            int i = any.device();
            processedUpTo[i] = Math.max(processedUpTo[i], any.id());
            if (unresolvedUpW[i] > 0 && processedUpTo[i] >= lastUpwardId[i]) {
                upClearAfterMs[i] = Math.max(nowMs, upUncertainUntilMs[i]);
            }
        }
        DeviceCommand c = inFlight.get(ack.commandId());
        if (c == null) {
            return; // already finished (superseded or timed out); ordering was recorded above
        }
        int i = c.device();
        observer.onAck(c, ack.status(), ack.latency());
        if (ack.status().accepted()) {
            pendingAcked[i] = true;
            return;
        }
        if (ack.status() == AckStatus.UNSUPPORTED && c.desired() instanceof DesiredState.PowerTarget pt) {
            refreshRange(i, pt.powerW());
        }
        finishFailed(i, c, ack.status().label(), ack.detail());
    }

    /** Whether an answer proves the device handled the command (so every earlier command too). */
    private static boolean processed(AckStatus s) {
        return switch (s) {
            case CONFIRMED, ACCEPTED, NOT_APPLIED, DENIED, UNSUPPORTED -> true;
            case TIMEOUT, UNREACHABLE, FAILED -> false;
        };
    }

    /** Forgets unanswered commands older than an hour (their upward levels stay counted until a later answer). */
    private void pruneAwaiting(Instant nowUtc) {
        Instant horizon = nowUtc.minus(Duration.ofHours(1));
        var it = awaitingAnswer.values().iterator();
        while (it.hasNext()) {
            if (it.next().sentAtUtc().isBefore(horizon)) {
                it.remove();
            } else {
                break;
            }
        }
    }

    private void finishConfirmed(int i, DeviceCommand c) {
        pending[i] = null;
        inFlight.remove(c.id());
        failures[i] = 0;
        nextAttemptMs[i] = 0;
        confirmedTargetW[i] = c.desired() instanceof DesiredState.PowerTarget pt ? pt.powerW() : Double.NaN;
        long latencyMs = (now == null ? 0 : now.toEpochMilli()) - c.sentAtUtc().toEpochMilli();
        record(
                now == null ? c.sentAtUtc() : now,
                target(i),
                c.desired().label(),
                "confirmed",
                Map.of("command", Long.toString(c.id()), "latencyMs", Long.toString(latencyMs)));
        observer.onCommandFinished(c, "confirmed", Duration.ofMillis(latencyMs));
    }

    /** How long a request whose answer never came may still take effect: twice the confirmation timeout. */
    private long lateWindowMs() {
        return 2 * confirmMs;
    }

    private void finishFailed(int i, DeviceCommand c, String outcome, String detail) {
        if (upLevel(i, c.desired()) > 0 && !pendingAcked[i]) {
            long t = (now == null ? 0 : now.toEpochMilli()) + lateWindowMs();
            upUncertainUntilMs[i] = Math.max(upUncertainUntilMs[i], t);
        }
        pending[i] = null;
        inFlight.remove(c.id());
        failures[i]++;
        totalFailures++;
        long nowMs = now == null ? 0 : now.toEpochMilli();
        long mult = safe ? 1 : Math.min(8, 1L << Math.min(3, failures[i] - 1));
        nextAttemptMs[i] = nowMs + retryMs * mult;
        long latencyMs = nowMs - c.sentAtUtc().toEpochMilli();
        record(
                now == null ? c.sentAtUtc() : now,
                target(i),
                c.desired().label(),
                outcome,
                Map.of(
                        "command",
                        Long.toString(c.id()),
                        "latencyMs",
                        Long.toString(latencyMs),
                        "detail",
                        detail.length() > 200 ? detail.substring(0, 200) : detail));
        observer.onCommandFinished(c, outcome, Duration.ofMillis(latencyMs));
    }

    private boolean safeRealized() {
        double tol = cfg.powerToleranceW();
        for (int i = 0; i < n; i++) {
            if (f.lost[i]) {
                continue;
            }
            switch (f.want[i]) {
                case SLEEP -> {
                    if (!f.asleep[i]) {
                        return false;
                    }
                }
                case TARGET -> {
                    if (f.worstCaseW[i] > f.wantTargetW[i] + tol) {
                        return false;
                    }
                }
                case KEEP, RUN -> {}
            }
        }
        return true;
    }

    private String target(int i) {
        return "device:" + specs.get(i).id();
    }

    private void record(Instant t, String target, String action, String outcome, Map<String, String> details) {
        audit.append(new AuditEntry(0, t, ACTOR, target, action, outcome, details));
    }
}
