package io.minerai.sweep;

import io.minerai.core.validation.Problem;
import io.minerai.core.validation.ValidationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How to build an executor: what the CLI's {@code --executor}, {@code --threads}, {@code --spark-master} and
 * {@code --spark-work-dir} options say.
 *
 * @param threads worker threads of the in-process executor; 0 = every available core
 * @param master a cluster master URL for distributed executors (Spark: {@code local[2]}, {@code spark://host:7077},
 *     {@code k8s://https://host:443}, {@code yarn}); empty = the executor's default (for Spark: the master that
 *     {@code spark-submit} set, else {@code local[*]})
 * @param workDirectory where a distributed executor writes its Parquet inputs and results (a path or URI every worker
 *     can read, e.g. {@code hdfs:///tmp/minerai} on a cluster); empty = a temporary local directory removed afterwards
 * @param connectTimeout how long to wait for a cluster master to answer before giving up
 * @param properties extra executor properties (for Spark: {@code spark.*} configuration)
 */
public record ExecutorSettings(
        int threads,
        Optional<String> master,
        Optional<String> workDirectory,
        Duration connectTimeout,
        Map<String, String> properties) {
    public ExecutorSettings {
        properties = Map.copyOf(properties);
        List<Problem> problems = new ArrayList<>();
        if (threads < 0) {
            problems.add(new Problem("threads", "must be >= 0 (0 = every core), was " + threads));
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            problems.add(new Problem("connectTimeout", "must be > 0, was " + connectTimeout));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException("executor settings", problems);
        }
    }

    /** Every core, the executor's default master, a temporary work directory, a 10 s connect timeout. */
    public static ExecutorSettings defaults() {
        return new ExecutorSettings(0, Optional.empty(), Optional.empty(), Duration.ofSeconds(10), Map.of());
    }

    public ExecutorSettings withThreads(int n) {
        return new ExecutorSettings(n, master, workDirectory, connectTimeout, properties);
    }

    public ExecutorSettings withMaster(String url) {
        return new ExecutorSettings(threads, Optional.of(url), workDirectory, connectTimeout, properties);
    }

    public ExecutorSettings withWorkDirectory(String pathOrUri) {
        return new ExecutorSettings(threads, master, Optional.of(pathOrUri), connectTimeout, properties);
    }

    public ExecutorSettings withConnectTimeout(Duration timeout) {
        return new ExecutorSettings(threads, master, workDirectory, timeout, properties);
    }

    public ExecutorSettings withProperties(Map<String, String> extra) {
        return new ExecutorSettings(threads, master, workDirectory, connectTimeout, extra);
    }

    /** The number of threads to use: {@link #threads} or, when 0, the available processors. */
    public int effectiveThreads() {
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }
}
