package io.minerai.planning.engine;

/**
 * One month of a strategy on one market path, every line named (USD unless the name says otherwise).
 *
 * @param month month index
 * @param priceUsdPerBtc BTC price
 * @param hashpriceUsdPerPhDay hashprice
 * @param miningFacilityMw mining capacity at the meter
 * @param miningRunFraction share of the month's hours mining ran (hours below breakeven)
 * @param miningRevenueUsd mining revenue after pool fees
 * @param miningEnergyUsd mining power cost
 * @param gpuRevenueUsd GPU rental revenue
 * @param gpuEnergyUsd GPU power cost
 * @param leaseNoiUsd lease net operating income (after a default: backstop minus carrying costs)
 * @param opexUsd mining, GPU and fixed site opex and overhead
 * @param ebitdaUsd EBITDA
 * @param depreciationUsd tax depreciation
 * @param taxUsd income tax paid
 * @param capexUsd capex
 * @param debtDrawUsd debt drawn
 * @param debtServiceUsd interest paid + principal
 * @param equityCashFlowUsd cash flow to equity (incl. terminal value less debt in the last month)
 * @param dscr trailing DSCR, NaN when no debt service falls in the window
 */
public record MonthRow(
        int month,
        double priceUsdPerBtc,
        double hashpriceUsdPerPhDay,
        double miningFacilityMw,
        double miningRunFraction,
        double miningRevenueUsd,
        double miningEnergyUsd,
        double gpuRevenueUsd,
        double gpuEnergyUsd,
        double leaseNoiUsd,
        double opexUsd,
        double ebitdaUsd,
        double depreciationUsd,
        double taxUsd,
        double capexUsd,
        double debtDrawUsd,
        double debtServiceUsd,
        double equityCashFlowUsd,
        double dscr) {}
