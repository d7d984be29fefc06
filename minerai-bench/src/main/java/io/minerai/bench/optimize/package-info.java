/** Benchmarks of the optimiser: the stacked year LP and the 5-minute rolling horizon (bench command and JMH). */
@NullMarked
package io.minerai.bench.optimize;

import org.jspecify.annotations.NullMarked;
