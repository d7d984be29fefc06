package io.minerai.planning.engine;

import io.minerai.planning.finance.Dilution;
import io.minerai.planning.finance.Irr;
import java.util.Arrays;
import java.util.List;

/**
 * The fast evaluation of strategies over a block of market paths, month-major: for each chunk of at most {@link #CHUNK}
 * paths and each strategy, month t is computed for every path of the chunk in one tight loop over primitive arrays
 * (structure of arrays indexed {@code [t * chunk + path]}), then month t + 1. Each path's state (loss pools, NPV and
 * cumulative sums, DSCR prefix sums) is an array over the chunk's paths. Every path's arithmetic is the same sequence
 * of operations as in the readable {@link CashFlowTable} order (and as the path-major engine this replaced, kept in
 * the tests as the reference it equals bit for bit), so results do not depend on the chunk, block or thread count.
 *
 * <p>Why month-major: the paths of one month draw their power month from the same calendar month's bank entries
 * (about 100 kB of sorted prices instead of 1.2 MB for a whole year), so the curtailment searches of a month hit the
 * cache; the searches of different paths are independent and overlap in the CPU; the chunk's arrays stay in L2. One
 * engine per worker thread owns its scratch arrays; nothing is allocated in the month loops.
 */
public final class PathEngine {
    /** Paths evaluated together: the chunk's arrays (about ten of 120 x 64 doubles) stay in L2. */
    static final int CHUNK = 64;

    private final int chunk;
    // [t * chunk + c]
    private final double[] equity;
    private final double[] baselineEquity;
    private final double[] prefixCfads;
    private final double[] prefixService;
    private final double[] memoThreshold;
    private final int[] memoK;
    private final double[] pathDrawUsd;
    private final double[] pathServiceUsd;
    private final double[] pathInterestUsd;
    // [c]
    private final boolean[] accelerated;
    private final double[] outstandingUsd;
    private final double[] lossPool;
    private final double[] lossPoolUnlevered;
    private final double[] npv;
    private final double[] npvUnlevered;
    private final double[] cum;
    private final double[] cumMin;
    private final double[] cumUnlevered;
    private final double[] cumUnleveredMin;
    private final double[] last12Ebitda;
    private final double[] spotRevenue;
    private final double[] contractRevenue;
    private final double[] incrementalCum;
    private final int[] lastNegative;
    private final double[] minDscr;
    private final boolean[] breached;
    // [t], one path
    private final double[] ebitdaRow;
    private final double[] revenueRow;
    private final double[] thresholdRow;
    private final int[] countRow;
    private final double[] flows;
    private final double[] draw;
    private final double[] service;
    private final double[] interest;
    private final GpuBook.Month gpuMonth = new GpuBook.Month();

    /**
     * @param months months of the plan
     * @param blockCapacity paths per market block
     */
    public PathEngine(int months, int blockCapacity) {
        this.chunk = Math.max(1, Math.min(CHUNK, blockCapacity));
        int cells = months * chunk;
        equity = new double[cells];
        baselineEquity = new double[cells];
        prefixCfads = new double[cells + chunk];
        prefixService = new double[cells + chunk];
        memoThreshold = new double[cells];
        memoK = new int[cells];
        pathDrawUsd = new double[cells];
        pathServiceUsd = new double[cells];
        pathInterestUsd = new double[cells];
        accelerated = new boolean[chunk];
        outstandingUsd = new double[chunk];
        lossPool = new double[chunk];
        lossPoolUnlevered = new double[chunk];
        npv = new double[chunk];
        npvUnlevered = new double[chunk];
        cum = new double[chunk];
        cumMin = new double[chunk];
        cumUnlevered = new double[chunk];
        cumUnleveredMin = new double[chunk];
        last12Ebitda = new double[chunk];
        spotRevenue = new double[chunk];
        contractRevenue = new double[chunk];
        incrementalCum = new double[chunk];
        lastNegative = new int[chunk];
        minDscr = new double[chunk];
        breached = new boolean[chunk];
        ebitdaRow = new double[chunk];
        revenueRow = new double[chunk];
        thresholdRow = new double[chunk];
        countRow = new int[chunk];
        flows = new double[months];
        draw = new double[months];
        service = new double[months];
        interest = new double[months];
    }

