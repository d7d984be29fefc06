/** Loads the real history the Monte Carlo resamples (BTC daily returns, ERCOT days) from minerai-data's readers. */
@NullMarked
package io.minerai.planning.history;

import org.jspecify.annotations.NullMarked;
