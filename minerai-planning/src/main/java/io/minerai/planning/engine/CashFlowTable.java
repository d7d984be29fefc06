package io.minerai.planning.engine;

import io.minerai.core.ai.AiEconomics;
import io.minerai.core.bitcoin.Hashprice;
import io.minerai.core.bitcoin.MiningEconomics;
import io.minerai.planning.finance.Dilution;
import io.minerai.planning.finance.Irr;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The readable reference evaluation of one strategy on one market path: a table of named monthly lines built with
 * core's economics formulas. The fast {@link PathEngine} must agree with it (tests check that); the CLI prints it for
 * the deterministic plan.
 */
public final class CashFlowTable {
    private final List<MonthRow> rows;
    private final PathOutcome base;
    private final double[] equity;

    private CashFlowTable(List<MonthRow> rows, PathOutcome base, double[] equity) {
        this.rows = List.copyOf(rows);
        this.base = base;
        this.equity = equity;
    }

    public List<MonthRow> rows() {
        return rows;
    }

    /** Cash flows to equity by month (copy). */
    public double[] equityCashFlowsUsd() {
        return equity.clone();
    }

    /** The outcome with IRR and payback of this strategy's own cash flows. */
    public PathOutcome outcome() {
        return withIrrAndPayback(equity);
    }

    /**
     * The outcome with IRR and payback of the cash flows incremental to {@code baseline} on the same path (what the
     * change of strategy adds): a whole site's cash flows are positive from the first month, so their own IRR and
     * payback say little.
     */
    public PathOutcome outcomeVersus(CashFlowTable baseline) {
        double[] d = new double[equity.length];
        for (int t = 0; t < d.length; t++) {
            d[t] = equity[t] - baseline.equity[t];
        }
        return withIrrAndPayback(d);
    }

    private PathOutcome withIrrAndPayback(double[] flows) {
        int n = flows.length;
        double irr = Irr.yearly(flows, n);
        double cum = 0;
        int lastNegative = -1;
        for (int t = 0; t < n; t++) {
            cum += flows[t];
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
        List<MonthRow> rows = new ArrayList<>(n);
        double[] equity = new double[n];
        double[] unlevered = new double[n];
        double[] ebitda = new double[n];
        double[] cfads = new double[n];
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
            double miningEnergy = mw * hours * (factor * bank.sumSmallest(entry, k) / size + adder * runFraction);
            double meanPrice = factor * bank.mean(entry) + adder;
            // GPU clouds
            double gpuRevenue = 0;
            double gpuEnergy = 0;
            double opex = s.fixedOpexUsd[t] + s.miningOpexUsdPerMwMonth * mw;
            for (int c = 0; c < s.gpuCount; c++) {
                if (t < s.gpuStart[c] || t >= s.gpuEnd[c]) {
                    continue;
                }
                double ageYears = (t - s.gpuStart[c]) / 12.0;
                double price = s.gpuPriceUsdPerHour[c]
                        * StrictMath.exp(-(s.gpuLogDeclinePerYear[c] + path.gpuDeclineShiftPerYear()) * ageYears);
                gpuRevenue += AiEconomics.gpuCloudRevenueUsd((int) s.gpuUnits[c], price, s.gpuUtilization[c], hours);
                gpuEnergy += s.gpuFacilityMw[c] * hours * meanPrice;
                opex += s.gpuOpexUsdPerMonth[c];
            }
            // leases
            double leaseNoi = 0;
            for (int l = 0; l < s.leaseCount; l++) {
                double rent = s.leaseRentUsd[l][t];
                boolean defaulted = t >= path.leaseDefaultMonth()[s.leasePlanIndex[l]];
                leaseNoi += defaulted
                        ? rent * (s.leaseBackstop[l] - (1 - s.leaseNoiMargin[l]))
                        : rent * s.leaseNoiMargin[l];
            }
            ebitda[t] = miningRevenue - miningEnergy + gpuRevenue - gpuEnergy + leaseNoi - opex;
            double taxable = ebitda[t] - s.depreciationUsd[t] - s.interestPaidUsd[t];
            double[] tl = tax(taxable, lossPool, s.taxRate);
            double tax = tl[0];
            lossPool = tl[1];
            double[] tu = tax(ebitda[t] - s.depreciationUsd[t], lossPoolUnlevered, s.taxRate);
            lossPoolUnlevered = tu[1];
            cfads[t] = ebitda[t] - tax;
            equity[t] = cfads[t] - s.capexUsd[t] + s.debtDrawUsd[t] - s.debtServiceUsd[t];
            unlevered[t] = ebitda[t] - tu[0] - s.capexUsd[t];
            rows.add(new MonthRow(
                    t,
                    path.priceUsdPerBtc()[t],
                    hashpricePh,
                    mw,
                    runFraction,
                    miningRevenue,
                    miningEnergy,
                    gpuRevenue,
                    gpuEnergy,
                    leaseNoi,
                    opex,
                    ebitda[t],
                    s.depreciationUsd[t],
                    tax,
                    s.capexUsd[t],
                    s.debtDrawUsd[t],
                    s.debtServiceUsd[t],
                    equity[t],
                    Double.NaN));
        }
        // terminal value: multiple x last 12 months' EBITDA (never negative), less debt still owed
        double last12 = 0;
        for (int t = Math.max(0, n - 12); t < n; t++) {
            last12 += ebitda[t];
        }
        double tv = s.terminalEbitdaMultiple * Math.max(0, last12 * 12.0 / Math.min(12, n));
        equity[n - 1] += tv - s.debtOutstandingAtHorizonUsd;
        unlevered[n - 1] += tv;
        // DSCR on the trailing window
        double minDscr = Double.POSITIVE_INFINITY;
        boolean breached = false;
        for (int t = 0; t < n; t++) {
            double sumCfads = 0;
            double sumService = 0;
            for (int k = Math.max(0, t - s.dscrWindowMonths + 1); k <= t; k++) {
                sumCfads += cfads[k];
                sumService += s.debtServiceUsd[k];
            }
            double dscr = Double.NaN;
            if (sumService > 1e-6) {
                dscr = sumCfads / sumService;
                minDscr = Math.min(minDscr, dscr);
                breached |= dscr < s.minDscr;
            }
            MonthRow r = rows.get(t);
            rows.set(
                    t,
                    new MonthRow(
                            r.month(),
                            r.priceUsdPerBtc(),
                            r.hashpriceUsdPerPhDay(),
                            r.miningFacilityMw(),
                            r.miningRunFraction(),
                            r.miningRevenueUsd(),
                            r.miningEnergyUsd(),
                            r.gpuRevenueUsd(),
                            r.gpuEnergyUsd(),
                            r.leaseNoiUsd(),
                            r.opexUsd(),
                            r.ebitdaUsd(),
                            r.depreciationUsd(),
                            r.taxUsd(),
                            r.capexUsd(),
                            r.debtDrawUsd(),
                            r.debtServiceUsd(),
                            equity[t],
                            dscr));
        }
        double npv = 0;
        double npvUnlevered = 0;
        for (int t = 0; t < n; t++) {
            npv += equity[t] * s.discount[t];
            npvUnlevered += unlevered[t] * s.discount[t];
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
        return new CashFlowTable(rows, outcome, equity);
    }

    /** Tax and the new loss pool: losses are carried forward and used before any tax is paid. */
    private static double[] tax(double taxable, double lossPool, double rate) {
        if (taxable <= 0) {
            return new double[] {0, lossPool - taxable};
        }
        double used = Math.min(lossPool, taxable);
        return new double[] {rate * (taxable - used), lossPool - used};
    }
}
