package io.minerai.planning.engine;

import io.minerai.planning.model.GpuCloudPlan;
import io.minerai.planning.model.GpuContract;
import io.minerai.planning.model.Hall;
import io.minerai.planning.model.Plan;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * A strategy's GPUs compiled into monthly arrays: every GPU fleet it runs (a GPU cloud and the clouds refreshing it,
 * each an "instance" live from its start to its retirement), the contracts on them and what is sold when. Both
 * evaluators ({@link PathEngine}, {@link CashFlowTable}) take a month's GPU lines from {@link #month}, which adds the
 * path-dependent parts (the spot price's decline shift, customer defaults) to the compiled ones; it allocates nothing.
 *
 * <p>Conventions: contracted GPUs are paid for whether used or not (take-or-pay) at the contract's fee less the
 * prepaid share and the service credit (fee x (1 - prepaid share - credit)); the prepayment is cash in its month;
 * spot GPUs earn price x utilisation x hours, the price falling with the fleet's age; every live GPU draws its power
 * (firm load at the month's mean price) and opex. After a customer default the payments stop (a backstop pays its
 * share of fee x (1 - prepaid share)) and the GPUs are rented on the spot market; a prepayment not yet received is
 * lost. At the end of a term: spot, renew at each month's spot price (take-or-pay, same credit) until the fleet
 * retires, or sell at the residual value. Fleets are sold at their residual value when they retire before the horizon
 * (the terminal value covers those still live at the horizon).
 */
public final class GpuBook {
    /** Instances (fleets) in order: each cloud of the strategy followed by its refreshes. */
    final int instances;

    final String[] instanceName;
    final int[] start;
    final int[] end;
    final double[] priceUsdPerHour;
    final double[] logDeclinePerYear;
    final double[] utilization;
    final double[] opexUsdPerGpuMonth;
    final double[] mwPerGpu;
    final double[] usdPerGpu;
    final GpuCloudPlan[] cloud;
    /** [instance][month]: GPUs live (after sales at term end). */
    final double[][] liveUnits;
    /** [instance][month]: facility MW of the live GPUs (IT x PUE). */
    final double[][] liveMw;
    /** [instance][month]: GPUs on the spot market when no customer defaults. */
    final double[][] spotUnits;
    /** [instance][month]: spot GPU-hours sold with no default (spot GPUs x utilisation x hours). */
    final double[][] spotGpuHoursSold;
    /** By month: energy of every live GPU (MWh) and their opex; path-independent. */
    final double[] liveMwh;

    final double[] liveOpexUsd;

    final int contracts;
    final String[] contractName;
    final int[] contractPlanIndex;
    final double[] contractGpus;
    final int[] termStart;
    final int[] termEnd;
    final boolean[] renews;
    final double[] creditFraction;
    final double[] prepaidShare;
    final double[] backstop;
    final int[] prepaymentMonth;
    final double[] prepaymentUsd;
    final double[] totalValueUsd;
    final double[] priceUsdPerGpuHourYear1;
    final double[] escalatorPerYear;
    final YearMonth gridStart;
    /** [contract][month]: the fee (before prepaid share and credit), within the term. */
    final double[][] feeUsd;
    /** [contract][month]: instance serving the contract, -1 when none is live. */
    final int[][] servingInstance;
    /** Contract cash of every contract with no default: fee x (1 - prepaid - credit), plus prepayments. */
    final double[] contractCashUsd;

    final double[] capexUsd;
    final double[] depreciationUsd;
    final double[] saleProceedsUsd;
    final double[] saleGainUsd;

    /** What {@link #month} returns: a month's GPU lines. */
    public static final class Month {
        double spotRevenueUsd;
        double contractRevenueUsd;
        double powerUsd;
        double opexUsd;

        void clear() {
            spotRevenueUsd = 0;
            contractRevenueUsd = 0;
            powerUsd = 0;
            opexUsd = 0;
        }
    }

    private record Instance(GpuCloudPlan cloud, int start, int end, int chainRoot) {}

    GpuBook(Plan plan, List<GpuCloudPlan> clouds, List<GpuContract> strategyContracts, MonthGrid grid) {
        int months = grid.months();
        List<Instance> list = new ArrayList<>();
        for (int c = 0; c < clouds.size(); c++) {
            GpuCloudPlan g = clouds.get(c);
            int s = plan.hall(g.hall()).orElseThrow().readyMonth();
            int root = list.size();
            list.add(new Instance(g, s, s + g.lifeMonths(), root));
            GpuCloudPlan cur = g;
            int e = s + g.lifeMonths();
            while (!cur.refreshWith().isEmpty() && e < months && cur.lifeMonths() > 0) {
                GpuCloudPlan next = plan.gpuCloud(cur.refreshWith()).orElseThrow();
                list.add(new Instance(next, e, e + next.lifeMonths(), root));
                cur = next;
                e += next.lifeMonths();
            }
        }
        instances = list.size();
        instanceName = new String[instances];
        start = new int[instances];
        end = new int[instances];
        priceUsdPerHour = new double[instances];
        logDeclinePerYear = new double[instances];
        utilization = new double[instances];
        opexUsdPerGpuMonth = new double[instances];
        mwPerGpu = new double[instances];
        usdPerGpu = new double[instances];
        cloud = new GpuCloudPlan[instances];
        liveUnits = new double[instances][months];
        liveMw = new double[instances][months];
        spotUnits = new double[instances][months];
        capexUsd = new double[months];
        depreciationUsd = new double[months];
        saleProceedsUsd = new double[months];
        saleGainUsd = new double[months];
        double[] saleMonthUnits = new double[instances]; // units sold early (contract 'sell') per instance
        int[] saleMonth = new int[instances];
        java.util.Arrays.fill(saleMonth, Integer.MAX_VALUE);
        for (int k = 0; k < instances; k++) {
            Instance in = list.get(k);
            GpuCloudPlan g = in.cloud();
            instanceName[k] = g.name();
            start[k] = in.start();
            end[k] = in.end();
            priceUsdPerHour[k] = g.priceUsdPerGpuHour();
            logDeclinePerYear[k] = -StrictMath.log1p(-g.priceDeclinePerYear());
            utilization[k] = g.utilizationFraction();
            opexUsdPerGpuMonth[k] = g.opexUsdPerGpuMonth();
            for (int t = Math.max(0, in.start()); t < Math.min(months, in.end()); t++) {
                liveUnits[k][t] = g.gpuCount();
                spotUnits[k][t] = g.gpuCount();
            }
        }

        // contracts
        contracts = strategyContracts.size();
        contractName = new String[contracts];
        contractPlanIndex = new int[contracts];
        contractGpus = new double[contracts];
        termStart = new int[contracts];
        termEnd = new int[contracts];
        renews = new boolean[contracts];
        creditFraction = new double[contracts];
        prepaidShare = new double[contracts];
        backstop = new double[contracts];
        prepaymentMonth = new int[contracts];
        prepaymentUsd = new double[contracts];
        totalValueUsd = new double[contracts];
        priceUsdPerGpuHourYear1 = new double[contracts];
        escalatorPerYear = new double[contracts];
        gridStart = grid.start();
        feeUsd = new double[contracts][months];
        servingInstance = new int[contracts][months];
        contractCashUsd = new double[months];
        for (int j = 0; j < contracts; j++) {
            GpuContract c = strategyContracts.get(j);
            contractName[j] = c.name();
            contractPlanIndex[j] = plan.contracts().indexOf(c);
            contractGpus[j] = c.gpuCount();
            int root = -1;
            for (int k = 0; k < instances; k++) {
                if (list.get(k).chainRoot() == k && instanceName[k].equals(c.gpuCloud())) {
                    root = k;
                }
            }
            if (root < 0) {
                throw new IllegalStateException("contract " + c.name() + " needs GPU cloud " + c.gpuCloud());
            }
            int s = start[root];
            termStart[j] = s;
            termEnd[j] = s + c.termMonths();
            renews[j] = c.endOfTerm() == GpuContract.EndOfTerm.RENEW;
            creditFraction[j] = c.serviceCreditFraction();
            prepaidShare[j] = c.prepaymentFraction();
            backstop[j] = c.backstopFraction();
            for (int t = 0; t < months; t++) {
                servingInstance[j][t] = -1;
                for (int k = root; k < instances && list.get(k).chainRoot() == root; k++) {
                    if (t >= start[k] && t < end[k]) {
                        servingInstance[j][t] = k;
                    }
                }
            }
            // price: per GPU-hour, or the total value over the term's GPU-hours (escalated by contract year)
            double escalatedHours = 0;
            for (int m = 0; m < c.termMonths(); m++) {
                escalatedHours += hours(grid.start(), s + m) * StrictMath.pow(1 + c.escalatorPerYear(), m / 12);
            }
            double price = switch (c.price()) {
                case GpuContract.Price.PerGpuHour p -> p.usd();
                case GpuContract.Price.TotalValue v -> v.usd() / (c.gpuCount() * escalatedHours);
            };
            priceUsdPerGpuHourYear1[j] = price;
            escalatorPerYear[j] = c.escalatorPerYear();
            totalValueUsd[j] = price * c.gpuCount() * escalatedHours;
            prepaymentUsd[j] = c.prepaymentFraction() * totalValueUsd[j];
            Hall hall =
                    plan.hall(plan.gpuCloud(c.gpuCloud()).orElseThrow().hall()).orElseThrow();
            prepaymentMonth[j] = c.prepaymentMonth().orElse(hall.startMonth());
            if (prepaymentMonth[j] < months) {
                contractCashUsd[prepaymentMonth[j]] += prepaymentUsd[j];
            }
            for (int t = Math.max(0, s); t < Math.min(months, termEnd[j]); t++) {
                feeUsd[j][t] =
                        c.gpuCount() * price * grid.hours(t) * StrictMath.pow(1 + c.escalatorPerYear(), (t - s) / 12);
                contractCashUsd[t] += feeUsd[j][t] * Math.max(0, 1 - prepaidShare[j] - creditFraction[j]);
            }
            // contracted GPUs leave the spot pool during the term (and while renewed); 'sell' sells them at the end
            for (int t = Math.max(0, s); t < months; t++) {
                int k = servingInstance[j][t];
                if (k < 0) {
                    continue;
                }
                boolean inTerm = t < termEnd[j];
                if (inTerm || renews[j]) {
                    spotUnits[k][t] -= c.gpuCount();
                }
            }
            if (c.endOfTerm() == GpuContract.EndOfTerm.SELL && termEnd[j] < months) {
                int k = servingInstance[j][termEnd[j] - 1];
                if (k >= 0 && end[k] > termEnd[j]) {
                    saleMonthUnits[k] += c.gpuCount();
                    saleMonth[k] = Math.min(saleMonth[k], termEnd[j]);
                    for (int t = termEnd[j]; t < Math.min(months, end[k]); t++) {
                        liveUnits[k][t] -= c.gpuCount();
                    }
                }
            }
        }
        // capex, depreciation, sales; facility MW of the live GPUs
        spotGpuHoursSold = new double[instances][months];
        liveMwh = new double[months];
        liveOpexUsd = new double[months];
        for (int k = 0; k < instances; k++) {
            GpuCloudPlan g = list.get(k).cloud();
            double pue = plan.coolingOf(plan.hall(g.hall()).orElseThrow()).pue();
            mwPerGpu[k] = g.itKwPerGpu() / 1000.0 * pue;
            usdPerGpu[k] = g.usdPerGpu();
            cloud[k] = g;
            for (int t = 0; t < months; t++) {
                liveMw[k][t] = liveUnits[k][t] * g.itKwPerGpu() / 1000.0 * pue;
                liveMwh[t] += liveMw[k][t] * grid.hours(t);
                liveOpexUsd[t] += liveUnits[k][t] * g.opexUsdPerGpuMonth();
                spotGpuHoursSold[k][t] = Math.max(0, spotUnits[k][t]) * g.utilizationFraction() * grid.hours(t);
            }
            int s = start[k];
            if (s >= months) {
                continue;
            }
            capexUsd[s] += g.capexUsd();
            int life = g.lifeMonths();
            double perGpuMonth = life > 0 ? g.usdPerGpu() / life : 0;
            for (int t = s; t < Math.min(months, s + life); t++) {
                depreciationUsd[t] += perGpuMonth * liveUnits[k][t];
            }
            // early sale of contracted GPUs at a term's end
            if (saleMonth[k] < months) {
                int age = saleMonth[k] - s;
                double proceeds = saleMonthUnits[k] * g.residualUsdPerGpu(age);
                double book = saleMonthUnits[k] * Math.max(0, g.usdPerGpu() - perGpuMonth * age);
                saleProceedsUsd[saleMonth[k]] += proceeds;
                saleGainUsd[saleMonth[k]] += proceeds - book;
            }
            // retirement: the GPUs still live are sold at their residual value
            if (end[k] < months) {
                double units = liveUnits[k][end[k] - 1];
                double proceeds = units * g.residualUsdPerGpu(life);
                saleProceedsUsd[end[k]] += proceeds;
                saleGainUsd[end[k]] += proceeds; // fully depreciated
            }
        }
    }

    /** Hours of month t counted from {@code start} (also past the horizon, for contract values). */
    static double hours(YearMonth start, int t) {
        return start.plusMonths(t).lengthOfMonth() * 24.0;
    }

    /**
     * The contract's equipment cash flows, pre-tax and unlevered, on a path without default: the prepayment (counted
     * when the GPUs are bought if it was paid before), minus the contracted GPUs' cost when they are bought, plus the payments, minus their power and opex, plus their residual
     * value when the term ends (or the fleet retires, or the horizon comes, whichever is first). Their IRR is the
     * contract's return on the equipment.
     *
     * @param j contract index in this book
     * @param meanPriceUsdPerMwh mean all-in power price by month on the path
     * @param hoursByMonth hours by month
     */
    public double[] equipmentFlows(int j, double[] meanPriceUsdPerMwh, double[] hoursByMonth) {
        int n = meanPriceUsdPerMwh.length;
        double[] f = new double[n];
        int s = termStart[j];
        if (s >= n) {
            return f;
        }
        int k = servingInstance[j][s];
        double g = contractGpus[j];
        // the prepayment counts when the GPUs are bought if it came earlier (so the flows change sign once)
        int prepaid = Math.max(s, prepaymentMonth[j]);
        if (prepaid < n) {
            f[prepaid] += prepaymentUsd[j];
        }
        f[s] -= g * usdPerGpu[k];
        int last = Math.min(Math.min(termEnd[j], end[k]), n) - 1;
        for (int t = s; t <= last; t++) {
            f[t] += feeUsd[j][t] * Math.max(0, 1 - prepaidShare[j] - creditFraction[j])
                    - g * mwPerGpu[k] * hoursByMonth[t] * meanPriceUsdPerMwh[t]
                    - g * opexUsdPerGpuMonth[k];
        }
        int valueMonth = Math.min(last + 1, n - 1);
        f[valueMonth] += g * cloud[k].residualUsdPerGpu(last + 1 - s);
        return f;
    }

    /** Contract names in this book's order. */
    public List<String> contractNames() {
        return List.of(contractName);
    }

    /** The contract's price per GPU-hour in contract year 1 (given, or derived from the total value). */
    public double contractPriceUsdPerGpuHour(int j) {
        return priceUsdPerGpuHourYear1[j];
    }

    /** The contract's total value over its whole term. */
    public double contractTotalValueUsd(int j) {
        return totalValueUsd[j];
    }

    /** The contract's prepayment. */
    public double contractPrepaymentUsd(int j) {
        return prepaymentUsd[j];
    }

    /** The escalation of contract j's price in month t: (1 + escalator)^(contract year). */
    double escalation(int j, int t) {
        return StrictMath.pow(1 + escalatorPerYear[j], (t - termStart[j]) / 12);
    }

    /** Whether the book has any GPU. */
    boolean any() {
        return instances > 0;
    }

    /** The spot price of instance k in month t on a path whose decline rate is shifted by {@code shiftPerYear}. */
    double spotPrice(int k, int t, double shiftPerYear) {
        double ageYears = (t - start[k]) / 12.0;
        return priceUsdPerHour[k] * StrictMath.exp(-(logDeclinePerYear[k] + shiftPerYear) * ageYears);
    }

    /**
     * The GPU lines of month t.
     *
     * @param hours hours of the month
     * @param meanPriceUsdPerMwh the month's mean all-in power price
     * @param shiftPerYear the path's shift of the spot price decline rate
     * @param defaults customer default months by plan contract index (from {@code defaultsOffset})
     */
    void month(
            int t,
            double hours,
            double meanPriceUsdPerMwh,
            double shiftPerYear,
            int[] defaults,
            int defaultsOffset,
            Month out) {
        out.clear();
        for (int k = 0; k < instances; k++) {
            double sold = spotGpuHoursSold[k][t];
            if (sold > 0) {
                out.spotRevenueUsd += sold * spotPrice(k, t, shiftPerYear);
            }
        }
        out.powerUsd = liveMwh[t] * meanPriceUsdPerMwh;
        out.opexUsd = liveOpexUsd[t];
        out.contractRevenueUsd = contractCashUsd[t];
        for (int j = 0; j < contracts; j++) {
            int d = defaults[defaultsOffset + contractPlanIndex[j]];
            int k = servingInstance[j][t];
            boolean inTerm = t >= termStart[j] && t < termEnd[j];
            if (t == prepaymentMonth[j] && d <= t) {
                out.contractRevenueUsd -= prepaymentUsd[j]; // the customer defaulted before paying it
            }
            if (inTerm && t >= d) {
                // defaulted: the backstop's share instead of the payment, the GPUs on the spot market
                out.contractRevenueUsd -= feeUsd[j][t] * Math.max(0, 1 - prepaidShare[j] - creditFraction[j]);
                out.contractRevenueUsd += backstop[j] * feeUsd[j][t] * (1 - prepaidShare[j]);
                if (k >= 0) {
                    out.spotRevenueUsd += contractGpus[j] * spotPrice(k, t, shiftPerYear) * utilization[k] * hours;
                }
            } else if (!inTerm && renews[j] && t >= termEnd[j] && k >= 0) {
                double price = spotPrice(k, t, shiftPerYear);
                if (t < d) {
                    out.contractRevenueUsd += contractGpus[j] * price * hours * (1 - creditFraction[j]);
                } else {
                    out.spotRevenueUsd += contractGpus[j] * price * utilization[k] * hours;
                }
            }
        }
    }
}
