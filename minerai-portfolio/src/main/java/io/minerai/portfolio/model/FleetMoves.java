package io.minerai.portfolio.model;

/**
 * Moving miners between sites: the machines a conversion leaves without power at one site can hash at another site
 * with spare interconnection.
 *
 * @param enabled whether moves are considered
 * @param costUsdPerMw cost per MW of machines moved (decommissioning, freight, installation)
 * @param monthsPerMove months the machines do not hash while moving
 */
public record FleetMoves(boolean enabled, double costUsdPerMw, int monthsPerMove) {}
