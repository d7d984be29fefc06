package io.minerai.sustainability;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The method of a sustainability result in plain words, one sentence or two per item: what was counted, from which
 * data, with which factors, and what the figures are not. Shared by the HTML section and the JSON export so both say
 * the same thing.
 */
public final class MethodNotes {
    private MethodNotes() {}

    public static List<String> of(SustainabilityResult r) {
        List<String> out = new ArrayList<>();
        out.add("Scope 2 follows the GHG Protocol Scope 2 Guidance (2015) and is reported twice, as the Guidance"
                + " requires: location-based (what the grid the site draws from emitted on average) and market-based"
                + " (what the site's contracts and certificates say it bought). Neither includes Scope 1 or 3.");
        out.add("Location-based: every interval, the grid energy the site imported (MWh) is multiplied by the grid's"
                + " average emission factor in that interval (kg CO2e per MWh), and the products are added up. Energy"
                + " the site generated itself and used on site has no Scope 2 emissions.");
        out.add("Grid factors: " + r.factorDescription() + " ("
                + switch (r.factorBasis()) {
                    case COMBUSTION ->
                        "combustion only: the CO2, CH4 and N2O from burning fuel at power plants, as in"
                                + " EPA eGRID and a Scope 2 inventory; upstream fuel-supply emissions are not included";
                    case LIFECYCLE ->
                        "lifecycle: supply chain, construction and operation of the plants included,"
                                + " so more than a Scope 2 inventory counts";
                    case AS_SUPPLIED -> "supplied by the user; what they count is as stated by their source";
                }
                + "). Sources: " + r.factorCitation());
        if (r.factorDescription().contains("fuel mix")) {
            out.add("From ERCOT's 15-minute generation by fuel: the emissions of each fuel's generation are added and"
                    + " divided by the energy generated net of battery charging (ERCOT's WSL). Battery charging is"
                    + " not a consumer's use, so the emissions of that energy stay with the interval it was generated"
                    + " in; ERCOT's 'Other' (mostly battery discharge: about 0.8 MWh comes back per MWh charged in the"
                    + " bundled 2023 and 2024 data) then carries no further emissions. For an hour, the four quarter"
                    + " hours' emissions and energy are added before dividing.");
        }
        if (r.factorFilledIntervals() > 0) {
            out.add(String.format(
                    Locale.ROOT,
                    "%d interval(s) had no grid factor in the data; each was given the run's mean factor (%.1f kg"
                            + " CO2e/MWh).",
                    r.factorFilledIntervals(),
                    r.factors().fillKgCo2ePerMwh()));
        }
        MarketBased m = r.market();
        out.add("Market-based: grid energy covered by certificates the site holds (a PPA's certificates, then"
                + " unbundled RECs) takes their emission factor (zero for wind and solar); certificates and consumption"
                + " are matched over the whole period, as the 2015 Guidance allows. The rest takes "
                + (m.residualMixGiven()
                        ? String.format(
                                Locale.ROOT,
                                "the residual-mix factor given (%.1f kg CO2e/MWh).",
                                m.residualFactorKgCo2ePerMwh())
                        : "the grid average, because no residual-mix factor was given; the Guidance allows this as the"
                                + " last resort, but the grid average still contains renewable energy that others"
                                + " have claimed, so the market-based figure is then likely understated."));
        out.add("Intensity per BTC and per GPU-hour: emissions are shared among the loads in proportion to the grid"
                + " energy each drew, interval by interval (location-based) or over the period (market-based).");
        out.add("Renewable share: own solar, wind or hydro used on site, plus certificates applied in the market-based"
                + " method, divided by everything the site's loads consumed. The grid's own renewable share is shown"
                + " for information only; it is not the site's claim.");
        out.add("Flexibility: curtailed energy is the capacity of loads that may be interrupted (miners, interruptible"
                + " GPU clouds) that was not drawn. High-price intervals: price at or above "
                + r.flexibility().highPriceThresholdSource() + ". High-load intervals: ERCOT-wide net generation from"
                + " the fuel mix, a stand-in for system demand, at or above the chosen percentile. The 4CP intervals"
                + " shown are the interval of highest ERCOT-wide net generation in each month June to September (a"
                + " proxy for ERCOT's 15-minute coincident peaks).");
        out.add("Avoided emissions: " + SustainabilityExport.AVOIDED_LABEL + ".");
        return out;
    }
}
