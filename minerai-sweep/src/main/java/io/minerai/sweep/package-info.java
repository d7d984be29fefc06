/**
 * minerai-sweep: a sweep is an ordered list of independent tasks evaluated by one kernel; each task's randomness comes
 * only from (seed, task index), so every executor (in-process on any number of threads, or Spark through the
 * minerai-spark module found by {@link java.util.ServiceLoader}) returns bit-identical results in task-index order.
 */
@NullMarked
package io.minerai.sweep;

import org.jspecify.annotations.NullMarked;
