package io.minerai.portfolio.engine;

import io.minerai.planning.engine.BtcReturns;
import io.minerai.planning.engine.PowerBank;
import io.minerai.planning.engine.PowerDay;
import io.minerai.planning.model.Plan;
import io.minerai.planning.model.StrategyPlan;
import java.util.List;

/**
 * One site ready for evaluation: its plan adapted to the portfolio (the portfolio's start, horizon, Bitcoin market,
 * Monte Carlo and discount rate; the scenario's grid and fleet; power from its own market), its power bank and the
 * BTC history every site shares.
 *
 * @param name site name
 * @param plan the adapted plan
 * @param bank the site's power months (every site's bank has the same entries per month, so every site's market
 *     paths draw the same random numbers: common random numbers)
 * @param returns daily BTC log-returns of the bootstrap (the same for every site)
 * @param currentStrategy the strategy the site follows today
 * @param strategies strategies considered, the current one first
 * @param ownedFromMonth first month the company owns the site (0, or an acquisition's closing month): its value
 *     counts the cash flows from then on, and its strategies start no earlier
 * @param power where its power prices come from (for reports)
 */
public record SiteModel(
        String name,
        Plan plan,
        PowerBank bank,
        BtcReturns returns,
        String currentStrategy,
        List<StrategyPlan> strategies,
        int ownedFromMonth,
        PowerInfo power) {
    public SiteModel {
        strategies = List.copyOf(strategies);
    }

    /**
     * Where a site's power prices come from.
     *
     * @param label e.g. "ERCOT HB_WEST merit-order dispatch 2024-01-01..2025-01-01"
     * @param days the real days of all-in prices behind the bank
     * @param meanAllInUsdPerMwh mean all-in price over those days
     * @param dispatch what the dispatch of the scenario's own period gave (empty for supplied prices)
     */
    public record PowerInfo(
            String label, List<PowerDay> days, double meanAllInUsdPerMwh, java.util.Optional<DispatchFacts> dispatch) {
        public PowerInfo {
            days = List.copyOf(days);
        }
    }

    /**
     * Figures of the site's dispatch over its scenario's real period, for reports.
     *
     * @param intervals intervals dispatched
     * @param importMwh energy imported
     * @param energyCostUsd what the imported energy cost at the market price (USD)
     * @param programChargesUsd market program charges (e.g. 4CP transmission, capacity), USD
     * @param miningCurtailedShare share of the fleet's energy not run
     * @param currency the market's currency
     */
    public record DispatchFacts(
            int intervals,
            double importMwh,
            double energyCostUsd,
            double programChargesUsd,
            double miningCurtailedShare,
            String currency) {}
}
