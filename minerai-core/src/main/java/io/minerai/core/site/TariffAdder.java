package io.minerai.core.site;

/**
 * A charge per MWh of imported energy on top of the wholesale price (transmission and distribution, fees).
 *
 * @param name what the charge is
 * @param usdPerMwh amount
 */
public record TariffAdder(String name, double usdPerMwh) {}
