package io.minerai.core.scenario;

import static io.minerai.core.scenario.FieldKind.BOOLEAN;
import static io.minerai.core.scenario.FieldKind.DURATION;
import static io.minerai.core.scenario.FieldKind.ENUM;
import static io.minerai.core.scenario.FieldKind.INSTANT;
import static io.minerai.core.scenario.FieldKind.INTEGER;
import static io.minerai.core.scenario.FieldKind.LIST;
import static io.minerai.core.scenario.FieldKind.NUMBER;
import static io.minerai.core.scenario.FieldKind.OBJECT;
import static io.minerai.core.scenario.FieldKind.STRING;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scenario file format: every object and field with unit, default, range and meaning. The reader validates
 * against it and docs/SCENARIO.md is generated from it, so the two cannot drift apart.
 */
public final class ScenarioSchema {
    private ScenarioSchema() {}

    private static FieldSpec.Builder f(String name, FieldKind kind) {
        return FieldSpec.builder(name, kind);
    }

    /** The {@code path} of a file a scenario names (every one is listed in {@link ScenarioPaths}). */
    private static FieldSpec filePath() {
        return f("path", STRING)
                .required()
                .description("File path; relative to the scenario file's folder.")
                .build();
    }

    public static final ObjectSpec PERIOD = ObjectSpec.of(
            "period",
            "The time grid of the run: intervals of `step` from `start` (inclusive) to `end` (exclusive). Times are"
                    + " ISO-8601 with an offset and are converted to UTC; a plain date means midnight UTC.",
            f("start", INSTANT)
                    .required()
                    .description("First interval start, e.g. 2024-01-01T00:00:00-06:00.")
                    .build(),
            f("end", INSTANT)
                    .required()
                    .description("End of the period (exclusive); a whole number of steps after start.")
                    .build(),
            f("step", DURATION)
                    .defaultValue("1h")
                    .description("Interval length from 5m to 1d (5m, 15m, 1h, 1d or ISO-8601 like PT15M). Energy in an"
                            + " interval = power x step hours. Data on a coarser grid is repeated, on a finer grid averaged;"
                            + " a gap stays a gap.")
                    .build());

    private static final ObjectSpec PRICES_ERCOT = ObjectSpec.of(
            "prices (ercot-bundled)",
            "Bundled ERCOT hourly prices 2024-01-01 .. 2026-03-17 for 15 hubs and load zones, at the site's settlement"
                    + " point (site.grid.settlementPoint).",
            f("market", ENUM)
                    .allowed("RTM", "DAM")
                    .defaultValue("RTM")
                    .description(
                            "RTM = real-time (hourly mean of the 15-minute settlement point prices); DAM = day-ahead.")
                    .build());

    private static final ObjectSpec PRICES_SPP = ObjectSpec.of(
            "prices (ercot-spp-csv)",
            "A CSV in ERCOT's 15-minute settlement point price report format (NP6-905-CD), filtered to the site's"
                    + " settlement point. Hour-ending Central Prevailing Time is converted to UTC using DSTFlag.",
            filePath());

    private static final ObjectSpec PRICES_CSV = ObjectSpec.of(
            "prices (csv)",
            "A generic CSV: one row per interval, an ISO-8601 timestamp of the interval start and a price in $/MWh.",
            filePath(),
            f("timeColumn", STRING)
                    .defaultValue("time")
                    .description("Timestamp column (with offset, or UTC).")
                    .build(),
            f("valueColumn", STRING)
                    .defaultValue("priceUsdPerMwh")
                    .description("Price column, $/MWh.")
                    .build());

    private static final ObjectSpec PRICES_MARKET = ObjectSpec.of(
            "prices (market)",
            "The prices named in the market section (market.data.prices), in the market's currency and clock.");

    public static final ObjectSpec PRICES = ObjectSpec.union(
            "prices",
            "Where the site's energy prices come from (USD sources; prices of other markets and currencies come from"
                    + " the market section).",
            "source",
            variants(
                    "ercot-bundled", PRICES_ERCOT,
                    "ercot-spp-csv", PRICES_SPP,
                    "csv", PRICES_CSV,
                    "market", PRICES_MARKET));

    private static final ObjectSpec BITCOIN_BUNDLED = ObjectSpec.of(
            "bitcoin (coinmetrics-bundled)",
            "Bundled Coin Metrics community data, 2024-01-01 .. 2025-12-29 (CC BY-NC 4.0).");

    private static final ObjectSpec BITCOIN_CSV = ObjectSpec.of(
            "bitcoin (coinmetrics-csv)",
            "A CSV with Coin Metrics' columns time, BlkCnt, FeeTotNtv, HashRate (TH/s), IssTotNtv, PriceUSD.",
            filePath());

    public static final ObjectSpec BITCOIN = ObjectSpec.union(
            "bitcoin",
            "Where daily Bitcoin network data comes from (price, hashrate, subsidy, fees).",
            "source",
            variants("coinmetrics-bundled", BITCOIN_BUNDLED, "coinmetrics-csv", BITCOIN_CSV));

    public static final ObjectSpec TARIFF_ADDER = ObjectSpec.of(
            "tariffAdder",
            "A charge per imported MWh on top of the wholesale price.",
            f("name", STRING).required().description("What the charge is.").build(),
            f("usdPerMwh", NUMBER)
                    .plausible(Plausibility.CHARGE_USD_PER_MWH)
                    .unit("$/MWh")
                    .required()
                    .description("Amount per imported MWh.")
                    .build());

    public static final ObjectSpec GRID = ObjectSpec.of(
            "grid",
            "The site's grid connection.",
            f("settlementPoint", STRING)
                    .required()
                    .description("Market settlement point whose price the site pays, e.g. HB_WEST or LZ_WEST.")
                    .build(),
            f("importCapMw", NUMBER)
                    .plausible(Plausibility.POWER_MW)
                    .unit("MW")
                    .required()
                    .above(0)
                    .description("Maximum import.")
                    .build(),
            f("exportAllowed", BOOLEAN)
                    .defaultValue(false)
                    .description("Whether surplus on-site generation may be exported (sold at the real-time price).")
                    .build(),
            f("exportCapMw", NUMBER)
                    .plausible(Plausibility.POWER_MW)
                    .unit("MW")
                    .defaultValue(0.0)
                    .atLeast(0)
                    .description("Maximum export.")
                    .build(),
            f("tariffAdders", LIST)
                    .element(TARIFF_ADDER)
                    .description("Charges per imported MWh (transmission and distribution, fees); none by default.")
                    .build());

    public static final ObjectSpec PUE_POINT = ObjectSpec.of(
            "puePoint",
            "One point of a PUE curve: the hall's PUE at an ambient dry-bulb temperature.",
            f("temperatureC", NUMBER)
                    .unit("°C")
                    .required()
                    .atLeast(io.minerai.core.ai.PueCurve.MIN_TEMPERATURE_C)
                    .atMost(io.minerai.core.ai.PueCurve.MAX_TEMPERATURE_C)
                    .description("Ambient (outdoor) dry-bulb temperature.")
                    .build(),
            f("pue", NUMBER)
                    .required()
                    .atLeast(1)
                    .atMost(3)
                    .description("Facility power / IT power at that temperature.")
                    .build());

    private static FieldSpec coolingField(String what) {
        return f("cooling", ENUM)
                .allowed("air", "liquid", "immersion")
                .defaultValue("air")
                .description(what)
                .build();
    }

    private static FieldSpec pueCurveField() {
        return f("pueCurve", LIST)
                .element(PUE_POINT)
                .description("The PUE as a piecewise-linear function of the ambient temperature (constant beyond the"
                        + " first and last points), temperatures ascending; each interval's facility power = IT power x"
                        + " the curve at that interval's temperature (site.ambientTemperature). Absent = pue in every"
                        + " interval, unless pueFollowsAmbient.")
                .build();
    }

