package io.minerai.planning.engine;

import io.minerai.planning.finance.Dilution;
import io.minerai.planning.finance.Irr;

/**
 * The path-major engine the Monte Carlo used before {@link PathEngine} was restructured month-major (issue 12 point
 * 6), kept as the reference the restructured engine must equal bit for bit: one path at a time, month by month. Only
 * its reads of the market block changed (the block is now month-major).
 */
final class PathEngineReference {
    private final double[] equity;
    private final double[] unlevered;
    private final double[] ebitda;
    private final double[] cfads;
    private final double[] incremental;
    private final double[] baselineEquity;
    private final double[] prefixCfads;
    private final double[] pathDraw;
    private final double[] pathService;
    private final double[] pathInterest;
    private final GpuBook.Month gpuMonth = new GpuBook.Month();
    private final double[] prefixService;
    private final int months;
    // k = countBelow(entry, threshold) is a pure function: strategies with the same fleet efficiency on the same
    // path-month reuse it instead of searching the power month again
    private final double[] memoThreshold;
    private final int[] memoEntry;
    private final int[] memoK;

    /**
     * @param months months of the plan
     * @param blockCapacity paths per block (for the baseline's cash flows)
     */
    PathEngineReference(int months, int blockCapacity) {
        this.months = months;
        equity = new double[months];
        unlevered = new double[months];
        ebitda = new double[months];
        cfads = new double[months];
        incremental = new double[months];
        baselineEquity = new double[months * blockCapacity];
        prefixCfads = new double[months + 1];
        pathDraw = new double[months];
        pathService = new double[months];
        pathInterest = new double[months];
        prefixService = new double[months + 1];
        memoThreshold = new double[months * blockCapacity];
        java.util.Arrays.fill(memoThreshold, Double.NaN);
        memoEntry = new int[months * blockCapacity];
        memoK = new int[months * blockCapacity];
    }

    /**
     * Evaluates {@code s} on every path of {@code block}; path b is written at index firstPath + b of {@code out}.
     * Call it first with the baseline strategy ({@code baseline = true}) for each block: IRR and payback of every
     * strategy are of its cash flows incremental to the baseline (none for the baseline itself).
     */
    void evaluate(
            StrategySchedule s, PowerBank bank, MarketBlock block, int firstPath, StrategyPaths out, boolean baseline) {
        for (int b = 0; b < block.size; b++) {
            evaluatePath(s, bank, block, b, firstPath + b, out, baseline);
        }
    }

