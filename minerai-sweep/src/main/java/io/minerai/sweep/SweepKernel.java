package io.minerai.sweep;

import java.io.Serializable;

/**
 * Computes one task's result. It must be a pure function of the task and its {@link TaskContext}: no shared mutable
 * state that changes results, no clock, no other randomness. Then every executor gives bit-identical results, whatever
 * the number of threads or machines and the order in which tasks finish.
 *
 * <p>A kernel is {@link Serializable} because distributed executors ship it to their workers; keep heavy caches in
 * {@code transient} fields built on first use (they must be safe to share between threads). For results that must be
 * identical across machines, use {@link StrictMath} for {@code exp/log/pow} (the {@link Math} versions may differ by
 * an ulp between platforms).
 *
 * @param <T> the task record type
 * @param <R> the result record type (its components are {@link RecordColumns columns})
 */
public interface SweepKernel<T extends Record, R extends Record> extends Serializable {
    /** The record class of the results. */
    Class<R> resultType();

    /** The result of {@code task}; {@code context} gives its index and its random streams. */
    R evaluate(T task, TaskContext context);
}
