package io.minerai.planning.engine;

import io.minerai.core.bitcoin.BlockSubsidy;
import io.minerai.planning.model.BitcoinPlan;
import io.minerai.planning.model.GpuContract;
import io.minerai.planning.model.LeasePlan;
import io.minerai.planning.model.Plan;
import io.minerai.planning.model.Uncertainty;
import java.util.List;

/**
 * Generates market paths. Month m of path i (all draws from a generator seeded by (seed, i) only):
 *
 * <ul>
 *   <li>BTC: P_0 = start price; P_{m+1} = P_m exp(r_m), r_m = drift/12 + scale (B_m - D_m mean), B_m the sum of D_m
 *       (days in month m) daily log-returns taken in blocks of consecutive days from random starts in the history
 *       (block bootstrap; demeaned so the drift is the plan's, not history's);
 *   <li>network hashrate: H_{m+1} = H_m exp(g/12 + elasticity (r_m - drift/12) + noise z) - growth follows the
 *       unexpected price move;
 *   <li>fees: F exp(sd z - sd^2/2) (lognormal around the mean);
 *   <li>power: a random entry of the power bank for the calendar month;
 *   <li>per path: the GPU price decline rate shift sd z, and each lease's tenant default month (exponential time at
 *       its yearly default probability, from a uniform keyed by (seed, path, tenant) so a tenant defaults at the same
 *       time whichever strategy leases to it).
 * </ul>
 *
 * With every scale at zero the path is the deterministic deck, whatever the seed. The subsidy per block of each month
 * follows the halvings from the start height at 144 blocks a day (BlockSubsidy).
 */
public final class MarketModel {
    private final MonthGrid grid;
    private final BitcoinPlan btc;
    private final Uncertainty u;
    private final BtcReturns returns;
    private final PowerBank bank;
    private final List<LeasePlan> leases;
    private final List<GpuContract> contracts;
    /** Per plan contract: the month its term starts (its GPUs go live). */
    private final int[] contractStart;

    private final double[] subsidyBtcPerBlock;

    public MarketModel(Plan plan, MonthGrid grid, BtcReturns returns, PowerBank bank) {
        this.grid = grid;
        this.btc = plan.bitcoin();
        this.u = plan.uncertainty();
        this.returns = returns;
        this.bank = bank;
        this.leases = plan.leases();
        this.contracts = plan.contracts();
        this.contractStart = new int[contracts.size()];
        for (int j = 0; j < contracts.size(); j++) {
            contractStart[j] = plan.hall(plan.gpuCloud(contracts.get(j).gpuCloud())
                            .orElseThrow()
                            .hall())
                    .orElseThrow()
                    .readyMonth();
        }
        this.subsidyBtcPerBlock = subsidySchedule(btc.startBlockHeight(), grid);
        if (u.btcVolatilityScale() > 0 && returns.size() < u.bootstrapBlockDays()) {
            throw new IllegalArgumentException("BTC history (" + returns.size() + " days) is shorter than a bootstrap"
                    + " block (" + u.bootstrapBlockDays() + " days)");
        }
    }

    public MonthGrid grid() {
        return grid;
    }

    public PowerBank bank() {
        return bank;
    }

    public BtcReturns returns() {
        return returns;
    }

    /** Mean block subsidy in each month. */
    public double subsidyBtcPerBlock(int m) {
        return subsidyBtcPerBlock[m];
    }

    /**
     * Mean subsidy per block of each month: blocks at 144 a day from {@code startHeight}, each paying
     * BlockSubsidy.subsidyBtc(height).
     */
    static double[] subsidySchedule(long startHeight, MonthGrid grid) {
        double[] out = new double[grid.months()];
        long h = startHeight;
        for (int m = 0; m < grid.months(); m++) {
            long n = 144L * grid.days(m);
            long end = h + n;
            double sum = 0;
            long cur = h;
            while (cur < end) {
                long next = Math.min(end, BlockSubsidy.nextHalvingHeight(cur));
                sum += (next - cur) * BlockSubsidy.subsidyBtc(cur);
                cur = next;
            }
            out[m] = sum / n;
            h = end;
        }
        return out;
    }

    /** Fills block {@code out} with paths [firstPath, firstPath + count). */
    public void fill(MarketBlock out, long firstPath, int count) {
        if (count > out.capacity) {
            throw new IllegalArgumentException("block holds " + out.capacity + " paths, asked " + count);
        }
        out.size = count;
        int[] draws = new int[grid.months()];
        for (int b = 0; b < count; b++) {
            fillPath(out, b, firstPath + b, new PathRandom(u.seed(), firstPath + b), draws);
        }
    }

