/** Benchmarks of report writing: the per-interval CSV, the summary JSON and the PNG charts. */
@NullMarked
package io.minerai.bench.report;

import org.jspecify.annotations.NullMarked;
