package io.minerai.planning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.minerai.core.ai.GpuGeneration;
import io.minerai.core.ai.PricePath;
import io.minerai.core.scenario.DocumentText;
import io.minerai.core.scenario.FieldReader;
import io.minerai.core.scenario.ObjectSpec;
import io.minerai.core.validation.Checked;
import io.minerai.core.validation.Problem;
import io.minerai.core.validation.Problems;
import io.minerai.data.specs.GpuCatalogueReader;
import io.minerai.planning.model.Amortization;
import io.minerai.planning.model.AsicPurchase;
import io.minerai.planning.model.BitcoinPlan;
import io.minerai.planning.model.Cooling;
import io.minerai.planning.model.CoolingType;
import io.minerai.planning.model.DscrDefinition;
import io.minerai.planning.model.Facility;
import io.minerai.planning.model.FinancingPlan;
import io.minerai.planning.model.GpuCloudPlan;
import io.minerai.planning.model.GpuContract;
import io.minerai.planning.model.Hall;
import io.minerai.planning.model.LeasePlan;
import io.minerai.planning.model.MiningPlan;
import io.minerai.planning.model.Plan;
import io.minerai.planning.model.PowerSource;
import io.minerai.planning.model.RiskMeasure;
import io.minerai.planning.model.SearchPlan;
import io.minerai.planning.model.SitePlan;
import io.minerai.planning.model.StrategyPlan;
import io.minerai.planning.model.Uncertainty;
import io.minerai.planning.model.Valuation;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Reads a plan file ({@code plan:} YAML/JSON document) against {@link PlanSchema} with core's {@link FieldReader}:
 * every problem of the file is reported at once with its path, then {@link PlanValidator} checks the rules spanning
 * fields. Never returns a half-valid plan.
 */
public final class PlanReader {
    /** Classpath resource of the bundled default plan. */
    public static final String DEFAULT_RESOURCE = "/io/minerai/planning/default-west-texas-300mw.yaml";

    private PlanReader() {}

    /** The bundled default: a 300 MW West Texas miner weighing a 200 MW-critical-IT conversion. */
    public static Plan bundledDefault() {
        return parse(bundledDefaultText(), "bundled plan " + DEFAULT_RESOURCE);
    }

    /** The bundled default plan's text. */
    public static String bundledDefaultText() {
        return DocumentText.resource(PlanReader.class, DEFAULT_RESOURCE);
    }

    public static Plan read(Path file) {
        return readChecked(file).value();
    }

    /** Like {@link #read(Path)}, with the warnings about unusual values that the plan is accepted with. */
    public static Checked<Plan> readChecked(Path file) {
        return parseChecked(DocumentText.readFile(file, "plan"), "plan " + file.getFileName());
    }

    /** Parses YAML or JSON text; {@code what} names the input in errors. */
    public static Plan parse(String text, String what) {
        return parseChecked(text, what).value();
    }

    /** Like {@link #parse(String, String)}, with the warnings. */
    public static Checked<Plan> parseChecked(String text, String what) {
        return fromTreeChecked(DocumentText.parseObject(text, what, "a field 'plan'"), what);
    }

    /** Binds a parsed tree: field errors first (all of them), then the cross-field rules (all of them). */
    public static Plan fromTree(JsonNode root, String what) {
        return fromTreeChecked(root, what).value();
    }

    /** Like {@link #fromTree(JsonNode, String)}, with the warnings of the fields and of the cross-field rules. */
    public static Checked<Plan> fromTreeChecked(JsonNode root, String what) {
        Problems problems = new Problems();
        FieldReader file = new FieldReader(root, "", PlanSchema.FILE, problems);
        Optional<Plan> plan = file.object("plan", PlanSchema.PLAN, PlanReader::plan);
        problems.throwIfAny(what);
        Plan p = plan.orElseThrow();
        Problems rules = PlanValidator.validate(p, "plan");
        rules.throwIfAny(what);
        List<Problem> warnings = new ArrayList<>(problems.warnings());
        warnings.addAll(rules.warnings());
        return new Checked<>(p, warnings);
    }

