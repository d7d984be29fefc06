package io.minerai.core.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import io.minerai.core.ai.Cooling;
import io.minerai.core.ai.GpuContract;
import io.minerai.core.ai.GpuWorkload;
import io.minerai.core.ai.PowerCapCurve;
import io.minerai.core.ai.PowerCapping;
import io.minerai.core.ai.PueCurve;
import io.minerai.core.ai.PueCurves;
import io.minerai.core.site.AmbientTemperatureSource;
import io.minerai.core.site.ColocationLease;
import io.minerai.core.site.Generator;
import io.minerai.core.site.GeneratorKind;
import io.minerai.core.site.GpuCloud;
import io.minerai.core.site.GridConnection;
import io.minerai.core.site.MinerFleet;
import io.minerai.core.site.Ppa;
import io.minerai.core.site.ProfileSource;
import io.minerai.core.site.Site;
import io.minerai.core.site.SiteOpex;
import io.minerai.core.site.TariffAdder;
import io.minerai.core.validation.Problems;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a scenario from YAML or JSON text. Reports every problem of the file at once, each with its path, then runs
 * {@link ScenarioValidator} for the rules that span fields. Never returns a half-valid scenario.
 */
public final class ScenarioReader {
    private ScenarioReader() {}

    /** Reads a scenario file (.yaml, .yml or .json). */
    public static Scenario read(Path file) {
        return parse(DocumentText.readFile(file, "scenario"), "scenario " + file.getFileName());
    }

    /**
     * Parses YAML or JSON text (JSON is YAML).
     *
     * @param text file content
     * @param what how to name the input in the error
     */
    public static Scenario parse(String text, String what) {
        return fromTree(DocumentText.parseObject(text, what, "fields"), what);
    }

    /** Binds an already parsed tree. */
    public static Scenario fromTree(JsonNode root, String what) {
        Problems problems = new Problems();
        Optional<Scenario> bound = bind(root, problems);
        problems.throwIfAny(what);
        Scenario s = bound.orElseThrow();
        ScenarioValidator.validate(s).throwIfAny(what);
        return s;
    }

    /**
     * Binds a tree against the schema, every problem and warning of its fields into {@code problems}; empty when a
     * problem leaves a required part missing. The cross-field rules ({@link ScenarioValidator}) are not applied.
     */
    static Optional<Scenario> bind(JsonNode root, Problems problems) {
        FieldReader r = new FieldReader(root, "", ScenarioSchema.SCENARIO, problems);
        String name = r.string("name");
        String description = r.string("description");
        Optional<Period> period = r.object("period", ScenarioSchema.PERIOD, ScenarioReader::period);
        PriceSource prices = r.object("prices", ScenarioSchema.PRICES, ScenarioReader::prices)
                .orElse(new PriceSource.ErcotBundled("RTM"));
        BitcoinSource bitcoin = r.object("bitcoin", ScenarioSchema.BITCOIN, ScenarioReader::bitcoin)
                .orElse(new BitcoinSource.CoinMetricsBundled());
        Optional<Site> site = r.object("site", ScenarioSchema.SITE, ScenarioReader::site);
        SustainabilitySettings sustainability = r.object(
                        "sustainability", ScenarioSchema.SUSTAINABILITY, ScenarioReader::sustainability)
                .orElse(SustainabilitySettings.DEFAULT);
        MarketPrograms markets = r.object("markets", ScenarioSchema.MARKETS, ScenarioReader::markets)
                .orElse(MarketPrograms.NONE);
        OptimizeSettings optimize = r.object("optimize", ScenarioSchema.OPTIMIZE, ScenarioReader::optimize)
                .orElse(OptimizeSettings.DEFAULT);
        MarketSettings market = r.object("market", ScenarioSchema.MARKET, MarketSectionReader::market)
                .orElse(MarketSettings.inferred(prices, markets));
        io.minerai.core.ai.ComputePrecision precision = io.minerai.core.ai.ComputePrecision.parse(
                        r.enumValue("computePrecision"))
                .orElse(io.minerai.core.ai.ComputePrecision.BF16_DENSE); // other values: reported by the schema
        if (!problems.isEmpty() || period.isEmpty() || site.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Scenario(
                name,
                description,
                period.get(),
                prices,
                bitcoin,
                site.get(),
                sustainability,
                markets,
                optimize,
                market,
                precision));
    }

