package io.minerai.planning.model;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A whole plan: a site over a monthly horizon, the building blocks of every strategy, and how to value and stress
 * them.
 */
public record Plan(
        String name,
        String description,
        YearMonth startMonth,
        int horizonMonths,
        SitePlan site,
        PowerSource power,
        BitcoinPlan bitcoin,
        MiningPlan mining,
        Map<CoolingType, Cooling> cooling,
        List<Hall> halls,
        List<GpuCloudPlan> gpuClouds,
        List<LeasePlan> leases,
        List<AsicPurchase> asicPurchases,
        List<GpuContract> contracts,
        FinancingPlan financing,
        Valuation valuation,
        List<StrategyPlan> strategies,
        Uncertainty uncertainty,
        Optional<SearchPlan> search) {

    public Plan {
        cooling = Map.copyOf(cooling);
        halls = List.copyOf(halls);
        gpuClouds = List.copyOf(gpuClouds);
        leases = List.copyOf(leases);
        asicPurchases = List.copyOf(asicPurchases);
        contracts = List.copyOf(contracts);
        strategies = List.copyOf(strategies);
    }

    public Optional<Hall> hall(String n) {
        return halls.stream().filter(h -> h.name().equals(n)).findFirst();
    }

    public Optional<GpuCloudPlan> gpuCloud(String n) {
        return gpuClouds.stream().filter(h -> h.name().equals(n)).findFirst();
    }

    public Optional<LeasePlan> lease(String n) {
        return leases.stream().filter(h -> h.name().equals(n)).findFirst();
    }

    public Optional<AsicPurchase> asicPurchase(String n) {
        return asicPurchases.stream().filter(h -> h.name().equals(n)).findFirst();
    }

    public Optional<GpuContract> contract(String n) {
        return contracts.stream().filter(h -> h.name().equals(n)).findFirst();
    }

    public Optional<Facility> facility(String n) {
        return financing.facilities().stream().filter(h -> h.name().equals(n)).findFirst();
    }

    public Optional<StrategyPlan> strategy(String n) {
        return strategies.stream().filter(h -> h.name().equals(n)).findFirst();
    }

    /** Cooling of a hall. */
    public Cooling coolingOf(Hall h) {
        return coolingOf(h.cooling());
    }

    /** PUE and capex of a cooling type. */
    public Cooling coolingOf(CoolingType type) {
        Cooling c = cooling.get(type);
        if (c == null) {
            throw new IllegalStateException("no cooling spec for " + type.key());
        }
        return c;
    }

    /** Facility MW a hall takes from the site: critical IT x PUE of its cooling. */
    public double hallFacilityMw(Hall h) {
        return h.criticalItMw() * coolingOf(h).pue();
    }

    /** Plan with other strategies (used by the search). */
    public Plan withStrategies(List<StrategyPlan> s) {
        return new Plan(
                name,
                description,
                startMonth,
                horizonMonths,
                site,
                power,
                bitcoin,
                mining,
                cooling,
                halls,
                gpuClouds,
                leases,
                asicPurchases,
                contracts,
                financing,
                valuation,
                s,
                uncertainty,
                search);
    }

    public Plan withBitcoin(BitcoinPlan b) {
        return new Plan(
                name,
                description,
                startMonth,
                horizonMonths,
                site,
                power,
                b,
                mining,
                cooling,
                halls,
                gpuClouds,
                leases,
                asicPurchases,
                contracts,
                financing,
                valuation,
                strategies,
                uncertainty,
                search);
    }

    public Plan withPower(PowerSource s) {
        return new Plan(
                name,
                description,
                startMonth,
                horizonMonths,
                site,
                s,
                bitcoin,
                mining,
                cooling,
                halls,
                gpuClouds,
                leases,
                asicPurchases,
                contracts,
                financing,
                valuation,
                strategies,
                uncertainty,
                search);
    }

    public Plan withValuation(Valuation v) {
        return new Plan(
                name,
                description,
                startMonth,
                horizonMonths,
                site,
                power,
                bitcoin,
                mining,
                cooling,
                halls,
                gpuClouds,
                leases,
                asicPurchases,
                contracts,
                financing,
                v,
                strategies,
                uncertainty,
                search);
    }

    public Plan withUncertainty(Uncertainty u) {
        return new Plan(
                name,
                description,
                startMonth,
                horizonMonths,
                site,
                power,
                bitcoin,
                mining,
                cooling,
                halls,
                gpuClouds,
                leases,
                asicPurchases,
                contracts,
                financing,
                valuation,
                strategies,
                u,
                search);
    }

    public Plan withFinancing(FinancingPlan f) {
        return withBlocks(halls, gpuClouds, leases, f);
    }

    public Plan withSearch(Optional<SearchPlan> s) {
        return new Plan(
                name,
                description,
                startMonth,
                horizonMonths,
                site,
                power,
                bitcoin,
                mining,
                cooling,
                halls,
                gpuClouds,
                leases,
                asicPurchases,
                contracts,
                financing,
                valuation,
                strategies,
                uncertainty,
                s);
    }

    /**
     * The deterministic plan: every source of randomness off, one path (the search too): the Monte Carlo of it is the
     * deterministic deck.
     */
    public Plan deterministicPlan() {
        return withUncertainty(uncertainty.deterministic().withPaths(1)).withSearch(search.map(s -> s.withPaths(1)));
    }

    /** Plan with other GPU contracts (used by the search to add scaled variants). */
    public Plan withContracts(List<GpuContract> newContracts) {
        return new Plan(
                name,
                description,
                startMonth,
                horizonMonths,
                site,
                power,
                bitcoin,
                mining,
                cooling,
                halls,
                gpuClouds,
                leases,
                asicPurchases,
                newContracts,
                financing,
                valuation,
                strategies,
                uncertainty,
                search);
    }

    /** Plan with other building blocks (used by the search to add scaled variants). */
    public Plan withBlocks(
            List<Hall> newHalls, List<GpuCloudPlan> newGpus, List<LeasePlan> newLeases, FinancingPlan newFinancing) {
        return new Plan(
                name,
                description,
                startMonth,
                horizonMonths,
                site,
                power,
                bitcoin,
                mining,
                cooling,
                newHalls,
                newGpus,
                newLeases,
                asicPurchases,
                contracts,
                newFinancing,
                valuation,
                strategies,
                uncertainty,
                search);
    }
}
