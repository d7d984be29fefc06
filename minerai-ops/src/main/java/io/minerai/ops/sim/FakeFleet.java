package io.minerai.ops.sim;

import io.minerai.ops.control.CommandAck;
import io.minerai.ops.control.DeviceCommand;
import io.minerai.ops.control.FleetPort;
import io.minerai.ops.device.AckStatus;
import io.minerai.ops.device.DesiredState;
import io.minerai.ops.device.DeviceMode;
import io.minerai.ops.device.DeviceProblem;
import io.minerai.ops.device.DeviceSpec;
import io.minerai.ops.device.DeviceTelemetry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * An in-memory fleet with the physics of real devices and random faults, for controller tests and benchmarks without
 * sockets. Synthetic by design: fault rates are parameters, not measurements.
 *
 * <p>Each device has a true state (mode, power limit, power) that changes only when a command is applied. Commands to
 * one device apply in the order sent, after a delay. A command's fate is drawn when it is sent: applied, dropped (no
 * answer, no effect), ignored (answered OK, no effect), denied, or slow (applied and answered late). Devices also go
 * unreachable (no answers, no readings) and freeze their telemetry (readings keep an old timestamp) for random spells.
 * The true site power is exposed so a test can check the cap against reality, not against the controller's belief.
 */
public final class FakeFleet implements FleetPort {
    /**
     * Fault rates.
     *
     * @param dropProbability a command is lost: no answer, no effect
     * @param ignoreProbability a command is answered OK but has no effect
     * @param denyProbability a command is refused
     * @param slowProbability a command is applied and answered after {@code slowDelaySteps} (1..max) steps
     * @param maxSlowDelaySteps longest delay of a slow command, in steps
     * @param unreachablePerStep chance per device and step that an unreachable spell starts
     * @param maxUnreachableSteps longest unreachable spell, steps
     * @param freezePerStep chance per device and step that a frozen-telemetry spell starts
     * @param maxFreezeSteps longest frozen spell, steps
     * @param lateProbability a command times out for the client but the device applies it 1..{@code maxLateSteps}
     *     steps later, out of order with later commands (a request the device finished after its client gave up)
     * @param maxLateSteps longest such delay, steps
     */
    public record Faults(
            double dropProbability,
            double ignoreProbability,
            double denyProbability,
            double slowProbability,
            int maxSlowDelaySteps,
            double unreachablePerStep,
            int maxUnreachableSteps,
            double freezePerStep,
            int maxFreezeSteps,
            double lateProbability,
            int maxLateSteps) {
        public static final Faults NONE = new Faults(0, 0, 0, 0, 1, 0, 1, 0, 1, 0, 1);
    }

    private enum Fate {
        APPLY,
        DROP,
        IGNORE,
        DENY
    }

    private record Queued(DeviceCommand command, Fate fate, long applyAtStep) {}

    private final List<DeviceSpec> specs;
    private final int n;
    private final Faults faults;
    private final SplittableRandom rnd;
    private final Duration step;
    private final DeviceMode[] mode;
    private final double[] limitW;
    private final @Nullable DeviceTelemetry[] lastReading;
    private final int[] unreachableLeft;
    private final @Nullable DeviceProblem[] problems;
    private final int[] frozenLeft;
    private final List<ArrayDeque<Queued>> queues;
    private final List<CommandAck> acks = new ArrayList<>();
    private final List<Queued> strays = new ArrayList<>();
    private long stepNo;
    private Instant now = Instant.EPOCH;