    /**
     * Evaluates every strategy of {@code schedules} on every path of {@code block}; path b of the block is written at
     * index firstPath + b of the strategy's {@link StrategyPaths}. The first schedule is the baseline: IRR and payback
     * of every other strategy are of its cash flows incremental to the baseline's on the same path (none for the
     * baseline itself).
     */
    public void evaluate(
            List<StrategySchedule> schedules,
            PowerBank bank,
            MarketBlock block,
            int firstPath,
            List<StrategyPaths> outs) {
        for (int c0 = 0; c0 < block.size; c0 += chunk) {
            int count = Math.min(chunk, block.size - c0);
            Arrays.fill(memoThreshold, Double.NaN);
            for (int s = 0; s < schedules.size(); s++) {
                evaluateChunk(schedules.get(s), bank, block, c0, count, firstPath, outs.get(s), s == 0);
            }
        }
    }

    private void evaluateChunk(
            StrategySchedule s,
            PowerBank bank,
            MarketBlock block,
            int c0,
            int count,
            int firstPath,
            StrategyPaths out,
            boolean baseline) {
        final int n = s.months;
        final int ch = chunk;
        final int stride = block.capacity;
        prepareDebt(s, block, c0, count);
        Arrays.fill(lossPool, 0, count, 0);
        Arrays.fill(lossPoolUnlevered, 0, count, 0);
        Arrays.fill(npv, 0, count, 0);
        Arrays.fill(npvUnlevered, 0, count, 0);
        Arrays.fill(cum, 0, count, 0);
        Arrays.fill(cumMin, 0, count, 0);
        Arrays.fill(cumUnlevered, 0, count, 0);
        Arrays.fill(cumUnleveredMin, 0, count, 0);
        Arrays.fill(last12Ebitda, 0, count, 0);
        Arrays.fill(spotRevenue, 0, count, 0);
        Arrays.fill(contractRevenue, 0, count, 0);
        Arrays.fill(incrementalCum, 0, count, 0);
        Arrays.fill(lastNegative, 0, count, -1);
        Arrays.fill(prefixCfads, 0, chunk, 0);
        Arrays.fill(prefixService, 0, chunk, 0);
        final boolean gpus = s.gpus.any();
        for (int t = 0; t < n; t++) {
            final int row = t * ch;
            final int marketRow = t * stride + c0;
            mining(s, bank, block, t, row, marketRow, count);
            if (gpus) {
                gpus(s, bank, block, t, marketRow, count, firstPath + c0, out);
            }
            for (int l = 0; l < s.leaseCount; l++) {
                double rent = s.leaseRentUsd[l][t];
                if (rent != 0) {
                    lease(s, block, l, t, rent, c0, count);
                }
            }
            finance(s, t, row, count, firstPath + c0, out, baseline);
        }
        covenant(s, count, out, firstPath + c0);
        for (int c = 0; c < count; c++) {
            int i = firstPath + c0 + c;
            if (baseline) {
                // the baseline is what the others are measured against: no IRR and no payback of its own
                out.irrPerYear[i] = Double.NaN;
                out.paybackMonth[i] = StrategyPaths.NO_PAYBACK;
            } else {
                for (int t = 0; t < n; t++) {
                    flows[t] = equity[t * ch + c] - baselineEquity[t * ch + c];
                }
                out.irrPerYear[i] = Irr.yearly(flows, n);
                out.paybackMonth[i] = lastNegative[c] == n - 1 ? StrategyPaths.NO_PAYBACK : lastNegative[c] + 1;
            }
            out.npvUsd[i] = npv[c];
            out.spotGpuRevenueUsd[i] = spotRevenue[c];
            out.contractRevenueUsd[i] = contractRevenue[c];
            out.unleveredNpvUsd[i] = npvUnlevered[c];
            out.minDscr[i] = minDscr[c];
            out.breached[i] = breached[c];
            out.peakEquityNeedUsd[i] = -cumMin[c];
            out.pureEquityDilution[i] = Dilution.fraction(-cumUnleveredMin[c], s.preMoneyEquityUsd);
        }
        if (baseline) {
            // the baseline's equity flows stay for the other strategies of this chunk
            System.arraycopy(equity, 0, baselineEquity, 0, n * ch);
        }
    }

