/** Benchmarks of the dispatch policies and the backtest. */
@NullMarked
package io.minerai.bench.dispatch;

import org.jspecify.annotations.NullMarked;
