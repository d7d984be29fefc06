/** Benchmarks of the planning Monte Carlo. */
@NullMarked
package io.minerai.bench.planning;

import org.jspecify.annotations.NullMarked;
