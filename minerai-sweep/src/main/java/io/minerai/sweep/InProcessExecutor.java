package io.minerai.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.jspecify.annotations.Nullable;

/**
 * Runs a sweep on threads of this JVM (the default executor). Workers take the next task index from a shared counter
 * and store each result at its index, so the results do not depend on the number of threads or on which thread ran
 * which task. The calling thread is one of the workers.
 */
public final class InProcessExecutor implements SweepExecutor {
    private final int threads;

    /** An executor on {@code threads} threads (>= 1). */
    public InProcessExecutor(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, was " + threads);
        }
        this.threads = threads;
    }

    /** An executor on every available core. */
    public InProcessExecutor() {
        this(Runtime.getRuntime().availableProcessors());
    }

    /** Its number of threads. */
    public int threads() {
        return threads;
    }

    @Override
    public String name() {
        return SweepExecutors.LOCAL;
    }

    @Override
    public <T extends Record, R extends Record> SweepResult<R> run(
            Sweep<T> sweep, SweepKernel<T, R> kernel, SweepProgress progress) {
        int n = sweep.size();
        RecordColumns.of(kernel.resultType());
        Object[] results = new Object[n];
        AtomicInteger next = new AtomicInteger();
        AtomicReferenceArray<@Nullable Throwable> failures = new AtomicReferenceArray<>(n);
        AtomicInteger failed = new AtomicInteger(Integer.MAX_VALUE);
        Progress counter = new Progress(progress, n);
        Runnable worker = () -> {
            int i;
            while (failed.get() == Integer.MAX_VALUE && (i = next.getAndIncrement()) < n) {
                try {
                    results[i] = Objects.requireNonNull(
                            kernel.evaluate(sweep.task(i), new TaskContext(sweep.seed(), i)),
                            "the kernel returned null");
                } catch (RuntimeException | Error e) {
                    failures.set(i, e);
                    failed.accumulateAndGet(i, Math::min);
                    return;
                }
                counter.done();
            }
        };
        int workers = Math.min(threads, Math.max(1, n));
        List<Thread> started = new ArrayList<>();
        for (int w = 1; w < workers; w++) {
            Thread t = new Thread(worker, "minerai-sweep-" + w);
            t.setDaemon(true);
            t.start();
            started.add(t);
        }
        worker.run();
        try {
            for (Thread t : started) {
                t.join();
            }
        } catch (InterruptedException e) {
            failed.set(-1);
            Thread.currentThread().interrupt();
            throw new SweepFailedException(sweep.name(), -1, "interrupted", e);
        }
        int first = failed.get();
        if (first != Integer.MAX_VALUE) {
            Throwable cause = failures.get(first);
            String message = cause == null ? "failed" : cause.getClass().getSimpleName() + ": " + cause.getMessage();
            throw new SweepFailedException(sweep.name(), first, message + " (task " + sweep.task(first) + ")", cause);
        }
        List<R> out = new ArrayList<>(n);
        for (Object r : results) {
            out.add(kernel.resultType().cast(r));
        }
        return new SweepResult<>(sweep.name(), sweep.seed(), out);
    }

    @Override
    public String toString() {
        return "InProcessExecutor[threads=" + threads + "]";
    }

    /** Counts finished tasks and reports them one call at a time, in increasing order. */
    private static final class Progress {
        private final SweepProgress progress;
        private final long total;
        private long done;

        Progress(SweepProgress progress, long total) {
            this.progress = progress;
            this.total = total;
        }

        synchronized void done() {
            done++;
            progress.update(done, total);
        }
    }
}
