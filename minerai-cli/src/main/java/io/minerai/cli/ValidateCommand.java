package io.minerai.cli;

import io.minerai.core.inputs.ScenarioInputs;
import io.minerai.core.scenario.CoincidentPeakProgram;
import io.minerai.core.scenario.Scenario;
import io.minerai.core.site.ColocationLease;
import io.minerai.core.site.Generator;
import io.minerai.core.site.GpuCloud;
import io.minerai.core.site.MinerFleet;
import io.minerai.core.site.Site;
import io.minerai.core.time.TimeSeries;
import io.minerai.core.validation.Problem;
import io.minerai.dispatch.program.CoincidentPeaks;
import io.minerai.dispatch.program.MarketTerms;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Validates a scenario and its data references, and shows what was understood. */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description = {
            "Check a scenario file and the data it points to. Prints every problem with its path (exit code 2), or"
                    + " what was understood: warnings about unusual values, assets with their power and value per MWh,"
                    + " the period, and the data's coverage and gaps."
        })
final class ValidateCommand implements Callable<Integer> {
    @Spec
    @SuppressWarnings("NullAway.Init")
    CommandSpec spec;

    @Mixin
    ScenarioOptions scenario = new ScenarioOptions();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Scenario s = scenario.loadSilently();
        ScenarioInputs inputs = scenario.resolveInputs(s);
        // the market programs' own data (4CP system load) is checked too, as a run would
        MarketTerms mt = MarketTerms.of(s, inputs);
        Site site = s.site();
        List<Problem> warnings = scenario.warnings();
        if (warnings.isEmpty()) {
            out.printf(Locale.ROOT, "%s is valid.%n%n", scenario.label());
        } else {
            out.printf(
                    Locale.ROOT,
                    "%s is valid, with %d warning%s (accepted, but check %s):%n",
                    scenario.label(),
                    warnings.size(),
                    warnings.size() == 1 ? "" : "s",
                    warnings.size() == 1 ? "it" : "them");
            for (Problem w : warnings) {
                out.printf(Locale.ROOT, "  - %s%n", w);
            }
            out.println();
        }
        out.printf(Locale.ROOT, "Scenario  %s%n", s.name());
        out.printf(
                Locale.ROOT,
                "Period    %s .. %s, step %s, %d intervals%n",
                s.period().startUtc(),
                s.period().endUtc(),
                s.period().step(),
                inputs.grid().count());
        out.printf(
                Locale.ROOT,
                "Site      %s at %s: import cap %.1f MW, export %s%n",
                site.name(),
                site.grid().settlementPoint(),
                site.grid().importCapMw(),
                site.grid().exportAllowed()
                        ? String.format(
                                Locale.ROOT, "up to %.1f MW", site.grid().exportCapMw())
                        : "not allowed");
        double meanHash = inputs.hashpriceUsdPerThDay().meanPresent();
        for (MinerFleet f : site.minerFleets()) {
            out.printf(
                    Locale.ROOT,
                    "  miner fleet  %-14s %-22s %8.2f MW  %5.1f J/TH  %8.2f EH/s  ~$%.0f/MWh at the period's"
                            + " mean hashprice%n",
                    f.name(),
                    f.model(),
                    f.facilityPowerMw(),
                    f.efficiencyJPerTh(),
                    f.fleetHashrateThPerS() / 1e6,
                    Double.isNaN(meanHash) ? Double.NaN : f.valueUsdPerMwh(meanHash));
        }
        for (GpuCloud g : site.gpuClouds()) {
            out.printf(
                    Locale.ROOT,
                    "  GPU cloud    %-14s %-22s %8.2f MW  %s, $%.0f/MWh%n",
                    g.name(),
                    g.gpuCount() + " x " + g.gpuModel(),
                    g.facilityPowerMw(),
                    g.firm() ? "firm" : "interruptible",
                    g.valueUsdPerMwh());
        }
        for (ColocationLease c : site.colocationLeases()) {
            out.printf(
                    Locale.ROOT,
                    "  colocation   %-14s %-22s %8.2f MW  firm, %.1f MW IT at $%.2f/kW-month%n",
                    c.name(),
                    c.tenant(),
                    c.facilityPowerMw(),
                    c.criticalItMw(),
                    c.priceUsdPerKwMonth());
        }
        for (Generator g : site.generators()) {
            out.printf(
                    Locale.ROOT,
                    "  generator    %-14s %-22s %8.2f MW  nameplate%n",
                    g.name(),
                    g.kind().name().toLowerCase(Locale.ROOT),
                    g.nameplateMw());
        }
        site.ppa()
                .ifPresent(p -> out.printf(
                        Locale.ROOT, "  PPA          %.1f MW at $%.2f/MWh%n", p.quantityMw(), p.priceUsdPerMwh()));
        for (io.minerai.core.site.Load l : site.loads()) {
            l.pueCurve()
                    .ifPresent(c -> out.printf(
                            Locale.ROOT,
                            "  PUE of %-14s %s cooling, follows the ambient temperature: %s%n",
                            l.name(),
                            l.cooling().id(),
                            pueCurveText(c)));
        }
        out.printf(Locale.ROOT, "  firm load %.2f MW, all loads %.2f MW%n%n", site.firmLoadMw(), site.totalLoadMw());
        for (Map.Entry<String, CoincidentPeaks> e : mt.peaks().entrySet()) {
            CoincidentPeaks p = e.getValue();
            String found = p.peaksText().isEmpty()
                    ? "none (no interval in the program's months)"
                    : String.join(", ", p.peaksText());
            Optional<CoincidentPeakProgram> cp = s.markets().coincidentPeak();
            if (cp.isPresent() && e.getKey().startsWith("ercot-")) {
                out.printf(
                        Locale.ROOT,
                        "%-9s $%.2f/kW-year, %s rule; system peaks in the period (UTC, %s): %s%n%n",
                        cp.get().variant() == CoincidentPeakProgram.Variant.TWELVE_CP ? "12CP" : "4CP",
                        cp.get().tariffUsdPerKwYear(),
                        cp.get().rule() instanceof CoincidentPeakProgram.PeakRule.Alert ? "peak-alert" : "hindsight",
                        cp.get().peaks() instanceof CoincidentPeakProgram.PeakSource.Csv c
                                ? "from " + c.path()
                                : "approximated from the bundled ERCOT fuel mix",
                        found);
            } else {
                out.printf(Locale.ROOT, "%-9s system peaks in the period (UTC): %s%n%n", e.getKey(), found);
            }
        }
        out.println("Data on the run's grid:");
        gaps(out, "real-time price", inputs.priceUsdPerMwh());
        gaps(out, "Bitcoin data", inputs.btcPerThDay());
        for (int k = 0; k < inputs.generatorCapacityFactor().size(); k++) {
            gaps(
                    out,
                    site.generators().get(k).name() + " profile",
                    inputs.generatorCapacityFactor().get(k));
        }
        inputs.ambientTemperatureC().ifPresent(t -> gaps(out, "ambient temperature", t));
        out.flush();
        return ExitCodes.OK;
    }

    private static String pueCurveText(io.minerai.core.ai.PueCurve c) {
        StringBuilder b = new StringBuilder();
        for (io.minerai.core.ai.PueCurve.Point q : c.points()) {
            b.append(b.isEmpty() ? "" : ", ")
                    .append(String.format(Locale.ROOT, "%.3g at %.3g °C", q.pue(), q.temperatureC()));
        }
        return b.toString();
    }

    private static void gaps(PrintWriter out, String what, TimeSeries s) {
        List<TimeSeries.Gap> gaps = s.gaps();
        out.printf(
                Locale.ROOT,
                "  %-22s %d of %d intervals present%s%n",
                what,
                s.presentCount(),
                s.size(),
                gaps.isEmpty() ? "" : ", " + gaps.size() + " gap(s):");
        int shown = 0;
        for (TimeSeries.Gap g : gaps) {
            if (shown++ == 8) {
                out.printf(Locale.ROOT, "      ... %d more%n", gaps.size() - 8);
                break;
            }
            out.printf(
                    Locale.ROOT,
                    "      %s .. %s (%d interval%s)%n",
                    g.fromUtc(),
                    g.toUtc(),
                    g.intervals(),
                    g.intervals() == 1 ? "" : "s");
        }
    }
}