    private static Plan plan(FieldReader r, ObjectSpec spec) {
        String name = r.string("name");
        String description = r.string("description");
        YearMonth start = yearMonth(r, "start");
        int horizon = r.integer("horizonMonths");
        SitePlan site = r.object("site", PlanSchema.SITE, PlanReader::site).orElse(new SitePlan("", 1, 0, 0));
        PowerSource power =
                r.object("power", PlanSchema.POWER, PlanReader::power).orElse(new PowerSource.Deck(0, 0, 0));
        BitcoinPlan bitcoin = r.object("bitcoin", PlanSchema.BITCOIN, PlanReader::bitcoin)
                .orElse(new BitcoinPlan(1, 0, 1, 0, 0, 0, 0));
        MiningPlan mining = r.object("mining", PlanSchema.MINING, PlanReader::mining)
                .orElse(new MiningPlan(0, 1, 1, 0, 0, 0, 0, 0));
        Map<CoolingType, Cooling> cooling =
                r.object("cooling", PlanSchema.COOLING, PlanReader::cooling).orElseGet(PlanReader::defaultCooling);
        List<Hall> halls = r.list("halls", PlanSchema.HALL, PlanReader::hall);
        List<GpuCloudPlan> gpus = r.list("gpuClouds", PlanSchema.GPU_CLOUD, PlanReader::gpuCloud).stream()
                .map(g -> g.resolve(halls))
                .toList();
        List<LeasePlan> leases = r.list("leases", PlanSchema.LEASE, PlanReader::lease);
        List<AsicPurchase> asics = r.list("asicPurchases", PlanSchema.ASIC_PURCHASE, PlanReader::asicPurchase);
        List<GpuContract> contracts = r.list("gpuContracts", PlanSchema.GPU_CONTRACT, PlanReader::contract).stream()
                .map(c -> c.resolve(gpus))
                .toList();
        FinancingPlan financing = r.object("financing", PlanSchema.FINANCING, PlanReader::financing)
                .orElse(FinancingPlan.none());
        Valuation valuation = r.object("valuation", PlanSchema.VALUATION, PlanReader::valuation)
                .orElseGet(() -> valuation(emptyReader(PlanSchema.VALUATION), PlanSchema.VALUATION));
        List<StrategyPlan> strategies = r.list("strategies", PlanSchema.STRATEGY, PlanReader::strategy);
        Uncertainty uncertainty = r.object("uncertainty", PlanSchema.UNCERTAINTY, PlanReader::uncertainty)
                .orElseGet(() -> uncertainty(emptyReader(PlanSchema.UNCERTAINTY), PlanSchema.UNCERTAINTY));
        Optional<SearchPlan> search = r.object("search", PlanSchema.SEARCH, PlanReader::search);
        return new Plan(
                name,
                description,
                start,
                horizon,
                site,
                power,
                bitcoin,
                mining,
                cooling,
                halls,
                gpus,
                leases,
                asics,
                contracts,
                financing,
                valuation,
                strategies,
                uncertainty,
                search);
    }

    private static FieldReader emptyReader(ObjectSpec spec) {
        return new FieldReader(JsonNodeFactory.instance.objectNode(), "", spec, new Problems());
    }

    private static YearMonth yearMonth(FieldReader r, String name) {
        String s = r.string(name);
        if (s.isEmpty()) {
            return YearMonth.of(2000, 1);
        }
        try {
            return YearMonth.parse(s);
        } catch (DateTimeParseException e) {
            r.problems().add(r.fieldPath(name), "must be a month like 2026-01, was '" + s + "'");
            return YearMonth.of(2000, 1);
        }
    }

    private static SitePlan site(FieldReader r, ObjectSpec spec) {
        return new SitePlan(
                r.string("name"), r.number("gridMw"), r.number("siteOpexUsdPerMonth"), r.number("overheadUsdPerMonth"));
    }

