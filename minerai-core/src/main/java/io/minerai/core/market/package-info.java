/**
 * Markets as plug-ins: clocks, currencies, products and programs with the dates they are in force. Nothing outside a
 * market pack knows a market's clock, currency or rules.
 */
@NullMarked
package io.minerai.core.market;

import org.jspecify.annotations.NullMarked;