    /**
     * @param specs the devices
     * @param initialMode every device's true mode at the start
     * @param faults fault rates
     * @param seed random seed
     * @param step the controller's step (delays are counted in steps)
     */
    public FakeFleet(List<DeviceSpec> specs, DeviceMode initialMode, Faults faults, long seed, Duration step) {
        this.specs = List.copyOf(specs);
        this.n = specs.size();
        this.faults = faults;
        this.rnd = new SplittableRandom(seed);
        this.step = step;
        this.mode = new DeviceMode[n];
        this.limitW = new double[n];
        this.lastReading = new DeviceTelemetry[n];
        this.unreachableLeft = new int[n];
        this.problems = new DeviceProblem[n];
        this.frozenLeft = new int[n];
        this.queues = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            mode[i] = initialMode;
            limitW[i] = Double.NaN;
            queues.add(new ArrayDeque<>());
        }
    }

    @Override
    public List<DeviceSpec> specs() {
        return specs;
    }

    @Override
    public void beginStep(Instant nowUtc) {
        now = nowUtc;
        stepNo++;
        for (int i = 0; i < n; i++) {
            if (unreachableLeft[i] > 0) {
                unreachableLeft[i]--;
            } else if (faults.unreachablePerStep() > 0 && rnd.nextDouble() < faults.unreachablePerStep()) {
                unreachableLeft[i] = 1 + rnd.nextInt(faults.maxUnreachableSteps());
            }
            if (unreachableLeft[i] > 0 && problems[i] == null) {
                problems[i] = new DeviceProblem(AckStatus.UNREACHABLE, "connect: connection refused", now);
            } else if (unreachableLeft[i] == 0) {
                problems[i] = null;
            }
            if (frozenLeft[i] > 0) {
                frozenLeft[i]--;
            } else if (faults.freezePerStep() > 0 && rnd.nextDouble() < faults.freezePerStep()) {
                frozenLeft[i] = 1 + rnd.nextInt(faults.maxFreezeSteps());
            }
            for (int k = strays.size() - 1; k >= 0; k--) {
                Queued st = strays.get(k);
                if (st.command().device() == i && st.applyAtStep() <= stepNo) {
                    strays.remove(k);
                    applyQueued(i, new Queued(st.command(), Fate.DROP, stepNo)); // no answer: the client gave up
                    applyEffect(i, st.command());
                }
            }
            ArrayDeque<Queued> q = queues.get(i);
            while (!q.isEmpty() && q.peekFirst().applyAtStep() <= stepNo) {
                Queued c = q.pollFirst();
                applyQueued(i, c);
            }
            if (unreachableLeft[i] == 0 && frozenLeft[i] == 0) {
                lastReading[i] = reading(i);
            }
        }
    }

    private void applyQueued(int i, Queued c) {
        Duration latency = Duration.between(c.command().sentAtUtc(), now);
        switch (c.fate()) {
            case DROP -> {}
            case DENY -> acks.add(new CommandAck(c.command().id(), AckStatus.DENIED, "access denied", latency));
            case IGNORE -> acks.add(new CommandAck(c.command().id(), AckStatus.ACCEPTED, "OK (ignored)", latency));
            case APPLY -> {
                applyEffect(i, c.command());
                acks.add(new CommandAck(c.command().id(), AckStatus.ACCEPTED, "OK", latency));
            }
        }
    }

    private void applyEffect(int i, DeviceCommand c) {
        switch (c.desired()) {
            case DesiredState.Sleep s -> mode[i] = DeviceMode.SLEEPING;
            case DesiredState.Run r -> {
                mode[i] = DeviceMode.RUNNING;
                limitW[i] = Double.NaN;
            }
            case DesiredState.PowerTarget pt -> {
                mode[i] = DeviceMode.RUNNING;
                limitW[i] = Math.min(pt.powerW(), specs.get(i).ratedPowerW());
            }
        }
    }

    private DeviceTelemetry reading(int i) {
        DeviceSpec s = specs.get(i);
        double p = truePowerW(i);
        double hash = mode[i] == DeviceMode.RUNNING ? s.hashrateThPerS() * p / s.ratedPowerW() : 0;
        return new DeviceTelemetry(
                now, mode[i], p, hash, Double.isNaN(limitW[i]) ? OptionalDouble.empty() : OptionalDouble.of(limitW[i]));
    }

    /** What device {@code i} really draws now, W. */
    public double truePowerW(int i) {
        DeviceSpec s = specs.get(i);
        if (mode[i] == DeviceMode.SLEEPING) {
            return s.curtailedPowerW();
        }
        return Double.isNaN(limitW[i]) ? s.ratedPowerW() : Math.min(limitW[i], s.ratedPowerW());
    }

    /** What the whole site really draws now, W. */
    public double trueSitePowerW() {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += truePowerW(i);
        }
        return sum;
    }

    /** The true mode of device {@code i}. */
    public DeviceMode trueMode(int i) {
        return mode[i];
    }

    /** Whether device {@code i} is in an unreachable spell now. */
    public boolean unreachable(int i) {
        return unreachableLeft[i] > 0;
    }

    @Override
    public @Nullable DeviceTelemetry telemetry(int i) {
        return lastReading[i];
    }

    @Override
    public @Nullable DeviceProblem problem(int i) {
        return problems[i];
    }

    @Override
    public boolean readAttempted(int i) {
        return stepNo > 0;
    }

    @Override
    public void send(DeviceCommand c) {
        int i = c.device();
        if (unreachableLeft[i] > 0) {
            acks.add(new CommandAck(c.id(), AckStatus.UNREACHABLE, "connection refused", Duration.ZERO));
            return;
        }
        if (faults.lateProbability() > 0 && rnd.nextDouble() < faults.lateProbability()) {
            acks.add(new CommandAck(
                    c.id(), AckStatus.TIMEOUT, "no reply (the device finishes it later)", Duration.ZERO));
            strays.add(new Queued(c, Fate.APPLY, stepNo + 1 + rnd.nextInt(Math.max(1, faults.maxLateSteps()))));
            return;
        }
        double u = rnd.nextDouble();
        Fate fate;
        long delay = 1;
        if (u < faults.dropProbability()) {
            fate = Fate.DROP;
        } else if ((u -= faults.dropProbability()) < faults.ignoreProbability()) {
            fate = Fate.IGNORE;
        } else if ((u -= faults.ignoreProbability()) < faults.denyProbability()) {
            fate = Fate.DENY;
        } else {
            fate = Fate.APPLY;
            if (u - faults.denyProbability() < faults.slowProbability()) {
                delay = 1 + rnd.nextInt(Math.max(1, faults.maxSlowDelaySteps()));
            }
        }
        ArrayDeque<Queued> q = queues.get(i);
        long at = stepNo + delay;
        if (!q.isEmpty()) {
            at = Math.max(at, q.peekLast().applyAtStep()); // commands to one device apply in order
        }
        q.addLast(new Queued(c, fate, at));
    }

    @Override
    public void drainAcks(Consumer<CommandAck> sink) {
        if (acks.isEmpty()) {
            return;
        }
        List<CommandAck> copy = new ArrayList<>(acks);
        acks.clear();
        copy.forEach(sink);
    }

    /** The step length the delays are counted in. */
    public Duration step() {
        return step;
    }
}
