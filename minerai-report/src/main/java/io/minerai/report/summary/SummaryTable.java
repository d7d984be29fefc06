package io.minerai.report.summary;

import io.minerai.dispatch.DispatchSummary;
import io.minerai.dispatch.LoadClass;
import io.minerai.dispatch.LoadSummary;
import io.minerai.dispatch.ledger.Direction;
import java.util.List;
import java.util.Locale;

/**
 * The dispatch summary for people: period and missing intervals, energy, the revenue stack by stream, a per-load
 * table, and cost per BTC in its three definitions with a one-line note on each. {@link #render} gives plain text (the
 * CLI prints it); {@link #tables} gives the same content as {@link TextTable}s for the HTML report.
 */
public final class SummaryTable {
    /** One-line note on the energy-only cost per BTC. */
    public static final String ENERGY_ONLY_NOTE = "electricity the miners used / BTC mined";
    /** One-line note on the cash cost per BTC. */
    public static final String CASH_COST_NOTE =
            "electricity + site cash opex (staff, maintenance...) allocated to mining by energy share / BTC mined";
    /** One-line note on the all-in cost per BTC. */
    public static final String ALL_IN_NOTE =
            "cash cost + straight-line depreciation of the mining machines / BTC mined";

    private SummaryTable() {}

    /** Every table as aligned plain text, separated by blank lines. */
    public static String render(DispatchSummary s) {
        StringBuilder sb = new StringBuilder();
        for (TextTable t : tables(s)) {
            if (!sb.isEmpty()) {
                sb.append('\n');
            }
            sb.append(t.render());
        }
        return sb.toString();
    }

    /** Period, energy, revenue stack, loads, Bitcoin, cost per BTC, and compute delivered when the site has GPUs. */
    public static List<TextTable> tables(DispatchSummary s) {
        List<TextTable> out = new java.util.ArrayList<>(
                List.of(period(s), revenueStack(s), energy(s), loads(s), bitcoin(s), costPerBtc(s)));
        if (hasGpuSide(s)) {
            out.add(computeDelivered(s));
        }
        return out;
    }

    /** Whether the run had GPU clouds or GPU jobs. */
    public static boolean hasGpuSide(DispatchSummary s) {
        return s.gpu().gpuHoursDelivered() > 0
                || s.energy().aiCloudEnergyMwh() > 0
                || s.loads().stream().anyMatch(l -> l.loadClass() == io.minerai.dispatch.LoadClass.AI_CLOUD);
    }

    /** AI and mining output side by side: compute and GPU-hours per MWh and per dollar of power, BTC per MWh. */
    public static TextTable computeDelivered(DispatchSummary s) {
        DispatchSummary.GpuTotals g = s.gpu();
        DispatchSummary.BitcoinTotals b = s.bitcoin();
        String p = g.computePrecision();
        return TextTable.builder("Compute delivered", "Output", "Value", "Unit")
                .textColumn(2)
                .row("GPU-hours delivered", Fmt.num(g.gpuHoursDelivered(), 0), "GPU-h")
                .row("Compute delivered", Fmt.num(g.computeDeliveredExaflopHours(), 1), "EFLOP-h (" + p + ")")
                .row("GPU-hours per MWh", Fmt.num(g.gpuHoursPerMwh(), 1), "GPU-h per MWh drawn by the GPU side")
                .row("Compute per MWh", Fmt.num(g.exaflopHoursPerMwh(), 4), "EFLOP-h per MWh")
                .row("GPU-hours per dollar of power", Fmt.num(g.gpuHoursPerPowerCostUsd(), 3), "GPU-h per USD")
                .row("Compute per dollar of power", Fmt.num(g.exaflopHoursPerPowerCostUsd(), 5), "EFLOP-h per USD")
                .row("GPU revenue per GPU-hour", Fmt.usd(g.revenueUsdPerGpuHour()), "USD per GPU-h, after losses")
                .row("Energy per GPU-hour", Fmt.num(g.energyKwhPerGpuHour(), 3), "facility kWh per GPU-h")
                .row("BTC mined", Fmt.btc(b.btcMined()), "BTC after pool fees")
                .row("BTC per MWh", Fmt.num(g.btcPerMwh(), 6), "BTC per MWh drawn by miners")
                .note("Compute: dense throughput at each cap level, after checkpoint writes and work lost to pauses"
                        + " (docs/AI_COMPUTE.md). Per dollar: of the side's energy at each interval's average cost.")
                .build();
    }

