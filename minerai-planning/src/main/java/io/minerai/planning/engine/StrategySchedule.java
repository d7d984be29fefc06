package io.minerai.planning.engine;

import io.minerai.planning.finance.Depreciation;
import io.minerai.planning.finance.Discounting;
import io.minerai.planning.finance.LoanSchedule;
import io.minerai.planning.model.AsicPurchase;
import io.minerai.planning.model.DscrDefinition;
import io.minerai.planning.model.Facility;
import io.minerai.planning.model.GpuCloudPlan;
import io.minerai.planning.model.GpuContract;
import io.minerai.planning.model.Hall;
import io.minerai.planning.model.LeasePlan;
import io.minerai.planning.model.Plan;
import io.minerai.planning.model.StrategyPlan;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Everything about a strategy that does not depend on the market path, compiled once into monthly primitive arrays:
 * mining capacity (the site MW no hall has taken, filled with the best machines first), GPU clouds, lease rents,
 * capex, depreciation and the summed debt schedules of its facilities. The path engines only add market-dependent
 * arithmetic on top.
 */
public final class StrategySchedule {
    /** Debt service below this is no service (rounding of a repaid loan). */
    static final double SERVICE_EPSILON_USD = 1e-6;

    /**
     * A facility of the strategy and its monthly schedule (path-independent: draws follow the capex plan).
     *
     * @param facility the facility as planned
     * @param schedule its draws, interest, repayments and balance by month
     */
    public record FacilityLine(Facility facility, LoanSchedule schedule) {}

    final String name;
    final int months;
    final double[] hours;
    final double[] discount;
    final double[] powerFactor;
    final double powerAdderUsdPerMwh;
    final double[] subsidyBtcPerBlock;
    // mining
    final double[] miningFacilityMw;
    final double[] miningEfficiencyJPerTh;
    final double miningPue;
    final double poolFeeFraction;
    final double miningOpexUsdPerMwMonth;
    final double miningStandbyOpexUsdPerMwMonth;
    // GPU clouds, their refreshes and contracts
    final GpuBook gpus;
    // leases
    final int leaseCount;
    final int[] leasePlanIndex;
    final double[][] leaseRentUsd;
    final double[] leaseNoiMargin;
    final double[] leaseBackstop;
    // cash
    final double[] fixedOpexUsd;
    final double[] capexUsd;
    final double[] depreciationUsd;
    final double[] saleProceedsUsd;
    final double[] saleGainUsd;
    final double[] debtDrawUsd;
    final double[] interestPaidUsd;
    final double[] principalUsd;
    final double[] debtServiceUsd;
    final double debtOutstandingAtHorizonUsd;
    final boolean hasDebt;
    /** First month any debt service is due (the covenant is tested from it), or {@link #months} if none is. */
    final int firstServiceMonth;

    final List<FacilityLine> facilityLines;
    /** Contract-backed facilities (index into {@link #facilityLines}) accelerated by a customer default... */
    final int[] acceleratedFacility;
    /** ... and the plan index of the contract whose default does it. */
    final int[] acceleratedBy;
    // valuation
    final double taxRate;
    final double terminalEbitdaMultiple;
    final double minDscr;
    final int dscrWindowMonths;
    final boolean dscrForward;
    final double preMoneyEquityUsd;

