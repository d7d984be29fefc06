package io.minerai.core.site;

/**
 * Site cash operating cost besides energy (staff, maintenance, security, insurance). Allocated to mining by mining's
 * share of the site's energy for the cash and all-in cost per BTC.
 *
 * @param fixedUsdPerMonth fixed cost per month
 * @param variableUsdPerMwh cost per MWh consumed
 */
public record SiteOpex(double fixedUsdPerMonth, double variableUsdPerMwh) {
    public static final SiteOpex NONE = new SiteOpex(0, 0);
}
