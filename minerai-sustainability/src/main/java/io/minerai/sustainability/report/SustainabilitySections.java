package io.minerai.sustainability.report;

import io.minerai.report.chart.ChartImage;
import io.minerai.report.html.HtmlWriter;
import io.minerai.report.html.HtmlWriter.KeyFigure;
import io.minerai.report.html.ReportSection;
import io.minerai.report.summary.Fmt;
import io.minerai.report.summary.TextTable;
import io.minerai.sustainability.EmissionBasis;
import io.minerai.sustainability.Flexibility;
import io.minerai.sustainability.Fuel;
import io.minerai.sustainability.FuelFactorSet;
import io.minerai.sustainability.Intensity;
import io.minerai.sustainability.LocationBased;
import io.minerai.sustainability.MarketBased;
import io.minerai.sustainability.MethodNotes;
import io.minerai.sustainability.MonthlyMix;
import io.minerai.sustainability.RenewableShare;
import io.minerai.sustainability.SiteEnergy;
import io.minerai.sustainability.SustainabilityExport;
import io.minerai.sustainability.SustainabilityResult;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The sustainability section of the HTML report ({@code id = sustainability}) and its appendix with the method and
 * sources ({@code id = sustainability-method}). Plug into the backtest report with {@code
 * ReportWriter.builder(result, scenario).section(main).appendix(appendix)}.
 */
public final class SustainabilitySections {
    public static final String ID = "sustainability";
    public static final String METHOD_ID = "sustainability-method";
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM\u00a0yyyy", Locale.US);

    private SustainabilitySections() {}

    /** The main section, with the given charts embedded (normally {@link SustainabilityCharts#renderAll}). */
    public static ReportSection main(SustainabilityResult r, List<ChartImage> charts) {
        List<ChartImage> cs = List.copyOf(charts);
        return ReportSection.of(ID, "Sustainability: energy mix, Scope 2 emissions and grid flexibility", html -> {
            body(r, cs, html);
        });
    }

    /** The appendix: the method in plain words, the per-fuel factors and the sources. */
    public static ReportSection appendix(SustainabilityResult r) {
        return ReportSection.of(METHOD_ID, "Sustainability: method and sources", html -> method(r, html));
    }