    private StrategySchedule(Plan plan, StrategyPlan s, MarketModel market) {
        MonthGrid grid = market.grid();
        this.name = s.name();
        this.months = grid.months();
        this.hours = new double[months];
        for (int t = 0; t < months; t++) {
            hours[t] = grid.hours(t);
        }
        this.discount = Discounting.factors(plan.valuation().discountRatePerYear(), months);
        this.powerFactor = new double[months];
        double esc = plan.power().escalatorPerYear();
        for (int t = 0; t < months; t++) {
            powerFactor[t] = StrictMath.pow(1 + esc, t / 12);
        }
        this.powerAdderUsdPerMwh = plan.power().adderUsdPerMwh();
        this.subsidyBtcPerBlock = new double[months];
        for (int t = 0; t < months; t++) {
            subsidyBtcPerBlock[t] = market.subsidyBtcPerBlock(t);
        }
        List<Hall> halls =
                s.halls().stream().map(n -> plan.hall(n).orElseThrow()).toList();
        List<GpuCloudPlan> gpuList =
                s.gpuClouds().stream().map(n -> plan.gpuCloud(n).orElseThrow()).toList();
        List<LeasePlan> leases =
                s.leases().stream().map(n -> plan.lease(n).orElseThrow()).toList();
        List<AsicPurchase> asics = s.asicPurchases().stream()
                .map(n -> plan.asicPurchase(n).orElseThrow())
                .toList();

        // mining capacity
        this.miningPue = plan.mining().pue();
        this.poolFeeFraction = plan.mining().poolFeeFraction();
        this.miningOpexUsdPerMwMonth = plan.mining().opexUsdPerMwMonth();
        this.miningStandbyOpexUsdPerMwMonth = plan.mining().standbyOpexUsdPerMwMonth();
        this.miningFacilityMw = new double[months];
        this.miningEfficiencyJPerTh = new double[months];
        record Vintage(int month, double thPerS, double efficiencyJPerTh) {}
        List<Vintage> vintages = new ArrayList<>();
        vintages.add(new Vintage(
                0, plan.mining().hashrateEhPerS() * 1e6, plan.mining().efficiencyJPerTh()));
        for (AsicPurchase a : asics) {
            vintages.add(new Vintage(a.month(), a.hashrateEhPerS() * 1e6, a.efficiencyJPerTh()));
        }
        vintages.sort(Comparator.comparingDouble(Vintage::efficiencyJPerTh));
        for (int t = 0; t < months; t++) {
            double taken = 0;
            for (Hall h : halls) {
                if (h.startMonth() <= t) {
                    taken += plan.hallFacilityMw(h);
                }
            }
            double itCapMw = Math.max(0, plan.site().gridMw() - taken) / miningPue;
            double itMw = 0;
            double th = 0;
            for (Vintage v : vintages) {
                if (v.month() > t || itMw >= itCapMw) {
                    continue;
                }
                double vMw = v.thPerS() * v.efficiencyJPerTh() / 1e6;
                double use = Math.min(vMw, itCapMw - itMw);
                itMw += use;
                th += use * 1e6 / v.efficiencyJPerTh();
            }
            miningFacilityMw[t] = itMw * miningPue;
            miningEfficiencyJPerTh[t] = th > 0 ? itMw * 1e6 / th : plan.mining().efficiencyJPerTh();
        }

        this.capexUsd = new double[months];
        this.depreciationUsd = new double[months];
        Depreciation.addStraightLine(
                depreciationUsd, plan.mining().bookValueUsd(), 0, plan.mining().remainingLifeMonths());
        for (AsicPurchase a : asics) {
            capexUsd[a.month()] += a.capexUsd();
            Depreciation.addStraightLine(
                    depreciationUsd, a.capexUsd(), a.month(), (int) Math.round(a.depreciationYears() * 12));
        }
        for (Hall h : halls) {
            double[] c = hallCapex(plan, h, months);
            double total = 0;
            for (int t = 0; t < months; t++) {
                capexUsd[t] += c[t];
                total += c[t];
            }
            Depreciation.addStraightLine(
                    depreciationUsd, total, h.readyMonth(), (int) Math.round(h.depreciationYears() * 12));
        }

        // GPU clouds (with their refreshes and contracts)
        List<GpuContract> contracts =
                s.contracts().stream().map(n -> plan.contract(n).orElseThrow()).toList();
        this.gpus = new GpuBook(plan, gpuList, contracts, grid);
        for (int t = 0; t < months; t++) {
            capexUsd[t] += gpus.capexUsd[t];
            depreciationUsd[t] += gpus.depreciationUsd[t];
        }
        this.saleProceedsUsd = gpus.saleProceedsUsd.clone();
        this.saleGainUsd = gpus.saleGainUsd.clone();

        // leases
        this.leaseCount = leases.size();
        this.leasePlanIndex = new int[leaseCount];
        this.leaseRentUsd = new double[leaseCount][months];
        this.leaseNoiMargin = new double[leaseCount];
        this.leaseBackstop = new double[leaseCount];
        for (int l = 0; l < leaseCount; l++) {
            LeasePlan lp = leases.get(l);
            leasePlanIndex[l] = plan.leases().indexOf(lp);
            for (int t = 0; t < months; t++) {
                leaseRentUsd[l][t] = lp.rentUsd(t);
            }
            leaseNoiMargin[l] = lp.noiMarginFraction();
            leaseBackstop[l] = lp.backstopFraction();
        }

        this.fixedOpexUsd = new double[months];
        for (int t = 0; t < months; t++) {
            fixedOpexUsd[t] = plan.site().siteOpexUsdPerMonth() + plan.site().overheadUsdPerMonth();
        }

        // debt
        this.debtDrawUsd = new double[months];
        this.interestPaidUsd = new double[months];
        this.principalUsd = new double[months];
        this.debtServiceUsd = new double[months];
        // expected all-in power price by month (the mean over the power bank's months): sizes contract-backed loans
        double[] expectedPower = new double[months];
        PowerBank bank = market.bank();
        for (int t = 0; t < months; t++) {
            double m = 0;
            for (int j = 0; j < bank.perMonth(); j++) {
                m += bank.mean(bank.entry(grid.monthOfYear(t), j));
            }
            expectedPower[t] = powerFactor[t] * m / bank.perMonth() + powerAdderUsdPerMwh;
        }
        double outstanding = 0;
        boolean any = false;
        List<FacilityLine> lines = new ArrayList<>();
        for (String fname : s.facilities()) {
            Facility facility = plan.facility(fname).orElseThrow();
            LoanSchedule ls = loan(plan, facility, months, expectedPower);
            lines.add(new FacilityLine(facility, ls));
            any = true;
            for (int t = 0; t < months; t++) {
                debtDrawUsd[t] += ls.drawUsd()[t];
                interestPaidUsd[t] += ls.interestPaidUsd()[t];
                principalUsd[t] += ls.principalUsd()[t];
                debtServiceUsd[t] += ls.debtServiceUsd(t);
            }
            outstanding += ls.balanceUsd()[months - 1];
        }
        this.debtOutstandingAtHorizonUsd = outstanding;
        this.hasDebt = any;
        this.facilityLines = List.copyOf(lines);
        List<int[]> acc = new ArrayList<>();
        for (int f = 0; f < lines.size(); f++) {
            if (lines.get(f).facility() instanceof Facility.ContractBacked cb) {
                acc.add(new int[] {
                    f, plan.contracts().indexOf(plan.contract(cb.contract()).orElseThrow())
                });
            }
        }
        this.acceleratedFacility = acc.stream().mapToInt(a -> a[0]).toArray();
        this.acceleratedBy = acc.stream().mapToInt(a -> a[1]).toArray();
        int first = months;
        for (int t = 0; t < months; t++) {
            if (debtServiceUsd[t] > SERVICE_EPSILON_USD) {
                first = t;
                break;
            }
        }
        this.firstServiceMonth = first;

        this.taxRate = plan.valuation().taxRate();
        this.terminalEbitdaMultiple = plan.valuation().terminalEbitdaMultiple();
        this.minDscr = plan.financing().minDscr();
        this.dscrWindowMonths = plan.financing().dscrWindowMonths();
        this.dscrForward = plan.financing().dscrDefinition() == DscrDefinition.FORWARD;
        this.preMoneyEquityUsd = plan.valuation().preMoneyEquityUsd();
    }

