package io.minerai.bench.sweep;

import io.minerai.planning.PlanReader;
import io.minerai.planning.engine.MarketBlock;
import io.minerai.planning.engine.MarketModel;
import io.minerai.planning.engine.PathEngine;
import io.minerai.planning.engine.StrategyPaths;
import io.minerai.planning.engine.StrategySchedule;
import io.minerai.planning.history.PlanHistory;
import io.minerai.planning.model.Plan;
import io.minerai.planning.montecarlo.PlanSimulation;
import io.minerai.sweep.SweepKernel;
import io.minerai.sweep.TaskContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A realistic sweep kernel: a block of paths of the planning Monte Carlo of the bundled default plan (300 MW West
 * Texas, 120 months; stay mining, own GPU cloud and colocation with project finance, tax, DSCR covenant), evaluated by
 * the planning engine's block engine. A path's market depends only on (the plan's seed, path index), so a block's
 * result is the same whoever evaluates it, and every strategy sees the same paths (common random numbers). Only
 * strategy names travel with the kernel; each JVM compiles the plan once (a static cache).
 */
public final class PlanBlockKernel implements SweepKernel<PlanBlock, PlanBlockNpv> {
    private static final long serialVersionUID = 1L;
    private static final Map<List<String>, Compiled> CACHE = new ConcurrentHashMap<>();

    private final List<String> strategies;

    /** The kernel of the bundled plan's strategies {@code strategies} (the first is the baseline). */
    public PlanBlockKernel(List<String> strategies) {
        this.strategies = List.copyOf(strategies);
    }

    /** Stay mining, GPU cloud, colocation: the three strategies of the planning benchmark. */
    public static PlanBlockKernel threeStrategies() {
        return new PlanBlockKernel(List.of("stay-mining", "gpu-cloud", "colocation"));
    }

    /** The strategies, in result order. */
    public List<String> strategies() {
        return strategies;
    }

    /** Months of the plan. */
    public int months() {
        return compiled().market.grid().months();
    }

    @Override
    public Class<PlanBlockNpv> resultType() {
        return PlanBlockNpv.class;
    }

    @Override
    public PlanBlockNpv evaluate(PlanBlock task, TaskContext context) {
        Compiled c = compiled();
        int months = c.market.grid().months();
        int n = task.paths();
        MarketBlock block = new MarketBlock(
                n, months, c.plan.leases().size(), c.plan.contracts().size());
        c.market.fill(block, task.firstPath(), n);
        PathEngine engine = new PathEngine(months, n);
        List<StrategyPaths> outs = new ArrayList<>();
        for (int s = 0; s < c.schedules.size(); s++) {
            outs.add(new StrategyPaths(strategies.get(s), s == 0, n, months, false));
        }
        engine.evaluate(c.schedules, c.market.bank(), block, 0, outs);
        double[] npv = new double[strategies.size() * n];
        double[] dscr = new double[strategies.size() * n];
        for (int s = 0; s < outs.size(); s++) {
            System.arraycopy(outs.get(s).npvUsd(), 0, npv, s * n, n);
            System.arraycopy(outs.get(s).minDscr(), 0, dscr, s * n, n);
        }
        return new PlanBlockNpv(npv, dscr);
    }

    private Compiled compiled() {
        return CACHE.computeIfAbsent(strategies, Compiled::of);
    }

    private record Compiled(Plan plan, MarketModel market, List<StrategySchedule> schedules) {
        static Compiled of(List<String> names) {
            Plan plan = PlanReader.bundledDefault();
            PlanSimulation sim = new PlanSimulation(plan, PlanHistory.load(plan));
            List<StrategySchedule> schedules = names.stream()
                    .map(name -> sim.compile(
                            plan,
                            plan.strategy(name)
                                    .orElseThrow(() -> new IllegalArgumentException("no strategy '" + name + "'"))))
                    .toList();
            return new Compiled(plan, sim.market(), schedules);
        }
    }
}
