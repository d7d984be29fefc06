package io.minerai.planning.montecarlo;

import io.minerai.planning.engine.CashFlowTable;
import io.minerai.planning.engine.CommonMarket;
import io.minerai.planning.engine.MarketBlock;
import io.minerai.planning.engine.MarketData;
import io.minerai.planning.engine.MarketModel;
import io.minerai.planning.engine.MonthGrid;
import io.minerai.planning.engine.PathEngine;
import io.minerai.planning.engine.PowerBank;
import io.minerai.planning.engine.SiteAllocation;
import io.minerai.planning.engine.StrategyPaths;
import io.minerai.planning.engine.StrategySchedule;
import io.minerai.planning.model.Plan;
import io.minerai.planning.model.StrategyPlan;
import io.minerai.planning.model.Uncertainty;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Runs a plan: the deterministic plan (every source of randomness off, pooled average power months) and the seeded
 * Monte Carlo. Paths are cut into blocks; workers take blocks in any order, but path i's market depends only on
 * (seed, i) and its outcomes are written at index i, and summaries are computed from sorted values, so the results are
 * identical for 1 or N threads and any block size.
 */
public final class PlanSimulation {
    private final Plan plan;
    private final MarketData data;
    private final MonthGrid grid;
    private final PowerBank bank;
    private final MarketModel market;

    public PlanSimulation(Plan plan, MarketData data) {
        this.plan = plan;
        this.data = data;
        this.grid = new MonthGrid(plan.startMonth(), plan.horizonMonths());
        Uncertainty u = plan.uncertainty();
        this.bank =
                PowerBank.forSource(plan.power(), data.powerDays(), u.powerResampling(), u.powerBankMonths(), u.seed());
        this.market = new MarketModel(plan, grid, data.btcReturns(), bank);
    }

    public Plan plan() {
        return plan;
    }

    public MonthGrid grid() {
        return grid;
    }

    public MarketModel market() {
        return market;
    }

    /** The same plan with every source of randomness off. */
    public PlanSimulation deterministic() {
        return deterministicOf(plan, data);
    }

    /** A simulation of {@code plan} with every source of randomness off. */
    public static PlanSimulation deterministicOf(Plan plan, MarketData data) {
        return new PlanSimulation(plan.withUncertainty(plan.uncertainty().deterministic()), data);
    }

    /** The deterministic cash-flow table of a strategy. */
    public CashFlowTable deterministicTable(StrategyPlan s) {
        return deterministic().pathTable(s, 0);
    }

    /**
     * The cash-flow table of a strategy on path {@code pathIndex} of this simulation (the same market path the Monte
     * Carlo drew for that index: a path depends only on (seed, index)).
     */
    public CashFlowTable pathTable(StrategyPlan s, long pathIndex) {
        return CashFlowTable.evaluate(StrategySchedule.compile(plan, s, market), bank, market.path(pathIndex));
    }

    /**
     * The deterministic case of {@code strategies} through the same engine as the Monte Carlo: one path with every
     * source of randomness off, so every figure the Monte Carlo reports exists for it (its mean, percentiles and
     * CVaR are the deterministic value, its breach probability 0 or 1).
     */
    public MonteCarloResult deterministicRun(List<StrategyPlan> strategies, RunSettings settings) {
        return deterministic().run(strategies, 1, settings.withThreads(1), n -> {});
    }

    /** The site allocation of a strategy at the start of every plan year (months 0, 12, 24, ...). */
    public List<SiteAllocation> yearlyAllocation(StrategyPlan s) {
        StrategySchedule schedule = StrategySchedule.compile(plan, s, market);
        List<SiteAllocation> out = new ArrayList<>();
        for (int t = 0; t < grid.months(); t += 12) {
            out.add(SiteAllocation.of(plan, s, schedule, t));
        }
        return out;
    }

    /** Monte Carlo over the plan's own strategies. */
    public MonteCarloResult run(RunSettings settings, IntConsumer pathsDone) {
        return run(plan.strategies(), plan.uncertainty().paths(), settings, pathsDone);
    }