    /** Compiles strategy {@code s} of {@code plan} (which must be valid). */
    public static StrategySchedule compile(Plan plan, StrategyPlan s, MarketModel market) {
        return new StrategySchedule(plan, s, market);
    }

    /** Capex of a hall by month: (IT MW x (hall capex + cooling capex per MW IT)) spread evenly over the lead time. */
    public static double[] hallCapex(Plan plan, Hall h, int months) {
        double total = h.criticalItMw()
                * (h.capexUsdPerMwCriticalIt() + plan.coolingOf(h).capexUsdPerMwIt());
        double[] out = new double[months];
        int n = Math.max(1, h.leadTimeMonths());
        for (int k = 0; k < n; k++) {
            int t = h.startMonth() + k;
            if (t < months) {
                out[t] += total / n;
            }
        }
        return out;
    }

    /** The loan schedule of a facility over the horizon. */
    public static LoanSchedule loan(Plan plan, Facility f, int months) {
        return loan(plan, f, months, new double[months]);
    }

    /**
     * The loan schedule of a facility over the horizon; {@code expectedPowerUsdPerMwh} (by month) prices the power of
     * contracted GPUs when a contract-backed loan is sized.
     */
    public static LoanSchedule loan(Plan plan, Facility f, int months, double[] expectedPowerUsdPerMwh) {
        double[] draws = new double[months];
        int serviceStart;
        switch (f) {
            case Facility.TermLoan t -> {
                draws[t.drawMonth()] = t.amountUsd();
                serviceStart = t.drawMonth() + 1;
            }
            case Facility.ProjectFinance pf -> {
                var hall = plan.hall(pf.finances());
                var gpu = plan.gpuCloud(pf.finances());
                if (hall.isPresent()) {
                    double[] c = hallCapex(plan, hall.get(), months);
                    for (int t = 0; t < months; t++) {
                        draws[t] = pf.loanToCost() * c[t];
                    }
                    serviceStart = hall.get().readyMonth();
                } else if (gpu.isPresent()) {
                    int ready = plan.hall(gpu.get().hall()).orElseThrow().readyMonth();
                    if (ready < months) {
                        draws[ready] = pf.loanToCost()
                                * gpu.get()
                                        .boughtIn(plan.startMonth().plusMonths(ready))
                                        .capexUsd();
                    }
                    serviceStart = ready + 1;
                } else {
                    AsicPurchase a = plan.asicPurchase(pf.finances()).orElseThrow();
                    draws[a.month()] = pf.loanToCost() * a.capexUsd();
                    serviceStart = a.month() + 1;
                }
            }
            case Facility.ContractBacked cb -> {
                GpuContract c = plan.contract(cb.contract()).orElseThrow();
                GpuBook book = new GpuBook(
                        plan,
                        List.of(plan.gpuCloud(c.gpuCloud()).orElseThrow()),
                        List.of(c),
                        new MonthGrid(plan.startMonth(), months));
                int draw = book.termStart[0];
                serviceStart = draw + 1;
                if (draw < months) {
                    draws[draw] = contractBackedSize(cb, book, months, expectedPowerUsdPerMwh);
                }
            }
            case Facility.LeaseBackedNotes n -> {
                LeasePlan lease = plan.lease(n.lease()).orElseThrow();
                Hall hall = plan.hall(lease.hall()).orElseThrow();
                double r = n.ratePerYear() / 12.0;
                double pv = 0;
                for (int k = 0; k < n.tenorMonths() && k < lease.termMonths(); k++) {
                    int t = lease.startMonth() + k;
                    pv += lease.rentUsd(t) * lease.noiMarginFraction() / StrictMath.pow(1 + r, t - hall.startMonth());
                }
                draws[hall.startMonth()] = n.advanceFraction() * pv;
                serviceStart = lease.startMonth();
            }
        }
        int lastDraw = -1;
        for (int t = 0; t < months; t++) {
            if (draws[t] != 0) {
                lastDraw = t;
            }
        }
        serviceStart = Math.max(serviceStart, lastDraw + 1);
        return LoanSchedule.of(
                draws, f.ratePerYear(), serviceStart, f.interestOnlyMonths(), f.amortization(), f.tenorMonths());
    }

