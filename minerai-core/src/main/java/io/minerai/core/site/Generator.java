package io.minerai.core.site;

/**
 * On-site (behind-the-meter) generation with a capacity-factor profile: output MW = nameplate x capacity factor.
 *
 * @param name unique name
 * @param kind solar, wind or hydro
 * @param nameplateMw AC nameplate capacity
 * @param profile where the capacity-factor series comes from
 */
public record Generator(String name, GeneratorKind kind, double nameplateMw, ProfileSource profile) implements Asset {}