    private static MarketPrograms markets(FieldReader r, ObjectSpec spec) {
        Optional<CoincidentPeakProgram> cp =
                r.object("coincidentPeak", ScenarioSchema.COINCIDENT_PEAK, ScenarioReader::coincidentPeak);
        Optional<AncillaryProgram> anc =
                r.object("ancillary", ScenarioSchema.ANCILLARY, MarketSectionReader::ancillary);
        Optional<DemandReductionProgram> dr =
                r.object("demandReduction", ScenarioSchema.DEMAND_REDUCTION, MarketSectionReader::demandReduction);
        Optional<CapacityObligationProgram> cap = r.object(
                "capacityObligation", ScenarioSchema.CAPACITY_OBLIGATION, MarketSectionReader::capacityObligation);
        Optional<FlexibleComputeProgram> fc =
                r.object("flexibleCompute", ScenarioSchema.FLEXIBLE_COMPUTE, MarketSectionReader::flexibleCompute);
        return new MarketPrograms(cp, anc, dr, cap, fc);
    }

    private static CoincidentPeakProgram coincidentPeak(FieldReader r, ObjectSpec spec) {
        CoincidentPeakProgram.PeakSource source = r.object(
                        "peakSource", ScenarioSchema.PEAK_SOURCE, (p, s) -> switch (p.enumValue("source")) {
                            case "csv" ->
                                new CoincidentPeakProgram.PeakSource.Csv(
                                        p.string("path"), p.string("timeColumn"), p.string("loadColumn"));
                            default -> new CoincidentPeakProgram.PeakSource.ErcotFuelMix(p.integer("year"));
                        })
                .orElse(new CoincidentPeakProgram.PeakSource.ErcotFuelMix(0));
        String rule = r.enumValue("rule");
        double within = r.number("alertWithinFraction");
        return new CoincidentPeakProgram(
                r.number("tariffUsdPerKwYear"),
                source,
                "alert".equals(rule)
                        ? new CoincidentPeakProgram.PeakRule.Alert(within)
                        : new CoincidentPeakProgram.PeakRule.Hindsight(),
                "12cp".equals(r.enumValue("variant"))
                        ? CoincidentPeakProgram.Variant.TWELVE_CP
                        : CoincidentPeakProgram.Variant.FOUR_CP,
                r.number("minimumBillingMw"));
    }

    private static OptimizeSettings optimize(FieldReader r, ObjectSpec spec) {
        OptimizeSettings.ForecastMode mode = switch (r.enumValue("forecast")) {
            case "day-ahead" -> OptimizeSettings.ForecastMode.DAY_AHEAD;
            case "persistence" -> OptimizeSettings.ForecastMode.PERSISTENCE;
            default -> OptimizeSettings.ForecastMode.PERFECT;
        };
        List<OptimizeSettings.FleetControl> controls = r.list(
                "fleetControls",
                ScenarioSchema.FLEET_CONTROL,
                (c, s) -> new OptimizeSettings.FleetControl(
                        c.string("fleet"),
                        c.integer("blockCount"),
                        c.integer("minOnIntervals"),
                        c.integer("minOffIntervals"),
                        c.number("maxRestoreMwPerInterval")));
        List<OptimizeSettings.GpuJob> jobs = r.list(
                "gpuJobs",
                ScenarioSchema.GPU_JOB,
                (j, s) -> new OptimizeSettings.GpuJob(
                        j.string("name"),
                        j.number("maxPowerMw"),
                        j.number("energyMwh"),
                        j.number("gpuHours"),
                        j.number("facilityKwPerGpu"),
                        j.instant("windowStart"),
                        j.instant("deadline"),
                        j.number("valueUsdPerMwh"),
                        j.bool("required"),
                        j.string("gpuModel")));
        return new OptimizeSettings(
                mode, r.integer("windowHours"), r.integer("commitHours"), r.enumValue("solver"), controls, jobs);
    }