    private static FieldSpec pueFollowsAmbientField() {
        return f("pueFollowsAmbient", BOOLEAN)
                .defaultValue(false)
                .description("true without a pueCurve: the PUE follows the ambient temperature along the site's curve"
                        + " for this cooling kind (site.pueCurves) or minerai's default curve for it (docs/AI_COMPUTE.md,"
                        + " an ASSUMPTION anchored on public figures). false: constant pue.")
                .build();
    }

    public static final ObjectSpec MINER_FLEET = ObjectSpec.of(
            "minerFleet",
            "A fleet of identical ASIC miners; curtailable, may run at any fraction of its units.",
            f("name", STRING)
                    .required()
                    .description("Unique name of the asset within the site.")
                    .build(),
            f("model", STRING)
                    .required()
                    .description("Machine model, e.g. Antminer S21.")
                    .build(),
            f("unitCount", INTEGER)
                    .plausible(Plausibility.MACHINE_COUNT)
                    .required()
                    .above(0)
                    .description("Number of machines.")
                    .build(),
            f("unitHashrateThPerS", NUMBER)
                    .plausible(Plausibility.MACHINE_HASHRATE_TH_PER_S)
                    .unit("TH/s")
                    .required()
                    .above(0)
                    .description("Nameplate hashrate per machine.")
                    .build(),
            f("unitPowerW", NUMBER)
                    .plausible(Plausibility.MACHINE_POWER_W)
                    .unit("W")
                    .required()
                    .above(0)
                    .description("Power per machine at the wall.")
                    .build(),
            f("pue", NUMBER)
                    .required()
                    .atLeast(1)
                    .atMost(3)
                    .description("Facility power / machine power: cooling and electrical overhead (1.0 = none).")
                    .build(),
            f("poolFeeFraction", NUMBER)
                    .defaultValue(0.0)
                    .atLeast(0)
                    .atMost(1)
                    .description("Pool fee as a fraction of mining revenue.")
                    .build(),
            f("unitCapexUsd", NUMBER)
                    .plausible(Plausibility.MACHINE_CAPEX_USD)
                    .unit("$")
                    .defaultValue(0.0)
                    .atLeast(0)
                    .description("Purchase price per machine, for depreciation in the all-in cost per BTC (0 = sunk).")
                    .build(),
            f("depreciationYears", NUMBER)
                    .plausible(Plausibility.DEPRECIATION_YEARS)
                    .unit("years")
                    .defaultValue(3.0)
                    .above(0)
                    .description("Straight-line depreciation life of the machines.")
                    .build(),
            coolingField("How the machines are cooled: air (fans), liquid (hydro cold plates) or immersion tanks;"
                    + " chooses the default PUE curve when pueFollowsAmbient."),
            pueCurveField(),
            pueFollowsAmbientField());

    public static final ObjectSpec POWER_CAP_POINT = ObjectSpec.of(
            "powerCapPoint",
            "One cap level of a GPU cloud: throughput at a power cap.",
            f("powerFraction", NUMBER)
                    .required()
                    .above(0)
                    .atMost(1)
                    .description("IT power at this cap / full IT power.")
                    .build(),
            f("throughputFraction", NUMBER)
                    .required()
                    .above(0)
                    .atMost(1)
                    .description("Throughput at this cap / full throughput.")
                    .build());

    public static final ObjectSpec TRAINING = ObjectSpec.of(
            "training",
            "A training job on a GPU cloud: it checkpoints while running; pausing GPUs loses the work since the last"
                    + " checkpoint, resuming them costs the restart.",
            f("checkpointIntervalMinutes", NUMBER)
                    .unit("min")
                    .required()
                    .above(0)
                    .description("Running time from one checkpoint to the next (Young/Daly: sqrt(2 x write time x"
                            + " MTBF), e.g. 38 min for a 2-minute write and 6 h between failures).")
                    .build(),
            f("checkpointWriteMinutes", NUMBER)
                    .unit("min")
                    .defaultValue(0.0)
                    .atLeast(0)
                    .description("Time to write a checkpoint, without progress; less than the interval.")
                    .build(),
            f("restartMinutes", NUMBER)
                    .unit("min")
                    .defaultValue(0.0)
                    .atLeast(0)
                    .description("Time from resuming paused GPUs to progress again (reload, warm-up).")
                    .build());

    public static final ObjectSpec INFERENCE = ObjectSpec.of(
            "inference",
            "Inference on a GPU cloud: a committed share of its throughput is sold firm; shortfall pays a penalty.",
            f("committedFraction", NUMBER)
                    .required()
                    .atLeast(0)
                    .atMost(1)
                    .description("Committed share of the cloud's full throughput.")
                    .build(),
            f("slaPenaltyUsdPerMwh", NUMBER)
                    .unit("$/MWh")
                    .required()
                    .atLeast(0)
                    .description("Penalty per MWh short of the commitment (throughput short x the cloud's full"
                            + " facility MW x hours).")
                    .build());

    public static final ObjectSpec GPU_CONTRACT = ObjectSpec.of(
            "gpuContract",
            "The contracted part of a GPU cloud (capacity sold to a customer, e.g. IREN's GB300 contract with"
                    + " Microsoft): the dispatch never curtails it for price, only in the events of a demand-response or"
                    + " emergency program (markets.demandReduction, markets.flexibleCompute) and only within the"
                    + " contract's curtailment allowance of the calendar year, paying its service credits for every"
                    + " hour short. Give contractedFraction or contractedGpus, and at most one service credit rate.",
            f("contractedFraction", NUMBER)
                    .atLeast(0)
                    .atMost(1)
                    .description("Contracted share of the cloud's full power (and GPUs).")
                    .build(),
            f("contractedGpus", INTEGER)
                    .atLeast(0)
                    .description("Contracted GPUs (instead of contractedFraction); at most gpuCount.")
                    .build(),
            f("curtailmentAllowanceHoursPerYear", NUMBER)
                    .unit("h")
                    .atLeast(0)
                    .description("Event hours per calendar year (UTC) in which the contracted part may be curtailed;"
                            + " each event interval within it counts in full. Default: (1 - availabilitySla) x 8,760 h"
                            + " when availabilitySla is given, else 0 (never curtailed).")
                    .build(),
            f("serviceCreditUsdPerMwh", NUMBER)
                    .unit("$/MWh")
                    .atLeast(0)
                    .description("Service credit per MWh of contracted capacity short (share short x full facility MW"
                            + " x h).")
                    .build(),
            f("serviceCreditUsdPerGpuHour", NUMBER)
                    .unit("$/GPU-h")
                    .atLeast(0)
                    .description("Service credit per contracted GPU-hour short (instead of serviceCreditUsdPerMwh).")
                    .build(),
            f("availabilitySla", NUMBER)
                    .atLeast(0)
                    .atMost(1)
                    .description("Availability promised to the customer, e.g. 0.999 (reported; sets the default"
                            + " allowance).")
                    .build());

