/** ERCOT market data importers: hourly and 15-minute prices, ancillary prices, fuel mix; Central Prevailing Time is converted to UTC here. */
@NullMarked
package io.minerai.data.ercot;

import org.jspecify.annotations.NullMarked;