    private static void body(SustainabilityResult r, List<ChartImage> charts, HtmlWriter html) {
        LocationBased loc = r.location();
        MarketBased mk = r.market();
        RenewableShare rs = r.renewable();
        Intensity in = r.intensity();
        Flexibility fl = r.flexibility();
        html.paragraph("Where the site's electricity came from, what it emitted under the GHG Protocol's two Scope 2"
                + " methods (reported side by side, never added), how much of it was renewable, and what the site's"
                + " flexibility gave the grid, computed interval by interval from the dispatch above. Grid factors: "
                + r.factorDescription() + " (" + basisWords(r.factorBasis()) + "). The method and every source are in"
                + " the appendix \"Sustainability: method and sources\".");
        if (r.dispatchedIntervals() == 0) {
            html.paragraph("No interval was dispatched, so there is nothing to report.");
            return;
        }
        html.keyFigures(List.of(
                new KeyFigure(
                        "Scope 2, location-based",
                        tonnes(loc.emissionsTCo2e()) + " t CO2e",
                        Fmt.num(loc.importWeightedFactorKgCo2ePerMwh(), 1) + " kg/MWh on " + Fmt.num(loc.importMwh(), 0)
                                + " MWh imported"),
                new KeyFigure(
                        "Scope 2, market-based",
                        tonnes(mk.emissionsTCo2e()) + " t CO2e",
                        mk.residualMixGiven() ? "residual mix given" : "no residual mix: grid average used"),
                new KeyFigure(
                        "Renewable share claimed",
                        Fmt.pct(rs.claimedShare()),
                        "on-site " + Fmt.pct(rs.onSiteShare()) + ", certificates " + Fmt.pct(rs.contractedShare())),
                new KeyFigure(
                        "Per BTC mined (location)",
                        in.btcMined() > 0 ? Fmt.num(in.locationTCo2ePerBtc(), 1) + " t CO2e" : Fmt.NA,
                        "market-based " + (in.btcMined() > 0 ? Fmt.num(in.marketTCo2ePerBtc(), 1) + " t" : Fmt.NA)),
                new KeyFigure(
                        "Per GPU-hour sold (location)",
                        in.gpuHoursSold() > 0 ? Fmt.num(in.locationKgCo2ePerGpuHour(), 2) + " kg CO2e" : Fmt.NA,
                        "market-based "
                                + (in.gpuHoursSold() > 0 ? Fmt.num(in.marketKgCo2ePerGpuHour(), 2) + " kg" : Fmt.NA)),
                new KeyFigure(
                        "Curtailed at high prices",
                        Fmt.num(fl.curtailedHighPriceMwh(), 0) + " MWh",
                        Fmt.num(fl.curtailedHighPriceHours(), 0) + " h at or above $"
                                + Fmt.num(fl.highPriceThresholdUsdPerMwh(), 0) + "/MWh"),
                new KeyFigure(
                        "Avoided by curtailment (estimate)",
                        tonnes(fl.avoidedTCo2eAverageFactor()) + " t CO2e",
                        "average factor, not marginal; not Scope 2")));

        html.heading("Scope 2, both methods");
        html.table(TextTable.builder("Scope 2 emissions of the period", "method", "t CO2e", "MWh", "kg CO2e/MWh", "how")
                .textColumn(4)
                .row(
                        "Location-based",
                        Fmt.num(loc.emissionsTCo2e(), 1),
                        Fmt.num(loc.importMwh(), 1),
                        Fmt.num(loc.importWeightedFactorKgCo2ePerMwh(), 1),
                        "grid energy imported x the grid's average factor, interval by interval")
                .row(
                        "Market-based",
                        Fmt.num(mk.emissionsTCo2e(), 1),
                        Fmt.num(mk.importMwh(), 1),
                        mk.importMwh() > 0 ? Fmt.num(mk.emissionsTCo2e() * 1000 / mk.importMwh(), 1) : Fmt.NA,
                        "certificates first, the rest at the "
                                + (mk.residualMixGiven() ? "residual mix" : "grid average (no residual mix given)"))
                .note("The two methods answer different questions and are never added. Own generation used on site"
                        + " has no Scope 2 emissions.")
                .build());
        html.table(TextTable.builder("Market-based: contractual instruments", "item", "MWh", "kg CO2e/MWh")
                .row("PPA certificates available", Fmt.num(mk.ppaEacMwh(), 1), "")
                .row("PPA certificates applied", Fmt.num(mk.ppaAppliedMwh(), 1), "")
                .row("PPA volume matched hour by hour (information)", Fmt.num(mk.ppaIntervalMatchedMwh(), 1), "")
                .row("Unbundled RECs retired", Fmt.num(mk.recsMwh(), 1), "0")
                .row("Unbundled RECs applied", Fmt.num(mk.recsAppliedMwh(), 1), "0")
                .row(
                        mk.residualMixGiven()
                                ? "Left to the residual mix"
                                : "Left to the grid average (no residual mix)",
                        Fmt.num(mk.uncoveredMwh(), 1),
                        Fmt.num(mk.residualFactorKgCo2ePerMwh(), 1))
                .row("Certificates beyond consumption (unused)", Fmt.num(mk.unusedInstrumentsMwh(), 1), "")
                .build());

        html.heading("Carbon intensity of what the site sells");
        html.table(TextTable.builder("Intensity", "product", "amount", "location-based", "market-based")
                .row(
                        "Bitcoin mined",
                        Fmt.btc(in.btcMined()) + " BTC",
                        in.btcMined() > 0 ? Fmt.num(in.locationTCo2ePerBtc(), 2) + " t CO2e/BTC" : Fmt.NA,
                        in.btcMined() > 0 ? Fmt.num(in.marketTCo2ePerBtc(), 2) + " t CO2e/BTC" : Fmt.NA)
                .row(
                        "GPU-hours sold",
                        Fmt.num(in.gpuHoursSold(), 0) + " GPU-h",
                        in.gpuHoursSold() > 0 ? Fmt.num(in.locationKgCo2ePerGpuHour(), 3) + " kg CO2e/GPU-h" : Fmt.NA,
                        in.gpuHoursSold() > 0 ? Fmt.num(in.marketKgCo2ePerGpuHour(), 3) + " kg CO2e/GPU-h" : Fmt.NA)
                .note("Emissions are shared among loads by the grid energy each drew.")
                .build());

        html.heading("Renewable share of consumption");
        html.table(TextTable.builder("Renewable energy", "source", "MWh", "share of consumption")
                .row(
                        "On-site renewable generation used",
                        Fmt.num(rs.onSiteRenewableMwh(), 1),
                        Fmt.pct(rs.onSiteShare()))
                .row(
                        "Renewable certificates applied (PPA, RECs)",
                        Fmt.num(rs.contractedRenewableMwh(), 1),
                        Fmt.pct(rs.contractedShare()))
                .totalRow(
                        "Claimed renewable",
                        Fmt.num(rs.onSiteRenewableMwh() + rs.contractedRenewableMwh(), 1),
                        Fmt.pct(rs.claimedShare()))
                .row(
                        "Grid's own renewable share of the imports (information, not a claim)",
                        Fmt.num(rs.gridRenewableMwh(), 1),
                        Fmt.pct(rs.gridShare()))
                .note("Consumption = everything the site's loads drew: " + Fmt.num(rs.consumptionMwh(), 1) + " MWh.")
                .build());

        html.heading("Flexibility: what the site gave the grid");
        TextTable.Builder ft = TextTable.builder(
                        "Curtailment", "intervals", "count", "curtailed MWh", "hours curtailed")
                .row(
                        "All dispatched intervals",
                        Integer.toString(r.dispatchedIntervals()),
                        Fmt.num(fl.curtailedMwh(), 1),
                        Fmt.num(fl.curtailedHours(), 1))
                .row(
                        "High price: at or above $" + Fmt.num(fl.highPriceThresholdUsdPerMwh(), 2) + "/MWh ("
                                + fl.highPriceThresholdSource() + ")",
                        Integer.toString(fl.highPriceIntervals()),
                        Fmt.num(fl.curtailedHighPriceMwh(), 1),
                        Fmt.num(fl.curtailedHighPriceHours(), 1));
        if (fl.highLoadAvailable()) {
            ft.row(
                    "High load: ERCOT net generation at or above " + Fmt.num(fl.highLoadThresholdMw(), 0) + " MW",
                    Integer.toString(fl.highLoadIntervals()),
                    Fmt.num(fl.curtailedHighLoadMwh(), 1),
                    Fmt.num(fl.curtailedHighLoadHours(), 1));
        } else {
            ft.row("High load: not known (no fuel mix with user-supplied factors)", Fmt.NA, Fmt.NA, Fmt.NA);
        }
        html.table(ft.note("Curtailed = capacity of interruptible loads (miners, interruptible GPU clouds; "
                        + Fmt.num(r.energy().curtailableMw(), 1)
                        + " MW in all) that was not drawn, whatever the reason: a price spike, or machines left idle"
                        + " because power was worth more than what they earn.")
                .build());
        if (!fl.coincidentPeaks().isEmpty()) {
            DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.US);
            TextTable.Builder pt = TextTable.builder(
                    "4CP proxy: highest ERCOT net generation of each summer month",
                    "month",
                    "peak 15 minutes (ERCOT time)",
                    "ERCOT net generation, MW",
                    "site load, MW",
                    "load removed, MW");
            pt.textColumn(1);
            for (Flexibility.CoincidentPeak p : fl.coincidentPeaks()) {
                pt.row(
                        p.month().toString(),
                        f.format(p.peakUtc().atZone(Flexibility.ERCOT_ZONE)),
                        Fmt.num(p.systemNetGenerationMw(), 0),
                        p.dispatched() ? Fmt.num(p.siteLoadMw(), 1) : "not dispatched",
                        p.dispatched() ? Fmt.num(p.loadRemovedMw(), 1) : Fmt.NA);
            }
            pt.totalRow("Mean", "", "", "", Fmt.num(fl.meanLoadRemovedAtPeaksMw(), 1));
            pt.note("A proxy for ERCOT's four coincident peaks (15-minute intervals of highest system demand, June to"
                    + " September), which ERCOT publishes after the fact: the quarter hour of highest ERCOT-wide net"
                    + " generation in the fuel mix. Net generation and the site's figures are those of the run's"
                    + " interval containing it (the hour, on an hourly run).");
            html.table(pt.build());
        }
        html.table(TextTable.builder("Reserves and avoided emissions", "item", "value")
                .textColumn(1)
                .row("Ancillary-service payments", Fmt.usd(fl.ancillaryRevenueUsd()))
                .row(
                        "Reserve capacity offered",
                        fl.reservesOfferedMwh() > 0
                                ? Fmt.num(fl.reservesOfferedMwh(), 1) + " MW-h"
                                : "0 (this dispatch policy offered none)")
                .row(
                        "Emissions avoided by curtailment, average-factor estimate",
                        Fmt.num(fl.avoidedTCo2eAverageFactor(), 1) + " t CO2e (high-price intervals: "
                                + Fmt.num(fl.avoidedHighPriceTCo2eAverageFactor(), 1) + " t)")
                .note("Avoided emissions: " + SustainabilityExport.AVOIDED_LABEL + ".")
                .build());