    /**
     * Mining's EBITDA of month t for the chunk's paths (with the site's fixed opex): revenue per MWh from the path's
     * BTC price over hashrate and fees, the run fraction from the sorted power month (memoised per path-month: the
     * strategies of a chunk with the same fleet efficiency search the same threshold), power and opex.
     */
    private void mining(
            StrategySchedule s, PowerBank bank, MarketBlock block, int t, int row, int marketRow, int count) {
        final double adder = s.powerAdderUsdPerMwh;
        final double poolKeep = 1 - s.poolFeeFraction;
        final double hours = s.hours[t];
        final double factor = s.powerFactor[t];
        final double subsidy = s.subsidyBtcPerBlock[t];
        // (e x 24e-6) x PUE: the same product the readable engine divides by
        final double perThDayMwh = s.miningEfficiencyJPerTh[t] * 24e-6 * s.miningPue;
        final double mw = s.miningFacilityMw[t];
        final double mwHours = mw * hours;
        final double fixed = s.fixedOpexUsd[t];
        final double opexRun = s.miningOpexUsdPerMwMonth;
        final double opexStandby = s.miningStandbyOpexUsdPerMwMonth;
        final double[] poh = block.priceOverHashrate;
        final double[] fees = block.feesBtcPerBlock;
        final int[] entries = block.powerEntry;
        final double[] memo = memoThreshold;
        final int[] memoCount = memoK;
        final double[] e = ebitdaRow;
        final double[] revenue = revenueRow;
        final double[] thresholds = thresholdRow;
        final int[] ks = countRow;
        for (int c = 0; c < count; c++) {
            final int m = marketRow + c;
            // USD per TH/s per day, then per MWh at the meter: 1 TH/s at e J/TH uses e x 24e-6 MWh a day
            double usdPerThDay = (subsidy + fees[m]) * 144.0 * poh[m];
            double revenuePerMwh = usdPerThDay * poolKeep / perThDayMwh;
            revenue[c] = revenuePerMwh;
            thresholds[c] = (revenuePerMwh - adder) / factor;
        }
        // the searches alone in one loop: independent of each other, they overlap in the CPU
        for (int c = 0; c < count; c++) {
            double threshold = thresholds[c];
            if (memo[row + c] == threshold) {
                ks[c] = memoCount[row + c];
            } else {
                int k = bank.countBelow(entries[marketRow + c], threshold);
                ks[c] = k;
                memo[row + c] = threshold;
                memoCount[row + c] = k;
            }
        }
        for (int c = 0; c < count; c++) {
            final int entry = entries[marketRow + c];
            final int k = ks[c];
            final int size = bank.size(entry);
            final double revenuePerMwh = revenue[c];
            double run = (double) k / size;
            e[c] = mwHours * run * revenuePerMwh
                    - mwHours * (factor * bank.sumSmallest(entry, k) / size + adder * run)
                    - fixed
                    - mw * (run * opexRun + (1 - run) * opexStandby);
        }
    }

    /** Adds the GPU lines of month t (spot and contract revenue, power at the month's mean price, opex). */
    private void gpus(
            StrategySchedule s,
            PowerBank bank,
            MarketBlock block,
            int t,
            int marketRow,
            int count,
            int firstIndex,
            StrategyPaths out) {
        final GpuBook gpuBook = s.gpus;
        final double hours = s.hours[t];
        final double factor = s.powerFactor[t];
        final double adder = s.powerAdderUsdPerMwh;
        final GpuBook.Month g = gpuMonth;
        final int c0 = marketRow - t * block.capacity;
        for (int c = 0; c < count; c++) {
            int entry = block.powerEntry[marketRow + c];
            int size = bank.size(entry);
            double meanPrice = factor * bank.sumSmallest(entry, size) / size + adder;
            int b = c0 + c;
            gpuBook.month(
                    t,
                    hours,
                    meanPrice,
                    bank,
                    entry,
                    factor,
                    adder,
                    block.gpuDeclineShiftPerYear[b],
                    block.contractDefaultMonth,
                    b * block.contractCount,
                    g);
            ebitdaRow[c] += g.spotRevenueUsd + g.contractRevenueUsd - g.powerUsd - g.opexUsd;
            spotRevenue[c] += g.spotRevenueUsd;
            contractRevenue[c] += g.contractRevenueUsd;
            int y = (firstIndex + c) * out.years + t / 12;
            out.gpuHoursByYear[y] += g.gpuHours;
            out.exaflopHoursByYear[y] += g.exaflopHours;
            out.curtailedGpuHours[firstIndex + c] += g.curtailedGpuHours;
        }
    }