    public static final ObjectSpec GPU_CLOUD = ObjectSpec.of(
            "gpuCloud",
            "Own GPU cloud: GPUs of one model in a hall, rented out by the hour, training a model or serving inference,"
                    + " at full power or capped (docs/AI_COMPUTE.md).",
            f("name", STRING)
                    .required()
                    .description("Unique name of the asset within the site.")
                    .build(),
            f("gpuModel", STRING)
                    .required()
                    .description("GPU model, e.g. H100 SXM.")
                    .build(),
            f("gpuCount", INTEGER)
                    .plausible(Plausibility.MACHINE_COUNT)
                    .required()
                    .above(0)
                    .description("Number of GPUs.")
                    .build(),
            f("itKwPerGpu", NUMBER)
                    .plausible(Plausibility.GPU_POWER_KW)
                    .unit("kW")
                    .required()
                    .above(0)
                    .description("The GPU's share of its server's input power (IT load before PUE), e.g. DGX H100 max"
                            + " 10.2 kW / 8 GPUs = 1.275 kW.")
                    .build(),
            f("pue", NUMBER)
                    .required()
                    .atLeast(1)
                    .atMost(3)
                    .description("Facility power / IT power of the hall.")
                    .build(),
            f("priceUsdPerGpuHour", NUMBER)
                    .plausible(Plausibility.GPU_PRICE_USD_PER_GPU_HOUR)
                    .unit("$/GPU-h")
                    .required()
                    .atLeast(0)
                    .description("What one GPU-hour at full throughput earns: the rental price, or for a training job"
                            + " the value of one GPU-hour of progress.")
                    .build(),
            f("utilizationFraction", NUMBER)
                    .required()
                    .atLeast(0)
                    .atMost(1)
                    .description("Share of GPU-hours sold; the whole cloud draws power while running.")
                    .build(),
            f("firm", BOOLEAN)
                    .defaultValue(false)
                    .description("true: contracts oblige it to run every interval; false: it may be interrupted when"
                            + " power is worth more than its revenue per MWh.")
                    .build(),
            f("cooling", ENUM)
                    .allowed("air", "liquid", "immersion")
                    .defaultValue("air")
                    .description("The hall's cooling: air, direct-to-chip liquid or immersion. A GPU model that the"
                            + " GPU catalogue lists as needing liquid cooling (B200, B300, GB200/GB300 NVL72) is refused"
                            + " in an air-cooled hall.")
                    .build(),
            f("minPowerCapFraction", NUMBER)
                    .defaultValue(1.0)
                    .above(0)
                    .atMost(1)
                    .description("Lowest power cap the dispatch may set, as a fraction of full IT power; the cap levels"
                            + " are the throughput curve's points at or above it. 1 = run or stop only.")
                    .build(),
            f("powerCapCurve", LIST)
                    .element(POWER_CAP_POINT)
                    .description("Throughput at each cap level, ascending, ending at (1, 1), concave; default: the"
                            + " GPU catalogue's curve of the model (docs/AI_COMPUTE.md).")
                    .build(),
            f("training", OBJECT)
                    .element(TRAINING)
                    .description("The cloud runs a training job (price = value of one GPU-hour of progress); at most"
                            + " one of training and inference; neither = GPU rentals.")
                    .build(),
            f("inference", OBJECT)
                    .element(INFERENCE)
                    .description("The cloud serves inference with a committed capacity and an SLA penalty.")
                    .build(),
            f("contract", OBJECT)
                    .element(GPU_CONTRACT)
                    .description("Its contracted part, firm in dispatch; none by default (all spot capacity).")
                    .build(),
            pueCurveField(),
            pueFollowsAmbientField());

    public static final ObjectSpec COLOCATION_LEASE = ObjectSpec.of(
            "colocationLease",
            "Critical IT capacity leased to a tenant (always firm).",
            f("name", STRING)
                    .required()
                    .description("Unique name of the asset within the site.")
                    .build(),
            f("tenant", STRING).defaultValue("").description("Tenant name.").build(),
            f("criticalItMw", NUMBER)
                    .plausible(Plausibility.POWER_MW)
                    .unit("MW")
                    .required()
                    .above(0)
                    .description("Contracted critical IT capacity (servers, storage, network; excludes cooling).")
                    .build(),
            f("priceUsdPerKwMonth", NUMBER)
                    .plausible(Plausibility.RENT_USD_PER_KW_MONTH)
                    .unit("$/kW-month")
                    .required()
                    .atLeast(0)
                    .description("Rent per kW of critical IT per month; accrues by the hour within each UTC month.")
                    .build(),
            f("pue", NUMBER)
                    .required()
                    .atLeast(1)
                    .atMost(3)
                    .description("Facility power / IT power of the hall.")
                    .build(),
            f("loadFactor", NUMBER)
                    .defaultValue(1.0)
                    .atLeast(0)
                    .atMost(1)
                    .description("Share of the contracted IT capacity the tenant actually draws.")
                    .build(),
            f("energyPassThrough", BOOLEAN)
                    .defaultValue(false)
                    .description("true: the tenant reimburses its energy at cost (added to colocation revenue);"
                            + " false: energy is included in the rent.")
                    .build(),
            coolingField("The hall's cooling: air, direct-to-chip liquid or immersion; chooses the default PUE curve"
                    + " when pueFollowsAmbient."),
            pueCurveField(),
            pueFollowsAmbientField());

    private static final ObjectSpec PROFILE_ERCOT = ObjectSpec.of(
            "profile (ercot-fuel-shape)",
            "Shape of ERCOT-wide output of one fuel (bundled 15-minute fuel mix 2023-2024), normalised by its rolling"
                    + " 30-day maximum and scaled to peakCapacityFactor. A proxy when no plant data is at hand.",
            f("fuel", ENUM)
                    .allowed("Solar", "Wind", "Hydro")
                    .required()
                    .description("Fuel column.")
                    .build(),
            f("peakCapacityFactor", NUMBER)
                    .defaultValue(1.0)
                    .above(0)
                    .atMost(1)
                    .description("Capacity factor assigned to the rolling maximum.")
                    .build(),
            f("year", INTEGER)
                    .defaultValue(0)
                    .description(
                            "Take the shape from this year of the bundled data (2023 or 2024) and map it onto the scenario's"
                                    + " period by day of year; 0 = the scenario's own year.")
                    .build());

    private static final ObjectSpec PROFILE_CSV = ObjectSpec.of(
            "profile (csv)",
            "A CSV of capacity factors (0..1) with an ISO-8601 interval-start timestamp.",
            filePath(),
            f("timeColumn", STRING)
                    .defaultValue("time")
                    .description("Timestamp column.")
                    .build(),
            f("column", STRING)
                    .defaultValue("capacityFactor")
                    .description("Capacity-factor column.")
                    .build());

    private static final ObjectSpec PROFILE_CONSTANT = ObjectSpec.of(
            "profile (constant)",
            "The same capacity factor in every interval (e.g. run-of-river hydro).",
            f("capacityFactor", NUMBER)
                    .required()
                    .atLeast(0)
                    .atMost(1)
                    .description("Capacity factor.")
                    .build());

    public static final ObjectSpec PROFILE = ObjectSpec.union(
            "profile",
            "Where a generator's capacity factor per interval comes from.",
            "source",
            variants(
                    "ercot-fuel-shape", PROFILE_ERCOT,
                    "csv", PROFILE_CSV,
                    "constant", PROFILE_CONSTANT));

    public static final ObjectSpec GENERATOR = ObjectSpec.of(
            "generator",
            "On-site (behind-the-meter) generation: output = nameplate x capacity factor.",
            f("name", STRING)
                    .required()
                    .description("Unique name of the asset within the site.")
                    .build(),
            f("kind", ENUM)
                    .allowed("solar", "wind", "hydro")
                    .required()
                    .description("Technology.")
                    .build(),
            f("nameplateMw", NUMBER)
                    .plausible(Plausibility.POWER_MW)
                    .unit("MW")
                    .required()
                    .above(0)
                    .description("AC nameplate capacity.")
                    .build(),
            f("profile", OBJECT)
                    .element(PROFILE)
                    .required()
                    .description("Capacity-factor profile.")
                    .build());

    public static final ObjectSpec PPA = ObjectSpec.of(
            "ppa",
            "Fixed-price power purchase agreement settled at the real-time price: pay quantity x price every interval;"
                    + " contracted energy not used is sold back at the real-time price (power credits).",
            f("quantityMw", NUMBER)
                    .plausible(Plausibility.POWER_MW)
                    .unit("MW")
                    .required()
                    .above(0)
                    .description("Contracted block.")
                    .build(),
            f("priceUsdPerMwh", NUMBER)
                    .plausible(Plausibility.ENERGY_PRICE_USD_PER_MWH)
                    .unit("$/MWh")
                    .required()
                    .description("Fixed price.")
                    .build());

