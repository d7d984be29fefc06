package io.minerai.bench.planning;

import io.minerai.planning.PlanReader;
import io.minerai.planning.engine.MarketData;
import io.minerai.planning.history.PlanHistory;
import io.minerai.planning.model.Plan;
import io.minerai.planning.model.StrategyPlan;
import io.minerai.planning.montecarlo.PlanSimulation;
import io.minerai.planning.montecarlo.RunSettings;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;

/**
 * A bench command beside the JMH benchmark: the same run as {@link PlanMonteCarloBench} for several path counts and
 * thread counts, printing wall time and the process CPU time per run (the CPU figure stays meaningful on a shared,
 * loaded machine where wall time mostly measures the other tenants). Usage: {@code PlanBenchMain [reps]}.
 */
public final class PlanBenchMain {
    private PlanBenchMain() {}

    public static void main(String[] args) {
        int reps = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Plan plan = PlanReader.bundledDefault();
        MarketData data = PlanHistory.load(plan);
        PlanSimulation sim = new PlanSimulation(plan, data);
        List<StrategyPlan> strategies = List.of(
                plan.strategy("stay-mining").orElseThrow(),
                plan.strategy("gpu-cloud").orElseThrow(),
                plan.strategy("colocation").orElseThrow());
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        // warm up
        for (int i = 0; i < 3; i++) {
            sim.run(strategies, 10_000, new RunSettings(2, 256, false, 0.1), n -> {});
        }
        System.out.println(
                "paths,threads,strategies,months,best_wall_ms,median_wall_ms,best_cpu_ms,median_cpu_ms,load_avg");
        for (int paths : new int[] {2_500, 5_000, 10_000, 20_000}) {
            for (int threads : new int[] {1, 2}) {
                double[] wall = new double[reps];
                double[] cpu = new double[reps];
                for (int r = 0; r < reps; r++) {
                    long c0 = os.getProcessCpuTime();
                    long t0 = System.nanoTime();
                    sim.run(strategies, paths, new RunSettings(threads, 256, false, 0.1), n -> {});
                    wall[r] = (System.nanoTime() - t0) / 1e6;
                    cpu[r] = (os.getProcessCpuTime() - c0) / 1e6;
                }
                java.util.Arrays.sort(wall);
                java.util.Arrays.sort(cpu);
                System.out.printf(
                        Locale.ROOT,
                        "%d,%d,3,%d,%.0f,%.0f,%.0f,%.0f,%.1f%n",
                        paths,
                        threads,
                        plan.horizonMonths(),
                        wall[0],
                        wall[reps / 2],
                        cpu[0],
                        cpu[reps / 2],
                        os.getSystemLoadAverage());
            }
        }
    }
}
