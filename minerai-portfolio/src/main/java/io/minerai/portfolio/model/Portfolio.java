package io.minerai.portfolio.model;

import io.minerai.planning.model.BitcoinPlan;
import io.minerai.planning.model.Uncertainty;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * A company's portfolio: its sites (each a site scenario in its own market plus a plan of its strategies and
 * financing), the company-level items, one Bitcoin market and one Monte Carlo for every site (common random numbers)
 * and the acquisition targets to value.
 *
 * @param name short name
 * @param description free text; cite the sources of the figures
 * @param startMonth first month of every site's plan (UTC calendar months)
 * @param horizonMonths months planned
 * @param bitcoin the Bitcoin network every site mines on (replaces each site plan's own)
 * @param uncertainty the Monte Carlo every site shares (replaces each site plan's own)
 * @param company company-level items
 * @param sites the company's sites
 * @param acquisitions targets to value
 */
public record Portfolio(
        String name,
        String description,
        YearMonth startMonth,
        int horizonMonths,
        BitcoinPlan bitcoin,
        Uncertainty uncertainty,
        Company company,
        List<SiteEntry> sites,
        List<Acquisition> acquisitions) {
    public Portfolio {
        sites = List.copyOf(sites);
        acquisitions = List.copyOf(acquisitions);
    }

    public Optional<Acquisition> acquisition(String n) {
        return acquisitions.stream().filter(a -> a.name().equals(n)).findFirst();
    }

    /** The same portfolio with another Monte Carlo. */
    public Portfolio withUncertainty(Uncertainty u) {
        return new Portfolio(name, description, startMonth, horizonMonths, bitcoin, u, company, sites, acquisitions);
    }

    /** The same portfolio with other company items. */
    public Portfolio withCompany(Company c) {
        return new Portfolio(
                name, description, startMonth, horizonMonths, bitcoin, uncertainty, c, sites, acquisitions);
    }

    /** Plan years covered by the horizon (a last partial year counts). */
    public int years() {
        return (horizonMonths + 11) / 12;
    }
}