    private static PowerSource power(FieldReader r, ObjectSpec spec) {
        return switch (r.enumValue("source")) {
            case "deck" ->
                new PowerSource.Deck(r.number("usdPerMwh"), r.number("escalatorPerYear"), r.number("adderUsdPerMwh"));
            default ->
                new PowerSource.ErcotResampled(
                        r.string("settlementPoint"),
                        r.enumValue("market"),
                        r.number("escalatorPerYear"),
                        r.number("adderUsdPerMwh"));
        };
    }

    /** Reads a {@code bitcoin} section ({@link PlanSchema#BITCOIN}); also used by the portfolio document. */
    public static BitcoinPlan bitcoin(FieldReader r, ObjectSpec spec) {
        return new BitcoinPlan(
                r.number("startPriceUsdPerBtc"),
                r.number("priceDriftPerYear"),
                r.number("startNetworkHashrateEhPerS"),
                r.number("hashrateGrowthPerYear"),
                r.number("hashratePriceElasticity"),
                r.number("feesBtcPerBlock"),
                r.integer("startBlockHeight"));
    }

    private static MiningPlan mining(FieldReader r, ObjectSpec spec) {
        return new MiningPlan(
                r.number("hashrateEhPerS"),
                r.number("efficiencyJPerTh"),
                r.number("pue"),
                r.number("poolFeeFraction"),
                r.number("opexUsdPerMwMonth"),
                r.number("standbyOpexUsdPerMwMonth"),
                r.number("bookValueUsd"),
                r.integer("remainingLifeMonths"));
    }

    /** The default cooling table (every type with its schema defaults). */
    public static Map<CoolingType, Cooling> defaultCooling() {
        return cooling(emptyReader(PlanSchema.COOLING), PlanSchema.COOLING);
    }

    private static Map<CoolingType, Cooling> cooling(FieldReader r, ObjectSpec spec) {
        Map<CoolingType, Cooling> m = new EnumMap<>(CoolingType.class);
        for (CoolingType t : CoolingType.values()) {
            ObjectSpec child = switch (t) {
                case AIR -> PlanSchema.COOLING_AIR;
                case IMMERSION -> PlanSchema.COOLING_IMMERSION;
                case LIQUID -> PlanSchema.COOLING_LIQUID;
            };
            Cooling c = r.object(
                            t.key(), child, (cr, s) -> new Cooling(t, cr.number("pue"), cr.number("capexUsdPerMwIt")))
                    .orElseGet(() -> {
                        FieldReader d = emptyReader(child);
                        return new Cooling(t, d.number("pue"), d.number("capexUsdPerMwIt"));
                    });
            m.put(t, c);
        }
        return m;
    }

    private static Hall hall(FieldReader r, ObjectSpec spec) {
        String cooling = r.enumValue("cooling");
        CoolingType type;
        try {
            type = CoolingType.fromKey(cooling);
        } catch (IllegalArgumentException e) {
            type = CoolingType.AIR; // reported by enumValue
        }
        return new Hall(
                r.string("name"),
                r.number("criticalItMw"),
                type,
                r.integer("startMonth"),
                r.integer("leadTimeMonths"),
                r.number("capexUsdPerMwCriticalIt"),
                r.number("depreciationYears"));
    }

    /** A GPU cloud as read, before its hall is known: without a count, a catalogue generation fills the hall. */
    private record CloudAsRead(GpuCloudPlan cloud, boolean countGiven) {
        GpuCloudPlan resolve(List<Hall> halls) {
            if (countGiven) {
                return cloud;
            }
            Optional<Hall> hall =
                    halls.stream().filter(h -> h.name().equals(cloud.hall())).findFirst();
            if (hall.isEmpty()) {
                return cloud; // 0 GPUs; the validator reports the unknown hall
            }
            int n = (int) Math.floor(hall.get().criticalItMw() * 1000 / cloud.itKwPerGpu() + 1e-9);
            return new GpuCloudPlan(
                    cloud.name(),
                    cloud.hall(),
                    n,
                    cloud.usdPerGpu(),
                    cloud.itKwPerGpu(),
                    cloud.lifeYears(),
                    cloud.priceUsdPerGpuHour(),
                    cloud.priceDeclinePerYear(),
                    cloud.utilizationFraction(),
                    cloud.opexUsdPerGpuMonth(),
                    cloud.generation(),
                    cloud.residualValueByAgeYears(),
                    cloud.refreshWith(),
                    cloud.model());
        }
    }