    private static Period period(FieldReader r, ObjectSpec spec) {
        return new Period(r.instant("start"), r.instant("end"), r.duration("step"));
    }

    private static PriceSource prices(FieldReader r, ObjectSpec spec) {
        return switch (r.enumValue("source")) {
            case "ercot-bundled" -> new PriceSource.ErcotBundled(r.enumValue("market"));
            case "ercot-spp-csv" -> new PriceSource.ErcotSppCsv(r.string("path"));
            case "market" -> new PriceSource.Market();
            default -> new PriceSource.Csv(r.string("path"), r.string("timeColumn"), r.string("valueColumn"));
        };
    }

    private static BitcoinSource bitcoin(FieldReader r, ObjectSpec spec) {
        return switch (r.enumValue("source")) {
            case "coinmetrics-csv" -> new BitcoinSource.CoinMetricsCsv(r.string("path"));
            default -> new BitcoinSource.CoinMetricsBundled();
        };
    }

    private static SustainabilitySettings sustainability(FieldReader r, ObjectSpec spec) {
        SustainabilitySettings d = SustainabilitySettings.DEFAULT;
        SustainabilitySettings.GridFactorSource factors = r.object(
                        "gridFactors", ScenarioSchema.GRID_FACTORS, ScenarioReader::gridFactors)
                .orElse(d.gridFactors());
        SustainabilitySettings.MarketInstruments market = r.object(
                        "market",
                        ScenarioSchema.MARKET_INSTRUMENTS,
                        (m, s) -> new SustainabilitySettings.MarketInstruments(
                                m.bool("ppaConveysEacs"),
                                m.number("ppaKgCo2ePerMwh"),
                                m.number("recsMwh"),
                                optionalNumber(m, "residualMixKgCo2ePerMwh")))
                .orElse(d.market());
        SustainabilitySettings.FlexibilityThresholds flex = r.object(
                        "flexibility",
                        ScenarioSchema.FLEXIBILITY_THRESHOLDS,
                        (m, s) -> new SustainabilitySettings.FlexibilityThresholds(
                                m.number("highPricePercentile"),
                                optionalNumber(m, "highPriceUsdPerMwh"),
                                m.number("highLoadPercentile")))
                .orElse(d.flexibility());
        return new SustainabilitySettings(factors, market, flex);
    }

    private static SustainabilitySettings.GridFactorSource gridFactors(FieldReader r, ObjectSpec spec) {
        return switch (r.enumValue("source")) {
            case "csv" ->
                new SustainabilitySettings.GridFactorSource.Csv(
                        r.string("path"), r.string("timeColumn"), r.string("valueColumn"));
            default ->
                new SustainabilitySettings.GridFactorSource.ErcotFuelMix(r.enumValue("factorSet"), r.integer("year"));
        };
    }

    private static Optional<Double> optionalNumber(FieldReader r, String name) {
        return r.has(name) ? Optional.of(r.number(name)) : Optional.empty();
    }

