package io.minerai.bench.sweep;

import io.minerai.sweep.ExecutorSettings;
import io.minerai.sweep.Sweep;
import io.minerai.sweep.SweepExecutor;
import io.minerai.sweep.SweepExecutors;
import io.minerai.sweep.SweepResult;
import io.minerai.sweep.TaskContext;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A bench command comparing executors on the same planning sweep, alternating them rep by rep so that the machine's
 * load hits both alike, and checking that every executor returns the same bits as the first. The Spark executor is
 * found through the ServiceLoader when minerai-spark's jars are on the class path (see docs/PERFORMANCE.md).
 *
 * <p>Usage: {@code SweepExecutorBench [reps] [tasks] [pathsPerTask] executor...}, each executor as {@code local:N}
 * (in-process on N threads) or {@code spark:MASTER} (e.g. {@code spark:local[2]}). Defaults: 7 2000 50 local:1
 * local:2.
 */
public final class SweepExecutorBench {
    private SweepExecutorBench() {}

    public static void main(String[] args) throws Exception {
        int reps = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        int tasks = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        int paths = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        List<String> names =
                args.length > 3 ? Arrays.asList(args).subList(3, args.length) : List.of("local:1", "local:2");
        Sweep<PlanBlock> sweep = PlanSweeps.blocks(tasks, paths);
        PlanBlockKernel kernel = PlanBlockKernel.threeStrategies();
        kernel.evaluate(sweep.task(0), new TaskContext(sweep.seed(), 0));
        long evaluations = (long) tasks * paths * kernel.strategies().size();
        List<SweepExecutor> executors = new ArrayList<>();
        for (String n : names) {
            String[] parts = n.split(":", 2);
            ExecutorSettings settings = ExecutorSettings.defaults();
            if (parts[0].equals("local")) {
                settings = settings.withThreads(Integer.parseInt(parts[1]));
            } else if (parts.length > 1) {
                settings = settings.withMaster(parts[1]);
            }
            executors.add(SweepExecutors.create(parts[0], settings));
        }
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double[][] wall = new double[names.size()][reps];
        double[][] cpu = new double[names.size()][reps];
        SweepResult<PlanBlockNpv> reference = null;
        int warmups = 2;
        for (int r = -warmups; r < reps; r++) {
            for (int e = 0; e < executors.size(); e++) {
                long c0 = os.getProcessCpuTime();
                long t0 = System.nanoTime();
                SweepResult<PlanBlockNpv> result = executors.get(e).run(sweep, kernel);
                double w = (System.nanoTime() - t0) / 1e9;
                double c = (os.getProcessCpuTime() - c0) / 1e9;
                if (reference == null) {
                    reference = result;
                } else {
                    check(reference, result, names.get(e));
                }
                if (r >= 0) {
                    wall[e][r] = w;
                    cpu[e][r] = c;
                }
            }
        }
        System.out.printf(
                Locale.ROOT,
                "# %d tasks x %d paths x %d strategies x %d months = %,d evaluations per sweep; %d reps after %d"
                        + " warm-ups; bit-identical results across executors: yes%n",
                tasks,
                paths,
                kernel.strategies().size(),
                kernel.months(),
                evaluations,
                reps,
                warmups);
        System.out.println("executor,best_wall_s,median_wall_s,median_cpu_s,evaluations_per_s_median,load_avg");
        for (int e = 0; e < executors.size(); e++) {
            Arrays.sort(wall[e]);
            Arrays.sort(cpu[e]);
            double median = wall[e][reps / 2];
            System.out.printf(
                    Locale.ROOT,
                    "%s,%.3f,%.3f,%.3f,%.0f,%.1f%n",
                    names.get(e),
                    wall[e][0],
                    median,
                    cpu[e][reps / 2],
                    evaluations / median,
                    os.getSystemLoadAverage());
        }
        for (SweepExecutor ex : executors) {
            ex.close();
        }
    }

    private static void check(SweepResult<PlanBlockNpv> a, SweepResult<PlanBlockNpv> b, String name) {
        for (int i = 0; i < a.size(); i++) {
            if (!Arrays.equals(a.get(i).npvUsd(), b.get(i).npvUsd())
                    || !Arrays.equals(a.get(i).minDscr(), b.get(i).minDscr())) {
                throw new IllegalStateException(name + " differs from the first executor at task " + i);
            }
        }
    }
}