        for (ChartImage c : charts) {
            html.figure(c);
        }

        html.heading("By month");
        TextTable.Builder mt = TextTable.builder(
                "Monthly energy and location-based emissions (ERCOT months)",
                "month",
                "used, MWh",
                "on-site, MWh",
                "grid, MWh",
                "grid renew., MWh",
                "t CO2e",
                "kg CO2e/MWh",
                "$/MWh");
        for (MonthlyMix m : r.months()) {
            double ren = 0;
            for (var e : m.gridByFuelMwh().entrySet()) {
                if (e.getKey().renewable()) {
                    ren += e.getValue();
                }
            }
            mt.row(
                    MONTH.format(m.month()),
                    Fmt.num(m.consumptionMwh(), 0),
                    Fmt.num(m.onSiteMwh(), 0),
                    Fmt.num(m.gridMwh(), 0),
                    m.gridByFuelMwh().isEmpty() ? Fmt.NA : Fmt.num(ren, 0),
                    Fmt.num(m.locationTCo2e(), 1),
                    Fmt.num(m.meanGridFactorKgCo2ePerMwh(), 1),
                    Fmt.num(m.meanPriceUsdPerMwh(), 2));
        }
        html.table(mt.note("used = consumed by all loads; on-site = own generation used; grid = imported; grid renew. ="
                        + " imports x the grid's renewable share (information); t CO2e = location-based Scope 2;"
                        + " kg CO2e/MWh = import-weighted grid factor; $/MWh = mean real-time price.")
                .build());
        html.note(
                "Files: sustainability.json (summary, units in field names, method notes), sustainability_intervals.csv"
                        + " (every interval), sustainability_months.csv (every month).");
    }

    private static void method(SustainabilityResult r, HtmlWriter html) {
        html.paragraph("How the sustainability figures were computed, in plain words.");
        html.numbered(MethodNotes.of(r));
        html.heading("Per-fuel emission factors");
        TextTable.Builder t = TextTable.builder(
                "Per-fuel factors, kg CO2e per MWh generated",
                "ERCOT fuel",
                FuelFactorSet.COMBUSTION_EPA_EIA.id() + " (default, combustion)",
                FuelFactorSet.IPCC_AR5_LIFECYCLE.id() + " (lifecycle)");
        for (Fuel f : Fuel.values()) {
            if (f.isSource()) {
                t.row(
                        f.ercotName(),
                        Fmt.num(FuelFactorSet.COMBUSTION_EPA_EIA.factor(f), 1),
                        Fmt.num(FuelFactorSet.IPCC_AR5_LIFECYCLE.factor(f), 1));
            }
        }
        t.row("WSL (storage charging)", "not a source", "not a source");
        html.table(t.note("Used in this run: " + r.factorDescription() + ".").build());
        html.heading("Sources");
        html.bullets(List.of(
                "Fuel mix: ERCOT, Interval Generation by Fuel report 2023 and 2024 (IntGenbyFuel2023/2024.xlsx), bundled"
                        + " with minerai.",
                FuelFactorSet.COMBUSTION_EPA_EIA.citation(),
                FuelFactorSet.IPCC_AR5_LIFECYCLE.citation(),
                "GHG Protocol Scope 2 Guidance (WRI/WBCSD, 2015): dual reporting, market-based factor hierarchy, no"
                        + " marginal factors in location-based Scope 2.",
                "Check of the default factors: EPA eGRID2023, subregion ERCT, total output emission rate 736.629 lb"
                        + " CO2e/MWh (Summary Tables rev. 2, 2025-06-12); minerai's 2023 annual average is within 5 %"
                        + " (tested).",
                "4CP: 16 TAC §25.192 (ERCOT transmission cost allocation by the four summer coincident peaks).",
                "Full description: docs/SUSTAINABILITY.md in the minerai repository."));
        SiteEnergy e = r.energy();
        html.note(String.format(
                Locale.US,
                "Run: %s to %s (UTC), %d-minute intervals, %d of %d dispatched; %d grid factor(s) filled.",
                r.startUtc(),
                r.endUtc(),
                r.stepMinutes(),
                r.dispatchedIntervals(),
                e.size(),
                r.factorFilledIntervals()));
    }

    /** Tonnes with decimals that keep small figures readable: 12,345 / 123.4 / 2.45. */
    static String tonnes(double t) {
        double a = Math.abs(t);
        return Fmt.num(t, a >= 1000 ? 0 : a >= 10 ? 1 : 2);
    }

    static String basisWords(EmissionBasis b) {
        return switch (b) {
            case COMBUSTION -> "combustion only, as in a Scope 2 inventory and EPA eGRID";
            case LIFECYCLE -> "lifecycle, including fuel supply and plant construction";
            case AS_SUPPLIED -> "user-supplied factors";
        };
    }

    /** Section ids, for tests. */
    static List<String> ids() {
        return new ArrayList<>(List.of(ID, METHOD_ID));
    }
}
