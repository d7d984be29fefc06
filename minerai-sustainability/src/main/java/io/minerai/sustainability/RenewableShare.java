package io.minerai.sustainability;

import io.minerai.core.time.TimeSeries;
import java.util.Map;

/**
 * Renewable share of the site's consumption (all loads' energy).
 *
 * <ul>
 *   <li>on-site: own renewable generation consumed on site (every on-site generator kind, solar, wind and hydro, is
 *       renewable);
 *   <li>contracted: renewable certificates applied in the market-based method (a PPA with zero-emission certificates,
 *       and unbundled RECs);
 *   <li>claimed = on-site + contracted: the share the site may claim;
 *   <li>grid (information only, not a claim): imported energy x the grid's renewable share of generation in the
 *       interval (biomass, hydro, solar, wind), which the certificates of others may already claim.
 * </ul>
 *
 * @param consumptionMwh energy drawn by all loads
 * @param onSiteRenewableMwh own generation consumed
 * @param contractedRenewableMwh certificates applied
 * @param gridRenewableMwh imports x grid renewable share (NaN when the grid mix is unknown)
 * @param onSiteShare on-site / consumption
 * @param contractedShare contracted / consumption
 * @param claimedShare (on-site + contracted) / consumption
 * @param gridShare grid renewable / consumption (NaN when unknown)
 */
public record RenewableShare(
        double consumptionMwh,
        double onSiteRenewableMwh,
        double contractedRenewableMwh,
        double gridRenewableMwh,
        double onSiteShare,
        double contractedShare,
        double claimedShare,
        double gridShare) {

    public static RenewableShare of(SiteEnergy e, MarketBased market, double ppaKgCo2ePerMwh, GridFactors grid) {
        double load = SiteEnergy.sum(e.loadMwh());
        double onSite = SiteEnergy.sum(e.onSiteUsedMwh());
        double contracted = (ppaKgCo2ePerMwh == 0 ? market.ppaAppliedMwh() : 0) + market.recsAppliedMwh();
        double gridRenewable = Double.NaN;
        Map<Fuel, TimeSeries> shares = grid.sourceShare();
        if (!shares.isEmpty()) {
            gridRenewable = 0;
            for (int t = 0; t < e.size(); t++) {
                if (!e.dispatched()[t] || e.importMwh()[t] == 0) {
                    continue;
                }
                double r = 0;
                boolean ok = true;
                for (Map.Entry<Fuel, TimeSeries> en : shares.entrySet()) {
                    if (en.getKey().renewable()) {
                        if (en.getValue().isMissing(t)) {
                            ok = false;
                            break;
                        }
                        r += en.getValue().value(t);
                    }
                }
                if (ok) {
                    gridRenewable += e.importMwh()[t] * r;
                }
            }
        }
        return new RenewableShare(
                load,
                onSite,
                contracted,
                gridRenewable,
                ratio(onSite, load),
                ratio(contracted, load),
                ratio(onSite + contracted, load),
                Double.isNaN(gridRenewable) ? Double.NaN : ratio(gridRenewable, load));
    }

    private static double ratio(double a, double b) {
        return b > 0 ? a / b : 0;
    }
}
