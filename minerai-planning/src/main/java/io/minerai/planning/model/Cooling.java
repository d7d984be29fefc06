package io.minerai.planning.model;

/**
 * PUE and capex of one cooling type.
 *
 * @param type cooling type
 * @param pue facility power / critical IT power
 * @param capexUsdPerMwIt cooling capex per MW of critical IT, on top of the hall's own capex
 */
public record Cooling(CoolingType type, double pue, double capexUsdPerMwIt) {}