    /**
     * The size of a contract-backed loan: the smaller of maxLoanToCost x the contracted GPUs' cost and the principal
     * whose level (annuity) payment the contract's lowest monthly net cash over the service months covers at
     * sizingDscr: minNet / sizingDscr x (1 - (1+r)^-tenor) / r (r = rate / 12; tenor when r = 0). Net cash = payment
     * (fee x (1 - prepaid share - credit)) - the contracted GPUs' opex - their power at the expected price.
     */
    static double contractBackedSize(
            Facility.ContractBacked cb, GpuBook book, int months, double[] expectedPowerUsdPerMwh) {
        int s = book.termStart[0];
        int k = book.servingInstance[0][s];
        double g = book.contractGpus[0];
        double cap = cb.maxLoanToCost() * g * book.usdPerGpu[k];
        double share = Math.max(0, 1 - book.prepaidShare[0] - book.creditFraction[0]);
        double minNet = Double.POSITIVE_INFINITY;
        int last = s + cb.interestOnlyMonths() + cb.tenorMonths();
        for (int t = s + 1; t <= last; t++) {
            double hours = GpuBook.hours(book.gridStart, t);
            double fee = g * book.priceUsdPerGpuHourYear1[0] * hours * book.escalation(0, t);
            double power = t < months ? expectedPowerUsdPerMwh[t] : expectedPowerUsdPerMwh[months - 1];
            double net = fee * share - g * book.opexUsdPerGpuMonth[k] - g * book.mwPerGpu[k] * hours * power;
            minNet = Math.min(minNet, net);
        }
        if (minNet == Double.POSITIVE_INFINITY || minNet <= 0) {
            return 0;
        }
        double r = cb.ratePerYear() / 12.0;
        int n = cb.tenorMonths();
        double factor = r == 0 ? n : (1 - StrictMath.pow(1 + r, -n)) / r;
        return Math.min(cap, minNet / cb.sizingDscr() * factor);
    }

    public String name() {
        return name;
    }

    /** The strategy's GPUs, contracts and sales. */
    public GpuBook gpus() {
        return gpus;
    }

    public int months() {
        return months;
    }

    public boolean hasDebt() {
        return hasDebt;
    }

    /** The strategy's facilities with their schedules, in the strategy's order. */
    public List<FacilityLine> facilityLines() {
        return facilityLines;
    }

    /** First month any debt service is due, or {@link #months()} if none is. */
    public int firstServiceMonth() {
        return firstServiceMonth;
    }

    /** Mining facility MW available each month (copy). */
    public double[] miningFacilityMw() {
        return miningFacilityMw.clone();
    }

    /** Capex by month (copy). */
    public double[] capexUsd() {
        return capexUsd.clone();
    }

    /** Debt service by month (copy). */
    public double[] debtServiceUsd() {
        return debtServiceUsd.clone();
    }
}
