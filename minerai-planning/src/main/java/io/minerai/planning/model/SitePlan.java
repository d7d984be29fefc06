package io.minerai.planning.model;

/**
 * The site as a whole.
 *
 * @param name site name
 * @param gridMw power the site may draw at the meter (interconnection), MW; every use of the site shares it
 * @param siteOpexUsdPerMonth fixed site cash opex (staff, security, insurance), whatever the MW are used for
 * @param overheadUsdPerMonth corporate overhead (G&A) charged to the site
 */
public record SitePlan(String name, double gridMw, double siteOpexUsdPerMonth, double overheadUsdPerMonth) {}
