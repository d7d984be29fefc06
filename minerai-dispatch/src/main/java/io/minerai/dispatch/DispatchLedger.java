package io.minerai.dispatch;

import io.minerai.core.time.TimeGrid;
import java.util.List;

/**
 * Money and energy per interval of a settled {@link Dispatch}: the decision ledger that reports, stores and
 * re-valuations read. Columnar arrays, one entry per interval of {@link #grid()}; skipped intervals hold zeros. Owned
 * by this object; callers must not modify the arrays.
 *
 * @param dispatch the physical decisions
 * @param priceUsdPerMwh real-time price (0 where skipped)
 * @param hashpriceUsdPerPhDay hashprice (0 where skipped)
 * @param revenueMiningUsd mining revenue after pool fees
 * @param revenueAiCloudUsd GPU cloud rental revenue
 * @param revenueColocationUsd colocation rent plus energy reimbursed by pass-through tenants
 * @param revenueExportUsd own generation exported at the real-time price
 * @param revenuePpaSellbackUsd PPA energy not used, sold back at the real-time price (power credits)
 * @param revenueAncillaryUsd ancillary-service capacity payments (0 for policies that offer none)
 * @param powerCostUsd cash cost of energy: imports at price plus adders, or the PPA's fixed payment plus imports beyond
 *     the PPA block, plus adders
 * @param btcMined BTC mined (after pool fees)
 * @param minerEnergyCostUsd the miners' share of the interval's energy cost (see {@link Settlement})
 * @param energyCostUsdPerMwh average cost per MWh of the energy the site consumed in the interval (see {@link
 *     Settlement})
 * @param transmissionChargeUsd 4CP transmission charge set by the interval (non-zero only in the peak intervals; see
 *     {@link CoincidentPeakCharge})
 */
public record DispatchLedger(
        Dispatch dispatch,
        double[] priceUsdPerMwh,
        double[] hashpriceUsdPerPhDay,
        double[] revenueMiningUsd,
        double[] revenueAiCloudUsd,
        double[] revenueColocationUsd,
        double[] revenueExportUsd,
        double[] revenuePpaSellbackUsd,
        double[] revenueAncillaryUsd,
        double[] powerCostUsd,
        double[] btcMined,
        double[] minerEnergyCostUsd,
        double[] energyCostUsdPerMwh,
        double[] transmissionChargeUsd) {

    /** A ledger without a 4CP charge. */
    public DispatchLedger(
            Dispatch dispatch,
            double[] priceUsdPerMwh,
            double[] hashpriceUsdPerPhDay,
            double[] revenueMiningUsd,
            double[] revenueAiCloudUsd,
            double[] revenueColocationUsd,
            double[] revenueExportUsd,
            double[] revenuePpaSellbackUsd,
            double[] revenueAncillaryUsd,
            double[] powerCostUsd,
            double[] btcMined,
            double[] minerEnergyCostUsd,
            double[] energyCostUsdPerMwh) {
        this(
                dispatch,
                priceUsdPerMwh,
                hashpriceUsdPerPhDay,
                revenueMiningUsd,
                revenueAiCloudUsd,
                revenueColocationUsd,
                revenueExportUsd,
                revenuePpaSellbackUsd,
                revenueAncillaryUsd,
                powerCostUsd,
                btcMined,
                minerEnergyCostUsd,
                energyCostUsdPerMwh,
                new double[dispatch.grid().count()]);
    }

    public TimeGrid grid() {
        return dispatch.grid();
    }

    public List<LoadInfo> loads() {
        return dispatch.loads();
    }

    public int size() {
        return dispatch.grid().count();
    }

    /** Net of interval {@code t}: all revenues minus power cost and 4CP charge (before opex and depreciation). */
    public double netUsd(int t) {
        return revenueMiningUsd[t]
                + revenueAiCloudUsd[t]
                + revenueColocationUsd[t]
                + revenueExportUsd[t]
                + revenuePpaSellbackUsd[t]
                + revenueAncillaryUsd[t]
                - powerCostUsd[t]
                - transmissionChargeUsd[t];
    }

    /** Power drawn by loads of class {@code c} in interval {@code t}, MW. */
    public double loadMw(int t, LoadClass c) {
        double s = 0;
        List<LoadInfo> loads = dispatch.loads();
        for (int l = 0; l < loads.size(); l++) {
            if (loads.get(l).loadClass() == c) {
                s += dispatch.loadMw(t, l);
            }
        }
        return s;
    }
}