    private static CloudAsRead gpuCloud(FieldReader r, ObjectSpec spec) {
        Optional<GpuGeneration> gen = Optional.empty();
        if (r.has("gpuModel")) {
            String m = r.string("gpuModel");
            gen = GpuCatalogueReader.bundled().find(m);
            if (gen.isEmpty()) {
                r.problems()
                        .add(
                                r.fieldPath("gpuModel"),
                                "unknown GPU model '" + m + "'; the GPU catalogue has: "
                                        + String.join(
                                                ", ",
                                                GpuCatalogueReader.bundled().names()));
            }
        }
        if (gen.isEmpty() && !r.has("gpuCount")) {
            r.problems().add(r.fieldPath("gpuCount"), "is required (or give gpuModel: its GPUs fill the hall)");
        }
        if (gen.isEmpty() && !r.has("priceUsdPerGpuHour")) {
            r.problems()
                    .add(
                            r.fieldPath("priceUsdPerGpuHour"),
                            "is required (or give gpuModel: the GPU catalogue's price path)");
        }
        Optional<CoolingType> convert = Optional.empty();
        if (r.has("convertHallTo")) {
            String c = r.enumValue("convertHallTo");
            try {
                convert = Optional.of(CoolingType.fromKey(c));
            } catch (IllegalArgumentException e) {
                convert = Optional.empty(); // reported by enumValue
            }
        }
        // the generation's figures unless the plan gives its own
        boolean catalogueCapex = gen.isPresent() && !r.has("usdPerGpu");
        double usdPerGpu = catalogueCapex ? gen.get().capexUsdPerGpu() : r.number("usdPerGpu");
        if (r.has("capexDeclinePerYear") && !catalogueCapex) {
            r.problems()
                    .add(
                            r.fieldPath("capexDeclinePerYear"),
                            "applies to the GPU catalogue's dated cost per GPU: give gpuModel and leave out usdPerGpu"
                                    + " (usdPerGpu is the cost when the GPUs are bought)");
        }
        Optional<YearMonth> capexMonth =
                catalogueCapex ? Optional.of(gen.get().rentalPrice().observedMonth()) : Optional.empty();
        double capexDecline = catalogueCapex && !r.has("capexDeclinePerYear")
                ? gen.get().capexDeclinePerYear()
                : r.number("capexDeclinePerYear");
        double kw = gen.isPresent() && !r.has("itKwPerGpu") ? gen.get().itKwPerGpu() : r.number("itKwPerGpu");
        double decline = gen.isPresent() && !r.has("priceDeclinePerYear")
                ? gen.get().rentalPrice().declinePerYear()
                : r.number("priceDeclinePerYear");
        Optional<PricePath> path = gen.isPresent() && !r.has("priceUsdPerGpuHour")
                ? Optional.of(gen.get().rentalPrice())
                : Optional.empty();
        double price = path.map(PricePath::priceUsdPerGpuHour).orElseGet(() -> r.number("priceUsdPerGpuHour"));
        String label = r.has("generation") || gen.isEmpty()
                ? r.string("generation")
                : gen.get().name();
        // FLOPs: from the named generation, else from a label the catalogue knows (reports only)
        Optional<GpuGeneration> flops = gen.isPresent()
                ? gen
                : label.isEmpty()
                        ? Optional.empty()
                        : GpuCatalogueReader.bundled().find(label);
        Set<CoolingType> required = EnumSet.noneOf(CoolingType.class);
        gen.ifPresent(g -> g.coolings().forEach(c -> required.add(CoolingType.fromKey(c.id()))));
        GpuCloudPlan.Model model = new GpuCloudPlan.Model(
                gen.map(GpuGeneration::name).orElse(""),
                path,
                required,
                convert,
                flops.map(GpuGeneration::bf16DenseTflops).orElse(0.0),
                capexMonth,
                catalogueCapex ? capexDecline : 0);
        GpuCloudPlan cloud = new GpuCloudPlan(
                r.string("name"),
                r.string("hall"),
                r.has("gpuCount") ? r.integer("gpuCount") : 0,
                usdPerGpu,
                kw,
                r.number("lifeYears"),
                price,
                decline,
                r.number("utilizationFraction"),
                r.number("opexUsdPerGpuMonth"),
                label,
                r.has("residualValueByAgeYears")
                        ? numberList(r, "residualValueByAgeYears", 0, 1)
                        : PlanSchema.DEFAULT_RESIDUAL,
                r.string("refreshWith"),
                model);
        return new CloudAsRead(cloud, r.has("gpuCount") || gen.isEmpty());
    }

