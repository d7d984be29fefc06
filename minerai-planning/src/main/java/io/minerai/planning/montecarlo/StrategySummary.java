package io.minerai.planning.montecarlo;

import io.minerai.planning.engine.StrategyPaths;
import io.minerai.planning.model.RiskMeasure;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A strategy's NPV distribution and risk figures over all paths.
 *
 * @param strategy name
 * @param baseline whether it is the run's baseline: the figures measured against the baseline (IRR, payback, their
 *     shares, incremental NPV, P(beats baseline)) are NaN for it
 * @param paths paths
 * @param meanNpvUsd expected NPV
 * @param p10NpvUsd 10th percentile NPV
 * @param p50NpvUsd median NPV
 * @param p90NpvUsd 90th percentile NPV
 * @param cvarNpvUsd mean NPV of the worst {@code cvarAlpha} of paths
 * @param cvarAlpha tail share of the CVaR
 * @param probabilityNpvNegative share of paths with NPV < 0
 * @param medianIrrPerYear median IRR (of flows incremental to the baseline) over paths where it is defined
 * @param irrDefinedShare share of paths with a defined IRR
 * @param medianPaybackMonth median payback month over paths that pay back (NaN when none)
 * @param paybackShare share of paths that pay back within the horizon
 * @param p10MinDscr 10th percentile of the path minimum DSCR (NaN without debt)
 * @param covenantBreachProbability share of paths breaching the DSCR covenant
 * @param meanPeakEquityNeedUsd mean peak equity put in (levered)
 * @param meanPureEquityDilution mean dilution of raising the unlevered funding need as equity
 * @param meanUnleveredNpvUsd mean project NPV
 * @param meanIncrementalNpvUsd mean NPV minus the baseline's on the same path
 * @param probabilityBeatsBaseline share of paths where the NPV exceeds the baseline's
 * @param meanSpotGpuRevenueUsd mean GPU spot revenue over the horizon (undiscounted)
 * @param meanContractRevenueUsd mean GPU contract revenue over the horizon (undiscounted)
 * @param minDscrByYear per plan year, the distribution of the paths' minimum DSCR (empty without debt service)
 * @param computeByYear per plan year, the GPU-hours and exaFLOP-hours (dense BF16) delivered, expected over paths
 * @param meanCurtailedGpuHours contracted GPU-hours curtailed within the contracts' allowances over the horizon,
 *     expected over paths
 */
