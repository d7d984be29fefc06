package io.minerai.core.scenario;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.minerai.core.site.ColocationLease;
import io.minerai.core.site.Generator;
import io.minerai.core.site.GpuCloud;
import io.minerai.core.site.MinerFleet;
import io.minerai.core.site.Site;
import io.minerai.core.time.TimeGrid;
import io.minerai.core.validation.Problem;
import io.minerai.core.validation.Problems;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Rules that span several fields of a scenario (the per-field rules live in {@link ScenarioSchema}). Reports every
 * violation with its path.
 */
public final class ScenarioValidator {
    /** Longest run accepted: ten years of 5-minute intervals. */
    public static final int MAX_INTERVALS = 10 * 366 * 288;

    private static final ObjectMapper TREE = new ObjectMapper();

    private ScenarioValidator() {}

    /**
     * Every warning of a valid scenario, however it was made (a file, the API, period overrides): fields outside their
     * usual range ({@link FieldSpec#usualText()}, checked on the scenario as the file format writes it, so the paths
     * are the file's) and the cross-field ones of {@link #validate}, e.g. a fleet far larger than the site can power.
     */
    public static List<Problem> warnings(Scenario s) {
        Problems fields = new Problems();
        ScenarioReader.bind(TREE.valueToTree(ScenarioWriter.toMap(s)), fields);
        List<Problem> out = new ArrayList<>(fields.warnings());
        out.addAll(validate(s).warnings());
        return List.copyOf(out);
    }

    /** Problems (errors) and warnings of the rules that span fields. */
    public static Problems validate(Scenario s) {
        Problems p = new Problems();
        period(s.period(), p);
        site(s.site(), p);
        sustainability(s, p);
        markets(s, p);
        MarketValidator.validate(s, p);
        optimize(s, p);
        return p;
    }

    private static void markets(Scenario s, Problems p) {
        s.markets().ancillary().ifPresent(a -> {
            if (a.products().isEmpty()) {
                p.add(
                        "markets.ancillary",
                        "offers no product: set offerRrs, offerEcrs, offerNonSpin or offerRegUp to true, or name otherProducts");
            }
        });
        s.markets().coincidentPeak().ifPresent(c -> {
            if (c.peaks() instanceof CoincidentPeakProgram.PeakSource.ErcotFuelMix e
                    && e.year() != 0
                    && e.year() != 2023
                    && e.year() != 2024) {
                p.add(
                        "markets.coincidentPeak.peakSource.year",
                        "bundled fuel mix covers 2023 and 2024, was " + e.year());
            }
        });
    }

