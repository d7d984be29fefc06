/** Benchmarks of the store: durable audit appends and run result writes. */
@NullMarked
package io.minerai.bench.store;

import org.jspecify.annotations.NullMarked;
