package io.minerai.planning.engine;

import io.minerai.planning.model.CoolingType;
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
    /** Dense BF16 TFLOPS per GPU (0 when the generation is unknown). */
    final double[] tflopsPerGpu;

    final GpuCloudPlan[] cloud;
    /** The hall's cooling while each fleet is live, and the capex of converting it when the fleet arrived. */
    final CoolingType[] instanceCooling;

    final double[] conversionCapexUsd;
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
    /** By month, with no customer default and no curtailment: GPU-hours delivered and exaFLOP-hours (dense BF16). */
    final double[] baseGpuHours;

    final double[] baseExaflopHours;

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
    final double[] availability;
    /** Per contract: curtailment allowance in hours per month (0 = firm) and credit per GPU-hour / contract price. */
    final double[] curtailHoursPerMonth;

    final double[] curtailCreditMultiple;
    final boolean anyCurtailment;
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
        /** GPU-hours delivered: spot GPUs x utilisation x hours, contracted GPUs x availability x hours. */
        double gpuHours;
        /** exaFLOP-hours delivered at dense BF16: GPU-hours x TFLOPS / 10^6. */
        double exaflopHours;
        /** Contracted GPU-hours curtailed within the contracts' allowances. */
        double curtailedGpuHours;

        void clear() {
            spotRevenueUsd = 0;
            contractRevenueUsd = 0;
            powerUsd = 0;
            opexUsd = 0;
            gpuHours = 0;
            exaflopHours = 0;
            curtailedGpuHours = 0;
        }
    }

    /**
     * A fleet: a cloud live from start to end, the first of its chain (itself or the cloud it refreshes), the hall's
     * cooling while it is live and whether its arrival converted the hall's cooling.
     */
    private record Instance(
            GpuCloudPlan cloud, int start, int end, int chainRoot, CoolingType cooling, boolean converts) {}

    GpuBook(Plan plan, List<GpuCloudPlan> clouds, List<GpuContract> strategyContracts, MonthGrid grid) {
        int months = grid.months();
        List<Instance> list = new ArrayList<>();
        for (int c = 0; c < clouds.size(); c++) {
            Hall hall = plan.hall(clouds.get(c).hall()).orElseThrow();
            int s = hall.readyMonth();
            // each fleet at the cost of the month it is bought (the catalogue's capex path, or the plan's cost)
            GpuCloudPlan g = clouds.get(c).boughtIn(grid.start().plusMonths(s));
            int root = list.size();
            CoolingType cooling = g.model().convertHallTo().orElse(hall.cooling());
            list.add(new Instance(g, s, s + g.lifeMonths(), root, cooling, cooling != hall.cooling()));
            GpuCloudPlan cur = g;
            int e = s + g.lifeMonths();
            while (!cur.refreshWith().isEmpty() && e < months && cur.lifeMonths() > 0) {
                GpuCloudPlan next = plan.gpuCloud(cur.refreshWith())
                        .orElseThrow()
                        .boughtIn(grid.start().plusMonths(e));
                CoolingType after = next.model().convertHallTo().orElse(cooling);
                list.add(new Instance(next, e, e + next.lifeMonths(), root, after, after != cooling));
                cooling = after;
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
        tflopsPerGpu = new double[instances];
        cloud = new GpuCloudPlan[instances];
        instanceCooling = new CoolingType[instances];
        conversionCapexUsd = new double[instances];
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
            // the plan's price at go-live, or the catalogue's price path at the calendar month the fleet goes live
            priceUsdPerHour[k] = g.spotPriceAtGoLive(grid.start().plusMonths(in.start()));
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
        availability = new double[contracts];
        curtailHoursPerMonth = new double[contracts];
        curtailCreditMultiple = new double[contracts];
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
            availability[j] = c.availabilityFraction();
            curtailHoursPerMonth[j] = c.curtailment().hoursPerYear() / 12.0;
            curtailCreditMultiple[j] = c.curtailment().creditMultiple();
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
                        spotUnits[k][t] -= c.gpuCount(); // sold: no longer rented on the spot market either
                    }
                }
            }
        }
        boolean curtails = false;
        for (int j = 0; j < contracts; j++) {
            curtails |= curtailHoursPerMonth[j] > 0;
        }
        anyCurtailment = curtails;
        // capex, depreciation, sales; facility MW of the live GPUs
        spotGpuHoursSold = new double[instances][months];
        liveMwh = new double[months];
        liveOpexUsd = new double[months];
        baseGpuHours = new double[months];
        baseExaflopHours = new double[months];
        for (int k = 0; k < instances; k++) {
            Instance in = list.get(k);
            GpuCloudPlan g = in.cloud();
            Hall hall = plan.hall(g.hall()).orElseThrow();
            // the hall's cooling while this fleet is live (converted by it or an earlier fleet of its chain)
            double pue = plan.coolingOf(in.cooling()).pue();
            mwPerGpu[k] = g.itKwPerGpu() / 1000.0 * pue;
            usdPerGpu[k] = g.usdPerGpu();
            tflopsPerGpu[k] = g.model().bf16DenseTflops();
            cloud[k] = g;
            instanceCooling[k] = in.cooling();
            if (in.converts() && in.start() < months) {
                // converting the hall's cooling: that cooling's capex per MW of the hall's IT, depreciated like a hall
                double conversion =
                        hall.criticalItMw() * plan.coolingOf(in.cooling()).capexUsdPerMwIt();
                conversionCapexUsd[k] = conversion;
                capexUsd[in.start()] += conversion;
                io.minerai.planning.finance.Depreciation.addStraightLine(
                        depreciationUsd, conversion, in.start(), (int) Math.round(hall.depreciationYears() * 12));
            }
            for (int t = 0; t < months; t++) {
                liveMw[k][t] = liveUnits[k][t] * g.itKwPerGpu() / 1000.0 * pue;
                liveMwh[t] += liveMw[k][t] * grid.hours(t);
                liveOpexUsd[t] += liveUnits[k][t] * g.opexUsdPerGpuMonth();
                spotGpuHoursSold[k][t] = Math.max(0, spotUnits[k][t]) * g.utilizationFraction() * grid.hours(t);
                baseGpuHours[t] += spotGpuHoursSold[k][t];
                baseExaflopHours[t] += spotGpuHoursSold[k][t] * tflopsPerGpu[k] / 1e6;
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
        addContractedHours(grid);
    }

    /** Adds the contracted GPUs' hours (no default, no curtailment) to the base GPU-hours and exaFLOP-hours. */
    private void addContractedHours(MonthGrid grid) {
        for (int j = 0; j < contracts; j++) {
            for (int t = Math.max(0, termStart[j]); t < grid.months(); t++) {
                int k = servingInstance[j][t];
                if (k < 0 || !(t < termEnd[j] || renews[j])) {
                    continue;
                }
                double h = contractGpus[j] * availability[j] * grid.hours(t);
                baseGpuHours[t] += h;
                baseExaflopHours[t] += h * tflopsPerGpu[k] / 1e6;
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

    /**
     * A fleet of GPUs as the strategy runs it: a cloud from its go-live month (its hall's readiness, or the retirement
     * of the fleet it refreshes) to its retirement.
     *
     * @param gpuCloud the cloud's name
     * @param generation its generation (catalogue name or label; empty when unknown)
     * @param gpus GPUs bought
     * @param goLiveMonth month index it goes live (and is bought)
     * @param retireMonth month index it retires (may be past the horizon)
     * @param usdPerGpu all-in cost per GPU
     * @param itKwPerGpu IT kW per GPU
     * @param facilityKwPerGpu kW per GPU at the meter (IT x the PUE of the hall's cooling while it is live)
     * @param spotPriceAtGoLiveUsdPerGpuHour spot price when it goes live (plan or catalogue price path)
     * @param priceDeclinePerYear decline of that price with age
     * @param cooling the hall's cooling while it is live
     * @param coolingConversionCapexUsd capex of converting the hall's cooling when it went live (0 = none)
     * @param bf16DenseTflopsPerGpu dense BF16 throughput per GPU (0 when unknown)
     */
    public record Fleet(
            String gpuCloud,
            String generation,
            int gpus,
            int goLiveMonth,
            int retireMonth,
            double usdPerGpu,
            double itKwPerGpu,
            double facilityKwPerGpu,
            double spotPriceAtGoLiveUsdPerGpuHour,
            double priceDeclinePerYear,
            CoolingType cooling,
            double coolingConversionCapexUsd,
            double bf16DenseTflopsPerGpu) {}

    /** The strategy's fleets, each cloud followed by its refreshes. */
    public List<Fleet> fleets() {
        List<Fleet> out = new ArrayList<>();
        for (int k = 0; k < instances; k++) {
            GpuCloudPlan g = cloud[k];
            out.add(new Fleet(
                    g.name(),
                    g.generation(),
                    g.gpuCount(),
                    start[k],
                    end[k],
                    g.usdPerGpu(),
                    g.itKwPerGpu(),
                    mwPerGpu[k] * 1000,
                    priceUsdPerHour[k],
                    g.priceDeclinePerYear(),
                    instanceCooling[k],
                    conversionCapexUsd[k],
                    tflopsPerGpu[k]));
        }
        return out;
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
     * @param bank the power months (a contract with a curtailment allowance looks at the month's dearest hours)
     * @param entry the path's power month
     * @param factor the month's power escalation (all-in price = wholesale x factor + adder)
     * @param adder the all-in adder, $/MWh
     * @param shiftPerYear the path's shift of the spot price decline rate
     * @param defaults customer default months by plan contract index (from {@code defaultsOffset})
     */
    void month(
            int t,
            double hours,
            double meanPriceUsdPerMwh,
            PowerBank bank,
            int entry,
            double factor,
            double adder,
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
        out.gpuHours = baseGpuHours[t];
        out.exaflopHours = baseExaflopHours[t];
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
                    spotInsteadOfContract(j, k, hours, out);
                }
            } else if (!inTerm && renews[j] && t >= termEnd[j] && k >= 0) {
                double price = spotPrice(k, t, shiftPerYear);
                if (t < d) {
                    out.contractRevenueUsd += contractGpus[j] * price * hours * (1 - creditFraction[j]);
                } else {
                    out.spotRevenueUsd += contractGpus[j] * price * utilization[k] * hours;
                    spotInsteadOfContract(j, k, hours, out);
                }
            } else if (inTerm && k >= 0 && curtailHoursPerMonth[j] > 0) {
                curtail(j, k, t, hours, bank, entry, factor, adder, out);
            }
        }
    }

    /** A defaulted customer's GPUs delivered at spot utilisation instead of the contract's availability. */
    private void spotInsteadOfContract(int j, int k, double hours, Month out) {
        double delta = contractGpus[j] * (utilization[k] - availability[j]) * hours;
        out.gpuHours += delta;
        out.exaflopHours += delta * tflopsPerGpu[k] / 1e6;
    }

    /**
     * Contract j's curtailment in month t: its GPUs are switched off in the month's dearest hours, at most its
     * allowance (entries of the sorted power month standing for hours x allowance / hours of the month), and only in
     * hours whose all-in price is at or above the credit per MWh: credit per GPU-hour (multiple x contract price x
     * escalation) / facility MW per GPU. Saves their power in those hours, pays the credit, delivers fewer GPU-hours.
     */
    private void curtail(
            int j, int k, int t, double hours, PowerBank bank, int entry, double factor, double adder, Month out) {
        int size = bank.size(entry);
        int allowance = (int) Math.floor(curtailHoursPerMonth[j] / hours * size + 1e-9);
        if (allowance <= 0) {
            return;
        }
        double creditPerGpuHour = curtailCreditMultiple[j] * priceUsdPerGpuHourYear1[j] * escalation(j, t);
        double breakEvenUsdPerMwh = creditPerGpuHour / mwPerGpu[k];
        int above = size - bank.countBelow(entry, (breakEvenUsdPerMwh - adder) / factor);
        int n = Math.min(above, allowance);
        if (n <= 0) {
            return;
        }
        double share = (double) n / size; // share of the month's hours curtailed
        double dearest = bank.sumSmallest(entry, size) - bank.sumSmallest(entry, size - n);
        double g = contractGpus[j];
        out.powerUsd -= g * mwPerGpu[k] * hours * (factor * dearest / size + adder * share);
        out.contractRevenueUsd -= g * hours * share * creditPerGpuHour;
        out.curtailedGpuHours += g * hours * share;
        out.gpuHours -= g * hours * share;
        out.exaflopHours -= g * hours * share * tflopsPerGpu[k] / 1e6;
    }
}
