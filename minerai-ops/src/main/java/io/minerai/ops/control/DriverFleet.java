package io.minerai.ops.control;

import io.minerai.ops.device.AckStatus;
import io.minerai.ops.device.Capabilities;
import io.minerai.ops.device.CommandResult;
import io.minerai.ops.device.DeviceDriver;
import io.minerai.ops.device.DeviceException;
import io.minerai.ops.device.DeviceProblem;
import io.minerai.ops.device.DeviceSpec;
import io.minerai.ops.device.DeviceTelemetry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The {@link FleetPort} over real drivers. Each device has its own queue worked by at most one virtual thread at a
 * time, so commands and reads to one device happen in the order issued and one connection/session at a time (LuxOS
 * allows a single session). Every step queues a telemetry read per device (skipped while one is still queued); a
 * command is followed by a read, so its effect shows up in the next reading. A failed read keeps the last reading (its
 * age tells the controller) and records why it failed ({@link #problem}). Closing the fleet closes the drivers, which
 * never raise a device's load (GPU caps stay where the controller left them).
 */
public final class DriverFleet implements FleetPort, AutoCloseable {
    private final List<DeviceSpec> specs;
    private final List<DeviceDriver> drivers;
    private final Clock clock;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicReferenceArray<DeviceTelemetry> latest;
    private final AtomicReferenceArray<DeviceProblem> problems;
    private final java.util.concurrent.atomic.AtomicIntegerArray attempted;
    private final List<SerialQueue> queues = new ArrayList<>();
    private final ConcurrentLinkedQueue<CommandAck> acks = new ConcurrentLinkedQueue<>();
    private final Object quiet = new Object();
    private int pendingTasks;
    private volatile boolean readsByCaller;

    /** Work for one device, run in order on at most one thread at a time. */
    private final class SerialQueue {
        private final ArrayDeque<Runnable> q = new ArrayDeque<>();
        private boolean running;
        private boolean readQueued;

        synchronized void add(Runnable task) {
            synchronized (quiet) {
                pendingTasks++;
            }
            Runnable r = () -> {
                try {
                    task.run();
                } finally {
                    synchronized (quiet) {
                        pendingTasks--;
                        quiet.notifyAll();
                    }
                }
            };
            q.addLast(r);
            if (!running) {
                running = true;
                executor.execute(this::drain);
            }
        }

        synchronized boolean tryQueueRead() {
            if (readQueued) {
                return false;
            }
            readQueued = true;
            return true;
        }

        synchronized void readDone() {
            readQueued = false;
        }

        private void drain() {
            while (true) {
                Runnable r;
                synchronized (this) {
                    r = q.pollFirst();
                    if (r == null) {
                        running = false;
                        return;
                    }
                }
                r.run();
            }
        }
    }

    public DriverFleet(List<DeviceSpec> specs, List<DeviceDriver> drivers, Clock clock) {
        if (specs.size() != drivers.size()) {
            throw new IllegalArgumentException("one driver per device spec");
        }
        this.specs = List.copyOf(specs);
        this.drivers = List.copyOf(drivers);
        this.clock = clock;
        this.latest = new AtomicReferenceArray<>(specs.size());
        this.problems = new AtomicReferenceArray<>(specs.size());
        this.attempted = new java.util.concurrent.atomic.AtomicIntegerArray(specs.size());
        for (int i = 0; i < specs.size(); i++) {
            queues.add(new SerialQueue());
        }
    }

    @Override
    public List<DeviceSpec> specs() {
        return specs;
    }

    /**
     * Reproducible runs (simulations on a fake clock): the controller step no longer starts reads; the caller reads
     * every device with {@link #readAllAndWait} before each step, so a step never sees a read that finished half-way
     * through it.
     */
    public DriverFleet readsByCaller() {
        this.readsByCaller = true;
        return this;
    }

    /** Reads every device and waits until every queued read and command has finished (or {@code max} passed). */
    public boolean readAllAndWait(Duration max) throws InterruptedException {
        queueReads();
        return awaitQuiet(max);
    }

    @Override
    public void beginStep(Instant nowUtc) {
        if (!readsByCaller) {
            queueReads();
        }
    }

    private void queueReads() {
        for (int i = 0; i < specs.size(); i++) {
            SerialQueue sq = queues.get(i);
            if (sq.tryQueueRead()) {
                int d = i;
                sq.add(() -> {
                    try {
                        read(d);
                    } finally {
                        sq.readDone();
                    }
                });
            }
        }
    }

    private void read(int i) {
        try {
            latest.set(i, drivers.get(i).readTelemetry());
            problems.set(i, null);
        } catch (DeviceException e) {
            problem(i, e.status(), e.getMessage() == null ? e.toString() : e.getMessage());
        } catch (RuntimeException e) {
            problem(i, AckStatus.FAILED, e.toString());
        } finally {
            attempted.set(i, 1);
        }
    }

    /** Keeps the last reading (its age tells the controller) and says why this one failed. */
    private void problem(int i, AckStatus status, String detail) {
        DeviceProblem old = problems.get(i);
        Instant since = old != null && old.status() == status ? old.sinceUtc() : clock.instant();
        problems.set(i, new DeviceProblem(status, detail, since));
    }

    @Override
    public @Nullable DeviceProblem problem(int i) {
        return problems.get(i);
    }

    @Override
    public boolean readAttempted(int i) {
        return attempted.get(i) != 0;
    }

    @Override
    public Capabilities capabilities(int i) {
        return drivers.get(i).capabilities();
    }

    @Override
    public @Nullable DeviceTelemetry telemetry(int i) {
        return latest.get(i);
    }

    @Override
    public void send(DeviceCommand c) {
        int i = c.device();
        queues.get(i).add(() -> {
            Instant t0 = clock.instant();
            CommandResult r;
            try {
                r = drivers.get(i).apply(c.desired());
            } catch (DeviceException e) {
                r = CommandResult.of(e.status(), e.getMessage() == null ? "" : e.getMessage());
            } catch (RuntimeException e) {
                r = CommandResult.of(AckStatus.FAILED, e.toString());
            }
            acks.add(new CommandAck(c.id(), r.status(), r.detail(), Duration.between(t0, clock.instant())));
            read(i);
        });
    }

    /** Hands the answers over in command order (devices answer in any order; the audit log stays reproducible). */
    @Override
    public void drainAcks(Consumer<CommandAck> sink) {
        List<CommandAck> got = new ArrayList<>();
        CommandAck a;
        while ((a = acks.poll()) != null) {
            got.add(a);
        }
        got.sort(java.util.Comparator.comparingLong(CommandAck::commandId));
        got.forEach(sink);
    }

    /**
     * Waits until every queued read and command has finished, or {@code max} has passed (simulations on a fake clock
     * use this between steps; a live controller does not wait).
     *
     * @return whether the fleet went quiet in time
     */
    public boolean awaitQuiet(Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        synchronized (quiet) {
            while (pendingTasks > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                quiet.wait(Math.max(1, left / 1_000_000));
            }
        }
        return true;
    }

    /** Closes every driver. Drivers never raise load on close: what the controller curtailed stays curtailed. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            executor.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        drivers.forEach(DeviceDriver::close);
    }
}