    private static Site site(FieldReader r, ObjectSpec spec) {
        String name = r.string("name");
        Optional<GridConnection> grid = r.object("grid", ScenarioSchema.GRID, ScenarioReader::grid);
        Optional<AmbientTemperatureSource> ambient =
                r.object("ambientTemperature", ScenarioSchema.AMBIENT_TEMPERATURE, ScenarioReader::ambientTemperature);
        Map<Cooling, PueCurve> siteCurves = new EnumMap<>(Cooling.class);
        List<Optional<Map.Entry<Cooling, PueCurve>>> curves =
                r.list("pueCurves", ScenarioSchema.SITE_PUE_CURVE, (c, s) -> {
                    Cooling kind = Cooling.parse(c.enumValue("cooling")).orElse(Cooling.AIR);
                    return curve(c, "points").map(pc -> Map.entry(kind, pc));
                });
        for (int i = 0; i < curves.size(); i++) {
            Optional<Map.Entry<Cooling, PueCurve>> e = curves.get(i);
            if (e.isPresent() && siteCurves.put(e.get().getKey(), e.get().getValue()) != null) {
                r.problems()
                        .add(
                                r.fieldPath("pueCurves") + "[" + i + "].cooling",
                                "a second curve for " + e.get().getKey().id() + "; give one per cooling kind");
            }
        }
        List<MinerFleet> fleets = r.list("minerFleets", ScenarioSchema.MINER_FLEET, (f, s) -> {
            Cooling cooling = Cooling.parse(f.enumValue("cooling")).orElse(Cooling.AIR);
            return minerFleet(f, s).withCooling(cooling, pueCurve(f, cooling, siteCurves));
        });
        List<GpuCloud> gpus = r.list("gpuClouds", ScenarioSchema.GPU_CLOUD, (g, s) -> {
            GpuCloud c = gpuCloud(g, s);
            return c.withPueCurve(pueCurve(g, c.cooling(), siteCurves));
        });
        List<ColocationLease> leases = r.list("colocationLeases", ScenarioSchema.COLOCATION_LEASE, (c, s) -> {
            Cooling cooling = Cooling.parse(c.enumValue("cooling")).orElse(Cooling.AIR);
            return colocationLease(c, s).withCooling(cooling, pueCurve(c, cooling, siteCurves));
        });
        List<Generator> gens = r.list("generators", ScenarioSchema.GENERATOR, ScenarioReader::generator);
        Optional<Ppa> ppa = r.object(
                "ppa", ScenarioSchema.PPA, (p, s) -> new Ppa(p.number("quantityMw"), p.number("priceUsdPerMwh")));
        SiteOpex opex = r.object(
                        "opex",
                        ScenarioSchema.OPEX,
                        (p, s) -> new SiteOpex(p.number("fixedUsdPerMonth"), p.number("variableUsdPerMwh")))
                .orElse(SiteOpex.NONE);
        if (grid.isEmpty()) {
            return new Site(
                    name,
                    new GridConnection("", 1, false, 0, List.of()),
                    fleets,
                    gpus,
                    leases,
                    gens,
                    ppa,
                    opex,
                    ambient);
        }
        return new Site(name, grid.get(), fleets, gpus, leases, gens, ppa, opex, ambient);
    }

    private static AmbientTemperatureSource ambientTemperature(FieldReader r, ObjectSpec spec) {
        // one variant today (csv); the union leaves room for others
        return new AmbientTemperatureSource.Csv(
                r.string("path"),
                r.string("timeColumn"),
                r.string("valueColumn"),
                r.has("zone") ? Optional.of(r.string("zone")) : Optional.empty());
    }

    /** A list of PUE points as a curve, its problems reported at the list's path. */
    private static Optional<PueCurve> curve(FieldReader r, String field) {
        if (!r.has(field)) {
            return Optional.empty();
        }
        List<PueCurve.Point> points = r.list(
                field,
                ScenarioSchema.PUE_POINT,
                (p, s) -> new PueCurve.Point(p.number("temperatureC"), p.number("pue")));
        List<String> bad = PueCurve.problems(points);
        if (!bad.isEmpty()) {
            bad.forEach(b -> r.problems().add(r.fieldPath(field), b));
            return Optional.empty();
        }
        return Optional.of(new PueCurve(points));
    }

    /** A load's PUE curve: its own table, or with pueFollowsAmbient the site's or the default curve of its cooling. */
    private static Optional<PueCurve> pueCurve(FieldReader r, Cooling cooling, Map<Cooling, PueCurve> siteCurves) {
        boolean follows = r.bool("pueFollowsAmbient");
        if (r.has("pueCurve")) {
            if (r.has("pueFollowsAmbient") && !follows) {
                r.problems()
                        .add(r.fieldPath("pueFollowsAmbient"), "is false but a pueCurve is given; remove one of them");
            }
            return curve(r, "pueCurve");
        }
        if (!follows) {
            return Optional.empty();
        }
        return Optional.of(siteCurves.getOrDefault(cooling, PueCurves.defaultFor(cooling)));
    }

