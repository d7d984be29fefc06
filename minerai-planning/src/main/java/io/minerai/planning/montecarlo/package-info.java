/** Seeded Monte Carlo over market paths, parallel over path blocks, results independent of the thread count. */
@NullMarked
package io.minerai.planning.montecarlo;

import org.jspecify.annotations.NullMarked;
