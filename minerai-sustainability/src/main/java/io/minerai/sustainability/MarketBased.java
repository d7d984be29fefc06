package io.minerai.sustainability;

import io.minerai.core.scenario.SustainabilitySettings.MarketInstruments;
import io.minerai.core.site.Ppa;
import java.util.Optional;

/**
 * GHG Protocol Scope 2, market-based: grid energy consumed is covered by the contractual instruments the site holds,
 * and the rest takes the residual-mix factor. Instruments are matched to consumption over the whole period, as the
 * 2015 Scope 2 Guidance allows:
 *
 * <ol>
 *   <li>the PPA's energy attribute certificates, when it conveys them: contracted volume = quantity x dispatched hours,
 *       at the PPA's emission factor;
 *   <li>unbundled RECs/EACs retired for the period, at zero;
 *   <li>the rest at the residual-mix factor; without one, at the grid average (the location-based emissions of that
 *       energy), the last step of the Guidance's hierarchy, which overstates nothing but double counts renewable
 *       attributes others claim.
 * </ol>
 *
 * Instruments beyond consumption are reported as unused (they cannot lower emissions below zero). The PPA energy that
 * the interval-by-interval match would cover (min(import, quantity) per interval) is reported beside it, for readers
 * who want hourly matching.
 *
 * @param importMwh grid energy consumed
 * @param ppaEacMwh PPA certificates available (0 when the PPA conveys none)
 * @param ppaAppliedMwh PPA certificates applied to consumption
 * @param recsMwh unbundled certificates retired
 * @param recsAppliedMwh unbundled certificates applied
 * @param uncoveredMwh consumption left to the residual mix
 * @param residualFactorKgCo2ePerMwh factor applied to the uncovered energy (the import-weighted grid average when no
 *     residual mix is given)
 * @param residualMixGiven whether a residual-mix factor was given
 * @param emissionsTCo2e total, t CO2e
 * @param unusedInstrumentsMwh certificates beyond consumption
 * @param ppaIntervalMatchedMwh PPA volume matched interval by interval (information; 0 without PPA certificates)
 */
public record MarketBased(
        double importMwh,
        double ppaEacMwh,
        double ppaAppliedMwh,
        double recsMwh,
        double recsAppliedMwh,
        double uncoveredMwh,
        double residualFactorKgCo2ePerMwh,
        boolean residualMixGiven,
        double emissionsTCo2e,
        double unusedInstrumentsMwh,
        double ppaIntervalMatchedMwh) {

    public static MarketBased of(SiteEnergy e, LocationBased location, MarketInstruments m, Optional<Ppa> ppa) {
        double h = e.grid().stepHours();
        double imp = location.importMwh();
        double ppaEac = 0;
        double ppaMatched = 0;
        if (m.ppaConveysEacs() && ppa.isPresent()) {
            double q = ppa.get().quantityMw();
            for (int t = 0; t < e.size(); t++) {
                if (e.dispatched()[t]) {
                    ppaEac += q * h;
                    ppaMatched += Math.min(e.importMwh()[t], q * h);
                }
            }
        }
        double ppaApplied = Math.min(ppaEac, imp);
        double recsApplied = Math.min(m.recsMwh(), imp - ppaApplied);
        double uncovered = Math.max(0, imp - ppaApplied - recsApplied);
        double residual = m.residualMixKgCo2ePerMwh().orElse(location.importWeightedFactorKgCo2ePerMwh());
        double kg = ppaApplied * m.ppaKgCo2ePerMwh() + uncovered * residual;
        return new MarketBased(
                imp,
                ppaEac,
                ppaApplied,
                m.recsMwh(),
                recsApplied,
                uncovered,
                residual,
                m.residualMixKgCo2ePerMwh().isPresent(),
                kg / 1000,
                ppaEac - ppaApplied + m.recsMwh() - recsApplied,
                ppaMatched);
    }

    /** Share of the market-based total attributed to a load class: its share of imported energy. */
    public double attributedTCo2e(double classImportMwh) {
        return importMwh > 0 ? emissionsTCo2e * classImportMwh / importMwh : 0;
    }
}
