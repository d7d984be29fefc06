package io.minerai.cli;

import java.io.PrintStream;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.jspecify.annotations.Nullable;

/**
 * Progress of a multi-step command on stderr: an ASCII progress bar on a terminal, one line per step otherwise (CI
 * logs, pipes), nothing with --quiet.
 */
final class Progress implements AutoCloseable {
    private final PrintStream err;
    private final boolean quiet;
    private final int steps;
    private final @Nullable ProgressBar bar;
    private int done;

    Progress(String task, int steps, boolean quiet) {
        this.err = System.err;
        this.quiet = quiet;
        this.steps = steps;
        boolean tty = System.console() != null && System.getenv("CI") == null;
        this.bar = quiet || !tty
                ? null
                : new ProgressBarBuilder()
                        .setTaskName(task)
                        .setInitialMax(steps)
                        .setStyle(ProgressBarStyle.ASCII)
                        .setUpdateIntervalMillis(100)
                        .continuousUpdate()
                        .build();
    }

    /** Starts step {@code name}. */
    void step(String name) {
        done++;
        if (quiet) {
            return;
        }
        if (bar != null) {
            bar.stepTo(done - 1);
            bar.setExtraMessage(name);
        } else {
            err.printf(Locale.ROOT, "[%d/%d] %s%n", done, steps, name);
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.stepTo(steps);
            bar.close();
        }
    }
}
