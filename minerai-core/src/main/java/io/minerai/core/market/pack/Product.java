package io.minerai.core.market.pack;

import java.time.Duration;

/**
 * A product a market clears: energy, a reserve (ancillary service) or capacity.
 *
 * @param id key used in scenarios and price files, e.g. {@code RRS}, {@code ECRS}, {@code NSPIN}, {@code REGUP},
 *     {@code RAISE6SEC}
 * @param name human name
 * @param kind energy, reserve or capacity
 * @param deployTime how fast a provider must respond when deployed ({@link Duration#ZERO} for energy and capacity)
 */
public record Product(String id, String name, Kind kind, Duration deployTime) {
    /** What a product is. */
    public enum Kind {
        ENERGY,
        RESERVE,
        CAPACITY
    }

    /** A reserve product. */
    public static Product reserve(String id, String name, Duration deployTime) {
        return new Product(id, name, Kind.RESERVE, deployTime);
    }
}