    /**
     * A contract as read, before its GPUs are known: a count, critical IT to convert at the cloud's kW per GPU, or
     * neither (all of the cloud's GPUs).
     */
    private record ContractAsRead(GpuContract contract, OptionalInt gpuCount, OptionalDouble criticalItMw) {
        GpuContract resolve(List<GpuCloudPlan> clouds) {
            if (gpuCount.isPresent()) {
                return contract.withGpuCount(gpuCount.getAsInt());
            }
            Optional<GpuCloudPlan> cloud = clouds.stream()
                    .filter(g -> g.name().equals(contract.gpuCloud()))
                    .findFirst();
            if (cloud.isEmpty()) {
                return contract; // 0 GPUs; the validator reports the unknown cloud
            }
            return contract.withGpuCount(
                    criticalItMw.isPresent()
                            ? (int) Math.floor(criticalItMw.getAsDouble()
                                            * 1000
                                            / cloud.get().itKwPerGpu()
                                    + 1e-9)
                            : cloud.get().gpuCount());
        }
    }

    private static ContractAsRead contract(FieldReader r, ObjectSpec spec) {
        if (r.has("gpuCount") && r.has("criticalItMw")) {
            r.problems().add(r.fieldPath("criticalItMw"), "give gpuCount or criticalItMw, not both");
        }
        GpuContract.Price price;
        if (r.has("usdPerGpuHour") == r.has("totalValueUsd")) {
            r.problems()
                    .add(
                            r.fieldPath("usdPerGpuHour"),
                            "give the price: usdPerGpuHour or totalValueUsd (exactly one of them)");
            price = new GpuContract.Price.PerGpuHour(0);
        } else if (r.has("usdPerGpuHour")) {
            price = new GpuContract.Price.PerGpuHour(r.number("usdPerGpuHour"));
        } else {
            price = new GpuContract.Price.TotalValue(r.number("totalValueUsd"));
        }
        GpuContract.EndOfTerm end;
        try {
            end = GpuContract.EndOfTerm.fromKey(r.enumValue("endOfTerm"));
        } catch (IllegalArgumentException e) {
            end = GpuContract.EndOfTerm.SPOT; // reported by enumValue
        }
        GpuContract c = new GpuContract(
                r.string("name"),
                r.string("gpuCloud"),
                r.string("customer"),
                0,
                r.integer("termMonths"),
                price,
                r.number("escalatorPerYear"),
                r.number("prepaymentFraction"),
                r.has("prepaymentMonth") ? Optional.of(r.integer("prepaymentMonth")) : Optional.empty(),
                r.number("availabilityFraction"),
                r.number("slaAvailabilityFraction"),
                r.number("serviceCreditPerPoint"),
                r.number("maxServiceCreditFraction"),
                r.number("annualDefaultProbability"),
                r.number("backstopFraction"),
                end,
                new GpuContract.Curtailment(
                        r.number("curtailmentHoursPerYear"), r.number("curtailmentCreditMultiple")));
        return new ContractAsRead(
                c,
                r.has("gpuCount") ? OptionalInt.of(r.integer("gpuCount")) : OptionalInt.empty(),
                r.has("criticalItMw") ? OptionalDouble.of(r.number("criticalItMw")) : OptionalDouble.empty());
    }

