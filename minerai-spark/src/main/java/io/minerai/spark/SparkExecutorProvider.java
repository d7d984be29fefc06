package io.minerai.spark;

import io.minerai.sweep.ExecutorSettings;
import io.minerai.sweep.SweepExecutor;
import io.minerai.sweep.SweepExecutorProvider;

/** Makes the Spark executor available as {@code --executor spark} (listed in META-INF/services). */
public final class SparkExecutorProvider implements SweepExecutorProvider {
    @Override
    public String name() {
        return "spark";
    }

    @Override
    public SweepExecutor create(ExecutorSettings settings) {
        return SparkExecutor.create(settings);
    }
}
