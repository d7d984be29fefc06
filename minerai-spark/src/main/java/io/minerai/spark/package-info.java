/**
 * minerai-spark: the Apache Spark executor of a sweep. Tasks go to Parquet, Spark evaluates them partition by partition
 * with the same kernel and the same (seed, task index) streams as in-process, and the per-task results go to Parquet;
 * nothing else depends on this package (it is found through {@link java.util.ServiceLoader}).
 */
@NullMarked
package io.minerai.spark;

import org.jspecify.annotations.NullMarked;
