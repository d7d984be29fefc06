package io.minerai.report.html;

import io.minerai.core.inputs.ScenarioInputs;
import io.minerai.core.scenario.BitcoinSource;
import io.minerai.core.scenario.PriceSource;
import io.minerai.core.scenario.Scenario;
import io.minerai.core.site.ColocationLease;
import io.minerai.core.site.Generator;
import io.minerai.core.site.GpuCloud;
import io.minerai.core.site.GridConnection;
import io.minerai.core.site.MinerFleet;
import io.minerai.core.site.ProfileSource;
import io.minerai.core.site.Site;
import io.minerai.core.site.TariffAdder;
import io.minerai.dispatch.DispatchResult;
import io.minerai.dispatch.DispatchSummary;
import io.minerai.dispatch.MeritOrderPolicy;
import io.minerai.report.chart.ChartImage;
import io.minerai.report.chart.DispatchCharts;
import io.minerai.report.summary.Fmt;
import io.minerai.report.summary.SummaryTable;
import io.minerai.report.summary.TextTable;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The standard sections of a dispatch (backtest) report. {@link #main} gives overview, scenario, results, charts and
 * cost per BTC; {@link #appendices} gives missing intervals, data provenance and method. Other result kinds put their
 * own sections between the two lists.
 */
public final class DispatchSections {
    /** Gap runs listed in full up to this many; the rest are counted. */
    static final int MAX_GAP_ROWS = 200;

    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.US);

    private DispatchSections() {}

    /**
     * What the standard sections read.
     *
     * @param result the settled dispatch
     * @param scenario the scenario it ran
     * @param inputs the resolved inputs, when at hand (to name the missing input behind each gap run)
     * @param charts rendered charts, in display order
     */
    public record Context(
            DispatchResult result, Scenario scenario, Optional<ScenarioInputs> inputs, List<ChartImage> charts) {
        public Context {
            charts = List.copyOf(charts);
        }

        DispatchSummary summary() {
            return result.summary();
        }

        Site site() {
            return scenario.site();
        }
    }

    /** Overview, scenario, results, charts, cost per BTC. */
    public static List<ReportSection> main(Context ctx) {
        return List.of(
                ReportSection.of("overview", "Overview", w -> overview(ctx, w)),
                ReportSection.of("scenario", "Scenario and site", w -> scenario(ctx, w)),
                ReportSection.of("results", "Results", w -> results(ctx, w)),
                ReportSection.of("charts", "Charts", w -> charts(ctx, w)),
                ReportSection.of("cost-per-btc", "Cost per BTC", w -> costPerBtc(ctx, w)));
    }

    /** Missing intervals, data provenance, method. */
    public static List<ReportSection> appendices(Context ctx) {
        return List.of(
                ReportSection.of("missing-intervals", "Missing intervals", w -> missing(ctx, w)),
                ReportSection.of("provenance", "Data and provenance", w -> provenance(ctx, w)),
                ReportSection.of("method", "Method", w -> method(ctx, w)));
    }

    /** "Site name: backtest, merit-order policy". */
    public static String title(Context ctx) {
        return ctx.site().name() + ": " + ctx.summary().policy() + " backtest";
    }

    /** Scenario name, period and step. */
    public static String subtitle(Context ctx) {
        DispatchSummary s = ctx.summary();
        return "Scenario " + ctx.scenario().name() + " · "
                + DispatchCharts.periodLabel(ctx.result().ledger().grid())
                + " · " + s.run().stepMinutes() + "-minute intervals · settlement point "
                + ctx.site().grid().settlementPoint();
    }

    // ----------------------------------------------------------------------------------------------------------------

    private static void overview(Context ctx, HtmlWriter w) {
        DispatchSummary s = ctx.summary();
        int dispatched = s.intervals() - s.missingIntervals();
        double revenue = SummaryTable.totalRevenueUsd(s);
        w.keyFigures(List.of(
                new HtmlWriter.KeyFigure("Net before opex", Fmt.usd(s.netUsd()), "revenue minus power cost"),
                new HtmlWriter.KeyFigure("Total revenue", Fmt.usd(revenue), "all streams"),
                new HtmlWriter.KeyFigure(
                        "Power cost",
                        Fmt.usd(s.powerCostUsd()),
                        Fmt.num(s.energy().energyImportedMwh(), 0) + " MWh imported"),
                new HtmlWriter.KeyFigure("BTC mined", Fmt.btc(s.btcMined()), "after pool fees"),
                new HtmlWriter.KeyFigure(
                        "Energy cost per BTC",
                        Fmt.usd(s.bitcoin().energyCostPerBtcUsd()),
                        "electricity only; see below"),
                new HtmlWriter.KeyFigure("Miner uptime", Fmt.pct(s.bitcoin().minerUptimeFraction()), "energy-weighted"),
                new HtmlWriter.KeyFigure(
                        "Mean real-time price",
                        Fmt.num(s.averages().averagePriceUsdPerMwh(), 2) + " $/MWh",
                        "dispatched hours"),
                new HtmlWriter.KeyFigure(
                        "Intervals dispatched",
                        dispatched + " of " + s.intervals(),
                        s.missingIntervals() + " skipped for missing data")));
        if (dispatched == 0) {
            w.paragraph("No interval could be dispatched: every interval lacks a price, Bitcoin data or a generation"
                    + " value (see Missing intervals). All totals are zero and no charts were drawn.");
            return;
        }
        w.paragraph("Over " + DispatchCharts.periodLabel(ctx.result().ledger().grid()) + ", the " + s.policy()
                + " policy ran the site's loads interval by interval against the real-time price at "
                + ctx.site().grid().settlementPoint() + ". The site earned " + Fmt.usd(revenue) + " in revenue, paid "
                + Fmt.usd(s.powerCostUsd()) + " for power and netted " + Fmt.usd(s.netUsd())
                + " before site opex (" + Fmt.usd(s.costs().netAfterOpexUsd()) + " after "
                + Fmt.usd(s.costs().siteOpexUsd())
                + " of opex). Depreciation, corporate overhead, finance costs and taxes are not deducted.");
    }

    private static void scenario(Context ctx, HtmlWriter w) {
        Scenario sc = ctx.scenario();
        Site site = sc.site();
        if (!sc.description().isBlank()) {
            w.paragraph(sc.description());
        }
        w.table(TextTable.builder("Run", "Item", "Value")
                .textColumn(1)
                .row("Scenario", sc.name())
                .row("Site", site.name())
                .row(
                        "Period (UTC)",
                        sc.period().startUtc() + " .. " + sc.period().endUtc() + " (end exclusive)")
                .row("Step", sc.period().step().toMinutes() + " min")
                .row("Energy prices", priceSourceLabel(sc.prices()))
                .row("Bitcoin data", bitcoinSourceLabel(sc.bitcoin()))
                .row("Firm load", Fmt.num(site.firmLoadMw(), 2) + " MW")
                .row("All loads at full power", Fmt.num(site.totalLoadMw(), 2) + " MW")
                .build());
        w.table(gridTable(site.grid()));
        if (!site.minerFleets().isEmpty()) {
            TextTable.Builder b = TextTable.builder(
                            "Miner fleets (curtailable)",
                            "Fleet",
                            "Model",
                            "Units",
                            "TH/s per unit",
                            "W per unit",
                            "J/TH",
                            "PUE",
                            "Pool fee",
                            "Fleet PH/s",
                            "Facility MW",
                            "Capex $/unit",
                            "Life years")
                    .textColumn(1);
            for (MinerFleet f : site.minerFleets()) {
                b.row(
                        f.name(),
                        f.model(),
                        Fmt.num(f.unitCount(), 0),
                        Fmt.num(f.unitHashrateThPerS(), 1),
                        Fmt.num(f.unitPowerW(), 0),
                        Fmt.num(f.efficiencyJPerTh(), 2),
                        Fmt.num(f.pue(), 2),
                        Fmt.pct(f.poolFeeFraction()),
                        Fmt.num(f.fleetHashrateThPerS() / 1000.0, 1),
                        Fmt.num(f.facilityPowerMw(), 2),
                        Fmt.usd(f.unitCapexUsd()),
                        Fmt.num(f.depreciationYears(), 1));
            }
            w.table(b.build());
        }
        if (!site.gpuClouds().isEmpty()) {
            TextTable.Builder b = TextTable.builder(
                            "GPU clouds",
                            "Cloud",
                            "GPU",
                            "GPUs",
                            "IT kW per GPU",
                            "PUE",
                            "$/GPU-hour",
                            "Utilisation",
                            "Firm",
                            "Facility MW",
                            "Revenue $/MWh")
                    .textColumn(1)
                    .textColumn(7);
            for (GpuCloud g : site.gpuClouds()) {
                b.row(
                        g.name(),
                        g.gpuModel(),
                        Fmt.num(g.gpuCount(), 0),
                        Fmt.num(g.itKwPerGpu(), 3),
                        Fmt.num(g.pue(), 2),
                        Fmt.num(g.priceUsdPerGpuHour(), 2),
                        Fmt.pct(g.utilizationFraction()),
                        g.firm() ? "firm" : "interruptible",
                        Fmt.num(g.facilityPowerMw(), 2),
                        Fmt.num(g.valueUsdPerMwh(), 0));
            }
            w.table(b.build());
        }
        if (!site.colocationLeases().isEmpty()) {
            TextTable.Builder b = TextTable.builder(
                            "Colocation leases (firm)",
                            "Lease",
                            "Tenant",
                            "Critical IT MW",
                            "$/kW-month",
                            "PUE",
                            "Load factor",
                            "Energy",
                            "Facility MW")
                    .textColumn(1)
                    .textColumn(6);
            for (ColocationLease c : site.colocationLeases()) {
                b.row(
                        c.name(),
                        c.tenant(),
                        Fmt.num(c.criticalItMw(), 2),
                        Fmt.num(c.priceUsdPerKwMonth(), 2),
                        Fmt.num(c.pue(), 2),
                        Fmt.pct(c.loadFactor()),
                        c.energyPassThrough() ? "passed through to tenant" : "included in rent",
                        Fmt.num(c.facilityPowerMw(), 2));
            }
            w.table(b.build());
        }
        if (!site.generators().isEmpty()) {
            TextTable.Builder b = TextTable.builder(
                            "On-site generation", "Generator", "Kind", "Nameplate MW", "Capacity-factor profile")
                    .textColumn(1)
                    .textColumn(3);
            for (Generator g : site.generators()) {
                b.row(
                        g.name(),
                        g.kind().name().toLowerCase(Locale.ROOT),
                        Fmt.num(g.nameplateMw(), 2),
                        profileLabel(g.profile()));
            }
            w.table(b.build());
        }
        site.ppa()
                .ifPresent(p -> w.table(TextTable.builder("Fixed-price PPA", "Item", "Value")
                        .row("Contracted block", Fmt.num(p.quantityMw(), 2) + " MW")
                        .row("Fixed price", Fmt.num(p.priceUsdPerMwh(), 2) + " $/MWh")
                        .note("Unused PPA energy is sold back at the real-time price (power credits).")
                        .build()));
        w.table(TextTable.builder("Site opex (besides energy)", "Item", "Value")
                .row("Fixed", Fmt.usd(site.opex().fixedUsdPerMonth()) + " per month")
                .row("Variable", Fmt.num(site.opex().variableUsdPerMwh(), 2) + " $/MWh consumed")
                .build());
    }

    private static TextTable gridTable(GridConnection g) {
        StringBuilder adders = new StringBuilder();
        for (TariffAdder a : g.tariffAdders()) {
            if (!adders.isEmpty()) {
                adders.append("; ");
            }
            adders.append(a.name()).append(' ').append(Fmt.num(a.usdPerMwh(), 2));
        }
        return TextTable.builder("Grid connection", "Item", "Value")
                .textColumn(1)
                .row("Settlement point", g.settlementPoint())
                .row("Import cap", Fmt.num(g.importCapMw(), 2) + " MW")
                .row("Export", g.exportAllowed() ? "allowed, up to " + Fmt.num(g.exportCapMw(), 2) + " MW" : "no")
                .row(
                        "Tariff adders",
                        (adders.isEmpty() ? "none" : adders + " $/MWh") + " (total "
                                + Fmt.num(g.totalAdderUsdPerMwh(), 2) + " $/MWh)")
                .build();
    }

    private static void results(Context ctx, HtmlWriter w) {
        DispatchSummary s = ctx.summary();
        w.table(SummaryTable.revenueStack(s));
        w.table(SummaryTable.loads(s));
        w.table(SummaryTable.energy(s));
        w.table(SummaryTable.bitcoin(s));
        w.table(SummaryTable.period(s));
        w.note("The numbers behind every table and chart are in intervals.csv (one row per interval) and"
                + " summary.json, next to this file.");
    }

    private static void charts(Context ctx, HtmlWriter w) {
        if (ctx.charts().isEmpty()) {
            w.paragraph(
                    ctx.result().ledger().dispatch().dispatchedCount() == 0
                            ? "No charts: no interval was dispatched."
                            : "Charts were not drawn for this report.");
            return;
        }
        for (ChartImage c : ctx.charts()) {
            w.figure(c);
        }
    }

    private static void costPerBtc(Context ctx, HtmlWriter w) {
        DispatchSummary s = ctx.summary();
        w.table(SummaryTable.costPerBtc(s));
        w.paragraph("Miners quote cost per bitcoin in different ways, and the three are far apart, so this report"
                + " keeps them separate and labelled:");
        w.definitions(List.of(
                new HtmlWriter.Term(
                        "Energy only (" + Fmt.usd(s.bitcoin().energyCostPerBtcUsd()) + ")",
                        "What the electricity the miners used cost, divided by the bitcoin they mined. Each MWh is"
                                + " costed at that interval's average cost of the energy the site consumed: imports"
                                + " at the real-time price plus adders, own solar or wind at what exporting it would"
                                + " have earned. PPA hedge gains or losses and sell-back credits are not netted in;"
                                + " they appear as their own lines in the revenue stack. This is the 'electricity"
                                + " cost per BTC' miners publish in monthly updates."),
                new HtmlWriter.Term(
                        "Cash cost (" + Fmt.usd(s.bitcoin().cashCostPerBtcUsd()) + ")",
                        "Energy plus the site's cash operating costs (staff, maintenance, security, insurance),"
                                + " with mining carrying its share of the site's energy use, divided by the bitcoin"
                                + " mined. Comparable to a 'direct cost to mine'."),
                new HtmlWriter.Term(
                        "All-in, fully loaded (" + Fmt.usd(s.bitcoin().allInCostPerBtcUsd()) + ")",
                        "Cash cost plus straight-line depreciation of the mining machines over the dispatched"
                                + " hours (purchase price per unit / useful life), divided by the bitcoin mined.")));
        w.note("None of the three includes corporate G&A, interest or taxes. A value of n/a means no bitcoin was"
                + " mined.");
    }

    private static void missing(Context ctx, HtmlWriter w) {
        DispatchSummary s = ctx.summary();
        w.paragraph("An interval is skipped when its price, its day's Bitcoin data or a generation profile value is"
                + " missing. Skipped intervals are never filled in: no load runs, no money is counted, and they are"
                + " empty (dispatched = false) in intervals.csv. This run skipped " + s.missingIntervals() + " of "
                + s.intervals() + " intervals: " + s.gaps().missingPriceIntervals() + " without a price, "
                + s.gaps().missingBitcoinIntervals() + " without Bitcoin data and "
                + s.gaps().missingGenerationIntervals()
                + " without a generation value (an interval can lack more than one).");
        List<GapRuns.Run> runs = GapRuns.of(ctx.result().ledger().dispatch(), ctx.inputs());
        if (runs.isEmpty()) {
            w.paragraph("No interval was skipped.");
            return;
        }
        TextTable.Builder b = TextTable.builder(
                "Gap runs (consecutive skipped intervals)",
                "From (UTC)",
                "To (UTC, exclusive)",
                "Intervals",
                "Hours",
                "Missing");
        b.textColumn(1).textColumn(4);
        double stepHours = ctx.result().ledger().grid().stepHours();
        for (int i = 0; i < Math.min(runs.size(), MAX_GAP_ROWS); i++) {
            GapRuns.Run r = runs.get(i);
            b.row(
                    TS.format(r.fromUtc().atOffset(ZoneOffset.UTC)),
                    TS.format(r.toUtc().atOffset(ZoneOffset.UTC)),
                    Integer.toString(r.intervals()),
                    Fmt.num(r.intervals() * stepHours, 2),
                    r.reasons().isEmpty() ? "see counts above" : String.join(", ", r.reasons()));
        }
        if (runs.size() > MAX_GAP_ROWS) {
            b.note((runs.size() - MAX_GAP_ROWS) + " more runs not listed; intervals.csv has every interval.");
        }
        b.note(runs.size() + " runs in all.");
        w.table(b.build());
    }

    private static void provenance(Context ctx, HtmlWriter w) {
        Scenario sc = ctx.scenario();
        List<String> sources = new ArrayList<>();
        sources.add(priceProvenance(sc, sc.prices(), sc.site().grid().settlementPoint()));
        sources.add(bitcoinProvenance(sc.bitcoin()));
        for (Generator g : sc.site().generators()) {
            sources.add("Generation profile of " + g.name() + ": " + profileLabel(g.profile()) + ".");
        }
        sources.add("Site and asset parameters: the scenario file (" + sc.name() + "); where it cites sources for its"
                + " defaults, they are in its description and in docs/SCENARIO.md.");
        w.bullets(sources);
        w.heading("Time and gaps");
        io.minerai.core.market.pack.MarketPack pack = io.minerai.core.market.pack.MarketPacks.find(
                        sc.market().pack())
                .orElse(io.minerai.core.market.pack.MarketPacks.GENERIC);
        w.paragraph("All times in this report, the CSV and the charts are UTC. " + clockSentence(pack)
                + " The importer converts each published stamp to the UTC start of its interval once, when the data is"
                + " read. Prices are then put on the run's grid of "
                + sc.period().step().toMinutes() + "-minute"
                + " intervals: a coarser value repeats over the finer intervals it covers, finer values are averaged"
                + " over each interval, and an interval is missing if any part of it is missing. Bitcoin data is daily"
                + " by UTC calendar day; every interval takes the hashprice of the UTC day its start falls in. Nothing"
                + " is interpolated or filled in: an interval that lacks any input is skipped and listed under Missing"
                + " intervals.");
        if (!pack.inUsd()) {
            w.paragraph("The " + pack.name() + " publishes prices in "
                    + pack.currency().getCurrencyCode()
                    + "; every amount in this report is in USD, converted interval by interval at "
                    + ctx.summary().run().fxSource() + ". The power cost in "
                    + pack.currency().getCurrencyCode() + " is in the revenue stack's notes.");
        }
    }

    /** How the site's market stamps time, in a sentence. */
    static String clockSentence(io.minerai.core.market.pack.MarketPack pack) {
        return switch (pack.id()) {
            case "ercot" ->
                "ERCOT publishes prices by operating day and hour ending (or interval ending) in Central Prevailing"
                        + " Time, which follows daylight saving (CST, UTC-6, in winter; CDT, UTC-5, in summer): hour"
                        + " ending 01:00 of a winter day starts at 06:00 UTC.";
            case "nem" ->
                "AEMO stamps each 5-minute interval with its end in NEM time (AEST, UTC+10, no daylight saving):"
                        + " SETTLEMENTDATE 2025/01/01 00:05 is the interval from 14:00 to 14:05 UTC on 31 December"
                        + " 2024.";
            case "pjm" ->
                "PJM's Data Miner stamps each hour with its beginning, in UTC and in Eastern Prevailing Time (EST,"
                        + " UTC-5, in winter; EDT, UTC-4, in summer).";
            case "eu-day-ahead" ->
                "The day-ahead data is stamped with the UTC start of each market time unit (60 minutes before"
                        + " 2025-10-01, 15 minutes from then); delivery days are CET/CEST days.";
            default ->
                "The price file declared its own zone and interval convention (" + pack.clock() + " unless the"
                        + " scenario's market section says otherwise).";
        };
    }

    private static void method(Context ctx, HtmlWriter w) {
        String policy = ctx.summary().policy();
        if (policy.equals(MeritOrderPolicy.NAME)) {
            w.paragraph("The merit-order policy decides each interval on its own, with no foresight, by these rules:");
            w.numbered(List.of(
                    "Firm loads run first, always: colocation leases and firm GPU cloud contracts draw their full"
                            + " power in every interval, whatever the price.",
                    "Every curtailable load has a value per MWh it draws at the meter. For a miner fleet that is"
                            + " the day's hashprice times its hashrate, after the pool fee, divided by the energy it"
                            + " uses (machine power times PUE). For an interruptible GPU cloud it is the rental price"
                            + " times utilisation divided by the facility energy per GPU-hour.",
                    "Curtailable loads are ranked by value per MWh, highest first. Each runs while its value is"
                            + " strictly above the cost of the energy it would use, and stops at the import cap; the"
                            + " last one to fit may run partially.",
                    "Energy comes from the cheapest source left. Each interval the sources are sorted by cost: own"
                            + " generation that could not be exported (free), own generation that could be exported"
                            + " (worth the real-time price, or nothing when the price is negative), and imports up to"
                            + " the import cap at the real-time price plus tariff adders.",
                    "Own generation that no load uses is exported up to the export cap when export is allowed and the"
                            + " price is not negative; the rest is spilled.",
                    "A fixed-price PPA does not change these decisions: the site pays its block at the fixed price"
                            + " every interval, buys energy beyond the block at the real-time price, and sells the"
                            + " unused part of the block back at the real-time price (power credits).",
                    "Intervals missing a price, Bitcoin data or a generation value are skipped, counted and listed."));
        } else {
            w.paragraph("This result was decided by the '" + policy + "' policy; its own documentation describes how."
                    + " Money is settled the same way for every policy, as below.");
        }
        w.heading("Settlement");
        w.bullets(List.of(
                "Mining: BTC = running fraction x fleet hashrate x BTC per TH/s per day x (1 - pool fee) x interval"
                        + " hours / 24, valued at that UTC day's BTC price.",
                "AI cloud: running fraction x GPUs x $/GPU-hour x utilisation x interval hours.",
                "Colocation: rent accrues hour by hour within each UTC month (critical IT kW x $/kW-month / hours"
                        + " in the month); tenants with energy pass-through also reimburse their energy at cost.",
                "Power cost: imports x (real-time price + adders); with a PPA, the fixed payment for the block plus"
                        + " imports beyond the block at the real-time price plus adders on all imports.",
                "Export and PPA sell-back: energy x real-time price.",
                "Net = all revenues - power cost. Site opex, depreciation, overhead, finance costs and taxes are"
                        + " not in net; opex is shown separately."));
    }

    // ----------------------------------------------------------------------------------------------------------------

    static String priceSourceLabel(PriceSource p) {
        return switch (p) {
            case PriceSource.ErcotBundled e -> "ERCOT " + e.market() + " prices (bundled, hourly)";
            case PriceSource.ErcotSppCsv e -> "ERCOT 15-minute settlement point price file " + e.path();
            case PriceSource.Csv c -> "CSV " + c.path() + " (columns " + c.timeColumn() + ", " + c.valueColumn() + ")";
            case PriceSource.Market m -> "the market section's prices (market.data.prices)";
        };
    }

    static String bitcoinSourceLabel(BitcoinSource b) {
        return switch (b) {
            case BitcoinSource.CoinMetricsBundled c -> "Coin Metrics community data (bundled, daily)";
            case BitcoinSource.CoinMetricsCsv c -> "CSV in Coin Metrics layout " + c.path();
        };
    }

    static String profileLabel(ProfileSource p) {
        return switch (p) {
            case ProfileSource.ErcotFuelShape f ->
                "shape of ERCOT-wide " + f.fuel() + " output from ERCOT's"
                        + " 15-minute fuel mix report" + (f.year() == 0 ? "" : " of " + f.year())
                        + ", normalised by its 30-day maximum, peak capacity factor "
                        + Fmt.num(f.peakCapacityFactor(), 2);
            case ProfileSource.Csv c -> "CSV " + c.path() + " (columns " + c.timeColumn() + ", " + c.column() + ")";
            case ProfileSource.Constant c -> "constant capacity factor " + Fmt.num(c.capacityFactor(), 2);
        };
    }

    private static String priceProvenance(Scenario sc, PriceSource p, String settlementPoint) {
        return switch (p) {
            case PriceSource.ErcotBundled e ->
                "Energy prices: ERCOT (Electric Reliability Council of Texas) public"
                        + " market data, " + (e.market().equalsIgnoreCase("DAM") ? "day-ahead" : "real-time")
                        + " settlement point prices at " + settlementPoint
                        + ". The bundled hourly real-time price is the"
                        + " mean of ERCOT's four 15-minute settlement point prices of the hour. Extracted from a public"
                        + " GitHub copy of ERCOT reports (docs/DATA.md and the bundled SOURCE.md give the exact"
                        + " origin and commit); ERCOT's website terms apply: data for informational purposes,"
                        + " without warranty.";
            case PriceSource.ErcotSppCsv e ->
                "Energy prices: the user's ERCOT settlement point price report " + e.path()
                        + " (15-minute, NP6-905-CD columns), filtered to " + settlementPoint + ".";
            case PriceSource.Csv c ->
                "Energy prices: the user's CSV " + c.path() + ", column " + c.valueColumn()
                        + " ($/MWh), timestamps in column " + c.timeColumn() + ".";
            case PriceSource.Market m ->
                "Energy prices: "
                        + sc.market()
                                .data()
                                .prices()
                                .map(DispatchSections::dataSourceLabel)
                                .orElse("-")
                        + " (market pack " + sc.market().pack()
                        + sc.market().node().map(n -> ", node " + n).orElse("")
                        + "; docs/DATA.md gives each bundled dataset's origin and attribution).";
        };
    }

    private static String dataSourceLabel(io.minerai.core.market.MarketDataSource src) {
        return switch (src) {
            case io.minerai.core.market.MarketDataSource.Bundled b -> "the bundled dataset " + b.dataset();
            case io.minerai.core.market.MarketDataSource.PublisherFile f ->
                "the user's file " + f.path() + " in the publisher's format " + f.format();
            case io.minerai.core.market.MarketDataSource.Csv c ->
                "the user's CSV " + c.path() + ", column " + c.valueColumn() + " ("
                        + c.currency().orElse("-")
                        + "), timestamps in column " + c.timeColumn() + " (" + c.zone() + ", interval-" + c.convention()
                        + ")";
        };
    }

    private static String bitcoinProvenance(BitcoinSource b) {
        return switch (b) {
            case BitcoinSource.CoinMetricsBundled c ->
                "Bitcoin network data (daily BTC price, hashrate, block"
                        + " subsidy and fees): Coin Metrics Community Network Data, by Coin Metrics, Inc., from the"
                        + " coinmetrics/data repository (csv/btc.csv), licensed under Creative Commons"
                        + " Attribution-NonCommercial 4.0 International (CC BY-NC 4.0,"
                        + " creativecommons.org/licenses/by-nc/4.0). Not for commercial use without Coin Metrics'"
                        + " permission. Hashprice = (subsidy + fees that day) x BTC price / network hashrate; the price is"
                        + " Coin Metrics' close of the UTC day.";
            case BitcoinSource.CoinMetricsCsv c ->
                "Bitcoin network data: the user's CSV " + c.path()
                        + " in Coin Metrics' column layout. If it comes from Coin Metrics, its CC BY-NC 4.0 licence and"
                        + " attribution apply.";
        };
    }
}
