package io.minerai.planning.engine;

import io.minerai.core.bitcoin.Hashprice;
import io.minerai.core.bitcoin.MiningEconomics;
import io.minerai.planning.engine.StrategySchedule.FacilityLine;
import io.minerai.planning.finance.Dilution;
import io.minerai.planning.finance.Irr;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The readable reference evaluation of one strategy on one market path: a table of named monthly lines built with
 * core's economics formulas, each facility's schedule beside it. The fast {@link PathEngine} must agree with it (tests
 * check that); {@code plan --cashflows} writes it as CSV and as a lender's HTML page.
 */
public final class CashFlowTable {
    private final StrategySchedule schedule;
    private final List<MonthRow> rows;
    private final PathOutcome base;
    private final double[] equity;

    private final List<FacilityLine> facilities;
    private final List<double[]> equipmentFlows;

    private CashFlowTable(
            StrategySchedule schedule,
            List<FacilityLine> facilities,
            List<MonthRow> rows,
            PathOutcome base,
            double[] equity,
            List<double[]> equipmentFlows) {
        this.schedule = schedule;
        this.facilities = List.copyOf(facilities);
        this.rows = List.copyOf(rows);
        this.base = base;
        this.equity = equity;
        this.equipmentFlows = List.copyOf(equipmentFlows);
    }

    /**
     * Each contract's equipment cash flows on this path's power prices, as if its customer never defaulted
     * ({@link GpuBook#equipmentFlows}), in the strategy's contract order.
     */
    public List<double[]> contractEquipmentFlowsUsd() {
        return equipmentFlows.stream().map(double[]::clone).toList();
    }

    public List<MonthRow> rows() {
        return rows;
    }

    /** The strategy's name. */
    public String strategy() {
        return schedule.name();
    }

    /**
     * The strategy's facilities with their schedules on this path, in the strategy's order (a contract-backed loan is
     * accelerated when its customer defaults on the path).
     */
    public List<FacilityLine> facilities() {
        return facilities;
    }

    /** The compiled strategy (covenant settings, first month of service). */
    public StrategySchedule schedule() {
        return schedule;
    }

    /** Cash flows to equity by month (copy). */
    public double[] equityCashFlowsUsd() {
        return equity.clone();
    }

    /**
     * The outcome of the run's baseline strategy: no IRR and no payback (the other strategies are measured against
     * it; a whole site's own cash flows are positive from the first month, so their IRR says nothing).
     */
    public PathOutcome baselineOutcome() {
        return base;
    }

    /**
     * The outcome with IRR and payback of the cash flows incremental to {@code baseline} on the same path (what the
     * change of strategy adds).
     */
    public PathOutcome outcomeVersus(CashFlowTable baseline) {
        double[] d = new double[equity.length];
        for (int t = 0; t < d.length; t++) {
            d[t] = equity[t] - baseline.equity[t];
        }
        int n = d.length;
        double irr = Irr.yearly(d, n);
        double cum = 0;
        int lastNegative = -1;
        for (int t = 0; t < n; t++) {
            cum += d[t];
            if (cum < 0) {
                lastNegative = t;
            }
        }
        OptionalInt payback = lastNegative == n - 1 ? OptionalInt.empty() : OptionalInt.of(lastNegative + 1);
        return new PathOutcome(
                base.npvUsd(),
                Double.isNaN(irr) ? OptionalDouble.empty() : OptionalDouble.of(irr),
                payback,
                base.minDscr(),
                base.covenantBreached(),
                base.peakEquityNeedUsd(),
                base.pureEquityDilution(),
                base.unleveredNpvUsd());
    }

