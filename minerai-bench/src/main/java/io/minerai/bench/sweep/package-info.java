/** Benchmarks of sweeps: a planning Monte Carlo block as a sweep kernel, in-process and on other executors. */
@NullMarked
package io.minerai.bench.sweep;

import org.jspecify.annotations.NullMarked;
