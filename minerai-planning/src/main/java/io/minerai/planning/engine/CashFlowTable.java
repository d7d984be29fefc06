package io.minerai.planning.engine;

import io.minerai.core.ai.AiEconomics;
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

    private CashFlowTable(StrategySchedule schedule, List<MonthRow> rows, PathOutcome base, double[] equity) {
        this.schedule = schedule;
        this.rows = List.copyOf(rows);
        this.base = base;
        this.equity = equity;
    }

    public List<MonthRow> rows() {
        return rows;
    }

    /** The strategy's name. */
    public String strategy() {
        return schedule.name();
    }

    /** The strategy's facilities with their schedules, in the strategy's order. */
    public List<FacilityLine> facilities() {
        return schedule.facilityLines();
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
            // GPU clouds
            double gpuRevenue = 0;
            double gpuPower = 0;
            double gpuOpex = 0;
            for (int c = 0; c < s.gpuCount; c++) {
                if (t < s.gpuStart[c] || t >= s.gpuEnd[c]) {
                    continue;
                }
                double ageYears = (t - s.gpuStart[c]) / 12.0;
                double price = s.gpuPriceUsdPerHour[c]
                        * StrictMath.exp(-(s.gpuLogDeclinePerYear[c] + path.gpuDeclineShiftPerYear()) * ageYears);
                gpuRevenue += AiEconomics.gpuCloudRevenueUsd((int) s.gpuUnits[c], price, s.gpuUtilization[c], hours);
                gpuPower += s.gpuFacilityMw[c] * hours * meanPrice;
                gpuOpex += s.gpuOpexUsdPerMonth[c];
            }
            // leases: rent received (the backstop's share after a default); the landlord's costs go on
            double leaseRevenue = 0;
            double leaseOpex = 0;
            for (int l = 0; l < s.leaseCount; l++) {
                double rent = s.leaseRentUsd[l][t];
                boolean defaulted = t >= path.leaseDefaultMonth()[s.leasePlanIndex[l]];
                leaseRevenue += defaulted ? rent * s.leaseBackstop[l] : rent;
                leaseOpex += rent * (1 - s.leaseNoiMargin[l]);
            }
            MonthRow.Revenue rev = new MonthRow.Revenue(miningRevenue, gpuRevenue, leaseRevenue);
            MonthRow.Costs cost =
                    new MonthRow.Costs(miningPower, gpuPower, miningOpex, gpuOpex, leaseOpex, s.fixedOpexUsd[t]);
            ebitda[t] = rev.totalUsd() - cost.totalUsd();
            // tax with losses carried forward (levered), and the same without interest (unlevered)
            double taxable = ebitda[t] - s.depreciationUsd[t] - s.interestPaidUsd[t];
            double used = taxable > 0 ? Math.min(lossPool, taxable) : 0;
            double tax = taxable > 0 ? s.taxRate * (taxable - used) : 0;
            lossPool = taxable > 0 ? lossPool - used : lossPool - taxable;
            double taxableU = ebitda[t] - s.depreciationUsd[t];
            double usedU = taxableU > 0 ? Math.min(lossPoolUnlevered, taxableU) : 0;
            double taxU = taxableU > 0 ? s.taxRate * (taxableU - usedU) : 0;
            lossPoolUnlevered = taxableU > 0 ? lossPoolUnlevered - usedU : lossPoolUnlevered - taxableU;
            cfads[t] = ebitda[t] - tax;
            unlevered[t] = ebitda[t] - taxU - s.capexUsd[t];
            double capitalised = 0;
            double balance = 0;
            for (FacilityLine f : s.facilityLines) {
                capitalised += f.schedule().interestUsd()[t] - f.schedule().interestPaidUsd()[t];
                balance += f.schedule().balanceUsd()[t];
            }
            market.add(new MonthRow.Market(path.priceUsdPerBtc()[t], hashpricePh, meanPrice, mw, runFraction));
            revenue.add(rev);
            costs.add(cost);
            taxes.add(new MonthRow.Tax(s.depreciationUsd[t], s.interestPaidUsd[t], taxable, used, lossPool, tax));
            debt.add(
                    new MonthRow.Debt(s.debtDrawUsd[t], capitalised, s.interestPaidUsd[t], s.principalUsd[t], balance));
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
            equity[t] = cfads[t] - s.capexUsd[t] + s.debtDrawUsd[t] - s.debtServiceUsd[t];
        }
        equity[n - 1] += tv - s.debtOutstandingAtHorizonUsd;
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
                sumService += s.debtServiceUsd[k];
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
                            last ? tv : 0,
                            last ? s.debtOutstandingAtHorizonUsd : 0,
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
        return new CashFlowTable(s, rows, outcome, equity);
    }
}