    public static final ObjectSpec OPEX = ObjectSpec.of(
            "opex",
            "Site cash operating cost besides energy; allocated to mining by its share of site energy for the cash and"
                    + " all-in cost per BTC.",
            f("fixedUsdPerMonth", NUMBER)
                    .plausible(Plausibility.SITE_COST_USD_PER_MONTH)
                    .unit("$/month")
                    .defaultValue(0.0)
                    .atLeast(0)
                    .description("Fixed cost per month (staff, security, insurance).")
                    .build(),
            f("variableUsdPerMwh", NUMBER)
                    .plausible(Plausibility.CHARGE_USD_PER_MWH)
                    .unit("$/MWh")
                    .defaultValue(0.0)
                    .atLeast(0)
                    .description("Cost per MWh consumed (maintenance, consumables).")
                    .build());

    private static final ObjectSpec AMBIENT_TEMPERATURE_CSV = ObjectSpec.of(
            "ambientTemperature (csv)",
            "A CSV of ambient dry-bulb temperatures in °C, one row per interval (e.g. exported from NOAA's Integrated"
                    + " Surface Database or Open-Meteo); validated like the other user CSVs and averaged or repeated"
                    + " onto the run's grid. No weather data is bundled.",
            filePath(),
            f("timeColumn", STRING)
                    .defaultValue("time")
                    .description("Interval-start timestamp column: ISO-8601 with an offset or Z, or local time in"
                            + " zone.")
                    .build(),
            f("valueColumn", STRING)
                    .defaultValue("temperatureC")
                    .description("Temperature column, °C.")
                    .build(),
            f("zone", STRING)
                    .description("Zone of timestamps written without an offset (e.g. America/Chicago; Open-Meteo"
                            + " exports local time); absent = such timestamps are errors.")
                    .build());

    public static final ObjectSpec AMBIENT_TEMPERATURE = ObjectSpec.union(
            "ambientTemperature",
            "Where the site's ambient (outdoor dry-bulb) temperature comes from, for loads whose PUE follows it.",
            "source",
            variants("csv", AMBIENT_TEMPERATURE_CSV));

    public static final ObjectSpec SITE_PUE_CURVE = ObjectSpec.of(
            "sitePueCurve",
            "The site's PUE curve for one cooling kind, replacing minerai's default for loads with pueFollowsAmbient.",
            f("cooling", ENUM)
                    .allowed("air", "liquid", "immersion")
                    .required()
                    .description("The cooling kind the curve is for.")
                    .build(),
            f("points", LIST)
                    .element(PUE_POINT)
                    .required()
                    .description("The curve's points, temperatures ascending.")
                    .build());

    public static final ObjectSpec SITE = ObjectSpec.of(
            "site",
            "The site: grid connection and every asset behind the meter.",
            f("name", STRING).required().description("Site name.").build(),
            f("grid", OBJECT)
                    .element(GRID)
                    .required()
                    .description("Grid connection.")
                    .build(),
            f("minerFleets", LIST)
                    .element(MINER_FLEET)
                    .description("ASIC fleets.")
                    .build(),
            f("gpuClouds", LIST)
                    .element(GPU_CLOUD)
                    .description("Own GPU clouds.")
                    .build(),
            f("colocationLeases", LIST)
                    .element(COLOCATION_LEASE)
                    .description("Colocation leases.")
                    .build(),
            f("generators", LIST)
                    .element(GENERATOR)
                    .description("On-site generation.")
                    .build(),
            f("ppa", OBJECT)
                    .element(PPA)
                    .description("Optional fixed-price PPA.")
                    .build(),
            f("opex", OBJECT)
                    .element(OPEX)
                    .description("Non-energy cash opex; none by default.")
                    .build(),
            f("ambientTemperature", OBJECT)
                    .element(AMBIENT_TEMPERATURE)
                    .description("Ambient temperature for loads whose PUE follows it (pueCurve or pueFollowsAmbient);"
                            + " absent = every PUE constant.")
                    .build(),
            f("pueCurves", LIST)
                    .element(SITE_PUE_CURVE)
                    .description("PUE curves per cooling kind for loads with pueFollowsAmbient; default: minerai's"
                            + " curves (docs/AI_COMPUTE.md).")
                    .build());

    private static final ObjectSpec GRID_FACTORS_ERCOT = ObjectSpec.of(
            "gridFactors (ercot-fuel-mix)",
            "Grid emission factors computed from the bundled ERCOT 15-minute fuel mix (2023, 2024) with built-in per-fuel"
                    + " factors; energy-weighted onto the run's step. See docs/SUSTAINABILITY.md.",
            f("factorSet", ENUM)
                    .allowed("epa-eia-combustion", "ipcc-ar5-lifecycle")
                    .defaultValue(SustainabilitySettings.DEFAULT_FACTOR_SET)
                    .description(
                            "epa-eia-combustion = combustion-only (EIA heat rates x EPA fuel factors; the basis of a"
                                    + " GHG Protocol Scope 2 inventory and of eGRID); ipcc-ar5-lifecycle = lifecycle medians of"
                                    + " IPCC AR5 WG3 Annex III (for comparison).")
                    .build(),
            f("year", INTEGER)
                    .defaultValue(0)
                    .description("Take the fuel mix of this year (2023 or 2024), mapped onto the run by day of year;"
                            + " 0 = the run's own year.")
                    .build());

    private static final ObjectSpec GRID_FACTORS_CSV = ObjectSpec.of(
            "gridFactors (csv)",
            "A CSV of grid emission factors: an ISO-8601 interval-start timestamp and kg CO2e per MWh.",
            filePath(),
            f("timeColumn", STRING)
                    .defaultValue("time")
                    .description("Timestamp column (with offset, or UTC).")
                    .build(),
            f("valueColumn", STRING)
                    .defaultValue("kgCo2ePerMwh")
                    .description("Factor column, kg CO2e/MWh.")
                    .build());

    public static final ObjectSpec GRID_FACTORS = ObjectSpec.union(
            "gridFactors",
            "Where the grid's average emission factor per interval comes from.",
            "source",
            variants("ercot-fuel-mix", GRID_FACTORS_ERCOT, "csv", GRID_FACTORS_CSV));

    public static final ObjectSpec MARKET_INSTRUMENTS = ObjectSpec.of(
            "marketInstruments",
            "Contractual instruments for the market-based Scope 2 method (GHG Protocol Scope 2 Guidance), matched to the"
                    + " grid energy consumed over the whole period.",
            f("ppaConveysEacs", BOOLEAN)
                    .defaultValue(false)
                    .description("true: the site's PPA conveys energy attribute certificates (e.g. RECs) for its"
                            + " contracted volume (quantity x hours), retained and retired for the site.")
                    .build(),
            f("ppaKgCo2ePerMwh", NUMBER)
                    .plausible(Plausibility.EMISSIONS_KG_PER_MWH)
                    .unit("kg CO2e/MWh")
                    .defaultValue(0.0)
                    .atLeast(0)
                    .description("Emission factor of the PPA's generation (0 for wind or solar).")
                    .build(),
            f("recsMwh", NUMBER)
                    .unit("MWh")
                    .defaultValue(0.0)
                    .atLeast(0)
                    .description("Unbundled RECs/EACs bought and retired for the period (zero-emission generation).")
                    .build(),
            f("residualMixKgCo2ePerMwh", NUMBER)
                    .plausible(Plausibility.EMISSIONS_KG_PER_MWH)
                    .unit("kg CO2e/MWh")
                    .atLeast(0)
                    .description("Residual-mix factor for grid energy not covered by instruments (e.g. the Green-e"
                            + " residual mix of eGRID subregion ERCT, green-e.org/residual-mix). Absent: the grid average"
                            + " factor is used, the last step of the Guidance's hierarchy, and the report says so.")
                    .build());

