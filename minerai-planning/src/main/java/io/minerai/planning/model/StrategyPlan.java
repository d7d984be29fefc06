package io.minerai.planning.model;

import java.util.List;

/**
 * One way of using the site: which halls are built, what runs in them, which ASICs are bought, how it is financed.
 * Everything is picked by name from the plan; {@code contracts} are the GPU contracts signed for its GPU clouds.
 */
public record StrategyPlan(
        String name,
        String description,
        List<String> halls,
        List<String> gpuClouds,
        List<String> leases,
        List<String> asicPurchases,
        List<String> facilities,
        List<String> contracts) {
    public StrategyPlan {
        halls = List.copyOf(halls);
        gpuClouds = List.copyOf(gpuClouds);
        leases = List.copyOf(leases);
        asicPurchases = List.copyOf(asicPurchases);
        facilities = List.copyOf(facilities);
        contracts = List.copyOf(contracts);
    }
}
