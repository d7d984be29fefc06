package io.minerai.ops.gpu;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/** Runs a command (nvidia-smi) and returns what it printed. Injectable so tests and emulators need no GPU. */
@FunctionalInterface
public interface CommandRunner {
    /**
     * The outcome of one command.
     *
     * @param exitCode process exit code
     * @param stdout standard output
     * @param stderr standard error
     */
    record Result(int exitCode, String stdout, String stderr) {}

    Result run(List<String> argv, Duration timeout) throws IOException;

    /** Runs real processes (for a GPU server the controller runs on, or through {@code ssh host nvidia-smi}). */
    static CommandRunner processes() {
        return (argv, timeout) -> {
            Process p = new ProcessBuilder(argv).start();
            try {
                if (!p.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    p.destroyForcibly();
                    throw new IOException(String.join(" ", argv) + ": no answer within " + timeout);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
                throw new IOException("interrupted", e);
            }
            return new Result(
                    p.exitValue(),
                    new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8),
                    new String(p.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        };
    }
}
