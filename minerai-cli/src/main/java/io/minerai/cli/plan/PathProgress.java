package io.minerai.cli.plan;

import io.minerai.planning.run.PlanRunner;
import java.io.PrintStream;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.jspecify.annotations.Nullable;

/**
 * An ASCII progress bar over Monte Carlo paths on stderr. On a terminal it redraws in place; in CI logs and pipes
 * (no console, or CI set) each update is a new line, at most every 2 seconds, so logs stay short. Thread-safe: workers
 * report finished paths.
 */
public final class PathProgress implements PlanRunner.Listener, AutoCloseable {
    private final @Nullable ProgressBar bar;

    public PathProgress(String task, long totalPaths, boolean quiet, PrintStream err) {
        if (quiet) {
            bar = null;
            return;
        }
        boolean tty = System.console() != null && System.getenv("CI") == null;
        ProgressBarBuilder b = new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(totalPaths)
                .setStyle(ProgressBarStyle.ASCII)
                .setUnit(" paths", 1)
                .showSpeed();
        if (tty) {
            b.setUpdateIntervalMillis(200).setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(err));
        } else {
            b.setUpdateIntervalMillis(2000).setConsumer(new DelegatingProgressBarConsumer(err::println, 100));
        }
        bar = b.build();
    }

    @Override
    public void pathsDone(int paths) {
        if (bar != null) {
            bar.stepBy(paths);
        }
    }

    @Override
    public void stage(String m) {
        if (bar != null) {
            bar.setExtraMessage(" " + m);
        }
    }

    /** A new total when more work was planned. */
    public void total(long paths) {
        if (bar != null) {
            bar.maxHint(paths);
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