    private static void optimize(Scenario s, Problems p) {
        OptimizeSettings o = s.optimize();
        if (o.commitHours() > o.windowHours()) {
            p.add(
                    "optimize.commitHours",
                    "is " + o.commitHours() + " h, longer than the look-ahead windowHours " + o.windowHours() + " h");
        }
        java.util.Set<String> fleets = new java.util.HashSet<>();
        s.site().minerFleets().forEach(f -> fleets.add(f.name()));
        for (int i = 0; i < o.fleetControls().size(); i++) {
            OptimizeSettings.FleetControl c = o.fleetControls().get(i);
            String path = "optimize.fleetControls[" + i + "]";
            if (!fleets.contains(c.fleet())) {
                p.add(path + ".fleet", "no miner fleet named '" + c.fleet() + "'; fleets are " + fleets);
            }
            if ((c.minOnIntervals() > 1 || c.minOffIntervals() > 1) && c.blockCount() == 0) {
                p.add(path, "minimum on/off times need blockCount > 0 (machines are switched in blocks)");
            }
        }
        Duration step = s.period().step();
        for (int i = 0; i < o.gpuJobs().size(); i++) {
            OptimizeSettings.GpuJob j = o.gpuJobs().get(i);
            String path = "optimize.gpuJobs[" + i + "]";
            if ((j.energyMwh() > 0) == (j.gpuHours() > 0)) {
                p.add(path, "give exactly one of energyMwh or gpuHours (> 0)");
            }
            if (j.gpuHours() > 0 && j.facilityKwPerGpu() <= 0) {
                p.add(path + ".facilityKwPerGpu", "must be > 0 kW to convert gpuHours to energy");
            }
            if (!j.deadlineUtc().isAfter(j.windowStartUtc())) {
                p.add(
                        path + ".deadline",
                        "must be after windowStart (" + j.windowStartUtc() + "), was " + j.deadlineUtc());
                continue;
            }
            java.time.Instant from = j.windowStartUtc().isAfter(s.period().startUtc())
                    ? j.windowStartUtc()
                    : s.period().startUtc();
            java.time.Instant to = j.deadlineUtc().isBefore(s.period().endUtc())
                    ? j.deadlineUtc()
                    : s.period().endUtc();
            double hours = Math.max(0, Duration.between(from, to).toSeconds()) / 3600.0;
            // whole intervals only: a job runs in intervals that lie inside its window
            hours = Math.floor(hours * 3600.0 / step.toSeconds()) * step.toSeconds() / 3600.0;
            double need = j.requiredEnergyMwh();
            if (j.required() && need > j.maxPowerMw() * hours + 1e-9) {
                p.add(
                        path,
                        String.format(
                                Locale.ROOT,
                                "'%s' needs %.3f MWh but at most %.3f MWh fit in its window within the period (%.2f MW x"
                                        + " %.2f h)",
                                j.name(),
                                need,
                                j.maxPowerMw() * hours,
                                j.maxPowerMw(),
                                hours));
            }
        }
    }

    private static void sustainability(Scenario s, Problems p) {
        if (s.sustainability().gridFactors() instanceof SustainabilitySettings.GridFactorSource.ErcotFuelMix e
                && e.year() != 0
                && e.year() != 2023
                && e.year() != 2024) {
            p.add("sustainability.gridFactors.year", "bundled fuel mix covers 2023 and 2024, was " + e.year());
        }
        SustainabilitySettings.MarketInstruments m = s.sustainability().market();
        if (m.ppaConveysEacs() && s.site().ppa().isEmpty()) {
            p.add("sustainability.market.ppaConveysEacs", "is true but the site has no ppa");
        }
    }

    private static void period(Period period, Problems p) {
        if (period.startUtc().getNano() != 0 || period.endUtc().getNano() != 0) {
            p.add(
                    period.startUtc().getNano() != 0 ? "period.start" : "period.end",
                    "must be a whole second, was "
                            + (period.startUtc().getNano() != 0 ? period.startUtc() : period.endUtc()));
            return;
        }
        Duration step = period.step();
        if (step.compareTo(TimeGrid.MIN_STEP) < 0 || step.compareTo(TimeGrid.MAX_STEP) > 0) {
            p.add("period.step", "must be between 5m and 1d, was " + human(step));
            return;
        }
        if (step.toSeconds() % 60 != 0) {
            p.add("period.step", "must be a whole number of minutes, was " + human(step));
            return;
        }
        long span = Duration.between(period.startUtc(), period.endUtc()).toSeconds();
        if (span <= 0) {
            p.add("period.end", "must be after period.start (" + period.startUtc() + "), was " + period.endUtc());
            return;
        }
        if (span % step.toSeconds() != 0) {
            p.add(
                    "period.end",
                    "the period " + period.startUtc() + " .. " + period.endUtc() + " is not a whole number of "
                            + human(step) + " steps");
            return;
        }
        if (span / step.toSeconds() > MAX_INTERVALS) {
            p.add(
                    "period",
                    "has " + span / step.toSeconds() + " intervals; at most " + MAX_INTERVALS + " are supported");
        }
    }