    private static LeasePlan lease(FieldReader r, ObjectSpec spec) {
        return new LeasePlan(
                r.string("name"),
                r.string("hall"),
                r.string("tenant"),
                r.number("criticalItMw"),
                r.number("usdPerKwMonth"),
                r.number("escalatorPerYear"),
                r.integer("termMonths"),
                r.integer("startMonth"),
                r.string("tenantCredit"),
                r.number("annualDefaultProbability"),
                r.number("backstopFraction"),
                r.number("noiMarginFraction"));
    }

    private static AsicPurchase asicPurchase(FieldReader r, ObjectSpec spec) {
        return new AsicPurchase(
                r.string("name"),
                r.integer("month"),
                r.number("hashrateEhPerS"),
                r.number("usdPerTh"),
                r.number("efficiencyJPerTh"),
                r.number("depreciationYears"));
    }

    private static FinancingPlan financing(FieldReader r, ObjectSpec spec) {
        List<Facility> facilities = r.list("facilities", PlanSchema.FACILITY, PlanReader::facility);
        DscrDefinition definition;
        try {
            definition = DscrDefinition.fromKey(r.enumValue("dscrDefinition"));
        } catch (IllegalArgumentException e) {
            definition = DscrDefinition.TRAILING; // reported by enumValue
        }
        return new FinancingPlan(
                facilities,
                r.number("minDscr"),
                r.integer("dscrWindowMonths"),
                definition,
                r.number("maxBreachProbability"));
    }

    private static Facility facility(FieldReader r, ObjectSpec spec) {
        String kind = r.enumValue("kind");
        Amortization am;
        try {
            am = Amortization.fromKey(r.enumValue("amortization"));
        } catch (IllegalArgumentException e) {
            am = Amortization.ANNUITY; // reported by enumValue
        }
        return switch (kind) {
            case "term-loan" ->
                new Facility.TermLoan(
                        r.string("name"),
                        r.number("amountUsd"),
                        r.integer("drawMonth"),
                        r.number("ratePerYear"),
                        am,
                        r.integer("tenorMonths"),
                        r.integer("interestOnlyMonths"));
            case "project-finance" ->
                new Facility.ProjectFinance(
                        r.string("name"),
                        r.string("finances"),
                        r.number("loanToCost"),
                        r.number("ratePerYear"),
                        am,
                        r.integer("tenorMonths"),
                        r.integer("interestOnlyMonths"));
            case "contract-backed" ->
                new Facility.ContractBacked(
                        r.string("name"),
                        r.string("contract"),
                        r.number("sizingDscr"),
                        r.number("maxLoanToCost"),
                        r.number("ratePerYear"),
                        am,
                        r.integer("tenorMonths"),
                        r.integer("interestOnlyMonths"));
            default ->
                new Facility.LeaseBackedNotes(
                        r.string("name"),
                        r.string("lease"),
                        r.number("advanceFraction"),
                        r.number("ratePerYear"),
                        am,
                        r.integer("tenorMonths"),
                        r.integer("interestOnlyMonths"));
        };
    }

    private static Valuation valuation(FieldReader r, ObjectSpec spec) {
        return new Valuation(
                r.number("discountRatePerYear"),
                r.number("taxRate"),
                r.number("terminalEbitdaMultiple"),
                r.number("preMoneyEquityUsd"));
    }

    private static StrategyPlan strategy(FieldReader r, ObjectSpec spec) {
        return new StrategyPlan(
                r.string("name"),
                r.string("description"),
                nameList(r, "halls"),
                nameList(r, "gpuClouds"),
                nameList(r, "leases"),
                nameList(r, "asicPurchases"),
                nameList(r, "facilities"),
                nameList(r, "contracts"));
    }

