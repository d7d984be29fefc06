package io.minerai.core.site;

/**
 * A fixed-price power purchase agreement settled at the site's real-time price: the site pays {@code quantityMw x
 * priceUsdPerMwh x hours} every interval, and the contracted energy it does not use is sold back at the real-time price
 * (the "power credits" ERCOT miners such as Riot report).
 *
 * @param quantityMw contracted block
 * @param priceUsdPerMwh fixed price
 */
public record Ppa(double quantityMw, double priceUsdPerMwh) {}