    public static final ObjectSpec FLEXIBILITY_THRESHOLDS = ObjectSpec.of(
            "flexibilityThresholds",
            "What counts as a high-price or high-load interval in the flexibility metrics.",
            f("highPricePercentile", NUMBER)
                    .defaultValue(95.0)
                    .atLeast(0)
                    .atMost(100)
                    .description("High price = at or above this percentile of the run's prices (nearest rank).")
                    .build(),
            f("highPriceUsdPerMwh", NUMBER)
                    .plausible(Plausibility.ENERGY_PRICE_USD_PER_MWH)
                    .unit("$/MWh")
                    .description("A fixed price threshold used instead of the percentile when given.")
                    .build(),
            f("highLoadPercentile", NUMBER)
                    .defaultValue(95.0)
                    .atLeast(0)
                    .atMost(100)
                    .description("High load = ERCOT system net generation (the fuel-mix proxy for system load) at or"
                            + " above this percentile over the run.")
                    .build());

    public static final ObjectSpec SUSTAINABILITY = ObjectSpec.of(
            "sustainability",
            "Inputs of the sustainability report: grid emission factors, contractual instruments, flexibility"
                    + " thresholds. Optional; every field has a default. Method: docs/SUSTAINABILITY.md.",
            f("gridFactors", OBJECT)
                    .element(GRID_FACTORS)
                    .description(
                            "Grid emission factors; default {source: ercot-fuel-mix, factorSet: epa-eia-combustion}.")
                    .build(),
            f("market", OBJECT)
                    .element(MARKET_INSTRUMENTS)
                    .description("Contractual instruments for market-based Scope 2; none by default.")
                    .build(),
            f("flexibility", OBJECT)
                    .element(FLEXIBILITY_THRESHOLDS)
                    .description("Thresholds of the flexibility metrics; default 95th percentiles.")
                    .build());

    private static final ObjectSpec PEAK_SOURCE_FUEL_MIX = ObjectSpec.of(
            "peakSource (ercot-fuel-mix)",
            "ERCOT system load approximated by total generation in the bundled 15-minute fuel mix (2023, 2024; all fuels"
                    + " net of storage charging, DC-tie flows not included). Its monthly peaks approximate the official"
                    + " 4CP intervals.",
            f("year", INTEGER)
                    .defaultValue(0)
                    .description("Year of the bundled fuel mix (2023 or 2024); 0 = the scenario's own year.")
                    .build());

    private static final ObjectSpec PEAK_SOURCE_CSV = ObjectSpec.of(
            "peakSource (csv)",
            "A CSV of ERCOT system load (e.g. ERCOT's published 15-minute load), one row per interval.",
            filePath(),
            f("timeColumn", STRING)
                    .defaultValue("time")
                    .description("ISO-8601 interval-start timestamp column.")
                    .build(),
            f("loadColumn", STRING)
                    .defaultValue("systemLoadMw")
                    .description("System load column, MW.")
                    .build());

    public static final ObjectSpec PEAK_SOURCE = ObjectSpec.union(
            "peakSource",
            "Where the ERCOT system load behind the 4CP peaks comes from.",
            "source",
            variants("ercot-fuel-mix", PEAK_SOURCE_FUEL_MIX, "csv", PEAK_SOURCE_CSV));

    public static final ObjectSpec COINCIDENT_PEAK = ObjectSpec.of(
            "coincidentPeak",
            "ERCOT 4CP transmission charge: the site's tag is its average grid import in the four monthly 15-minute"
                    + " system peaks of June-September; the charge is tag x tariff (16 TAC 25.192). Settled for every"
                    + " policy alike. See docs/OPTIMIZE.md.",
            f("tariffUsdPerKwYear", NUMBER)
                    .plausible(Plausibility.TRANSMISSION_USD_PER_KW_YEAR)
                    .unit("$/kW-year")
                    .required()
                    .atLeast(0)
                    .description(
                            "Transmission rate per kW of 4CP tag per year (TSP tariffs quote about $50-150/kW-year;"
                                    + " DOMAIN.md 3.1).")
                    .build(),
            f("peakSource", OBJECT)
                    .element(PEAK_SOURCE)
                    .description("System load source; default {source: ercot-fuel-mix}.")
                    .build(),
            f("rule", ENUM)
                    .allowed("hindsight", "alert")
                    .defaultValue("hindsight")
                    .description("How the optimiser responds: hindsight = the peaks are known (an upper bound); alert ="
                            + " curtail all curtailable load in June-September whenever system load is within"
                            + " alertWithinFraction of the month's running peak.")
                    .build(),
            f("alertWithinFraction", NUMBER)
                    .defaultValue(0.03)
                    .above(0)
                    .atMost(0.5)
                    .description("Alert threshold of the alert rule, e.g. 0.03 = within 3 % of the running peak.")
                    .build(),
            f("variant", ENUM)
                    .allowed("4cp", "12cp")
                    .defaultValue("4cp")
                    .description("4cp = the rule in force (four monthly 15-minute peaks, June-September); 12cp = the"
                            + " PUCT Project 58484 staff proposal as a what-if (twelve monthly 30-minute peaks, with"
                            + " minimumBillingMw).")
                    .build(),
            f("minimumBillingMw", NUMBER)
                    .unit("MW")
                    .defaultValue(0)
                    .atLeast(0)
                    .description("Minimum billing demand: the charge is max(tag, this) x tariff (12cp what-if).")
                    .build());

    public static final ObjectSpec ANCILLARY = ObjectSpec.of(
            "ancillary",
            "Ancillary services offered as a load resource from curtailable running load (miners, interruptible GPU"
                    + " clouds), paid at the bundled ERCOT day-ahead clearing prices ($/MW-h). Deployment energy effects"
                    + " are not modelled.",
            f("offerRrs", BOOLEAN)
                    .defaultValue(true)
                    .description("Offer Responsive Reserve Service (RRS).")
                    .build(),
            f("offerEcrs", BOOLEAN)
                    .defaultValue(true)
                    .description("Offer ERCOT Contingency Reserve Service (ECRS).")
                    .build(),
            f("offerNonSpin", BOOLEAN)
                    .defaultValue(true)
                    .description("Offer Non-Spinning Reserve.")
                    .build(),
            f("maxOfferFraction", NUMBER)
                    .defaultValue(1.0)
                    .atLeast(0)
                    .atMost(1)
                    .description("Share of the curtailable running load that may be offered in total.")
                    .build(),
            f("offerRegUp", BOOLEAN)
                    .defaultValue(false)
                    .description("Offer Regulation Up (ERCOT).")
                    .build(),
            f("otherProducts", STRING)
                    .defaultValue("")
                    .description("Further reserve products of the market pack, comma-separated (e.g. NEM FCAS"
                            + " RAISE6SEC, RAISE60SEC, RAISE5MIN); their prices come from market.data.ancillaryPrices.")
                    .build(),
            f("participation", ENUM)
                    .allowed("load-resource", "controllable-load-resource")
                    .defaultValue("load-resource")
                    .description("After ERCOT's RTC+B: a load resource keeps its day-ahead award where it can and buys"
                            + " back a shortfall at the real-time price; a Controllable Load Resource is dispatched by"
                            + " SCED, and its curtailable running load beyond the day-ahead award earns the real-time"
                            + " price.")
                    .build());

    public static final ObjectSpec DEMAND_REDUCTION_EVENTS_CSV = ObjectSpec.of(
            "events (csv)",
            "A CSV of events: one row per event with its start and end (ISO-8601 with an offset).",
            filePath(),
            f("startColumn", STRING)
                    .defaultValue("start")
                    .description("Event start column.")
                    .build(),
            f("endColumn", STRING)
                    .defaultValue("end")
                    .description("Event end column (exclusive).")
                    .build());

    public static final ObjectSpec DEMAND_REDUCTION_EVENTS_PRICE = ObjectSpec.of(
            "events (price-at-least)",
            "A stated proxy, not a deployment record: an event in every interval whose real-time price is at least"
                    + " the threshold.",
            f("thresholdUsdPerMwh", NUMBER)
                    .unit("$/MWh")
                    .required()
                    .description("Price threshold.")
                    .build());