    private static GridConnection grid(FieldReader r, ObjectSpec spec) {
        List<TariffAdder> adders = r.list(
                "tariffAdders",
                ScenarioSchema.TARIFF_ADDER,
                (a, s) -> new TariffAdder(a.string("name"), a.number("usdPerMwh")));
        return new GridConnection(
                r.string("settlementPoint"),
                r.number("importCapMw"),
                r.bool("exportAllowed"),
                r.number("exportCapMw"),
                adders);
    }

    private static MinerFleet minerFleet(FieldReader r, ObjectSpec spec) {
        return new MinerFleet(
                r.string("name"),
                r.string("model"),
                r.integer("unitCount"),
                r.number("unitHashrateThPerS"),
                r.number("unitPowerW"),
                r.number("pue"),
                r.number("poolFeeFraction"),
                r.number("unitCapexUsd"),
                r.number("depreciationYears"));
    }

    private static GpuCloud gpuCloud(FieldReader r, ObjectSpec spec) {
        Cooling cooling = Cooling.parse(r.enumValue("cooling")).orElse(Cooling.AIR);
        double minCap = r.number("minPowerCapFraction");
        List<PowerCapCurve.Point> points = r.list(
                "powerCapCurve",
                ScenarioSchema.POWER_CAP_POINT,
                (p, s) -> new PowerCapCurve.Point(p.number("powerFraction"), p.number("throughputFraction")));
        Optional<PowerCapCurve> curve = Optional.empty();
        if (r.has("powerCapCurve")) {
            List<String> bad = PowerCapCurve.problems(points);
            if (bad.isEmpty()) {
                curve = Optional.of(new PowerCapCurve(points));
            } else {
                bad.forEach(b -> r.problems().add(r.fieldPath("powerCapCurve"), b));
            }
        }
        PowerCapping capping = minCap > 0 && minCap <= 1 ? new PowerCapping(minCap, curve) : PowerCapping.NONE;
        Optional<GpuWorkload> training = r.object("training", ScenarioSchema.TRAINING, (t, s) -> {
            double interval = t.number("checkpointIntervalMinutes");
            double write = t.number("checkpointWriteMinutes");
            double restart = t.number("restartMinutes");
            if (interval > 0 && write >= interval) {
                t.problems()
                        .add(
                                t.fieldPath("checkpointWriteMinutes"),
                                "must be less than checkpointIntervalMinutes (" + interval + "), was " + write);
                return GpuWorkload.RENTAL; // reported; the scenario is refused
            }
            return interval > 0 && write >= 0 && restart >= 0
                    ? new GpuWorkload.Training(interval, write, restart)
                    : GpuWorkload.RENTAL; // out of range: reported by the schema
        });
        Optional<GpuWorkload> inference = r.object("inference", ScenarioSchema.INFERENCE, (i, s) -> {
            double committed = i.number("committedFraction");
            double penalty = i.number("slaPenaltyUsdPerMwh");
            return committed >= 0 && committed <= 1 && penalty >= 0
                    ? new GpuWorkload.Inference(committed, penalty)
                    : GpuWorkload.RENTAL; // out of range: reported by the schema
        });
        if (r.has("training") && r.has("inference")) {
            r.problems().add(r.fieldPath("inference"), "give at most one of training and inference");
        }
        GpuWorkload workload = training.or(() -> inference).orElse(GpuWorkload.RENTAL);
        int gpuCount = r.integer("gpuCount");
        GpuContract contract = r.object("contract", ScenarioSchema.GPU_CONTRACT, (c, s) -> gpuContract(c, gpuCount))
                .orElse(GpuContract.NONE);
        if (contract.present() && r.bool("firm")) {
            r.problems()
                    .add(
                            r.fieldPath("contract"),
                            "the cloud is firm as a whole (firm: true); a contract makes part of it firm: give one of"
                                    + " them");
        }
        return new GpuCloud(
                r.string("name"),
                r.string("gpuModel"),
                r.integer("gpuCount"),
                r.number("itKwPerGpu"),
                r.number("pue"),
                r.number("priceUsdPerGpuHour"),
                r.number("utilizationFraction"),
                r.bool("firm"),
                cooling,
                capping,
                workload,
                contract,
                java.util.Optional.empty());
    }

