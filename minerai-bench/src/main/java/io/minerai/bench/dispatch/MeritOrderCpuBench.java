package io.minerai.bench.dispatch;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

/**
 * A bench command for the merit-order kernel that reports thread CPU time as well as wall time, so figures stay
 * meaningful on a shared machine (the JMH benchmark {@link MeritOrderBench} reports wall time). Same setup as the JMH
 * benchmark. Usage: {@code java -cp ... io.minerai.bench.dispatch.MeritOrderCpuBench [intervals] [fleets] [runs] [pue]}
 * ({@code pue}: every fleet's PUE follows a SYNTHETIC temperature, {@link MeritOrderBench#meritOrderYearWithPue}).
 */
public final class MeritOrderCpuBench {
    private MeritOrderCpuBench() {}

    public static void main(String[] args) {
        MeritOrderBench b = new MeritOrderBench();
        b.intervals = args.length > 0 ? Integer.parseInt(args[0]) : 105_120;
        b.fleets = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        boolean pue = args.length > 3 && args[3].equals("pue");
        b.setup();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double sink = 0;
        for (int i = 0; i < runs; i++) { // warm-up
            sink += pue ? b.meritOrderYearWithPue() : b.meritOrderYear();
        }
        long[] cpu = new long[runs];
        long[] wall = new long[runs];
        for (int i = 0; i < runs; i++) {
            long c0 = mx.getCurrentThreadCpuTime();
            long w0 = System.nanoTime();
            sink += pue ? b.meritOrderYearWithPue() : b.meritOrderYear();
            wall[i] = System.nanoTime() - w0;
            cpu[i] = mx.getCurrentThreadCpuTime() - c0;
        }
        Arrays.sort(cpu);
        Arrays.sort(wall);
        double decisions = (double) b.intervals * b.fleets;
        double cpuMedMs = cpu[runs / 2] / 1e6;
        double wallMedMs = wall[runs / 2] / 1e6;
        Runtime rt = Runtime.getRuntime();
        System.out.printf(
                Locale.ROOT,
                "merit-order kernel%s: %d intervals x %d fleets = %.0f fleet-interval decisions%n",
                pue ? " with every PUE following a SYNTHETIC temperature" : "",
                b.intervals,
                b.fleets,
                decisions);
        System.out.printf(
                Locale.ROOT,
                "  thread CPU per run: median %.2f ms, min %.2f ms -> %.0f M decisions/s (median),"
                        + " %.0f M/s (best)%n",
                cpuMedMs,
                cpu[0] / 1e6,
                decisions / cpuMedMs / 1e3,
                decisions / (cpu[0] / 1e6) / 1e3);
        System.out.printf(Locale.ROOT, "  wall per run:       median %.2f ms, min %.2f ms%n", wallMedMs, wall[0] / 1e6);
        System.out.printf(
                Locale.ROOT,
                "  heap: max %d MB, used after runs %d MB (checksum %.3f)%n",
                rt.maxMemory() >> 20,
                (rt.totalMemory() - rt.freeMemory()) >> 20,
                sink);
        fullBacktest(b.intervals, b.fleets, Math.max(3, runs / 20), mx);
    }

    /** The whole run: inputs on the grid, policy, settlement into the ledger and the summary. */
    private static void fullBacktest(int intervals, int fleets, int runs, ThreadMXBean mx) {
        var scenario = io.minerai.core.scenario.DefaultScenario.loadBaseline();
        java.time.Instant start = scenario.period().startUtc();
        var grid = new io.minerai.core.time.TimeGrid(start, java.time.Duration.ofMinutes(5), intervals);
        var site = FleetSites.withFleets(scenario.site(), fleets);
        var s = scenario.withPeriod(new io.minerai.core.scenario.Period(grid.startUtc(), grid.endUtc(), grid.step()))
                .withSite(site);
        var inputs = io.minerai.data.resolve.InputResolver.resolve(s, java.nio.file.Path.of("."));
        long best = Long.MAX_VALUE;
        double net = 0;
        for (int i = 0; i < runs; i++) {
            long c0 = mx.getCurrentThreadCpuTime();
            var r = io.minerai.dispatch.Backtest.meritOrder(site, inputs);
            best = Math.min(best, mx.getCurrentThreadCpuTime() - c0);
            net = r.summary().netUsd();
        }
        Runtime rt = Runtime.getRuntime();
        System.out.printf(
                Locale.ROOT,
                "full backtest (inputs prepared, policy, settlement, summary), default site with %d synthetic fleets"
                        + " + GPU cloud + colocation, %d five-minute intervals: best %.1f ms thread CPU; heap max %d MB"
                        + " (net %.0f USD)%n",
                fleets,
                intervals,
                best / 1e6,
                rt.maxMemory() >> 20,
                net);
    }
}
