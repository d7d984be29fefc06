package io.minerai.portfolio.model;

import io.minerai.planning.model.RiskMeasure;
import java.time.LocalDate;
import java.util.List;

/**
 * An acquisition target: its sites, the asking price, the closing date and how the price is paid.
 *
 * @param name unique name
 * @param sites the target's sites (valued from the closing month on)
 * @param askingPriceUsd the price asked
 * @param closingDate the day the deal closes (its month is the first month the company owns the sites)
 * @param financing how the price is paid
 * @param generalAdministrativeSavingsUsdPerMonth a synergy: G&A the combined company saves each month after closing
 * @param riskMeasure the risk measure of the most the company should pay
 */
public record Acquisition(
        String name,
        List<SiteEntry> sites,
        double askingPriceUsd,
        LocalDate closingDate,
        AcquisitionFinancing financing,
        double generalAdministrativeSavingsUsdPerMonth,
        RiskMeasure riskMeasure) {
    public Acquisition {
        sites = List.copyOf(sites);
    }
}