    private static void site(Site site, Problems p) {
        Map<String, String> seen = new HashMap<>();
        for (int i = 0; i < site.minerFleets().size(); i++) {
            unique(seen, site.minerFleets().get(i).name(), "site.minerFleets[" + i + "]", p);
        }
        for (int i = 0; i < site.gpuClouds().size(); i++) {
            unique(seen, site.gpuClouds().get(i).name(), "site.gpuClouds[" + i + "]", p);
        }
        for (int i = 0; i < site.colocationLeases().size(); i++) {
            unique(seen, site.colocationLeases().get(i).name(), "site.colocationLeases[" + i + "]", p);
        }
        for (int i = 0; i < site.generators().size(); i++) {
            unique(seen, site.generators().get(i).name(), "site.generators[" + i + "]", p);
        }
        if (site.loads().isEmpty()) {
            p.add("site", "has no loads: add at least one of minerFleets, gpuClouds, colocationLeases");
        }
        var grid = site.grid();
        if (!grid.exportAllowed() && grid.exportCapMw() > 0) {
            p.add(
                    "site.grid.exportCapMw",
                    "is " + grid.exportCapMw() + " MW but exportAllowed is false;"
                            + " set exportAllowed: true or remove the cap");
        }
        double firm = 0;
        StringBuilder parts = new StringBuilder();
        for (GpuCloud g : site.gpuClouds()) {
            if (g.firm()) {
                firm += g.peakFacilityPowerMw();
                parts.append(String.format(Locale.ROOT, " '%s' %.2f MW", g.name(), g.peakFacilityPowerMw()));
            } else if (g.contract().present()) {
                double mw = g.pueCurve().isPresent()
                        ? g.contract().contractedFraction() * g.peakFacilityPowerMw()
                        : g.contractedMw();
                firm += mw;
                parts.append(String.format(Locale.ROOT, " '%s' contracted %.2f MW", g.name(), mw));
            }
        }
        for (ColocationLease c : site.colocationLeases()) {
            firm += c.peakFacilityPowerMw();
            parts.append(String.format(Locale.ROOT, " '%s' %.2f MW", c.name(), c.peakFacilityPowerMw()));
        }
        if (firm > grid.importCapMw() + 1e-9) {
            p.add(
                    "site.grid.importCapMw",
                    String.format(
                            Locale.ROOT,
                            "firm loads need %.2f MW (%s ) but the import cap is %.2f MW; on-site generation cannot be relied"
                                    + " on to serve firm loads",
                            firm,
                            parts.toString().trim().isEmpty() ? "" : parts,
                            grid.importCapMw()));
        }
        oversized(site, p);
        ambient(site, p);
        for (int i = 0; i < site.minerFleets().size(); i++) {
            MinerFleet f = site.minerFleets().get(i);
            double jPerTh = f.unitHashrateThPerS() > 0 ? f.unitPowerW() / f.unitHashrateThPerS() : 0;
            if (f.unitHashrateThPerS() > 0 && (jPerTh < 5 || jPerTh > 500)) {
                p.add(
                        "site.minerFleets[" + i + "]",
                        String.format(
                                Locale.ROOT,
                                "efficiency %.1f J/TH (unitPowerW / unitHashrateThPerS) is outside 5..500 J/TH; check units"
                                        + " (unitPowerW in W, unitHashrateThPerS in TH/s)",
                                jPerTh));
            }
        }
        for (int i = 0; i < site.generators().size(); i++) {
            Generator g = site.generators().get(i);
            if (g.profile() instanceof io.minerai.core.site.ProfileSource.ErcotFuelShape e
                    && e.year() != 0
                    && e.year() != 2023
                    && e.year() != 2024) {
                p.add(
                        "site.generators[" + i + "].profile.year",
                        "bundled fuel mix covers 2023 and 2024, was " + e.year());
            }
        }
    }

