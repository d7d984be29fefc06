package io.minerai.portfolio.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.IntConsumer;

/**
 * Runs the sweep's independent site tasks. Results come back in task order whatever the worker that ran them, and a
 * task's result depends only on the task, so the portfolio's figures are identical for any number of threads.
 */
public interface TaskExecutor {
    /**
     * Runs {@code evaluate} on every task.
     *
     * @param pathsDone told the number of paths of each finished task (from worker threads)
     */
    List<SiteTaskResult> run(List<SiteTask> tasks, Function<SiteTask, SiteTaskResult> evaluate, IntConsumer pathsDone);

    /** In-process on {@code threads} threads (1 = the calling thread). */
    static TaskExecutor inProcess(int threads) {
        return (tasks, evaluate, pathsDone) -> {
            SiteTaskResult[] out = new SiteTaskResult[tasks.size()];
            AtomicInteger next = new AtomicInteger();
            Runnable worker = () -> {
                int i;
                while ((i = next.getAndIncrement()) < tasks.size()) {
                    out[i] = evaluate.apply(tasks.get(i));
                    pathsDone.accept(tasks.get(i).count());
                }
            };
            int n = Math.max(1, Math.min(threads, tasks.size()));
            if (n == 1) {
                worker.run();
            } else {
                ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
                    Thread t = new Thread(r, "minerai-portfolio");
                    t.setDaemon(true);
                    return t;
                });
                try {
                    List<Future<?>> fs = new ArrayList<>();
                    for (int w = 0; w < n; w++) {
                        fs.add(pool.submit(worker));
                    }
                    for (Future<?> f : fs) {
                        f.get();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("portfolio sweep interrupted", e);
                } catch (ExecutionException e) {
                    throw new IllegalStateException("portfolio sweep failed: " + e.getCause(), e.getCause());
                } finally {
                    pool.shutdownNow();
                }
            }
            return List.of(out);
        };
    }
}
