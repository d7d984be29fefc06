package io.minerai.planning.engine;

/**
 * One month of a strategy on one market path, every line named (USD unless the name says otherwise), grouped as a
 * lender reads a cash-flow statement: market, revenue by source, costs, EBITDA, tax, CFADS, debt (all facilities
 * together; each facility's own lines are in {@link CashFlowTable#facilities()}), the covenant test, equity.
 *
 * @param month month index (0 = plan start)
 * @param market what the month's market was
 * @param revenue revenue by source
 * @param costs power and opex
 * @param ebitdaUsd revenue - costs
 * @param tax the tax computation with losses carried forward
 * @param cfadsUsd cash flow available for debt service: EBITDA - tax
 * @param debt draws, interest and repayments of every facility together
 * @param covenant the DSCR test of the month
 * @param equity capex, terminal value and the cash flow to equity with its discounted value
 */
public record MonthRow(
        int month,
        Market market,
        Revenue revenue,
        Costs costs,
        double ebitdaUsd,
        Tax tax,
        double cfadsUsd,
        Debt debt,
        Covenant covenant,
        Equity equity) {

    /**
     * The month's market.
     *
     * @param priceUsdPerBtc BTC price
     * @param hashpriceUsdPerPhDay hashprice
     * @param powerMeanUsdPerMwh the month's mean all-in power price (what firm loads pay)
     * @param miningFacilityMw mining capacity at the meter
     * @param miningRunFraction share of the month's hours mining ran (hours below breakeven)
     */
    public record Market(
            double priceUsdPerBtc,
            double hashpriceUsdPerPhDay,
            double powerMeanUsdPerMwh,
            double miningFacilityMw,
            double miningRunFraction) {}

    /**
     * Revenue by source.
     *
     * @param miningUsd mining revenue after pool fees
     * @param gpuSpotUsd GPU rental revenue on the spot market
     * @param gpuContractUsd GPU contract payments received (cash: prepayments in their month, renewals, a backstop)
     * @param leaseUsd rent received (after a tenant default: what the backstop pays)
     */
    public record Revenue(double miningUsd, double gpuSpotUsd, double gpuContractUsd, double leaseUsd) {
        public double totalUsd() {
            return miningUsd + gpuSpotUsd + gpuContractUsd + leaseUsd;
        }
    }

    /**
     * Power and operating costs.
     *
     * @param miningPowerUsd mining power cost (run hours only)
     * @param gpuPowerUsd GPU power cost (firm load at the month's mean price)
     * @param miningOpexUsd mining opex: per MW for the hours it runs, standby opex for the hours it does not
     * @param gpuOpexUsd opex per GPU
     * @param leaseOpexUsd the landlord's operating costs of the leased halls: rent x (1 - NOI margin), also after a
     *     default
     * @param siteOpexUsd fixed site opex and overhead
     */
    public record Costs(
            double miningPowerUsd,
            double gpuPowerUsd,
            double miningOpexUsd,
            double gpuOpexUsd,
            double leaseOpexUsd,
            double siteOpexUsd) {
        public double totalUsd() {
            return miningPowerUsd + gpuPowerUsd + miningOpexUsd + gpuOpexUsd + leaseOpexUsd + siteOpexUsd;
        }
    }

    /**
     * Tax: rate x (EBITDA - depreciation - interest paid), after using losses carried forward.
     *
     * @param depreciationUsd tax depreciation
     * @param saleGainUsd taxable gain on GPUs sold (proceeds - book value)
     * @param interestPaidUsd interest paid in cash (deductible)
     * @param taxableIncomeUsd EBITDA - depreciation - interest paid + gain on GPUs sold (negative = a loss)
     * @param lossUsedUsd losses carried forward used against this month's income
     * @param lossCarriedForwardUsd losses still carried forward at the end of the month
     * @param taxUsd income tax paid
     */
    public record Tax(
            double depreciationUsd,
            double saleGainUsd,
            double interestPaidUsd,
            double taxableIncomeUsd,
            double lossUsedUsd,
            double lossCarriedForwardUsd,
            double taxUsd) {}

    /**
     * Every facility together.
     *
     * @param drawUsd debt drawn
     * @param interestCapitalisedUsd interest added to the balance (before service starts)
     * @param interestPaidUsd interest paid in cash
     * @param principalUsd principal repaid
     * @param balanceUsd balance owed at the end of the month
     */
    public record Debt(
            double drawUsd,
            double interestCapitalisedUsd,
            double interestPaidUsd,
            double principalUsd,
            double balanceUsd) {
        /** Debt service: interest paid + principal. */
        public double serviceUsd() {
            return interestPaidUsd + principalUsd;
        }
    }

    /**
     * The month's DSCR test.
     *
     * @param tested whether the covenant was tested (from the first month of service, when the window has service)
     * @param windowFirstMonth first month of the window (-1 when not tested)
     * @param windowLastMonth last month of the window (-1 when not tested)
     * @param windowCfadsUsd CFADS over the window
     * @param windowServiceUsd debt service over the window
     * @param dscr window CFADS / window service (NaN when not tested)
     * @param breach whether the DSCR is below the covenant
     */
    public record Covenant(
            boolean tested,
            int windowFirstMonth,
            int windowLastMonth,
            double windowCfadsUsd,
            double windowServiceUsd,
            double dscr,
            boolean breach) {
        static final Covenant NOT_TESTED = new Covenant(false, -1, -1, 0, 0, Double.NaN, false);
    }

    /**
     * Cash flow to equity.
     *
     * @param capexUsd capex
     * @param saleProceedsUsd GPUs sold at their residual value (retirement, or a contract term's end)
     * @param terminalValueUsd value at the horizon (last month only)
     * @param debtRepaidAtHorizonUsd debt still owed at the horizon, repaid from the terminal value (last month only)
     * @param cashFlowUsd CFADS - capex + draws - debt service + GPU sales (+ terminal value - debt repaid in the last
     *     month)
     * @param discountFactor (1 + monthly rate)^-month
     * @param discountedUsd cash flow x discount factor (the NPV is their sum)
     * @param cumulativeUsd running sum of the cash flows
     */
    public record Equity(
            double capexUsd,
            double saleProceedsUsd,
            double terminalValueUsd,
            double debtRepaidAtHorizonUsd,
            double cashFlowUsd,
            double discountFactor,
            double discountedUsd,
            double cumulativeUsd) {}
}