    public static final ObjectSpec DEMAND_REDUCTION_EVENTS = ObjectSpec.union(
            "demandReductionEvents",
            "When emergency events happen.",
            "source",
            variants("csv", DEMAND_REDUCTION_EVENTS_CSV, "price-at-least", DEMAND_REDUCTION_EVENTS_PRICE));

    public static final ObjectSpec DEMAND_REDUCTION = ObjectSpec.of(
            "demandReduction",
            "An emergency demand-reduction service (Texas SB 6, loads of 75 MW and more: procured by ERCOT,"
                    + " emergencies only, 24-hour notice): paid per committed MW-hour while in force; during an event"
                    + " the site must hold its grid import at or below its firm service level, and import above it is"
                    + " charged per MWh.",
            f("firmServiceLevelMw", NUMBER)
                    .unit("MW")
                    .required()
                    .atLeast(0)
                    .description("The most the site may import during an event.")
                    .build(),
            f("committedMw", NUMBER)
                    .unit("MW")
                    .defaultValue(0)
                    .atLeast(0)
                    .description("MW committed (reported); 0 = import cap minus firm service level.")
                    .build(),
            f("availabilityUsdPerMwHour", NUMBER)
                    .unit("$/MW-h")
                    .required()
                    .atLeast(0)
                    .description("Payment per committed MW per hour in force (no SB 6 price is public yet: state your"
                            + " assumption).")
                    .build(),
            f("penaltyUsdPerMwh", NUMBER)
                    .unit("$/MWh")
                    .required()
                    .atLeast(0)
                    .description("Charge per MWh imported above the firm service level during an event.")
                    .build(),
            f("noticeHours", NUMBER)
                    .unit("h")
                    .defaultValue(24)
                    .atLeast(0)
                    .description("Notice before an event (SB 6: 24 h); policies know events this far ahead.")
                    .build(),
            f("from", INSTANT)
                    .description("First day in force (default 2025-06-20, SB 6's effective date); a period wholly"
                            + " before it is refused.")
                    .build(),
            f("events", OBJECT)
                    .element(DEMAND_REDUCTION_EVENTS)
                    .required()
                    .description("When events happen.")
                    .build());

    public static final ObjectSpec FLEXIBLE_COMPUTE_EVENTS = ObjectSpec.of(
            "flexibleComputeEvents",
            "The events the utility called: a CSV with one row per event, its start and end (ISO-8601 with an"
                    + " offset).",
            filePath(),
            f("startColumn", STRING)
                    .defaultValue("start")
                    .description("Event start column.")
                    .build(),
            f("endColumn", STRING)
                    .defaultValue("end")
                    .description("Event end column (exclusive).")
                    .build());

    public static final ObjectSpec FLEXIBLE_COMPUTE = ObjectSpec.of(
            "flexibleCompute",
            "A flexible-compute demand-response contract with the utility, in the style of Google's agreements with"
                    + " Indiana Michigan Power and TVA for machine-learning workloads (2025): paid for committed"
                    + " curtailable MW; in an event the site must hold its grid import at or below its firm level;"
                    + " missing it repays part of the annual payment (claw-back per event: clawbackFraction x min(1,"
                    + " average MW above the firm level / committed MW) x annual availability payment, at most that"
                    + " payment per calendar year). Any market. Give exactly one availability rate.",
            f("committedMw", NUMBER)
                    .unit("MW")
                    .required()
                    .above(0)
                    .description("Curtailable MW committed (paid).")
                    .build(),
            f("firmLevelMw", NUMBER)
                    .unit("MW")
                    .required()
                    .atLeast(0)
                    .description("The most the site may import during an event.")
                    .build(),
            f("availabilityUsdPerMwMonth", NUMBER)
                    .unit("$/MW-month")
                    .atLeast(0)
                    .description("Payment per committed MW per month (a month = 730 h).")
                    .build(),
            f("availabilityUsdPerMwHour", NUMBER)
                    .unit("$/MW-h")
                    .atLeast(0)
                    .description("Payment per committed MW per hour (instead of per month).")
                    .build(),
            f("clawbackFraction", NUMBER)
                    .required()
                    .atLeast(0)
                    .atMost(1)
                    .description("Share of the annual availability payment repaid for an event missed by the whole"
                            + " committed MW (pro rata for a partial miss).")
                    .build(),
            f("noticeHours", NUMBER)
                    .unit("h")
                    .defaultValue(24)
                    .atLeast(0)
                    .description("Notice before an event; policies know events this far ahead.")
                    .build(),
            f("events", OBJECT)
                    .element(FLEXIBLE_COMPUTE_EVENTS)
                    .required()
                    .description("When the utility called events.")
                    .build());

    public static final ObjectSpec PEAK_HOUR = ObjectSpec.of(
            "peakHour",
            "One coincident peak hour.",
            f("start", INSTANT)
                    .required()
                    .description("Hour start, ISO-8601 with an offset.")
                    .build());

    public static final ObjectSpec CAPACITY_OBLIGATION = ObjectSpec.of(
            "capacityObligation",
            "PJM's capacity obligation: the site's peak load contribution (PLC) = average grid import in the five"
                    + " summer coincident peak hours (June-September) x scalingFactor, charged for the following"
                    + " delivery year (1 June - 31 May) at that year's RPM clearing price per MW-day (bundled, docs/"
                    + "DATA.md). The run charges what its own peak hours set, in those hours.",
            f("lda", STRING)
                    .defaultValue("RTO")
                    .description("Locational deliverability area of the clearing price (RTO, BGE, DOM; RTO where the"
                            + " table has no zonal price).")
                    .build(),
            f("scalingFactor", NUMBER)
                    .defaultValue(1.0)
                    .above(0)
                    .atMost(2)
                    .description("PJM's obligation peak load and forecast pool requirement factors combined.")
                    .build(),
            f("peakHours", LIST)
                    .element(PEAK_HOUR)
                    .description("The five peak hours (e.g. PJM's published 5CP); absent = the five highest daily peaks"
                            + " of June-September in market.data.systemLoad.")
                    .build());

    public static final ObjectSpec MARKETS = ObjectSpec.of(
            "markets",
            "Market programs beyond energy. Optional; absent = energy only (the foundation behaviour).",
            f("coincidentPeak", OBJECT)
                    .element(COINCIDENT_PEAK)
                    .description("ERCOT 4CP transmission charge; none by default.")
                    .build(),
            f("ancillary", OBJECT)
                    .element(ANCILLARY)
                    .description("Ancillary-service offers; none by default.")
                    .build(),
            f("demandReduction", OBJECT)
                    .element(DEMAND_REDUCTION)
                    .description("Emergency demand-reduction service (Texas SB 6); none by default.")
                    .build(),
            f("capacityObligation", OBJECT)
                    .element(CAPACITY_OBLIGATION)
                    .description("PJM capacity obligation; none by default.")
                    .build(),
            f("flexibleCompute", OBJECT)
                    .element(FLEXIBLE_COMPUTE)
                    .description("Flexible-compute demand-response contract with the utility; none by default.")
                    .build());

    // ------------------------------------------------------------------------------------------------- market

    private static final ObjectSpec MARKET_DATA_BUNDLED = ObjectSpec.of(
            "market data (bundled)",
            "A dataset bundled with minerai (docs/DATA.md): aemo-vic1-2025 (NEM Victoria, 5-minute, AUD),"
                    + " aemo-nsw1-2025-hourly (NEM New South Wales, hourly, AUD), pjm-hub-lmp-2025-summer (PJM Western"
                    + " and Dominion hubs, DA and RT, USD), de-lu-dayahead (EUR, 2024-2025), no2-dayahead-2024 (EUR).",
            f("dataset", STRING)
                    .required()
                    .description("The bundled dataset id.")
                    .build());

