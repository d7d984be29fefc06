/** JMH benchmarks; run them with {@code ./bench [regex] [JMH options]}. Figures go to docs/PERFORMANCE.md. */
@NullMarked
package io.minerai.bench;

import org.jspecify.annotations.NullMarked;