    /**
     * A load whose PUE follows the ambient temperature needs the site's temperature source; a source no load uses is
     * worth a warning. (Firm loads are checked against the import cap at their curve's highest PUE above.)
     */
    private static void ambient(Site site, Problems p) {
        boolean any = false;
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < site.minerFleets().size(); i++) {
            paths.add("site.minerFleets[" + i + "]");
        }
        for (int i = 0; i < site.gpuClouds().size(); i++) {
            paths.add("site.gpuClouds[" + i + "]");
        }
        for (int i = 0; i < site.colocationLeases().size(); i++) {
            paths.add("site.colocationLeases[" + i + "]");
        }
        List<io.minerai.core.site.Load> loads = site.loads();
        for (int l = 0; l < loads.size(); l++) {
            if (loads.get(l).pueCurve().isEmpty()) {
                continue;
            }
            any = true;
            if (site.ambientTemperature().isEmpty()) {
                p.add(
                        paths.get(l) + ".pueCurve",
                        "the PUE follows the ambient temperature (pueCurve or pueFollowsAmbient) but the site has no"
                                + " ambientTemperature; add site.ambientTemperature (a CSV of temperatures in °C)");
            }
        }
        if (!any && site.ambientTemperature().isPresent()) {
            p.warn(
                    "site.ambientTemperature",
                    "no load's PUE follows it; set pueFollowsAmbient: true or a pueCurve on the loads it should"
                            + " affect");
        }
    }

    /** Loads past this multiple of what the grid and on-site generation can supply are worth a warning. */
    static final double OVERSIZE_FACTOR = 2;

    /**
     * Warns of loads far larger than the site could ever power (the import cap plus all on-site generation): possible
     * (the surplus simply never runs) but far more likely a slipped digit in a count or a unit.
     */
    private static void oversized(Site site, Problems p) {
        double supplyMw = site.grid().importCapMw();
        for (Generator g : site.generators()) {
            supplyMw += g.nameplateMw();
        }
        String supply = String.format(
                Locale.ROOT,
                "the import cap (%s MW) and on-site generation (%s MW) can supply",
                FieldSpec.fmt(site.grid().importCapMw()),
                FieldSpec.fmt(supplyMw - site.grid().importCapMw()));
        boolean flagged = false;
        for (int i = 0; i < site.minerFleets().size(); i++) {
            MinerFleet f = site.minerFleets().get(i);
            flagged |= oversizedLoad(
                    "site.minerFleets[" + i + "]",
                    f.facilityPowerMw(),
                    supplyMw,
                    supply,
                    "unitCount and unitPowerW",
                    p);
        }
        for (int i = 0; i < site.gpuClouds().size(); i++) {
            GpuCloud g = site.gpuClouds().get(i);
            flagged |= oversizedLoad(
                    "site.gpuClouds[" + i + "]", g.facilityPowerMw(), supplyMw, supply, "gpuCount and itKwPerGpu", p);
        }
        double totalMw = site.totalLoadMw();
        if (!flagged && totalMw > OVERSIZE_FACTOR * supplyMw) {
            p.warn(
                    "site",
                    String.format(
                            Locale.ROOT,
                            "the loads draw %.1f MW at full power, %.0f times what %s; most of them can never run",
                            totalMw,
                            totalMw / supplyMw,
                            supply));
        }
    }

    private static boolean oversizedLoad(
            String path, double loadMw, double supplyMw, String supply, String fields, Problems p) {
        if (!(loadMw > OVERSIZE_FACTOR * supplyMw)) {
            return false;
        }
        p.warn(
                path,
                String.format(
                        Locale.ROOT,
                        "draws %.1f MW at full power, %.0f times what %s; most of it can never run (check %s)",
                        loadMw,
                        loadMw / supplyMw,
                        supply,
                        fields));
        return true;
    }

    private static void unique(Map<String, String> seen, String name, String path, Problems p) {
        String prev = seen.putIfAbsent(name, path);
        if (prev != null) {
            p.add(path + ".name", "duplicate asset name '" + name + "' (also " + prev + ")");
        }
    }

    private static String human(Duration d) {
        return d.toString().substring(2).toLowerCase(Locale.ROOT);
    }
}