    /** Policy, period, step and interval counts, with missing intervals by reason. */
    public static TextTable period(DispatchSummary s) {
        int dispatched = s.intervals() - s.missingIntervals();
        return TextTable.builder("Period", "Item", "Value")
                .textColumn(1)
                .row("Policy", s.policy())
                .row("Period (UTC)", s.run().startUtc() + " .. " + s.run().endUtc() + " (end exclusive)")
                .row("Step", s.run().stepMinutes() + " min")
                .row("Intervals in the grid", Integer.toString(s.intervals()))
                .row("Dispatched intervals", Integer.toString(dispatched))
                .row("Missing intervals (skipped)", Integer.toString(s.missingIntervals()))
                .row("Skipped: no price", Integer.toString(s.gaps().missingPriceIntervals()))
                .row("Skipped: no Bitcoin data", Integer.toString(s.gaps().missingBitcoinIntervals()))
                .row("Skipped: no generation value", Integer.toString(s.gaps().missingGenerationIntervals()))
                .note("An interval may miss more than one input, so the reasons can add up to more than the total.")
                .build();
    }

    /** Every stream of the run (revenues, then costs and charges), net, opex; with each line's share of revenue. */
    public static TextTable revenueStack(DispatchSummary s) {
        double revenue = totalRevenueUsd(s);
        TextTable.Builder b = TextTable.builder("Revenue stack", "Stream", "USD", "Share of revenue");
        for (DispatchSummary.StreamTotal st : s.streams()) {
            if (st.direction() == Direction.REVENUE) {
                b.row(st.stream().label(), Fmt.usd(st.totalUsd()), share(st.totalUsd(), revenue));
            }
        }
        b.totalRow("Total revenue", Fmt.usd(revenue), share(revenue, revenue));
        for (DispatchSummary.StreamTotal st : s.streams()) {
            if (st.direction() == Direction.COST) {
                b.row(costLabel(s, st), Fmt.usd(st.totalUsd()), share(st.totalUsd(), revenue));
            }
        }
        b.totalRow("Net before opex", Fmt.usd(s.netUsd()), share(s.netUsd(), revenue));
        b.row("Site opex", Fmt.usd(-s.costs().siteOpexUsd()), share(-s.costs().siteOpexUsd(), revenue));
        b.totalRow(
                "Net after opex",
                Fmt.usd(s.costs().netAfterOpexUsd()),
                share(s.costs().netAfterOpexUsd(), revenue));
        if (!"USD".equals(s.run().marketCurrency())) {
            for (DispatchSummary.StreamTotal st : s.streams()) {
                if (st.stream().program().equals("energy") && st.totalUsd() != 0) {
                    b.note(String.format(
                            Locale.ROOT,
                            "%s in %s: %s (market currency, converted at %s).",
                            st.stream().label(),
                            s.run().marketCurrency(),
                            Fmt.num(st.totalMarketCurrency(), 0),
                            s.run().fxSource()));
                }
            }
        }
        b.note("Net is before depreciation, corporate G&A, finance costs and taxes.");
        return b.build();
    }

    /** A cost stream's label, with its program's billed demand where it has one (e.g. a 4CP tag). */
    private static String costLabel(DispatchSummary s, DispatchSummary.StreamTotal st) {
        double billed = s.programFact(st.stream().program(), "billedMw");
        return Double.isNaN(billed)
                ? st.stream().label()
                : String.format(Locale.ROOT, "%s (billed %.1f MW)", st.stream().label(), billed);
    }

    /** Energy flows in MWh. */
    public static TextTable energy(DispatchSummary s) {
        return TextTable.builder("Energy", "Flow", "MWh")
                .row("Imported from the grid", Fmt.num(s.energy().energyImportedMwh(), 1))
                .row("Generated on site", Fmt.num(s.energy().energyGeneratedMwh(), 1))
                .row("Exported", Fmt.num(s.energy().energyExportedMwh(), 1))
                .row("Spilled (neither used nor exported)", Fmt.num(s.energy().energySpilledMwh(), 1))
                .row("Drawn by miners", Fmt.num(s.energy().minerEnergyMwh(), 1))
                .row("Drawn by AI cloud", Fmt.num(s.energy().aiCloudEnergyMwh(), 1))
                .row("Drawn by colocation", Fmt.num(s.energy().colocationEnergyMwh(), 1))
                .totalRow("Drawn by all loads", Fmt.num(s.energy().totalLoadEnergyMwh(), 1))
                .row("Miner energy curtailed", Fmt.num(s.bitcoin().minerCurtailedEnergyMwh(), 1))
                .row("PPA energy sold back", Fmt.num(s.energy().ppaEnergySoldBackMwh(), 1))
                .build();
    }

