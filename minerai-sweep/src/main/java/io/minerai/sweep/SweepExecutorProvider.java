package io.minerai.sweep;

/**
 * Service-provider interface for executors that live in optional modules (minerai-spark): listed in
 * {@code META-INF/services/io.minerai.sweep.SweepExecutorProvider} and found by {@link SweepExecutors#create} only
 * when their jars are on the class path, so nothing depends on them at compile time.
 */
public interface SweepExecutorProvider {
    /** The name the CLI's {@code --executor} uses for it. */
    String name();

    /**
     * A new executor.
     *
     * @throws io.minerai.core.validation.ValidationException if the settings are unusable (e.g. a master that cannot
     *     be reached), before anything is written
     */
    SweepExecutor create(ExecutorSettings settings);
}