    /** Evaluates {@code s} on {@code path}; {@code bank} is the power bank the path's entries point into. */
    public static CashFlowTable evaluate(StrategySchedule s, PowerBank bank, MarketPath path) {
        int n = s.months;
        double[] ebitda = new double[n];
        double[] cfads = new double[n];
        double[] unlevered = new double[n];
        List<MonthRow.Market> market = new ArrayList<>(n);
        List<MonthRow.Revenue> revenue = new ArrayList<>(n);
        List<MonthRow.Costs> costs = new ArrayList<>(n);
        List<MonthRow.Tax> taxes = new ArrayList<>(n);
        List<MonthRow.Debt> debt = new ArrayList<>(n);
        double lossPool = 0;
        double lossPoolUnlevered = 0;
        // this path's facilities: a customer default accelerates the contract-backed loans it secures
        List<FacilityLine> lines = new ArrayList<>(s.facilityLines);
        for (int f = 0; f < s.acceleratedFacility.length; f++) {
            int d = path.contractDefaultMonth()[s.acceleratedBy[f]];
            if (d < n) {
                FacilityLine l = lines.get(s.acceleratedFacility[f]);
                lines.set(
                        s.acceleratedFacility[f],
                        new FacilityLine(l.facility(), l.schedule().acceleratedAt(d)));
            }
        }
        double[] interestPaid = new double[n];
        for (FacilityLine f : lines) {
            for (int t = 0; t < n; t++) {
                interestPaid[t] += f.schedule().interestPaidUsd()[t];
            }
        }
        double[] draws = new double[n];
        double[] services = new double[n];
        double[] meanPrices = new double[n];
        GpuBook.Month gpu = new GpuBook.Month();
        for (int t = 0; t < n; t++) {
            double hours = s.hours[t];
            int entry = path.powerEntry()[t];
            double factor = s.powerFactor[t];
            double adder = s.powerAdderUsdPerMwh;
            // mining: run in the hours whose all-in power price is below the revenue per MWh
            double subsidyPerDay = s.subsidyBtcPerBlock[t] * 144;
            double feesPerDay = path.feesBtcPerBlock()[t] * 144;
            double hashpricePh = Hashprice.usdPerPhDayFromDailyTotals(
                    subsidyPerDay, feesPerDay, path.priceUsdPerBtc()[t], path.networkHashrateThPerS()[t]);
            double revenuePerMwh = MiningEconomics.revenueUsdPerMwh(
                    hashpricePh, s.miningEfficiencyJPerTh[t], s.miningPue, s.poolFeeFraction);
            int size = bank.size(entry);
            int k = bank.countBelow(entry, (revenuePerMwh - adder) / factor);
            double runFraction = (double) k / size;
            double mw = s.miningFacilityMw[t];
            double miningRevenue = mw * hours * runFraction * revenuePerMwh;
            double miningPower = mw * hours * (factor * bank.sumSmallest(entry, k) / size + adder * runFraction);
            // opex per MW for the hours the machines run; standby opex for the hours they are off
            double miningOpex = mw * runFraction * s.miningOpexUsdPerMwMonth
                    + mw * (1 - runFraction) * s.miningStandbyOpexUsdPerMwMonth;
            double meanPrice = factor * bank.mean(entry) + adder;
            // GPU clouds: spot and contracted GPUs, their power and opex
            s.gpus.month(
                    t,
                    hours,
                    meanPrice,
                    bank,
                    entry,
                    factor,
                    adder,
                    path.gpuDeclineShiftPerYear(),
                    path.contractDefaultMonth(),
                    0,
                    gpu);
            meanPrices[t] = meanPrice;
            // leases: rent received (the backstop's share after a default); the landlord's costs go on
            double leaseRevenue = 0;
            double leaseOpex = 0;
            for (int l = 0; l < s.leaseCount; l++) {
                double rent = s.leaseRentUsd[l][t];
                boolean defaulted = t >= path.leaseDefaultMonth()[s.leasePlanIndex[l]];
                leaseRevenue += defaulted ? rent * s.leaseBackstop[l] : rent;
                leaseOpex += rent * (1 - s.leaseNoiMargin[l]);
            }
            MonthRow.Revenue rev =
                    new MonthRow.Revenue(miningRevenue, gpu.spotRevenueUsd, gpu.contractRevenueUsd, leaseRevenue);
            MonthRow.Costs cost = new MonthRow.Costs(
                    miningPower, gpu.powerUsd, miningOpex, gpu.opexUsd, leaseOpex, s.fixedOpexUsd[t]);
            ebitda[t] = rev.totalUsd() - cost.totalUsd();
            // tax with losses carried forward (levered), and the same without interest (unlevered)
            double taxable = ebitda[t] - s.depreciationUsd[t] - interestPaid[t] + s.saleGainUsd[t];
            double used = taxable > 0 ? Math.min(lossPool, taxable) : 0;
            double tax = taxable > 0 ? s.taxRate * (taxable - used) : 0;
            lossPool = taxable > 0 ? lossPool - used : lossPool - taxable;
            double taxableU = ebitda[t] - s.depreciationUsd[t] + s.saleGainUsd[t];
            double usedU = taxableU > 0 ? Math.min(lossPoolUnlevered, taxableU) : 0;
            double taxU = taxableU > 0 ? s.taxRate * (taxableU - usedU) : 0;
            lossPoolUnlevered = taxableU > 0 ? lossPoolUnlevered - usedU : lossPoolUnlevered - taxableU;
            cfads[t] = ebitda[t] - tax;
            unlevered[t] = ebitda[t] - taxU - s.capexUsd[t] + s.saleProceedsUsd[t];
            double capitalised = 0;
            double balance = 0;
            double drawn = 0;
            double principal = 0;
            for (FacilityLine f : lines) {
                capitalised += f.schedule().interestUsd()[t] - f.schedule().interestPaidUsd()[t];
                balance += f.schedule().balanceUsd()[t];
                drawn += f.schedule().drawUsd()[t];
                principal += f.schedule().principalUsd()[t];
            }
            market.add(new MonthRow.Market(path.priceUsdPerBtc()[t], hashpricePh, meanPrice, mw, runFraction));
            revenue.add(rev);
            costs.add(cost);
            taxes.add(new MonthRow.Tax(
                    s.depreciationUsd[t], s.saleGainUsd[t], interestPaid[t], taxable, used, lossPool, tax));
            debt.add(new MonthRow.Debt(drawn, capitalised, interestPaid[t], principal, balance));
            draws[t] = drawn;
            services[t] = interestPaid[t] + principal;
        }
        // terminal value: multiple x last 12 months' EBITDA (never negative), less debt still owed
        double last12 = 0;
        for (int t = Math.max(0, n - 12); t < n; t++) {
            last12 += ebitda[t];
        }
        double tv = s.terminalEbitdaMultiple * Math.max(0, last12 * 12.0 / Math.min(12, n));
        unlevered[n - 1] += tv;
        double[] equity = new double[n];
        for (int t = 0; t < n; t++) {
            equity[t] = cfads[t] - s.capexUsd[t] + draws[t] - services[t] + s.saleProceedsUsd[t];
        }
        double outstanding = 0;
        for (FacilityLine f : lines) {
            outstanding += f.schedule().balanceUsd()[n - 1];
        }
        equity[n - 1] += tv - outstanding;
        // the covenant: windows never reach back before the first month of service
        MonthRow.Covenant[] covenant = new MonthRow.Covenant[n];
        double minDscr = Double.POSITIVE_INFINITY;
        boolean breached = false;
        for (int t = 0; t < n; t++) {
            covenant[t] = MonthRow.Covenant.NOT_TESTED;
            if (!s.hasDebt || t < s.firstServiceMonth) {
                continue;
            }
            int lo = s.dscrForward ? t : Math.max(s.firstServiceMonth, t - s.dscrWindowMonths + 1);
            int hi = s.dscrForward ? Math.min(n - 1, t + s.dscrWindowMonths - 1) : t;
            double sumCfads = 0;
            double sumService = 0;
            for (int k = lo; k <= hi; k++) {
                sumCfads += cfads[k];
                sumService += services[k];
            }
            if (sumService > StrategySchedule.SERVICE_EPSILON_USD) {
                double dscr = sumCfads / sumService;
                boolean breach = dscr < s.minDscr;
                covenant[t] = new MonthRow.Covenant(true, lo, hi, sumCfads, sumService, dscr, breach);
                minDscr = Math.min(minDscr, dscr);
                breached |= breach;
            }
        }
        List<MonthRow> rows = new ArrayList<>(n);
        double npv = 0;
        double npvUnlevered = 0;
        double cum = 0;
        for (int t = 0; t < n; t++) {
            double discounted = equity[t] * s.discount[t];
            npv += discounted;
            npvUnlevered += unlevered[t] * s.discount[t];
            cum += equity[t];
            boolean last = t == n - 1;
            rows.add(new MonthRow(
                    t,
                    market.get(t),
                    revenue.get(t),
                    costs.get(t),
                    ebitda[t],
                    taxes.get(t),
                    cfads[t],
                    debt.get(t),
                    covenant[t],
                    new MonthRow.Equity(
                            s.capexUsd[t],
                            s.saleProceedsUsd[t],
                            last ? tv : 0,
                            last ? outstanding : 0,
                            equity[t],
                            s.discount[t],
                            discounted,
                            cum)));
        }
        PathOutcome outcome = new PathOutcome(
                npv,
                OptionalDouble.empty(),
                OptionalInt.empty(),
                minDscr == Double.POSITIVE_INFINITY ? OptionalDouble.empty() : OptionalDouble.of(minDscr),
                breached,
                Dilution.peakFundingNeedUsd(equity, n),
                Dilution.fraction(Dilution.peakFundingNeedUsd(unlevered, n), s.preMoneyEquityUsd),
                npvUnlevered);
        double[] hoursByMonth = s.hours.clone();
        List<double[]> equipment = new ArrayList<>();
        for (int j = 0; j < s.gpus.contracts; j++) {
            equipment.add(s.gpus.equipmentFlows(j, meanPrices, hoursByMonth));
        }
        return new CashFlowTable(s, lines, rows, outcome, equity, equipment);
    }
}