    /**
     * Fills block {@code out} with paths [firstPath, firstPath + count) of a common market: BTC price, hashrate, fees
     * and the GPU decline shift from {@code common} (the same for every site evaluated on it); this site's power
     * months drawn from its own bank by a generator seeded by (the plan's seed, path) on a stream of its own, and its
     * tenants' and customers' defaults as on its own paths (keyed by (seed, path, counterparty)).
     */
    public void fill(MarketBlock out, CommonMarket common, long firstPath, int count) {
        if (count > out.capacity) {
            throw new IllegalArgumentException("block holds " + out.capacity + " paths, asked " + count);
        }
        if (firstPath + count > common.paths()) {
            throw new IllegalArgumentException(
                    "the common market has " + common.paths() + " paths, asked up to " + (firstPath + count));
        }
        out.size = count;
        int months = grid.months();
        int stride = out.capacity;
        int bankDraws = bank.perMonth();
        for (int b = 0; b < count; b++) {
            long pathIndex = firstPath + b;
            fillDefaults(out, b, pathIndex);
            PathRandom power = new PathRandom(PathSeeds.mix(u.seed(), POWER_STREAM), pathIndex);
            int o = (int) pathIndex * months;
            for (int m = 0; m < months; m++) {
                int at = m * stride + b;
                double logPrice = common.logPriceUsdPerBtc[o + m];
                double logHashrate = common.logNetworkHashrateThPerS[o + m];
                out.logPriceUsdPerBtc[at] = logPrice;
                out.logNetworkHashrateThPerS[at] = logHashrate;
                out.priceOverHashrate[at] = StrictMath.exp(logPrice - logHashrate);
                out.feesBtcPerBlock[at] = common.feesBtcPerBlock[o + m];
                out.powerEntry[at] = bank.entry(grid.monthOfYear(m), bankDraws > 1 ? power.nextInt(bankDraws) : 0);
            }
            out.gpuDeclineShiftPerYear[b] = common.gpuDeclineShiftPerYear[(int) pathIndex];
        }
    }

    /** One path, for tests and reports. */
    public MarketPath path(long pathIndex) {
        MarketBlock one = new MarketBlock(1, grid.months(), leases.size(), contracts.size());
        fill(one, pathIndex, 1);
        return one.path(0);
    }

    /**
     * The month a counterparty defaults: exponential waiting time at the yearly probability from {@code from} (month
     * index), {@link MarketPath#NEVER} when it falls at or after {@code until} or defaults are off.
     */
    private int defaultMonth(double uniform, double annualProbability, int from, int until) {
        if (!u.tenantDefaults() || annualProbability <= 0) {
            return MarketPath.NEVER;
        }
        double hazardPerMonth =
                annualProbability >= 1 ? Double.POSITIVE_INFINITY : -StrictMath.log1p(-annualProbability) / 12.0;
        long when = from + (long) Math.floor(-StrictMath.log1p(-uniform) / hazardPerMonth);
        return when < until ? (int) when : MarketPath.NEVER;
    }

    /** A uniform in [0, 1) from (seed, path, tenant) only. */
    static double tenantUniform(long seed, long pathIndex, String tenant) {
        long h = PathSeeds.mix(PathSeeds.mix(seed, pathIndex), tenant.hashCode());
        return (h >>> 11) * 0x1.0p-53;
    }

    private void fillPath(MarketBlock out, int b, long pathIndex, PathRandom rng, int[] draws) {
        int months = grid.months();
        int stride = out.capacity;
        // per-path draws first, always in the same order
        double zGpu = rng.nextGaussian();
        fillDefaults(out, b, pathIndex);
        drawBitcoin(
                btc,
                u,
                returns,
                grid,
                bank.perMonth(),
                rng,
                out.logPriceUsdPerBtc,
                out.logNetworkHashrateThPerS,
                out.priceOverHashrate,
                out.feesBtcPerBlock,
                draws,
                b,
                stride);
        for (int m = 0; m < months; m++) {
            out.powerEntry[m * stride + b] = bank.entry(grid.monthOfYear(m), draws[m]);
        }
        out.gpuDeclineShiftPerYear[b] = u.gpuDeclineSdPerYear() * zGpu;
    }

    /** Stream index of a site's own power-month draws on a common market (apart from the paths' own streams). */
    private static final long POWER_STREAM = 0x706f776572L; // "power"