    /** One row per load. */
    public static TextTable loads(DispatchSummary s) {
        TextTable.Builder b = TextTable.builder(
                        "Loads",
                        "Load",
                        "Class",
                        "Firm",
                        "Max MW",
                        "Energy MWh",
                        "Uptime",
                        "Revenue USD",
                        "Energy cost USD",
                        "Margin USD",
                        "BTC")
                .textColumn(1)
                .textColumn(2);
        for (LoadSummary l : s.loads()) {
            b.row(
                    l.name(),
                    className(l.loadClass()),
                    l.firm() ? "yes" : "no",
                    Fmt.num(l.maxPowerMw(), 2),
                    Fmt.num(l.energyMwh(), 1),
                    Fmt.pct(l.uptimeFraction()),
                    Fmt.usd(l.revenueUsd()),
                    Fmt.usd(l.energyCostUsd()),
                    Fmt.usd(l.revenueUsd() - l.energyCostUsd()),
                    l.loadClass() == LoadClass.MINING ? Fmt.btc(l.btcMined()) : "-");
        }
        if (s.loads().isEmpty()) {
            b.note("The site has no loads.");
        }
        b.note("Uptime = energy drawn / energy at full power over the dispatched intervals. Energy cost is the load's"
                + " share of the interval's average energy cost.");
        return b.build();
    }

    /** BTC mined, uptime and mean prices. */
    public static TextTable bitcoin(DispatchSummary s) {
        return TextTable.builder("Bitcoin mining and prices", "Item", "Value")
                .row("BTC mined (after pool fees)", Fmt.btc(s.btcMined()) + " BTC")
                .row("Miner uptime (energy-weighted)", Fmt.pct(s.bitcoin().minerUptimeFraction()))
                .row("Miners' energy cost", Fmt.usd(s.bitcoin().minerEnergyCostUsd()))
                .row("Mining opex (allocated)", Fmt.usd(s.bitcoin().miningOpexUsd()))
                .row("Miner depreciation", Fmt.usd(s.bitcoin().minerDepreciationUsd()))
                .row("Mean real-time price", Fmt.num(s.averages().averagePriceUsdPerMwh(), 2) + " $/MWh")
                .row("Mean hashprice", Fmt.num(s.averages().averageHashpriceUsdPerPhDay(), 2) + " $/PH/day")
                .note("Means are time-weighted over the dispatched intervals.")
                .build();
    }

    /** The three definitions of cost per BTC, each with its one-line note. */
    public static TextTable costPerBtc(DispatchSummary s) {
        return TextTable.builder("Cost per BTC mined", "Definition", "USD per BTC", "What it counts")
                .textColumn(2)
                .row("Energy only", Fmt.usd(s.bitcoin().energyCostPerBtcUsd()), ENERGY_ONLY_NOTE)
                .row("Cash cost", Fmt.usd(s.bitcoin().cashCostPerBtcUsd()), CASH_COST_NOTE)
                .row("All-in (fully loaded)", Fmt.usd(s.bitcoin().allInCostPerBtcUsd()), ALL_IN_NOTE)
                .note("None includes corporate G&A or finance costs. n/a = no BTC mined.")
                .build();
    }

    /** Sum of every revenue stream. */
    public static double totalRevenueUsd(DispatchSummary s) {
        double r = 0;
        for (DispatchSummary.StreamTotal st : s.streams()) {
            if (st.direction() == Direction.REVENUE) {
                r += st.totalUsd();
            }
        }
        return r;
    }

    /** Display name of a load class. */
    public static String className(LoadClass c) {
        return switch (c) {
            case MINING -> "Mining";
            case AI_CLOUD -> "AI cloud";
            case COLOCATION -> "Colocation";
        };
    }

    private static String share(double part, double whole) {
        return whole > 0 ? Fmt.pct(part / whole) : Fmt.NA;
    }
}
