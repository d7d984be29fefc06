package io.minerai.sustainability.report;

import io.minerai.report.summary.Fmt;
import io.minerai.report.summary.TextTable;
import io.minerai.sustainability.Flexibility;
import io.minerai.sustainability.Intensity;
import io.minerai.sustainability.MarketBased;
import io.minerai.sustainability.RenewableShare;
import io.minerai.sustainability.SustainabilityResult;

/** The human summary printed by the CLI: one aligned table. */
public final class SustainabilityText {
    private SustainabilityText() {}

    public static String summary(SustainabilityResult r) {
        MarketBased mk = r.market();
        RenewableShare rs = r.renewable();
        Intensity in = r.intensity();
        Flexibility fl = r.flexibility();
        TextTable t = TextTable.builder(
                        "Sustainability, " + r.siteName() + ", " + r.startUtc() + " .. " + r.endUtc() + " (UTC)",
                        "figure",
                        "value")
                .row("Grid factors", r.factorDescription())
                .row("Grid energy imported", Fmt.num(r.location().importMwh(), 1) + " MWh")
                .row("Scope 2, location-based", Fmt.num(r.location().emissionsTCo2e(), 1) + " t CO2e")
                .row(
                        "Scope 2, market-based",
                        Fmt.num(mk.emissionsTCo2e(), 1) + " t CO2e"
                                + (mk.residualMixGiven() ? "" : " (no residual mix: grid average)"))
                .row("Renewable share claimed", Fmt.pct(rs.claimedShare()))
                .row(
                        "Per BTC mined, location / market",
                        in.btcMined() > 0
                                ? Fmt.num(in.locationTCo2ePerBtc(), 2) + " / " + Fmt.num(in.marketTCo2ePerBtc(), 2)
                                        + " t CO2e"
                                : Fmt.NA)
                .row(
                        "Per GPU-hour sold, location / market",
                        in.gpuHoursSold() > 0
                                ? Fmt.num(in.locationKgCo2ePerGpuHour(), 3) + " / "
                                        + Fmt.num(in.marketKgCo2ePerGpuHour(), 3) + " kg CO2e"
                                : Fmt.NA)
                .row(
                        "Curtailed at high prices (>= $" + Fmt.num(fl.highPriceThresholdUsdPerMwh(), 2) + "/MWh)",
                        Fmt.num(fl.curtailedHighPriceMwh(), 1) + " MWh in " + Fmt.num(fl.curtailedHighPriceHours(), 1)
                                + " h")
                .row(
                        "Curtailed at high load",
                        fl.highLoadAvailable()
                                ? Fmt.num(fl.curtailedHighLoadMwh(), 1) + " MWh in "
                                        + Fmt.num(fl.curtailedHighLoadHours(), 1) + " h"
                                : Fmt.NA)
                .row("Load removed at 4CP-proxy peaks (mean)", Fmt.num(fl.meanLoadRemovedAtPeaksMw(), 1) + " MW")
                .row(
                        "Avoided by curtailment (average-factor estimate)",
                        Fmt.num(fl.avoidedTCo2eAverageFactor(), 1) + " t CO2e, not marginal, not Scope 2")
                .textColumn(1)
                .note(
                        r.factorFilledIntervals() > 0
                                ? r.factorFilledIntervals() + " interval(s) without a grid factor took the run's mean."
                                : "Every dispatched interval had a grid factor.")
                .build();
        return t.render();
    }
}
