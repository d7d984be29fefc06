package io.minerai.sweep;

import io.minerai.core.validation.Problem;
import io.minerai.core.validation.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** Creates executors by name: {@code local} (in-process, built in) or any {@link SweepExecutorProvider} found. */
public final class SweepExecutors {
    /** The built-in in-process executor's name. */
    public static final String LOCAL = "local";

    private SweepExecutors() {}

    /**
     * The executor called {@code name}.
     *
     * @throws ValidationException (path {@code --executor}) if no executor has that name on the class path, or if
     *     the provider refuses the settings
     */
    public static SweepExecutor create(String name, ExecutorSettings settings) {
        if (name.equals(LOCAL)) {
            return new InProcessExecutor(settings.effectiveThreads());
        }
        List<String> known = new ArrayList<>(List.of(LOCAL));
        for (SweepExecutorProvider p : ServiceLoader.load(SweepExecutorProvider.class)) {
            if (p.name().equals(name)) {
                return p.create(settings);
            }
            known.add(p.name());
        }
        String hint = name.equals("spark")
                ? "the Spark executor's jars are not on the class path (./minerai adds them when it is given"
                        + " --executor spark; elsewhere add minerai-spark and its dependencies)"
                : "known executors: " + String.join(", ", known);
        throw new ValidationException(
                "executor", new Problem("--executor", "no executor named '" + name + "': " + hint));
    }
}
