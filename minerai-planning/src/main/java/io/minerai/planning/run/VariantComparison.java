package io.minerai.planning.run;

import io.minerai.planning.engine.StrategyPaths;
import io.minerai.planning.engine.StrategySchedule;
import io.minerai.planning.model.Facility;
import io.minerai.planning.model.GpuCloudPlan;
import io.minerai.planning.model.Plan;
import io.minerai.planning.model.StrategyPlan;
import io.minerai.planning.montecarlo.MonteCarloResult;
import io.minerai.planning.montecarlo.PlanSimulation;
import io.minerai.planning.montecarlo.RunSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A strategy against a variant of itself on the same paths (common random numbers): its GPU contracts against renting
 * the same GPUs on the spot market ({@link Kind#CONTRACT_VS_SPOT}: the contracts and the loans they secure removed),
 * or refreshing its GPUs at the end of their life against selling them and leaving the hall empty
 * ({@link Kind#REFRESH_VS_SELL}).
 *
 * @param strategy the strategy
 * @param kind what is compared
 * @param meanNpvDifferenceUsd mean over paths of NPV(strategy) - NPV(variant)
 * @param probabilityPositive share of paths where the strategy's NPV is higher
 * @param deterministicNpvDifferenceUsd the same difference on the deterministic deck
 */
public record VariantComparison(
        String strategy,
        Kind kind,
        double meanNpvDifferenceUsd,
        double probabilityPositive,
        double deterministicNpvDifferenceUsd) {

    /** What a comparison compares. */
    public enum Kind {
        /** The contracts against renting their GPUs on the spot market. */
        CONTRACT_VS_SPOT,
        /** Refreshing the GPUs at the end of their life against selling them. */
        REFRESH_VS_SELL;

        public String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private record Variant(int strategyIndex, Kind kind, Plan plan, StrategyPlan strategy) {}

    /** The variants a strategy has: contracts (vs spot), GPU clouds with a refresh (vs sell). */
    private static List<Variant> variants(Plan plan, List<StrategyPlan> strategies) {
        List<Variant> out = new ArrayList<>();
        for (int i = 0; i < strategies.size(); i++) {
            StrategyPlan s = strategies.get(i);
            if (!s.contracts().isEmpty()) {
                List<String> facilities = s.facilities().stream()
                        .filter(f -> !(plan.facility(f).orElseThrow() instanceof Facility.ContractBacked))
                        .toList();
                out.add(new Variant(
                        i,
                        Kind.CONTRACT_VS_SPOT,
                        plan,
                        new StrategyPlan(
                                s.name() + " [spot]",
                                s.description(),
                                s.halls(),
                                s.gpuClouds(),
                                s.leases(),
                                s.asicPurchases(),
                                facilities,
                                List.of())));
            }
            boolean refreshes = s.gpuClouds().stream()
                    .anyMatch(g -> !plan.gpuCloud(g).orElseThrow().refreshWith().isEmpty());
            if (refreshes) {
                List<GpuCloudPlan> clouds = plan.gpuClouds().stream()
                        .map(g -> s.gpuClouds().contains(g.name()) ? withoutRefresh(g) : g)
                        .toList();
                Plan noRefresh = plan.withBlocks(plan.halls(), clouds, plan.leases(), plan.financing());
                out.add(new Variant(i, Kind.REFRESH_VS_SELL, noRefresh, s));
            }
        }
        return out;
    }

    private static GpuCloudPlan withoutRefresh(GpuCloudPlan g) {
        return g.withoutRefresh();
    }

    /**
     * Runs every variant of {@code strategies} on the paths of {@code mc} (the same simulation, seed and number of
     * paths) and on the deterministic deck of {@code deterministic}.
     */
    static List<VariantComparison> compare(
            PlanSimulation sim,
            MonteCarloResult mc,
            PlanSimulation deterministic,
            MonteCarloResult det,
            List<StrategyPlan> strategies,
            RunSettings settings) {
        List<Variant> variants = variants(sim.plan(), strategies);
        if (variants.isEmpty()) {
            return List.of();
        }
        MonteCarloResult v = run(sim, variants, mc.paths().get(0).paths(), settings);
        MonteCarloResult vd = sim == deterministic ? v : run(deterministic, variants, 1, settings.withThreads(1));
        List<VariantComparison> out = new ArrayList<>();
        for (int k = 0; k < variants.size(); k++) {
            Variant var = variants.get(k);
            StrategyPaths a = mc.paths().get(var.strategyIndex());
            StrategyPaths b = v.paths().get(k + 1);
            int n = a.paths();
            double sum = 0;
            int better = 0;
            for (int i = 0; i < n; i++) {
                double d = a.npvUsd(i) - b.npvUsd(i);
                sum += d;
                better += d > 0 ? 1 : 0;
            }
            double detDiff = det.paths().get(var.strategyIndex()).npvUsd(0)
                    - vd.paths().get(k + 1).npvUsd(0);
            out.add(new VariantComparison(
                    strategies.get(var.strategyIndex()).name(), var.kind(), sum / n, (double) better / n, detDiff));
        }
        return out;
    }

    /** The variants after a placeholder baseline (the variants must not be the run's baseline). */
    private static MonteCarloResult run(PlanSimulation sim, List<Variant> variants, int paths, RunSettings settings) {
        List<StrategySchedule> schedules = new ArrayList<>();
        Variant first = variants.get(0);
        schedules.add(sim.compile(first.plan(), first.strategy()));
        for (Variant var : variants) {
            schedules.add(sim.compile(var.plan(), var.strategy()));
        }
        return sim.runSchedules(schedules, paths, settings.withKeepCumulative(false), n -> {});
    }
}