    /** Path b's tenant and customer default months (from uniforms keyed by (seed, path, counterparty) only). */
    private void fillDefaults(MarketBlock out, int b, long pathIndex) {
        for (int l = 0; l < leases.size(); l++) {
            LeasePlan lease = leases.get(l);
            // keyed by tenant, not by the lease's place in the plan: the same tenant defaults at the same time in
            // every strategy and search candidate on this path (common random numbers)
            double uDefault =
                    tenantUniform(u.seed(), pathIndex, lease.tenant().isEmpty() ? lease.name() : lease.tenant());
            int month = MarketPath.NEVER;
            double p = lease.annualDefaultProbability();
            if (u.tenantDefaults() && p > 0) {
                double hazardPerMonth = p >= 1 ? Double.POSITIVE_INFINITY : -StrictMath.log1p(-p) / 12.0;
                double wait = -StrictMath.log1p(-uDefault) / hazardPerMonth;
                long when = lease.startMonth() + (long) Math.floor(wait);
                if (when < lease.endMonth()) {
                    month = (int) when;
                }
            }
            out.leaseDefaultMonth[b * leases.size() + l] = month;
        }
        for (int j = 0; j < contracts.size(); j++) {
            // customers like tenants: keyed by name, so a customer defaults at the same time wherever it appears
            GpuContract c = contracts.get(j);
            out.contractDefaultMonth[b * contracts.size() + j] = defaultMonth(
                    tenantUniform(u.seed(), pathIndex, c.defaultKey()),
                    c.annualDefaultProbability(),
                    contractStart[j],
                    grid.months());
        }
    }

    /**
     * The bitcoin side of one path, month by month, from the path's generator (after its GPU draw): the block
     * bootstrap of BTC returns, correlated hashrate, fees, and (when the power bank holds several months per calendar
     * month) the power month drawn, in that order each month. Values of month m go to index {@code base + m * stride}
     * of the arrays; power draws to {@code powerDraw[m]}. Shared by the plan's own paths and by {@link CommonMarket},
     * so both draw the same numbers from the same generator.
     */
    static void drawBitcoin(
            BitcoinPlan btc,
            Uncertainty u,
            BtcReturns returns,
            MonthGrid grid,
            int bankDraws,
            PathRandom rng,
            double[] logPriceOut,
            double[] logHashrateOut,
            double[] priceOverHashrateOut,
            double[] feesOut,
            int[] powerDraw,
            int base,
            int stride) {
        int months = grid.months();
        double driftMonthly = btc.priceDriftPerYear() / 12.0;
        double growthMonthly = btc.hashrateGrowthPerYear() / 12.0;
        double scale = u.btcVolatilityScale();
        double elasticity = btc.hashratePriceElasticity();
        double hashNoise = u.hashrateNoisePerMonth();
        double feeSd = u.feesLogSdPerMonth();
        double feeBias = -0.5 * feeSd * feeSd;
        int blockDays = u.bootstrapBlockDays();
        int historyDays = returns.size();
        double meanDaily = returns.meanDaily();
        double logPrice = StrictMath.log(btc.startPriceUsdPerBtc());
        double logHashrate = StrictMath.log(btc.startNetworkHashrateEhPerS() * 1e6);
        for (int m = 0; m < months; m++) {
            int d = grid.days(m);
            double blockSum = 0;
            int pos = 0;
            while (pos < d) {
                int len = Math.min(blockDays, d - pos);
                int startDay = rng.nextInt(Math.max(1, historyDays - len + 1));
                if (scale > 0) {
                    blockSum += returns.blockSum(startDay, len);
                }
                pos += len;
            }
            double zHash = rng.nextGaussian();
            double zFee = rng.nextGaussian();
            powerDraw[m] = bankDraws > 1 ? rng.nextInt(bankDraws) : 0;
            double surprise = scale > 0 ? scale * (blockSum - d * meanDaily) : 0;
            int at = base + m * stride;
            logPriceOut[at] = logPrice;
            logHashrateOut[at] = logHashrate;
            priceOverHashrateOut[at] = StrictMath.exp(logPrice - logHashrate);
            feesOut[at] =
                    feeSd > 0 ? btc.feesBtcPerBlock() * StrictMath.exp(feeSd * zFee + feeBias) : btc.feesBtcPerBlock();
            logPrice += driftMonthly + surprise;
            logHashrate += growthMonthly + elasticity * surprise + hashNoise * zHash;
        }
    }
}