    /** Adds lease l's net operating income of month t (the backstop's share after the tenant's default). */
    private void lease(StrategySchedule s, MarketBlock block, int l, int t, double rent, int c0, int count) {
        final double paying = rent * s.leaseNoiMargin[l];
        final double defaulted = rent * (s.leaseBackstop[l] - (1 - s.leaseNoiMargin[l]));
        final int[] defaults = block.leaseDefaultMonth;
        final int lc = block.leaseCount;
        final int plan = s.leasePlanIndex[l];
        for (int c = 0; c < count; c++) {
            ebitdaRow[c] += t >= defaults[(c0 + c) * lc + plan] ? defaulted : paying;
        }
    }

    /**
     * Month t's tax (loss carry-forward, levered and unlevered), CFADS, equity and unlevered flows for the chunk's
     * paths, with their running NPVs, cumulative sums, covenant prefix sums and payback; the terminal value (EBITDA
     * multiple on the last 12 months, less debt still owed) in the last month.
     */
    private void finance(
            StrategySchedule s, int t, int row, int count, int firstIndex, StrategyPaths out, boolean baseline) {
        final int n = s.months;
        final int ch = chunk;
        final double taxRate = s.taxRate;
        final double depreciation = s.depreciationUsd[t];
        final double saleGain = s.saleGainUsd[t];
        final double capex = s.capexUsd[t];
        final double saleProceeds = s.saleProceedsUsd[t];
        final double discount = s.discount[t];
        final double scheduleDraw = s.debtDrawUsd[t];
        final double scheduleService = s.debtServiceUsd[t];
        final double scheduleInterest = s.interestPaidUsd[t];
        final int first = s.hasDebt ? s.firstServiceMonth : n;
        final boolean inLast12 = t >= Math.max(0, n - 12);
        final boolean lastMonth = t == n - 1;
        final boolean serviceWindow = t >= first;
        final boolean keep = out.cumulativeEquityUsd.length > 0;
        final int serviceRow = (t - first) * ch;
        final double[] e = ebitdaRow;
        for (int c = 0; c < count; c++) {
            final boolean acc = accelerated[c];
            final double ebitda = e[c];
            final double interestPaid = acc ? pathInterestUsd[row + c] : scheduleInterest;
            // tax with loss carry-forward, levered and unlevered
            double taxable = ebitda - depreciation - interestPaid + saleGain;
            double tax = 0;
            if (taxable <= 0) {
                lossPool[c] -= taxable;
            } else {
                double used = Math.min(lossPool[c], taxable);
                lossPool[c] -= used;
                tax = taxRate * (taxable - used);
            }
            double taxableU = ebitda - depreciation + saleGain;
            double taxU = 0;
            if (taxableU <= 0) {
                lossPoolUnlevered[c] -= taxableU;
            } else {
                double used = Math.min(lossPoolUnlevered[c], taxableU);
                lossPoolUnlevered[c] -= used;
                taxU = taxRate * (taxableU - used);
            }
            double cfads = ebitda - tax;
            double serviceUsd = acc ? pathServiceUsd[row + c] : scheduleService;
            double eq = cfads - capex + (acc ? pathDrawUsd[row + c] : scheduleDraw) - serviceUsd + saleProceeds;
            double un = ebitda - taxU - capex + saleProceeds;
            if (serviceWindow) {
                // prefix sums of CFADS and service from the first month of service (the covenant windows)
                prefixCfads[serviceRow + ch + c] = prefixCfads[serviceRow + c] + cfads;
                prefixService[serviceRow + ch + c] = prefixService[serviceRow + c] + serviceUsd;
            }
            if (inLast12) {
                last12Ebitda[c] += ebitda;
            }
            if (lastMonth) {
                double tv = s.terminalEbitdaMultiple * Math.max(0, last12Ebitda[c] * 12.0 / Math.min(12, n));
                eq += tv - (acc ? outstandingUsd[c] : s.debtOutstandingAtHorizonUsd);
                un += tv;
            }
            equity[row + c] = eq;
            npv[c] += eq * discount;
            npvUnlevered[c] += un * discount;
            double cu = cum[c] + eq;
            cum[c] = cu;
            cumMin[c] = Math.min(cumMin[c], cu);
            double cuU = cumUnlevered[c] + un;
            cumUnlevered[c] = cuU;
            cumUnleveredMin[c] = Math.min(cumUnleveredMin[c], cuU);
            if (keep) {
                out.cumulativeEquityUsd[(firstIndex + c) * n + t] = (float) cu;
            }
            if (!baseline) {
                double ic = incrementalCum[c] + (eq - baselineEquity[row + c]);
                incrementalCum[c] = ic;
                if (ic < 0) {
                    lastNegative[c] = t;
                }
            }
        }
    }