    private void evaluatePath(
            StrategySchedule s, PowerBank bank, MarketBlock block, int b, int i, StrategyPaths out, boolean baseline) {
        final int n = s.months;
        final int leaseBase = b * block.leaseCount;
        final double adder = s.powerAdderUsdPerMwh;
        final double poolKeep = 1 - s.poolFeeFraction;
        final double gpuShift = block.gpuDeclineShiftPerYear[b];
        final double taxRate = s.taxRate;
        final GpuBook gpuBook = s.gpus;
        final int contractBase = b * block.contractCount;
        double spotRevenue = 0;
        double contractRevenue = 0;
        // debt lines of this path: the schedule's, unless a customer default accelerates a contract-backed loan
        double[] draw = s.debtDrawUsd;
        double[] service = s.debtServiceUsd;
        double[] interest = s.interestPaidUsd;
        double outstanding = s.debtOutstandingAtHorizonUsd;
        for (int f = 0; f < s.acceleratedBy.length; f++) {
            int d = block.contractDefaultMonth[contractBase + s.acceleratedBy[f]];
            if (d < n) {
                if (draw == s.debtDrawUsd) {
                    System.arraycopy(s.debtDrawUsd, 0, pathDraw, 0, n);
                    System.arraycopy(s.debtServiceUsd, 0, pathService, 0, n);
                    System.arraycopy(s.interestPaidUsd, 0, pathInterest, 0, n);
                    draw = pathDraw;
                    service = pathService;
                    interest = pathInterest;
                }
                outstanding -= Acceleration.apply(
                        s.facilityLines.get(s.acceleratedFacility[f]).schedule(), d, draw, service, interest);
            }
        }
        double lossPool = 0;
        double lossPoolUnlevered = 0;
        double npv = 0;
        double npvUnlevered = 0;
        for (int t = 0; t < n; t++) {
            final double hours = s.hours[t];
            final int entry = block.powerEntry[block.at(b, t)];
            final double factor = s.powerFactor[t];
            // USD per TH/s per day, then per MWh at the meter: 1 TH/s at e J/TH uses e x 24e-6 MWh a day
            double usdPerThDay = (s.subsidyBtcPerBlock[t] + block.feesBtcPerBlock[block.at(b, t)])
                    * 144.0
                    * block.priceOverHashrate[block.at(b, t)];
            double revenuePerMwh = usdPerThDay * poolKeep / (s.miningEfficiencyJPerTh[t] * 24e-6 * s.miningPue);
            int size = bank.size(entry);
            double threshold = (revenuePerMwh - adder) / factor;
            int k;
            int memo = b * block.months + t;
            if (memoThreshold[memo] == threshold && memoEntry[memo] == entry) {
                k = memoK[memo];
            } else {
                k = bank.countBelow(entry, threshold);
                memoThreshold[memo] = threshold;
                memoEntry[memo] = entry;
                memoK[memo] = k;
            }
            double run = (double) k / size;
            double mw = s.miningFacilityMw[t];
            double e = mw * hours * run * revenuePerMwh
                    - mw * hours * (factor * bank.sumSmallest(entry, k) / size + adder * run)
                    - s.fixedOpexUsd[t]
                    - mw * (run * s.miningOpexUsdPerMwMonth + (1 - run) * s.miningStandbyOpexUsdPerMwMonth);
            if (gpuBook.any()) {
                double meanPrice = factor * bank.sumSmallest(entry, size) / size + adder;
                gpuBook.month(
                        t,
                        hours,
                        meanPrice,
                        bank,
                        entry,
                        factor,
                        adder,
                        gpuShift,
                        block.contractDefaultMonth,
                        contractBase,
                        gpuMonth);
                e += gpuMonth.spotRevenueUsd + gpuMonth.contractRevenueUsd - gpuMonth.powerUsd - gpuMonth.opexUsd;
                spotRevenue += gpuMonth.spotRevenueUsd;
                contractRevenue += gpuMonth.contractRevenueUsd;
            }
            for (int l = 0; l < s.leaseCount; l++) {
                double rent = s.leaseRentUsd[l][t];
                if (rent != 0) {
                    boolean defaulted = t >= block.leaseDefaultMonth[leaseBase + s.leasePlanIndex[l]];
                    e += defaulted
                            ? rent * (s.leaseBackstop[l] - (1 - s.leaseNoiMargin[l]))
                            : rent * s.leaseNoiMargin[l];
                }
            }
            ebitda[t] = e;
            // tax with loss carry-forward, levered and unlevered
            double taxable = e - s.depreciationUsd[t] - interest[t] + s.saleGainUsd[t];
            double tax = 0;
            if (taxable <= 0) {
                lossPool -= taxable;
            } else {
                double used = Math.min(lossPool, taxable);
                lossPool -= used;
                tax = taxRate * (taxable - used);
            }
            double taxableU = e - s.depreciationUsd[t] + s.saleGainUsd[t];
            double taxU = 0;
            if (taxableU <= 0) {
                lossPoolUnlevered -= taxableU;
            } else {
                double used = Math.min(lossPoolUnlevered, taxableU);
                lossPoolUnlevered -= used;
                taxU = taxRate * (taxableU - used);
            }
            cfads[t] = e - tax;
            equity[t] = cfads[t] - s.capexUsd[t] + draw[t] - service[t] + s.saleProceedsUsd[t];
            unlevered[t] = e - taxU - s.capexUsd[t] + s.saleProceedsUsd[t];
        }
        double last12 = 0;
        for (int t = Math.max(0, n - 12); t < n; t++) {
            last12 += ebitda[t];
        }
        double tv = s.terminalEbitdaMultiple * Math.max(0, last12 * 12.0 / Math.min(12, n));
        equity[n - 1] += tv - outstanding;
        unlevered[n - 1] += tv;

        double minDscr = Double.POSITIVE_INFINITY;
        boolean breached = false;
        final int first = s.firstServiceMonth;
        if (s.hasDebt && first < n) {
            // windows never reach back before the first month of service: prefix sums from it
            final int w = s.dscrWindowMonths;
            double pc = 0;
            double ps = 0;
            for (int t = first; t < n; t++) {
                prefixCfads[t - first] = pc;
                prefixService[t - first] = ps;
                pc += cfads[t];
                ps += service[t];
            }
            prefixCfads[n - first] = pc;
            prefixService[n - first] = ps;
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
                double windowService = prefixService[hi + 1 - first] - prefixService[lo - first];
                if (windowService > StrategySchedule.SERVICE_EPSILON_USD) {
                    double dscr = (prefixCfads[hi + 1 - first] - prefixCfads[lo - first]) / windowService;
                    if (dscr < minDscr) {
                        minDscr = dscr;
                    }
                    if (dscr < s.minDscr) {
                        breached = true;
                    }
                }
            }
        }
        double cum = 0;
        double cumMin = 0;
        double cumU = 0;
        double cumUMin = 0;
        boolean keep = out.cumulativeEquityUsd.length > 0;
        int co = i * n;
        int bo = b * months;
        for (int t = 0; t < n; t++) {
            npv += equity[t] * s.discount[t];
            npvUnlevered += unlevered[t] * s.discount[t];
            cum += equity[t];
            cumU += unlevered[t];
            cumMin = Math.min(cumMin, cum);
            cumUMin = Math.min(cumUMin, cumU);
            if (keep) {
                out.cumulativeEquityUsd[co + t] = (float) cum;
            }
        }
        if (baseline) {
            // the baseline is what the others are measured against: no IRR and no payback of its own
            System.arraycopy(equity, 0, baselineEquity, bo, n);
            out.irrPerYear[i] = Double.NaN;
            out.paybackMonth[i] = StrategyPaths.NO_PAYBACK;
        } else {
            for (int t = 0; t < n; t++) {
                incremental[t] = equity[t] - baselineEquity[bo + t];
            }
            double c = 0;
            int lastNegative = -1;
            for (int t = 0; t < n; t++) {
                c += incremental[t];
                if (c < 0) {
                    lastNegative = t;
                }
            }
            out.irrPerYear[i] = Irr.yearly(incremental, n);
            out.paybackMonth[i] = lastNegative == n - 1 ? StrategyPaths.NO_PAYBACK : lastNegative + 1;
        }
        out.npvUsd[i] = npv;
        out.spotGpuRevenueUsd[i] = spotRevenue;
        out.contractRevenueUsd[i] = contractRevenue;
        out.unleveredNpvUsd[i] = npvUnlevered;
        out.minDscr[i] = minDscr;
        out.breached[i] = breached;
        out.peakEquityNeedUsd[i] = -cumMin;
        out.pureEquityDilution[i] = Dilution.fraction(-cumUMin, s.preMoneyEquityUsd);
    }
}