    private static final ObjectSpec MARKET_DATA_PUBLISHER_FILE = ObjectSpec.of(
            "market data (publisher-file)",
            "A file (or a folder of files) exactly as its publisher publishes it; the format fixes clock, currency and"
                    + " units.",
            filePath(),
            f("format", ENUM)
                    .required()
                    .allowed(
                            "aemo-price-and-demand",
                            "openelectricity",
                            "pjm-data-miner-lmp",
                            "pjm-rpm-clearing-prices",
                            "energy-charts-day-ahead",
                            "entsoe-day-ahead-extract")
                    .description("The publisher's layout.")
                    .build());

    private static final ObjectSpec MARKET_DATA_CSV = ObjectSpec.of(
            "market data (csv)",
            "A generic timestamped CSV with everything a publisher's format would fix declared.",
            filePath(),
            f("timeColumn", STRING).required().description("Timestamp column.").build(),
            f("valueColumn", STRING).required().description("Value column.").build(),
            f("currency", STRING)
                    .description("ISO 4217 code of a price column (e.g. AUD); required for prices, absent for"
                            + " quantities such as system load.")
                    .build(),
            f("zone", STRING)
                    .required()
                    .description("Zone of local timestamps (e.g. America/Chicago, +10:00, UTC); ignored for stamps"
                            + " with an offset.")
                    .build(),
            f("convention", ENUM)
                    .required()
                    .allowed("starting", "ending")
                    .description("Whether a timestamp marks its interval's start or end.")
                    .build(),
            f("step", STRING)
                    .required()
                    .description("The interval length of the file (5m, 15m, 30m, 1h, PT15M); rows at another spacing"
                            + " are refused where they occur.")
                    .build(),
            f("timeFormat", STRING)
                    .description("A java.time pattern for timestamps that are not ISO-8601, e.g. yyyy/MM/dd HH:mm:ss.")
                    .build());

    public static final ObjectSpec MARKET_DATA_SOURCE = ObjectSpec.union(
            "marketDataSource",
            "Where one market series comes from.",
            "source",
            variants(
                    "bundled", MARKET_DATA_BUNDLED,
                    "publisher-file", MARKET_DATA_PUBLISHER_FILE,
                    "csv", MARKET_DATA_CSV));

    public static final ObjectSpec PRODUCT_PRICES = ObjectSpec.of(
            "productPrices",
            "Prices of one reserve product, in the market's currency per MW-h.",
            f("product", STRING)
                    .required()
                    .description("A reserve product of the market pack (e.g. RRS, ECRS, NSPIN, REGUP; RAISE6SEC).")
                    .build(),
            f("prices", OBJECT)
                    .element(MARKET_DATA_SOURCE)
                    .required()
                    .description("Where the product's prices come from.")
                    .build());

    public static final ObjectSpec MARKET_DATA = ObjectSpec.of(
            "marketData",
            "The market's series beyond the prices section. Each is resolved by minerai-data onto the run's grid;"
                    + " relative paths resolve against the scenario file's folder.",
            f("prices", OBJECT)
                    .element(MARKET_DATA_SOURCE)
                    .description("Real-time (spot) energy prices; use with prices: {source: market}.")
                    .build(),
            f("dayAheadPrices", OBJECT)
                    .element(MARKET_DATA_SOURCE)
                    .description("Day-ahead energy prices, when the data has them.")
                    .build(),
            f("systemLoad", OBJECT)
                    .element(MARKET_DATA_SOURCE)
                    .description("System load (MW) behind peak-based programs, e.g. AEMO demand or a user file.")
                    .build(),
            f("ancillaryPrices", LIST)
                    .element(PRODUCT_PRICES)
                    .description("Capacity prices of reserve products (NEM FCAS); ERCOT's day-ahead MCPCs are bundled.")
                    .build(),
            f("realTimeAncillaryPrices", LIST)
                    .element(PRODUCT_PRICES)
                    .description("Real-time reserve prices (ERCOT after RTC+B); deviations are not settled without"
                            + " them.")
                    .build());

    private static final ObjectSpec FX_CONSTANT = ObjectSpec.of(
            "fx (constant)",
            "One stated rate for the whole run.",
            f("usdPerUnit", NUMBER)
                    .unit("USD per unit of the market currency")
                    .required()
                    .above(0)
                    .description("E.g. 0.65 for 1 AUD = 0.65 USD. Say where the figure comes from in the description.")
                    .build());

    private static final ObjectSpec FX_DAILY_CSV = ObjectSpec.of(
            "fx (daily-csv)",
            "A CSV of daily rates (date yyyy-MM-dd, USD per unit of the market currency); a day without a rate takes"
                    + " the latest earlier one within four days, and stays missing beyond that.",
            filePath(),
            f("dateColumn", STRING)
                    .defaultValue("date")
                    .description("Date column.")
                    .build(),
            f("rateColumn", STRING)
                    .defaultValue("usdPerUnit")
                    .description("Rate column.")
                    .build());

    public static final ObjectSpec FX = ObjectSpec.union(
            "fx",
            "The exchange rate that turns the market's prices into USD (the engine's currency); required when the"
                    + " market is not in USD.",
            "source",
            variants("constant", FX_CONSTANT, "daily-csv", FX_DAILY_CSV));

    public static final ObjectSpec MARKET = ObjectSpec.of(
            "market",
            "The market that settles the site: its pack (clock, settlement step, currency, price limits, products,"
                    + " programs with their dates; docs/MARKETS.md), node, rules, data and exchange rate. Absent ="
                    + " inferred from the prices section (ERCOT for the bundled and NP6-905 sources, a generic USD"
                    + " market for a plain CSV).",
            f("pack", ENUM)
                    .allowed("ercot", "nem", "pjm", "eu-day-ahead", "generic")
                    .required()
                    .description("The market pack.")
                    .build(),
            f("node", STRING)
                    .description("Region, hub or bidding zone of the data (e.g. VIC1, WESTERN HUB, DE-LU); ERCOT uses"
                            + " site.grid.settlementPoint.")
                    .build(),
            f("rules", ENUM)
                    .allowed("by-date", "ercot-2024", "rtc-b")
                    .defaultValue("by-date")
                    .description("Which rule set applies: by-date = the rules in force on each date (ERCOT: before"
                            + " RTC+B until 2025-12-04, RTC+B from 2025-12-05); or one fixed set as a what-if.")
                    .build(),
            f("data", OBJECT)
                    .element(MARKET_DATA)
                    .description("The market's data sources.")
                    .build(),
            f("fx", OBJECT)
                    .element(FX)
                    .description("USD per unit of the market currency; required when the market is not in USD.")
                    .build());

    public static final ObjectSpec FLEET_CONTROL = ObjectSpec.of(
            "fleetControl",
            "Operating limits of one miner fleet for the optimiser.",
            f("fleet", STRING)
                    .required()
                    .description("Name of the miner fleet (site.minerFleets[].name).")
                    .build(),
            f("blockCount", INTEGER)
                    .atMost(1_000)
                    .usually(Double.NaN, 100)
                    .defaultValue(0)
                    .atLeast(0)
                    .description(
                            "Switch the fleet in this many equal blocks (a mixed-integer model); 0 = any fraction.")
                    .build(),
            f("minOnIntervals", INTEGER)
                    .atMost(ScenarioValidator.MAX_INTERVALS)
                    .defaultValue(1)
                    .atLeast(1)
                    .description("A started block stays on at least this many intervals (needs blockCount).")
                    .build(),
            f("minOffIntervals", INTEGER)
                    .atMost(ScenarioValidator.MAX_INTERVALS)
                    .defaultValue(1)
                    .atLeast(1)
                    .description("A stopped block stays off at least this many intervals (needs blockCount).")
                    .build(),
            f("maxRestoreMwPerInterval", NUMBER)
                    .plausible(Plausibility.POWER_MW)
                    .unit("MW")
                    .defaultValue(0.0)
                    .atLeast(0)
                    .description(
                            "Most facility MW restarted from one interval to the next (batched restart avoids inrush"
                                    + " and pool reconnect storms); 0 = no limit.")
                    .build());