    /**
     * This chunk's debt lines: the schedule's, except on paths where a customer default accelerates a contract-backed
     * loan (those get their own lines, and owe less at the horizon).
     */
    private void prepareDebt(StrategySchedule s, MarketBlock block, int c0, int count) {
        final int n = s.months;
        for (int c = 0; c < count; c++) {
            accelerated[c] = false;
            int contractBase = (c0 + c) * block.contractCount;
            double outstanding = s.debtOutstandingAtHorizonUsd;
            for (int f = 0; f < s.acceleratedBy.length; f++) {
                int d = block.contractDefaultMonth[contractBase + s.acceleratedBy[f]];
                if (d < n) {
                    if (!accelerated[c]) {
                        System.arraycopy(s.debtDrawUsd, 0, draw, 0, n);
                        System.arraycopy(s.debtServiceUsd, 0, service, 0, n);
                        System.arraycopy(s.interestPaidUsd, 0, interest, 0, n);
                        accelerated[c] = true;
                    }
                    outstanding -= Acceleration.apply(
                            s.facilityLines.get(s.acceleratedFacility[f]).schedule(), d, draw, service, interest);
                }
            }
            if (accelerated[c]) {
                outstandingUsd[c] = outstanding;
                for (int t = 0; t < n; t++) {
                    pathDrawUsd[t * chunk + c] = draw[t];
                    pathServiceUsd[t * chunk + c] = service[t];
                    pathInterestUsd[t * chunk + c] = interest[t];
                }
            }
        }
    }

    /**
     * The covenant test of every path of the chunk: DSCR over windows that never reach back before the first month of
     * service, from the prefix sums of the month loop.
     */
    private void covenant(StrategySchedule s, int count, StrategyPaths out, int firstIndex) {
        final int n = s.months;
        final int ch = chunk;
        final int years = out.years;
        final double[] byYear = out.minDscrByYear;
        Arrays.fill(minDscr, 0, count, Double.POSITIVE_INFINITY);
        Arrays.fill(breached, 0, count, false);
        Arrays.fill(byYear, firstIndex * years, (firstIndex + count) * years, Double.POSITIVE_INFINITY);
        final int first = s.firstServiceMonth;
        if (!s.hasDebt || first >= n) {
            return;
        }
        final int w = s.dscrWindowMonths;
        final double floor = s.minDscr;
        for (int t = first; t < n; t++) {
            int lo;
            int hi;
            if (s.dscrForward) {
                lo = t;
                hi = Math.min(n - 1, t + w - 1);
            } else {
                lo = Math.max(first, t - w + 1);
                hi = t;
            }
            final int hiRow = (hi + 1 - first) * ch;
            final int loRow = (lo - first) * ch;
            final int year = firstIndex * years + t / 12;
            for (int c = 0; c < count; c++) {
                double windowService = prefixService[hiRow + c] - prefixService[loRow + c];
                if (windowService > StrategySchedule.SERVICE_EPSILON_USD) {
                    double dscr = (prefixCfads[hiRow + c] - prefixCfads[loRow + c]) / windowService;
                    if (dscr < minDscr[c]) {
                        minDscr[c] = dscr;
                    }
                    if (dscr < floor) {
                        breached[c] = true;
                    }
                    if (dscr < byYear[year + c * years]) {
                        byYear[year + c * years] = dscr;
                    }
                }
            }
        }
    }
}
