/** Benchmarks of the importers and bundled datasets of minerai-data (parse time per dataset). */
@NullMarked
package io.minerai.bench.data;

import org.jspecify.annotations.NullMarked;
