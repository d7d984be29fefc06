package io.minerai.planning.model;

import java.util.List;
import java.util.Optional;

/**
 * A grid search over how much of a hall to build, how to split it between own GPUs and a lease, and when to start.
 * Candidates scale the hall, the GPU cloud and the lease (and the facilities financing them) proportionally.
 *
 * @param base strategy whose other choices (ASICs, other facilities) every candidate keeps
 * @param hall hall to size and time
 * @param gpuCloud GPU cloud template filling the GPU share
 * @param lease lease template filling the rest
 * @param buildFractions shares of the hall's critical IT to build (0 = stay mining)
 * @param gpuShares shares of the built IT used by own GPUs (the rest is leased)
 * @param startMonths construction start months to try
 * @param riskMeasure what to maximise
 * @param cvarAlpha tail share for CVaR
 * @param paths paths per candidate
 * @param contract contract template on the GPU cloud template: candidates with a contract share above 0 contract that
 *     share of their GPUs on its terms (its contract-backed facilities follow)
 * @param contractShares shares of each candidate's GPUs under the contract ([0]: spot only)
 * @param gpuClouds GPU cloud templates to compare, e.g. one per GPU generation: every candidate with GPUs is tried with
 *     each (empty: only {@code gpuCloud})
 */
public record SearchPlan(
        String base,
        String hall,
        String gpuCloud,
        String lease,
        List<Double> buildFractions,
        List<Double> gpuShares,
        List<Integer> startMonths,
        RiskMeasure riskMeasure,
        double cvarAlpha,
        int paths,
        Optional<String> contract,
        List<Double> contractShares,
        List<String> gpuClouds) {
    public SearchPlan {
        gpuClouds = List.copyOf(gpuClouds);
        buildFractions = List.copyOf(buildFractions);
        gpuShares = List.copyOf(gpuShares);
        startMonths = List.copyOf(startMonths);
        contractShares = List.copyOf(contractShares);
    }

    /** The same search with another number of paths per candidate. */
    public SearchPlan withPaths(int n) {
        return new SearchPlan(
                base,
                hall,
                gpuCloud,
                lease,
                buildFractions,
                gpuShares,
                startMonths,
                riskMeasure,
                cvarAlpha,
                n,
                contract,
                contractShares,
                gpuClouds);
    }

    /** The GPU cloud templates the candidates use: {@link #gpuClouds}, or the one {@link #gpuCloud}. */
    public List<String> gpuCloudTemplates() {
        return gpuClouds.isEmpty() ? List.of(gpuCloud) : gpuClouds;
    }
}
