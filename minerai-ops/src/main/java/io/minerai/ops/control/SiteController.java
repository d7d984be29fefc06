package io.minerai.ops.control;

import io.minerai.core.audit.AuditEntry;
import io.minerai.core.audit.AuditLog;
import io.minerai.ops.device.AckStatus;
import io.minerai.ops.device.DesiredState;
import io.minerai.ops.device.DeviceMode;
import io.minerai.ops.device.DeviceSpec;
import io.minerai.ops.device.DeviceTelemetry;
import io.minerai.ops.signal.SignalSource;
import io.minerai.ops.signal.SignalValue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /** Everything a controller needs. */
    public record Wiring(
            ControllerConfig config,
            FleetPort fleet,
            List<SignalSource> signals,
            TargetSource targets,
            AuditLog audit,
            ControllerObserver observer) {}

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
        for (SignalSource s : signals) {
            var v = s.latest(nowUtc);
            if (v.isEmpty()) {
                reasons.add(s.name() + " missing");
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
            f.limitW[i] =
                    t != null && t.powerLimitW().isPresent() ? t.powerLimitW().getAsDouble() : Double.NaN;
            if (t != null) {
                if (!Double.isNaN(t.powerW())) {
                    measuredW += t.powerW();
                }
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
        if (n > 0 && lostCount > cfg.lostFractionForSafeState() * n) {
            reasons.add(lostCount + " of " + n + " devices lost");
        }

        // Mode.
        boolean nowSafe = !reasons.isEmpty();
        if (nowSafe && !safe) {
            safe = true;
            safeReachedAudited = false;
            safeLateAudited = false;
            safeSinceMs = nowMs;
            record(nowUtc, "site", "enter-safe-state", "done", Map.of("reasons", String.join("; ", reasons)));
        } else if (!nowSafe && safe) {
            safe = false;
            record(nowUtc, "site", "leave-safe-state", "done", Map.of());
        } else if (nowSafe && !reasons.equals(lastReasons)) {
            record(nowUtc, "site", "safe-state-reasons", "changed", Map.of("reasons", String.join("; ", reasons)));
        }
        lastReasons = reasons;

        double targetMw = targets.targetLoadMw(nowUtc, price, specs);
        if (safe) {
            ceilingW = cfg.safeMaxLoadMw() * 1e6;
        } else {
            ceilingW = Math.min(ceilingW, Math.max(0, targetMw) * 1e6);
        }
        Planner.allocate(f, ceilingW, capW, safe);
        int sent = choose(nowUtc, nowMs);

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
                totalFailures);
        observer.onStep(st);
        return st;
    }

    /** Whether the safe state is in force now. */
    public boolean safe() {
        return safe;
    }

    /** The worst-case power the controller counts for device {@code i} as of the last step, W. */
    public double worstCaseW(int i) {
        return f.worstCaseW[i];
    }

    /** Whether device {@code i} is declared lost as of the last step. */
    public boolean deviceLost(int i) {
        return f.lost[i];
    }

    /** Sum of worst-case device power as of the last step, MW. */
    public double worstCasePowerMw() {
        return f.worstCaseTotalW() / 1e6;
    }

    /** Ends every command still in flight as "abandoned" (at shutdown), so each has an outcome in the log. */
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
        record(nowUtc, "site", "controller-stop", "done", Map.of());
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
    private int choose(Instant nowUtc, long nowMs) {
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
            if (delta > 0) {
                // Upward: the cap is a hard invariant; restores are also rate limited.
                if (wcTotal + delta > capW + 1e-6) {
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
