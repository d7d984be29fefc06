/** Benchmarks of the sustainability computations: grid factors from the fuel mix and the per-run analysis. */
@NullMarked
package io.minerai.bench.sustainability;

import org.jspecify.annotations.NullMarked;