    /** Reads an {@code uncertainty} section ({@link PlanSchema#UNCERTAINTY}); also used by the portfolio document. */
    public static Uncertainty uncertainty(FieldReader r, ObjectSpec spec) {
        String from = r.string("historyFrom");
        LocalDate historyFrom;
        try {
            historyFrom = LocalDate.parse(from);
        } catch (DateTimeParseException e) {
            r.problems().add(r.fieldPath("historyFrom"), "must be a date like 2018-01-01, was '" + from + "'");
            historyFrom = LocalDate.of(2018, 1, 1);
        }
        return new Uncertainty(
                r.integer("paths"),
                r.integer("seed"),
                r.number("btcVolatilityScale"),
                r.integer("bootstrapBlockDays"),
                historyFrom,
                r.number("hashrateNoisePerMonth"),
                r.number("feesLogSdPerMonth"),
                r.number("gpuDeclineSdPerYear"),
                r.bool("powerResampling"),
                r.integer("powerBankMonths"),
                r.bool("tenantDefaults"));
    }

    private static SearchPlan search(FieldReader r, ObjectSpec spec) {
        RiskMeasure measure;
        try {
            measure = RiskMeasure.fromKey(r.enumValue("riskMeasure"));
        } catch (IllegalArgumentException e) {
            measure = RiskMeasure.CVAR; // reported by enumValue
        }
        List<Double> build = numberList(r, "buildFractions", 0, 1);
        List<Double> shares = numberList(r, "gpuShares", 0, 1);
        List<Integer> starts = numberList(r, "startMonths", 0, Double.NaN).stream()
                .map(Double::intValue)
                .toList();
        List<Double> contractShares = r.has("contractShares") ? numberList(r, "contractShares", 0, 1) : List.of(0.0);
        for (String n : List.of("buildFractions", "gpuShares", "startMonths")) {
            if (!r.has(n)) {
                r.problems().add(r.fieldPath(n), "is required: a list with at least one value");
            }
        }
        return new SearchPlan(
                r.string("base"),
                r.string("hall"),
                r.string("gpuCloud"),
                r.string("lease"),
                build,
                shares,
                starts,
                measure,
                r.number("cvarAlpha"),
                r.integer("paths"),
                r.has("contract") ? Optional.of(r.string("contract")) : Optional.empty(),
                contractShares,
                nameList(r, "gpuClouds"));
    }

    /** A list of names; every bad element is reported with its index. */
    static List<String> nameList(FieldReader r, String name) {
        List<String> out = new ArrayList<>();
        Optional<JsonNode> v = r.raw(name);
        if (v.isEmpty()) {
            return out;
        }
        if (!v.get().isArray()) {
            r.problems().add(r.fieldPath(name), "must be a list of names like [a, b]");
            return out;
        }
        for (int i = 0; i < v.get().size(); i++) {
            JsonNode e = v.get().get(i);
            if (!e.isTextual() || e.asText().isBlank()) {
                r.problems().add(r.fieldPath(name) + "[" + i + "]", "must be a name");
                continue;
            }
            out.add(e.asText().trim());
        }
        return out;
    }

    private static List<Double> numberList(FieldReader r, String name, double min, double max) {
        List<Double> out = new ArrayList<>();
        Optional<JsonNode> v = r.raw(name);
        if (v.isEmpty()) {
            return out;
        }
        if (!v.get().isArray() || v.get().isEmpty()) {
            r.problems().add(r.fieldPath(name), "must be a non-empty list of numbers like [0, 0.5, 1]");
            return out;
        }
        for (int i = 0; i < v.get().size(); i++) {
            JsonNode e = v.get().get(i);
            String p = r.fieldPath(name) + "[" + i + "]";
            if (!e.isNumber()) {
                r.problems().add(p, "must be a number, was '" + e.asText() + "'");
                continue;
            }
            double d = e.asDouble();
            if (d < min || (!Double.isNaN(max) && d > max)) {
                r.problems().add(p, "must be " + (Double.isNaN(max) ? ">= " + min : min + " .. " + max) + ", was " + d);
                continue;
            }
            out.add(d);
        }
        return out;
    }
}
