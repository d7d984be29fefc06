/** Benchmarks of the live controller (controller step cost on an in-memory fleet). */
@NullMarked
package io.minerai.bench.ops;

import org.jspecify.annotations.NullMarked;
