/**
 * Market data for the market packs: the bundled market datasets, publisher-format and generic files, FX rates, and
 * {@link io.minerai.data.market.MarketDataResolver}, the one entry point that puts a market's series on a run's grid
 * with its currency, unit, source clock and coverage.
 */
@NullMarked
package io.minerai.data.market;

import org.jspecify.annotations.NullMarked;