public record StrategySummary(
        String strategy,
        boolean baseline,
        int paths,
        double meanNpvUsd,
        double p10NpvUsd,
        double p50NpvUsd,
        double p90NpvUsd,
        double cvarNpvUsd,
        double cvarAlpha,
        double probabilityNpvNegative,
        double medianIrrPerYear,
        double irrDefinedShare,
        double medianPaybackMonth,
        double paybackShare,
        double p10MinDscr,
        double covenantBreachProbability,
        double meanPeakEquityNeedUsd,
        double meanPureEquityDilution,
        double meanUnleveredNpvUsd,
        double meanIncrementalNpvUsd,
        double probabilityBeatsBaseline,
        double meanSpotGpuRevenueUsd,
        double meanContractRevenueUsd,
        List<DscrYear> minDscrByYear,
        List<ComputeYear> computeByYear,
        double meanCurtailedGpuHours) {

    public StrategySummary {
        minDscrByYear = List.copyOf(minDscrByYear);
        computeByYear = List.copyOf(computeByYear);
    }

    /**
     * Compute a strategy's GPUs deliver in one plan year, expected over the paths (the mean of each path's sum).
     *
     * @param year plan year (0 = the first twelve months)
     * @param meanGpuHoursDelivered spot GPUs x utilisation x hours + contracted GPUs x availability x hours, less
     *     curtailed hours
     * @param meanComputeDeliveredExaflopHours those GPU-hours x the generation's dense BF16 TFLOPS / 10^6
     */
    public record ComputeYear(int year, double meanGpuHoursDelivered, double meanComputeDeliveredExaflopHours) {}

    /** Summary of {@code p}; {@code baseline} is the run's baseline strategy (may be {@code p} itself). */
    public static StrategySummary of(StrategyPaths p, StrategyPaths baseline, double cvarAlpha) {
        boolean isBaseline = p.baseline();
        double[] npv = Stats.sorted(p.npvUsd());
        double[] irr = Stats.sorted(p.irrPerYear());
        double[] payback = Arrays.stream(p.paybackMonth())
                .filter(m -> m >= 0)
                .asDoubleStream()
                .sorted()
                .toArray();
        double[] dscr = Stats.sorted(Arrays.stream(p.minDscr())
                .map(d -> d == Double.POSITIVE_INFINITY ? Double.NaN : d)
                .toArray());
        int negative = 0;
        for (double v : npv) {
            if (v < 0) {
                negative++;
            }
        }
        int n = p.paths();
        double[] diff = new double[n];
        int beats = 0;
        for (int i = 0; i < n; i++) {
            diff[i] = p.npvUsd(i) - baseline.npvUsd(i);
            if (diff[i] > 0) {
                beats++;
            }
        }
        double na = Double.NaN;
        return new StrategySummary(
                p.strategy(),
                isBaseline,
                n,
                Stats.mean(npv),
                Stats.quantile(npv, 0.1),
                Stats.quantile(npv, 0.5),
                Stats.quantile(npv, 0.9),
                Stats.cvar(npv, cvarAlpha),
                cvarAlpha,
                (double) negative / n,
                isBaseline ? na : Stats.quantile(irr, 0.5),
                isBaseline ? na : (double) irr.length / n,
                isBaseline ? na : Stats.quantile(payback, 0.5),
                isBaseline ? na : (double) payback.length / n,
                Stats.quantile(dscr, 0.1),
                p.breachProbability(),
                Stats.mean(Stats.sorted(p.peakEquityNeedUsd())),
                Stats.mean(Stats.sorted(p.pureEquityDilution())),
                Stats.mean(Stats.sorted(p.unleveredNpvUsd())),
                isBaseline ? na : Stats.mean(Stats.sorted(diff)),
                isBaseline ? na : (double) beats / n,
                Stats.mean(Stats.sorted(p.spotGpuRevenueUsd())),
                Stats.mean(Stats.sorted(p.contractRevenueUsd())),
                dscrByYear(p),
                computeByYear(p),
                Stats.mean(Stats.sorted(p.curtailedGpuHours())));
    }

    private static List<ComputeYear> computeByYear(StrategyPaths p) {
        List<ComputeYear> out = new ArrayList<>();
        boolean any = false;
        for (int y = 0; y < p.years(); y++) {
            double gpuHours = Stats.mean(Stats.sorted(p.gpuHoursInYear(y)));
            any |= gpuHours > 0;
            out.add(new ComputeYear(y, gpuHours, Stats.mean(Stats.sorted(p.exaflopHoursInYear(y)))));
        }
        return any ? out : List.of();
    }

    private static List<DscrYear> dscrByYear(StrategyPaths p) {
        List<DscrYear> out = new ArrayList<>();
        boolean any = false;
        for (int y = 0; y < p.years(); y++) {
            double[] v = Stats.sorted(Arrays.stream(p.minDscrInYear(y))
                    .map(d -> d == Double.POSITIVE_INFINITY ? Double.NaN : d)
                    .toArray());
            any |= v.length > 0;
            out.add(new DscrYear(
                    y,
                    Stats.quantile(v, 0.1),
                    Stats.quantile(v, 0.5),
                    Stats.quantile(v, 0.9),
                    (double) v.length / p.paths()));
        }
        return any ? out : List.of();
    }

    /** The value of a risk measure (higher is better). */
    public double score(RiskMeasure m) {
        return switch (m) {
            case EXPECTED -> meanNpvUsd;
            case P10 -> p10NpvUsd;
            case CVAR -> cvarNpvUsd;
        };
    }
}