    /** The contracted part of a cloud of {@code gpuCount} GPUs; problems at their paths. */
    private static GpuContract gpuContract(FieldReader c, int gpuCount) {
        boolean byFraction = c.has("contractedFraction");
        boolean byGpus = c.has("contractedGpus");
        double fraction = 0;
        if (byFraction == byGpus) {
            c.problems().add(c.path(), "give one of contractedFraction and contractedGpus");
        } else if (byFraction) {
            fraction = c.number("contractedFraction");
        } else {
            int gpus = c.integer("contractedGpus");
            if (gpuCount > 0 && gpus > gpuCount) {
                c.problems()
                        .add(
                                c.fieldPath("contractedGpus"),
                                "is " + gpus + ", more than the cloud's " + gpuCount + " GPUs");
            } else if (gpuCount > 0) {
                fraction = (double) gpus / gpuCount;
            }
        }
        if (c.has("serviceCreditUsdPerMwh") && c.has("serviceCreditUsdPerGpuHour")) {
            c.problems()
                    .add(
                            c.fieldPath("serviceCreditUsdPerGpuHour"),
                            "give at most one of serviceCreditUsdPerMwh and" + " serviceCreditUsdPerGpuHour");
        }
        GpuContract.ServiceCredit credit = c.has("serviceCreditUsdPerGpuHour")
                ? new GpuContract.ServiceCredit.PerGpuHour(c.number("serviceCreditUsdPerGpuHour"))
                : new GpuContract.ServiceCredit.PerMwh(
                        c.has("serviceCreditUsdPerMwh") ? c.number("serviceCreditUsdPerMwh") : 0);
        double sla = c.has("availabilitySla") ? c.number("availabilitySla") : 0;
        double allowance = c.has("curtailmentAllowanceHoursPerYear")
                ? c.number("curtailmentAllowanceHoursPerYear")
                : (sla > 0 ? (1 - sla) * 8760.0 : 0);
        if (!(fraction >= 0 && fraction <= 1) || !(allowance >= 0) || credit.rate() < 0 || !(sla >= 0 && sla <= 1)) {
            return GpuContract.NONE; // out of range: reported by the schema
        }
        return new GpuContract(fraction, allowance, credit, sla);
    }

    private static ColocationLease colocationLease(FieldReader r, ObjectSpec spec) {
        return new ColocationLease(
                r.string("name"),
                r.string("tenant"),
                r.number("criticalItMw"),
                r.number("priceUsdPerKwMonth"),
                r.number("pue"),
                r.number("loadFactor"),
                r.bool("energyPassThrough"));
    }

    private static Generator generator(FieldReader r, ObjectSpec spec) {
        String name = r.string("name");
        String kind = r.enumValue("kind");
        double mw = r.number("nameplateMw");
        ProfileSource profile = r.object("profile", ScenarioSchema.PROFILE, ScenarioReader::profile)
                .orElse(new ProfileSource.Constant(0));
        GeneratorKind k;
        try {
            k = GeneratorKind.valueOf(kind.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            k = GeneratorKind.SOLAR; // already reported by enumValue
        }
        return new Generator(name, k, mw, profile);
    }

    private static ProfileSource profile(FieldReader r, ObjectSpec spec) {
        return switch (r.enumValue("source")) {
            case "ercot-fuel-shape" ->
                new ProfileSource.ErcotFuelShape(
                        r.enumValue("fuel"), r.number("peakCapacityFactor"), r.integer("year"));
            case "csv" -> new ProfileSource.Csv(r.string("path"), r.string("timeColumn"), r.string("column"));
            default -> new ProfileSource.Constant(r.number("capacityFactor"));
        };
    }
}