    /**
     * Monte Carlo over {@code strategies} (valid for this plan) on paths 0 .. paths-1. The first strategy is the
     * baseline: the others' IRR, payback and "beats baseline" are measured against it on the same path.
     *
     * @param pathsDone called with the number of paths finished after each block (from worker threads)
     */
    public MonteCarloResult run(List<StrategyPlan> strategies, int paths, RunSettings settings, IntConsumer pathsDone) {
        return runSchedules(strategies.stream().map(s -> compile(plan, s)).toList(), paths, settings, pathsDone);
    }

    /**
     * Compiles {@code s} of {@code variant} on this simulation's market: the variant must be this plan with other
     * blocks of the same kinds (the same leases and contracts, in the same order), e.g. a strategy with its contracts
     * replaced by spot renting, so that both run on the same paths.
     */
    public StrategySchedule compile(Plan variant, StrategyPlan s) {
        return StrategySchedule.compile(variant, s, market);
    }

    /** Monte Carlo over compiled strategies (the first being the baseline), on paths 0 .. paths-1. */
    public MonteCarloResult runSchedules(
            List<StrategySchedule> schedules, int paths, RunSettings settings, IntConsumer pathsDone) {
        return runSchedules(schedules, paths, settings, pathsDone, market::fill);
    }

    /**
     * Monte Carlo over {@code strategies} (valid for this plan; the first is the baseline) on the paths of a common
     * market shared with other sites (issue 12: common random numbers): BTC price, hashrate, fees and GPU decline
     * shift come from {@code common}; this site's power months, tenant and customer defaults are its own (see {@link
     * MarketModel#fill(MarketBlock, CommonMarket, long, int)}). One result per path of {@code common}, bit-identical
     * for any thread count.
     *
     * @throws IllegalArgumentException when the common market's months are not this plan's
     */
    public MonteCarloResult run(
            List<StrategyPlan> strategies, CommonMarket common, RunSettings settings, IntConsumer pathsDone) {
        if (!common.start().equals(grid.start()) || common.months() != grid.months()) {
            throw new IllegalArgumentException("the common market covers " + common.months() + " months from "
                    + common.start() + "; plan '" + plan.name() + "' has " + grid.months() + " months from "
                    + grid.start());
        }
        return runSchedules(
                strategies.stream().map(s -> compile(plan, s)).toList(),
                common.paths(),
                settings,
                pathsDone,
                (block, first, count) -> market.fill(block, common, first, count));
    }

    /** Fills a block with paths [first, first + count). */
    @FunctionalInterface
    private interface BlockFill {
        void fill(MarketBlock block, long first, int count);
    }

    private MonteCarloResult runSchedules(
            List<StrategySchedule> schedules, int paths, RunSettings settings, IntConsumer pathsDone, BlockFill fill) {
        List<StrategyPaths> outs = new ArrayList<>();
        for (StrategySchedule s : schedules) {
            outs.add(new StrategyPaths(s.name(), outs.isEmpty(), paths, grid.months(), settings.keepCumulative()));
        }
        int blockSize = settings.blockSize();
        int blocks = (paths + blockSize - 1) / blockSize;
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            MarketBlock block = new MarketBlock(
                    blockSize,
                    grid.months(),
                    plan.leases().size(),
                    plan.contracts().size());
            PathEngine engine = new PathEngine(grid.months(), blockSize);
            int bi;
            while ((bi = next.getAndIncrement()) < blocks) {
                int first = bi * blockSize;
                int count = Math.min(blockSize, paths - first);
                fill.fill(block, first, count);
                engine.evaluate(schedules, bank, block, first, outs);
                pathsDone.accept(count);
            }
        };
        int threads = Math.min(settings.threads(), Math.max(1, blocks));
        if (threads == 1) {
            worker.run();
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "minerai-mc");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int w = 0; w < threads; w++) {
                    futures.add(pool.submit(worker));
                }
                for (Future<?> f : futures) {
                    f.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Monte Carlo interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("Monte Carlo failed: " + e.getCause(), e.getCause());
            } finally {
                pool.shutdownNow();
            }
        }
        List<StrategySummary> summaries = new ArrayList<>();
        for (StrategyPaths p : outs) {
            summaries.add(StrategySummary.of(p, outs.get(0), settings.cvarAlpha()));
        }
        return new MonteCarloResult(
                outs, summaries, plan.uncertainty().seed(), data.btcReturns().label(), bank.label());
    }
}