    public static final ObjectSpec GPU_JOB = ObjectSpec.of(
            "gpuJob",
            "A deferrable GPU job (training or batch work): energy or GPU-hours due within a window, run at any power up"
                    + " to its maximum. Give energyMwh, or gpuHours with facilityKwPerGpu.",
            f("name", STRING).required().description("Job name.").build(),
            f("maxPowerMw", NUMBER)
                    .plausible(Plausibility.POWER_MW)
                    .unit("MW")
                    .required()
                    .above(0)
                    .description("Facility power at full speed.")
                    .build(),
            f("energyMwh", NUMBER)
                    .unit("MWh")
                    .defaultValue(0.0)
                    .atLeast(0)
                    .description("Facility energy the job needs.")
                    .build(),
            f("gpuHours", NUMBER)
                    .unit("GPU-h")
                    .defaultValue(0.0)
                    .atLeast(0)
                    .description("GPU-hours the job needs (instead of energyMwh).")
                    .build(),
            f("facilityKwPerGpu", NUMBER)
                    .plausible(Plausibility.GPU_POWER_KW)
                    .unit("kW")
                    .defaultValue(0.0)
                    .atLeast(0)
                    .description("Facility power per GPU (IT kW x PUE); converts gpuHours to energy.")
                    .build(),
            f("windowStart", INSTANT).required().description("Earliest start.").build(),
            f("deadline", INSTANT)
                    .required()
                    .description("The work is due by this instant.")
                    .build(),
            f("valueUsdPerMwh", NUMBER)
                    .plausible(Plausibility.ENERGY_PRICE_USD_PER_MWH)
                    .unit("$/MWh")
                    .defaultValue(0.0)
                    .description("Revenue per facility MWh of work done.")
                    .build(),
            f("required", BOOLEAN)
                    .defaultValue(true)
                    .description("true: all of it must be done by the deadline; false: only what pays.")
                    .build(),
            f("gpuModel", STRING)
                    .defaultValue("")
                    .description("GPU model the job runs on (GPU catalogue name or alias, e.g. H100 SXM): its GPU-hours"
                            + " then count FLOPs at full throughput in the run's computePrecision; needs"
                            + " facilityKwPerGpu. Empty: GPU-hours only.")
                    .build());

    public static final ObjectSpec OPTIMIZE = ObjectSpec.of(
            "optimize",
            "Optimiser settings and flexibility beyond the site's assets. Optional; absent = perfect foresight over the"
                    + " whole period, continuous fleets, no jobs. See docs/OPTIMIZE.md.",
            f("forecast", ENUM)
                    .allowed("perfect", "day-ahead", "persistence")
                    .defaultValue("perfect")
                    .description("What the optimiser knows of real-time prices: perfect = one solve over the period (an"
                            + " upper bound); day-ahead = plan on day-ahead prices, re-optimise on real-time prices"
                            + " (rolling); persistence = plan on yesterday's real-time prices (rolling).")
                    .build(),
            f("windowHours", INTEGER)
                    .atMost(10 * 8784)
                    .unit("h")
                    .defaultValue(48)
                    .atLeast(1)
                    .description("Rolling-horizon look-ahead.")
                    .build(),
            f("commitHours", INTEGER)
                    .atMost(10 * 8784)
                    .unit("h")
                    .defaultValue(24)
                    .atLeast(1)
                    .description("Hours committed from each window before rolling on.")
                    .build(),
            f("solver", ENUM)
                    .allowed("glop", "highs_lp", "pdlp", "highs", "scip", "sat", "ojalgo")
                    .defaultValue("glop")
                    .description(
                            "Solver backend (OR-Tools GLOP (fastest on the stacked year, docs/PERFORMANCE.md)/HiGHS/PDLP for LPs, HiGHS/SCIP/CP-SAT for integer blocks,"
                                    + " ojalgo in pure Java for small models). An LP backend is replaced by scip when fleets are"
                                    + " switched in blocks.")
                    .build(),
            f("fleetControls", LIST)
                    .element(FLEET_CONTROL)
                    .description("Integer blocks, minimum on/off times and restore limits per fleet; none by default.")
                    .build(),
            f("gpuJobs", LIST)
                    .element(GPU_JOB)
                    .description("Deferrable GPU jobs; none by default.")
                    .build());

    public static final ObjectSpec SCENARIO = ObjectSpec.of(
            "scenario",
            "A whole scenario file (YAML or JSON).",
            f("name", STRING)
                    .required()
                    .description("Short name of the scenario.")
                    .build(),
            f("description", STRING)
                    .defaultValue("")
                    .description("Free text; cite the sources of your figures here.")
                    .build(),
            f("period", OBJECT)
                    .element(PERIOD)
                    .required()
                    .description("Time grid of the run.")
                    .build(),
            f("prices", OBJECT)
                    .element(PRICES)
                    .description("Energy prices; default {source: ercot-bundled, market: RTM}.")
                    .build(),
            f("bitcoin", OBJECT)
                    .element(BITCOIN)
                    .description("Bitcoin network data; default {source: coinmetrics-bundled}.")
                    .build(),
            f("site", OBJECT).element(SITE).required().description("The site.").build(),
            f("sustainability", OBJECT)
                    .element(SUSTAINABILITY)
                    .description("Inputs of the sustainability report; defaults when absent.")
                    .build(),
            f("markets", OBJECT)
                    .element(MARKETS)
                    .description(
                            "Market programs beyond energy (coincident peaks, ancillary services, demand reduction, capacity); energy only when absent.")
                    .build(),
            f("optimize", OBJECT)
                    .element(OPTIMIZE)
                    .description("Optimiser settings, fleet controls and deferrable GPU jobs; defaults when absent.")
                    .build(),
            f("market", OBJECT)
                    .element(MARKET)
                    .description("The market pack, node, rules, data and exchange rate; inferred from prices when"
                            + " absent.")
                    .build(),
            f("computePrecision", ENUM)
                    .allowed("bf16-dense", "fp8-dense")
                    .defaultValue("bf16-dense")
                    .description("The number format compute delivered is counted in (FLOP-hours from the GPU"
                            + " catalogue's dense throughput in it); the CLI's --compute-precision overrides it.")
                    .build());

    /** Every object spec, in documentation order. */
    public static List<ObjectSpec> all() {
        return List.of(
                SCENARIO,
                PERIOD,
                PRICES,
                BITCOIN,
                SITE,
                GRID,
                TARIFF_ADDER,
                MINER_FLEET,
                GPU_CLOUD,
                POWER_CAP_POINT,
                TRAINING,
                INFERENCE,
                GPU_CONTRACT,
                COLOCATION_LEASE,
                PUE_POINT,
                AMBIENT_TEMPERATURE,
                SITE_PUE_CURVE,
                GENERATOR,
                PROFILE,
                PPA,
                OPEX,
                SUSTAINABILITY,
                GRID_FACTORS,
                MARKET_INSTRUMENTS,
                FLEXIBILITY_THRESHOLDS,
                MARKET,
                MARKET_DATA,
                MARKET_DATA_SOURCE,
                PRODUCT_PRICES,
                FX,
                MARKETS,
                COINCIDENT_PEAK,
                PEAK_SOURCE,
                ANCILLARY,
                DEMAND_REDUCTION,
                DEMAND_REDUCTION_EVENTS,
                CAPACITY_OBLIGATION,
                PEAK_HOUR,
                FLEXIBLE_COMPUTE,
                FLEXIBLE_COMPUTE_EVENTS,
                OPTIMIZE,
                FLEET_CONTROL,
                GPU_JOB);
    }

    private static Map<String, ObjectSpec> variants(Object... kv) {
        Map<String, ObjectSpec> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], (ObjectSpec) kv[i + 1]);
        }
        return m;
    }
}
