/**
 * The market packs: each market's clock, settlement step, currency, price limits, products and programs with the dates
 * they are in force, as cited facts. Settlement of the programs lives in minerai-dispatch; the reading of each
 * market's published files in minerai-data.
 */
@NullMarked
package io.minerai.core.market.pack;

import org.jspecify.annotations.NullMarked;
