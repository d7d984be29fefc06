package io.minerai.planning;

import static io.minerai.core.scenario.FieldKind.BOOLEAN;
import static io.minerai.core.scenario.FieldKind.ENUM;
import static io.minerai.core.scenario.FieldKind.INTEGER;
import static io.minerai.core.scenario.FieldKind.LIST;
import static io.minerai.core.scenario.FieldKind.NUMBER;
import static io.minerai.core.scenario.FieldKind.OBJECT;
import static io.minerai.core.scenario.FieldKind.STRING;

import io.minerai.core.scenario.FieldKind;
import io.minerai.core.scenario.FieldSpec;
import io.minerai.core.scenario.ObjectSpec;
import io.minerai.core.scenario.Plausibility;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The plan file format ({@code plan:} document), built from core's {@link FieldSpec}/{@link ObjectSpec} so the reader
 * reports every problem with its path, rejects unknown fields, and docs/PLANNING.md's reference is generated from
 * it. Defaults cite docs/PLANNING.md's sources (../shared/reference/DOMAIN.md); plain assumptions say so.
 */
public final class PlanSchema {
    private PlanSchema() {}

    /** Default resale curve: midpoints of the cited H100 secondary-market ranges. */
    public static final List<Double> DEFAULT_RESIDUAL = List.of(1.0, 0.625, 0.425, 0.30, 0.175, 0.125);

    private static final String DEFAULT_RESIDUAL_TEXT = "[1.0, 0.625, 0.425, 0.3, 0.175, 0.125]";

    private static FieldSpec.Builder f(String name, FieldKind kind) {
        return FieldSpec.builder(name, kind);
    }

    /** A list of names or numbers (not objects); read by {@link PlanReader}, documented as such. */
    static FieldSpec.Builder names(String name) {
        return f(name, LIST).defaultValue("[]");
    }

    private static FieldSpec month(String name, String what) {
        return f(name, INTEGER)
                .required()
                .atLeast(0)
                .unit("month index")
                .description(what + " Month index from the plan start (0 = the start month).")
                .build();
    }

    public static final ObjectSpec SITE = ObjectSpec.of(
            "site",
            "The site as a whole: its interconnection and fixed costs.",
            f("name", STRING).required().description("Site name.").build(),
            f("gridMw", NUMBER)
                    .plausible(Plausibility.POWER_MW)
                    .unit("MW")
                    .required()
                    .above(0)
                    .description("Power the site may draw at the meter; mining, halls under construction and AI halls"
                            + " share it.")
                    .build(),
            f("siteOpexUsdPerMonth", NUMBER)
                    .unit("$/month")
                    .defaultValue(0.0)
                    .atLeast(0)
                    .description("Fixed site cash opex (staff, security, insurance) whatever the MW do.")
                    .build(),
            f("overheadUsdPerMonth", NUMBER)
                    .unit("$/month")
                    .defaultValue(0.0)
                    .atLeast(0)
                    .description("Corporate overhead (G&A) charged to the site.")
                    .build());

    private static final ObjectSpec POWER_DECK = ObjectSpec.of(
            "power (deck)",
            "A flat price deck: the same price every hour of a year, escalated yearly.",
            f("usdPerMwh", NUMBER)
                    .plausible(Plausibility.ENERGY_PRICE_USD_PER_MWH)
                    .unit("$/MWh")
                    .required()
                    .description("Wholesale price in the first plan year.")
                    .build(),
            f("escalatorPerYear", NUMBER)
                    .defaultValue(0.0)
                    .atLeast(-0.5)
                    .atMost(1)
                    .description("Yearly escalation of the wholesale price (0.02 = +2 %/yr).")
                    .build(),
            f("adderUsdPerMwh", NUMBER)
                    .plausible(Plausibility.CHARGE_USD_PER_MWH)
                    .unit("$/MWh")
                    .defaultValue(0.0)
                    .description("Charges per MWh on top of the wholesale price (transmission, fees).")
                    .build());

    private static final ObjectSpec POWER_ERCOT = ObjectSpec.of(
            "power (ercot-resampled)",
            "Real ERCOT hourly prices (bundled 2024-01 .. 2026-03): each plan month is built from real days of the same"
                    + " calendar month, resampled with replacement in the Monte Carlo (the pooled average month in the"
                    + " deterministic plan). Mining runs only in hours when it earns more than the power costs.",
            f("settlementPoint", STRING)
                    .defaultValue("HB_WEST")
                    .description("Hub or load zone, e.g. HB_WEST, LZ_WEST.")
                    .build(),
            f("market", ENUM)
                    .allowed("RTM", "DAM")
                    .defaultValue("RTM")
                    .description("RTM = real-time (hourly mean of 15-minute prices), DAM = day-ahead.")
                    .build(),
            f("escalatorPerYear", NUMBER)
                    .defaultValue(0.0)
                    .atLeast(-0.5)
                    .atMost(1)
                    .description("Yearly escalation applied to the resampled prices.")
                    .build(),
            f("adderUsdPerMwh", NUMBER)
                    .plausible(Plausibility.CHARGE_USD_PER_MWH)
                    .unit("$/MWh")
                    .defaultValue(0.0)
                    .description("Charges per MWh on top of the wholesale price (transmission, fees).")
                    .build());

    public static final ObjectSpec POWER = ObjectSpec.union(
            "power",
            "Where power prices come from.",
            "source",
            variants("deck", POWER_DECK, "ercot-resampled", POWER_ERCOT));

    public static final ObjectSpec BITCOIN = ObjectSpec.of(
            "bitcoin",
            "The Bitcoin network at plan start and its expected drift (the deterministic deck); the Monte Carlo adds"
                    + " noise around it. Halvings follow from the block height (144 blocks a day) with core's"
                    + " BlockSubsidy.",
            f("startPriceUsdPerBtc", NUMBER)
                    .unit("$/BTC")
                    .required()
                    .above(0)
                    .description("BTC price at plan start.")
                    .build(),
            f("priceDriftPerYear", NUMBER)
                    .defaultValue(0.0)
                    .atLeast(-1)
                    .atMost(1)
                    .description("Expected log drift of the BTC price per year; the deterministic plan's price path"
                            + " is start x exp(drift x years). Assumption, not a forecast.")
                    .build(),
            f("startNetworkHashrateEhPerS", NUMBER)
                    .unit("EH/s")
                    .required()
                    .above(0)
                    .description("Network hashrate at plan start.")
                    .build(),
            f("hashrateGrowthPerYear", NUMBER)
                    .defaultValue(0.25)
                    .atLeast(-1)
                    .atMost(2)
                    .description("Expected log growth of network hashrate per year.")
                    .build(),
            f("hashratePriceElasticity", NUMBER)
                    .defaultValue(0.3)
                    .atLeast(0)
                    .atMost(3)
                    .description("Extra log hashrate growth next month per unit of this month's unexpected log price"
                            + " return: how hashrate follows price. Assumption.")
                    .build(),
            f("feesBtcPerBlock", NUMBER)
                    .unit("BTC/block")
                    .defaultValue(0.02)
                    .atLeast(0)
                    .description("Mean transaction fees per block.")
                    .build(),
            f("startBlockHeight", INTEGER)
                    .required()
                    .atLeast(0)
                    .description("Block height at plan start.")
                    .build());

    public static final ObjectSpec MINING = ObjectSpec.of(
            "mining",
            "The existing ASIC fleet. Mining uses whatever site MW no hall has taken, best machines first.",
            f("hashrateEhPerS", NUMBER)
                    .unit("EH/s")
                    .required()
                    .atLeast(0)
                    .description("Installed hashrate of the existing fleet.")
                    .build(),
            f("efficiencyJPerTh", NUMBER)
                    .unit("J/TH")
                    .required()
                    .above(0)
                    .description("Efficiency of the existing fleet (Antminer S21: 17.5 J/TH).")
                    .build(),
            f("pue", NUMBER)
                    .defaultValue(1.1)
                    .atLeast(1)
                    .atMost(3)
                    .description("Facility power / machine power of the mining halls.")
                    .build(),
            f("poolFeeFraction", NUMBER)
                    .defaultValue(0.0)
                    .atLeast(0)
                    .atMost(1)
                    .description("Pool fee share of mining revenue.")
                    .build(),
            f("opexUsdPerMwMonth", NUMBER)
                    .unit("$/MW-month")
                    .defaultValue(0.0)
                    .atLeast(0)
                    .description("Non-energy mining opex per MW of mining facility power in use: charged for the"
                            + " share of the month's hours the machines run (curtailed hours cost nothing).")
                    .build(),
            f("standbyOpexUsdPerMwMonth", NUMBER)
                    .unit("$/MW-month")
                    .defaultValue(0.0)
                    .atLeast(0)
                    .description("Non-energy opex per MW of mining capacity while it is switched off (standby:"
                            + " security, minimal staff), charged for the hours it does not run; 0 = opex stops with"
                            + " the machines.")
                    .build(),
            f("bookValueUsd", NUMBER)
                    .unit("$")
                    .defaultValue(0.0)
                    .atLeast(0)
                    .description("Tax book value of the existing fleet at plan start.")
                    .build(),
            f("remainingLifeMonths", INTEGER)
                    .unit("months")
                    .defaultValue(24)
                    .atLeast(0)
                    .description("Months over which that book value is still depreciated.")
                    .build());

    private static ObjectSpec coolingSpec(String type, double pue, double capex, String source) {
        return ObjectSpec.of(
                "cooling." + type,
                "PUE and extra capex of " + type + "-cooled AI halls.",
                f("pue", NUMBER)
                        .defaultValue(pue)
                        .atLeast(1)
                        .atMost(3)
                        .description("Facility power / critical IT power. Default: " + source)
                        .build(),
                f("capexUsdPerMwIt", NUMBER)
                        .unit("$/MW IT")
                        .defaultValue(capex)
                        .atLeast(0)
                        .description("Cooling capex per MW of critical IT on top of the hall's capex. Default: an"
                                + " assumption.")
                        .build());
    }

    public static final ObjectSpec COOLING_AIR = coolingSpec(
            "air", 1.4, 500_000.0, "gross-to-IT ratios of disclosed conversions 1.35-1.45 (DOMAIN.md 3.4).");
    public static final ObjectSpec COOLING_IMMERSION = coolingSpec(
            "immersion",
            1.1,
            1_000_000.0,
            "single-phase immersion 1.03-1.10 (vendor blog, low authority; DOMAIN.md 3.4).");
    public static final ObjectSpec COOLING_LIQUID =
            coolingSpec("liquid", 1.25, 1_500_000.0, "Bitfarms GB300 liquid-cooled target 1.2-1.3 (DOMAIN.md 2.9).");

    public static final ObjectSpec COOLING = ObjectSpec.of(
            "cooling",
            "PUE and capex per cooling type; omitted types take the defaults.",
            f("air", OBJECT).element(COOLING_AIR).description("Air cooling.").build(),
            f("immersion", OBJECT)
                    .element(COOLING_IMMERSION)
                    .description("Immersion cooling.")
                    .build(),
            f("liquid", OBJECT)
                    .element(COOLING_LIQUID)
                    .description("Direct liquid cooling.")
                    .build());

    public static final ObjectSpec ASIC_PURCHASE = ObjectSpec.of(
            "asicPurchase",
            "ASIC miners bought in one month; they hash from that month on.",
            f("name", STRING).required().description("Unique name.").build(),
            month("month", "When the machines are paid for and start hashing."),
            f("hashrateEhPerS", NUMBER)
                    .unit("EH/s")
                    .required()
                    .above(0)
                    .description("Hashrate bought.")
                    .build(),
            f("usdPerTh", NUMBER)
                    .unit("$/TH")
                    .required()
                    .atLeast(0)
                    .description("Price per TH/s.")
                    .build(),
            f("efficiencyJPerTh", NUMBER)
                    .unit("J/TH")
                    .required()
                    .above(0)
                    .description("Efficiency of the machines.")
                    .build(),
            f("depreciationYears", NUMBER)
                    .unit("years")
                    .defaultValue(3.0)
                    .above(0)
                    .description("Straight-line depreciation life.")
                    .build());

    public static final ObjectSpec HALL = ObjectSpec.of(
            "hall",
            "A conversion project: mining MW rebuilt into an AI data hall. The MW stop mining when construction starts;"
                    + " capex is spent evenly over the lead time; the hall takes critical IT x PUE of the site's MW.",
            f("name", STRING).required().description("Unique name.").build(),
            f("criticalItMw", NUMBER)
                    .plausible(Plausibility.POWER_MW)
                    .unit("MW")
                    .required()
                    .above(0)
                    .description("Critical IT capacity (servers, storage, network; excludes cooling).")
                    .build(),
            f("cooling", ENUM)
                    .allowed("air", "immersion", "liquid")
                    .required()
                    .description("Cooling type; sets the hall's PUE and cooling capex.")
                    .build(),
            month("startMonth", "Construction start."),
            f("leadTimeMonths", INTEGER)
                    .unit("months")
                    .required()
                    .atLeast(0)
                    .description("Construction months; the hall is ready at startMonth + leadTimeMonths.")
                    .build(),
            f("capexUsdPerMwCriticalIt", NUMBER)
                    .unit("$/MW IT")
                    .required()
                    .atLeast(0)
                    .description("Shell, electrical and fit-out capex per MW of critical IT, excluding cooling and"
                            + " GPUs (disclosed all-in: Cipher $9-11 M, TeraWulf $8-10 M per MW IT).")
                    .build(),
            f("depreciationYears", NUMBER)
                    .unit("years")
                    .defaultValue(20.0)
                    .above(0)
                    .description("Tax depreciation life of the hall. Assumption.")
                    .build());

    public static final ObjectSpec GPU_CLOUD = ObjectSpec.of(
            "gpuCloud",
            "Own GPU cloud: GPUs bought when their hall is ready and rented by the hour until their life ends. With"
                    + " gpuModel, the GPU catalogue's generation gives every figure the cloud does not give itself.",
            f("name", STRING).required().description("Unique name.").build(),
            f("hall", STRING)
                    .required()
                    .description("Name of the hall hosting the GPUs.")
                    .build(),
            f("gpuModel", STRING)
                    .description(
                            "A generation of the bundled GPU catalogue (H100 SXM, H200, B200, DGX B200, B300, GB200"
                                    + " NVL72, GB300 NVL72; aliases such as H100 or GB300 work): its all-in cost per GPU"
                                    + " (usdPerGpu), IT kW per GPU (system IT kW / GPUs per system; sets how many GPUs fill a"
                                    + " hall), rental price path (the dated price moved along priceDeclinePerYear to the month"
                                    + " the GPUs go live, so a generation bought later starts lower), its decline, its dense"
                                    + " BF16 throughput (compute delivered) and the cooling it needs (a liquid-only generation"
                                    + " in an air-cooled hall is an error unless convertHallTo converts it). Fields given here"
                                    + " override the catalogue's. See docs/AI_COMPUTE.md for the figures and their sources.")
                    .build(),
            f("gpuCount", INTEGER)
                    .plausible(Plausibility.MACHINE_COUNT)
                    .above(0)
                    .description("GPUs bought. Required without gpuModel; with it, default: as many as fit the hall's"
                            + " critical IT (floor(IT kW / itKwPerGpu)).")
                    .build(),
            f("usdPerGpu", NUMBER)
                    .unit("$/GPU")
                    .defaultValue(40_648.0)
                    .atLeast(0)
                    .description("All-in cost per GPU incl. servers, network, racks, labour, when bought. Default: with"
                            + " gpuModel the catalogue's cost moved along capexDeclinePerYear to the month the GPUs are"
                            + " bought; without it IREN's 1,080 H200 for $43.9 M (2024-09-16) = $40,648 per GPU.")
                    .build(),
            f("capexDeclinePerYear", NUMBER)
                    .defaultValue(0.0)
                    .atLeast(0)
                    .atMost(0.95)
                    .description("Yearly decline of the catalogue's all-in cost per GPU for a purchase after its price"
                            + " month (2026-06): cost x (1 - decline)^(years), so GPUs bought in a later refresh cost"
                            + " less (backwards before that month). Only with gpuModel and without usdPerGpu. Default:"
                            + " the catalogue's (15 %/yr, ASSUMPTION anchored on used/secondary H100 prices; see"
                            + " docs/AI_COMPUTE.md).")
                    .build(),
            f("itKwPerGpu", NUMBER)
                    .plausible(Plausibility.GPU_POWER_KW)
                    .unit("kW")
                    .defaultValue(1.275)
                    .above(0)
                    .description("The GPU's share of its server's input power. Default: DGX H100/H200 10.2 kW max / 8"
                            + " GPUs.")
                    .build(),
            f("lifeYears", NUMBER)
                    .unit("years")
                    .defaultValue(5.0)
                    .above(0)
                    .description("Economic and depreciation life; the GPUs retire after it. Assumption.")
                    .build(),
            f("priceUsdPerGpuHour", NUMBER)
                    .plausible(Plausibility.GPU_PRICE_USD_PER_GPU_HOUR)
                    .unit("$/GPU-h")
                    .atLeast(0)
                    .description("Rental price when the GPUs go live (H100 2026: hyperscaler $3.50-5.00, specialty"
                            + " $2.50-3.50, long tail $1.99-2.50; H200 $2.50-7.00). Required without gpuModel; with"
                            + " it, default: the catalogue's dated price moved along priceDeclinePerYear to the"
                            + " go-live month.")
                    .build(),
            f("priceDeclinePerYear", NUMBER)
                    .defaultValue(0.2)
                    .atLeast(0)
                    .atMost(0.95)
                    .description("Expected yearly decline of the rental price as the GPUs age. Assumption.")
                    .build(),
            f("utilizationFraction", NUMBER)
                    .defaultValue(0.8)
                    .atLeast(0)
                    .atMost(1)
                    .description("Share of GPU-hours sold. Assumption.")
                    .build(),
            f("opexUsdPerGpuMonth", NUMBER)
                    .unit("$/GPU-month")
                    .defaultValue(0.0)
                    .atLeast(0)
                    .description("Non-energy opex per GPU (support, network, software).")
                    .build(),
            f("generation", STRING)
                    .defaultValue("")
                    .description("GPU generation label, e.g. H200, GB300 (reports only; a label the GPU catalogue"
                            + " knows gives compute delivered its FLOPs). Default: gpuModel's catalogue name.")
                    .build(),
            names("residualValueByAgeYears")
                    .defaultValue(DEFAULT_RESIDUAL_TEXT)
                    .description(
                            "Resale value as a share of the all-in cost at age 0, 1, 2... years (linear in between,"
                                    + " the last value held); the GPUs are sold at it when they retire or a contract's term ends"
                                    + " with 'sell'. Default: midpoints of a secondary-market analysis of H100 resales (60-65 %"
                                    + " after 1 year, 40-45 % after 2, 25-35 % after 3, 15-20 % after 4, 10-15 % after 5;"
                                    + " v2-pseo-ai.pages.dev GPU residual value guide, 2026-01, low authority). Assumption for"
                                    + " other generations.")
                    .build(),
            f("refreshWith", STRING)
                    .defaultValue("")
                    .description("Name of a GPU cloud in the same hall (a newer generation) bought when these GPUs"
                            + " retire: it goes live in their retirement month for its own life; its contracts carry"
                            + " on. Empty: the GPUs are sold and the hall stands empty.")
                    .build(),
            f("convertHallTo", ENUM)
                    .allowed("air", "immersion", "liquid")
                    .description("Convert the hall's cooling when these GPUs go live (e.g. air to liquid for a"
                            + " Blackwell refresh): capex = the hall's critical IT x that cooling's capexUsdPerMwIt in"
                            + " the go-live month, depreciated over the hall's life; these GPUs and later refreshes"
                            + " run at its PUE. The site MW the hall takes stay as built.")
                    .build());

    public static final ObjectSpec GPU_CONTRACT = ObjectSpec.of(
            "gpuContract",
            "Contracted GPU capacity: a customer takes GPUs of a GPU cloud for a term from when they go live and pays"
                    + " for the capacity whether it uses it or not (take-or-pay), less service credits when availability"
                    + " falls short of the SLA; the cloud's other GPUs are rented on the spot market. Give the price per"
                    + " GPU-hour or the total contract value. After a customer default the payments stop (a backstop"
                    + " pays its share) and the GPUs are rented on the spot market.",
            f("name", STRING).required().description("Unique name.").build(),
            f("gpuCloud", STRING)
                    .required()
                    .description("GPU cloud whose GPUs serve the contract (and the cloud refreshing them).")
                    .build(),
            f("customer", STRING)
                    .defaultValue("")
                    .description("Customer; its defaults are keyed by this name (like a tenant's).")
                    .build(),
            f("gpuCount", INTEGER)
                    .atLeast(1)
                    .description("GPUs contracted. Give this or criticalItMw; neither = all of the cloud's GPUs.")
                    .build(),
            f("criticalItMw", NUMBER)
                    .unit("MW")
                    .above(0)
                    .description("Critical IT contracted, converted to GPUs at the cloud's kW per GPU.")
                    .build(),
            f("termMonths", INTEGER)
                    .unit("months")
                    .required()
                    .above(0)
                    .description("Term, from the month the GPUs go live.")
                    .build(),
            f("usdPerGpuHour", NUMBER)
                    .unit("$/GPU-h")
                    .above(0)
                    .description("Price per contracted GPU-hour in contract year 1. Give this or totalValueUsd.")
                    .build(),
            f("totalValueUsd", NUMBER)
                    .unit("$")
                    .above(0)
                    .description("Total contract value (IREN-Microsoft: about $9.7 B over 5 years, 2025-11-03),"
                            + " spread over the term's GPU-hours with the escalator.")
                    .build(),
            f("escalatorPerYear", NUMBER)
                    .defaultValue(0.0)
                    .atLeast(0)
                    .atMost(0.2)
                    .description("Yearly escalation of the price per GPU-hour (contract years).")
                    .build(),
            f("prepaymentFraction", NUMBER)
                    .defaultValue(0.0)
                    .atLeast(0)
                    .atMost(1)
                    .description("Share of the total contract value paid in advance; the monthly payments are lower by"
                            + " the same share (IREN-Microsoft: 20 %).")
                    .build(),
            f("prepaymentMonth", INTEGER)
                    .unit("month index")
                    .atLeast(0)
                    .description("Month the prepayment is paid. Default: the hall's construction start (signing).")
                    .build(),
            f("availabilityFraction", NUMBER)
                    .defaultValue(0.99)
                    .atLeast(0)
                    .atMost(1)
                    .description("Availability delivered (expected). Assumption.")
                    .build(),
            f("slaAvailabilityFraction", NUMBER)
                    .defaultValue(0.99)
                    .atLeast(0)
                    .atMost(1)
                    .description("Availability the SLA promises. Assumption.")
                    .build(),
            f("serviceCreditPerPoint", NUMBER)
                    .defaultValue(0.05)
                    .atLeast(0)
                    .atMost(1)
                    .description("Share of the monthly fee credited per percentage point of availability below the"
                            + " SLA. Assumption.")
                    .build(),
            f("maxServiceCreditFraction", NUMBER)
                    .defaultValue(0.3)
                    .atLeast(0)
                    .atMost(1)
                    .description("Cap on the monthly service credit. Assumption.")
                    .build(),
            f("annualDefaultProbability", NUMBER)
                    .defaultValue(0.0)
                    .atLeast(0)
                    .atMost(1)
                    .description("Probability per year that the customer stops paying. Assumption.")
                    .build(),
            f("backstopFraction", NUMBER)
                    .defaultValue(0.0)
                    .atLeast(0)
                    .atMost(1)
                    .description("Share of the scheduled payments a guarantor pays after a default.")
                    .build(),
            f("endOfTerm", ENUM)
                    .allowed("spot", "renew", "sell")
                    .defaultValue("spot")
                    .description("At the end of the term: spot = rent the GPUs on the spot market; renew = the customer"
                            + " renews at each month's spot price on the path (take-or-pay) until the GPUs retire;"
                            + " sell = sell the GPUs at their residual value.")
                    .build(),
            f("curtailmentHoursPerYear", NUMBER)
                    .unit("hours/year")
                    .defaultValue(0.0)
                    .atLeast(0)
                    .atMost(8784)
                    .description("Hours a contract year the operator may switch the contracted GPUs off (a twelfth of"
                            + " it each month), used in the month's most expensive hours when their all-in power price"
                            + " exceeds the credit per MWh. 0 (default) = firm: the contracted GPUs run every hour and"
                            + " pay every hour's power, the expensive ones too.")
                    .build(),
            f("curtailmentCreditMultiple", NUMBER)
                    .defaultValue(1.0)
                    .atLeast(0)
                    .atMost(100)
                    .description("Service credit per curtailed GPU-hour, as a multiple of the month's contract price"
                            + " per GPU-hour. Default 1: the customer does not pay for the hours it did not get"
                            + " (assumption).")
                    .build());

    public static final ObjectSpec LEASE = ObjectSpec.of(
            "lease",
            "Critical IT of a hall leased to a tenant. The tenant pays its power (pass-through); the landlord keeps the"
                    + " NOI margin of the rent. After a tenant default the rent stops; a backstop pays its share of the"
                    + " scheduled rent while the landlord's operating costs go on.",
            f("name", STRING).required().description("Unique name.").build(),
            f("hall", STRING).required().description("Name of the hall leased.").build(),
            f("tenant", STRING).defaultValue("").description("Tenant name.").build(),
            f("criticalItMw", NUMBER)
                    .plausible(Plausibility.POWER_MW)
                    .unit("MW")
                    .required()
                    .above(0)
                    .description("Contracted critical IT.")
                    .build(),
            f("usdPerKwMonth", NUMBER)
                    .plausible(Plausibility.RENT_USD_PER_KW_MONTH)
                    .unit("$/kW-month")
                    .required()
                    .atLeast(0)
                    .description("Rent per kW of critical IT per month in lease year 1 (CBRE H2 2024 asking $184.06;"
                            + " implied hyperscale deals $102-159).")
                    .build(),
            f("escalatorPerYear", NUMBER)
                    .defaultValue(0.03)
                    .atLeast(0)
                    .atMost(0.2)
                    .description("Yearly rent escalator. Default: assumption (disclosed leases say 'annual"
                            + " escalators' without the rate).")
                    .build(),
            f("termMonths", INTEGER)
                    .unit("months")
                    .required()
                    .above(0)
                    .description("Lease term (disclosed: 10-15 years).")
                    .build(),
            month("startMonth", "When rent starts; not before the hall is ready."),
            f("tenantCredit", STRING)
                    .defaultValue("")
                    .description("Label of the tenant's credit and backstop, e.g. 'neocloud, Google backstop'.")
                    .build(),
            f("annualDefaultProbability", NUMBER)
                    .defaultValue(0.0)
                    .atLeast(0)
                    .atMost(1)
                    .description("Probability per year that the tenant stops paying. Assumption.")
                    .build(),
            f("backstopFraction", NUMBER)
                    .defaultValue(0.0)
                    .atLeast(0)
                    .atMost(1)
                    .description("Share of scheduled rent a guarantor pays after a default (Cipher: Google backstops"
                            + " $1.4 B of ~$3.0 B = 0.47).")
                    .build(),
            f("noiMarginFraction", NUMBER)
                    .defaultValue(0.85)
                    .atLeast(0)
                    .atMost(1)
                    .description("NOI / rent (Cipher 80-85 % modified gross; TeraWulf ~85 %; NNN ~98 %).")
                    .build());

    private static List<FieldSpec> debtCommon(FieldSpec... first) {
        List<FieldSpec> out = new java.util.ArrayList<>(List.of(first));
        out.add(f("ratePerYear", NUMBER)
                .required()
                .atLeast(0)
                .atMost(1)
                .description("Nominal yearly interest rate (monthly = /12).")
                .build());
        out.add(f("amortization", ENUM)
                .allowed("annuity", "linear", "bullet")
                .defaultValue("annuity")
                .description("Repayment profile of the principal.")
                .build());
        out.add(f("tenorMonths", INTEGER)
                .unit("months")
                .required()
                .above(0)
                .description("Number of principal repayments.")
                .build());
        out.add(f("interestOnlyMonths", INTEGER)
                .unit("months")
                .defaultValue(0)
                .atLeast(0)
                .description("Months of interest-only payments once service starts.")
                .build());
        return out;
    }

    private static ObjectSpec objectOf(String name, String description, List<FieldSpec> fields) {
        return ObjectSpec.of(name, description, fields.toArray(FieldSpec[]::new));
    }

    private static final ObjectSpec TERM_LOAN = objectOf(
            "facility (term-loan)",
            "Corporate term debt: a fixed amount drawn in one month; service starts the month after.",
            debtCommon(
                    f("name", STRING).required().description("Unique name.").build(),
                    f("amountUsd", NUMBER)
                            .unit("$")
                            .required()
                            .above(0)
                            .description("Amount drawn.")
                            .build(),
                    month("drawMonth", "When the loan is drawn.")));

    private static final ObjectSpec PROJECT_FINANCE = objectOf(
            "facility (project-finance)",
            "Project finance at a loan-to-cost ratio: draws that share of an asset's capex as it is spent; interest is"
                    + " capitalised until the asset is ready.",
            debtCommon(
                    f("name", STRING).required().description("Unique name.").build(),
                    f("finances", STRING)
                            .required()
                            .description("Name of the hall, GPU cloud or ASIC purchase whose capex it funds.")
                            .build(),
                    f("loanToCost", NUMBER)
                            .required()
                            .atLeast(0)
                            .atMost(1)
                            .description("Share of capex funded (Galaxy Helios 80 %; Hut 8 up to 85 %).")
                            .build()));

    private static final ObjectSpec LEASE_BACKED_NOTES = objectOf(
            "facility (lease-backed-notes)",
            "Notes secured by a lease's contracted rent, issued when its hall's construction starts; interest is"
                    + " capitalised until rent starts.",
            debtCommon(
                    f("name", STRING).required().description("Unique name.").build(),
                    f("lease", STRING)
                            .required()
                            .description("Name of the lease securing the notes.")
                            .build(),
                    f("advanceFraction", NUMBER)
                            .required()
                            .atLeast(0)
                            .atMost(1)
                            .description(
                                    "Principal / present value (at the note rate) of the lease NOI over the tenor.")
                            .build()));

    private static final ObjectSpec CONTRACT_BACKED = objectOf(
            "facility (contract-backed)",
            "A delayed-draw GPU loan sized on a GPU contract: drawn when the contracted GPUs are bought, at most"
                    + " maxLoanToCost of their cost and at most what the contract's lowest monthly payment over the"
                    + " service months covers at sizingDscr. The customer's default accelerates it: the balance is due"
                    + " in the default month.",
            debtCommon(
                    f("name", STRING).required().description("Unique name.").build(),
                    f("contract", STRING)
                            .required()
                            .description("Name of the GPU contract securing the loan.")
                            .build(),
                    f("sizingDscr", NUMBER)
                            .defaultValue(1.3)
                            .atLeast(1)
                            .description("Contracted payment / debt service the size keeps every month. Assumption.")
                            .build(),
                    f("maxLoanToCost", NUMBER)
                            .defaultValue(0.8)
                            .atLeast(0)
                            .atMost(1)
                            .description("Cap on the size as a share of the contracted GPUs' cost. Assumption.")
                            .build()));

    public static final ObjectSpec FACILITY = ObjectSpec.union(
            "facility",
            "A debt facility.",
            "kind",
            variants(
                    "term-loan", TERM_LOAN,
                    "project-finance", PROJECT_FINANCE,
                    "lease-backed-notes", LEASE_BACKED_NOTES,
                    "contract-backed", CONTRACT_BACKED));

    public static final ObjectSpec FINANCING = ObjectSpec.of(
            "financing",
            "Debt facilities (strategies pick them by name) and their shared DSCR covenant, tested monthly. Any cash"
                    + " shortfall is funded by equity.",
            f("facilities", LIST)
                    .element(FACILITY)
                    .description("Every debt facility a strategy may use.")
                    .build(),
            f("minDscr", NUMBER)
                    .defaultValue(1.25)
                    .above(0)
                    .description("Covenant: CFADS / debt service over each test window must stay at or above it."
                            + " Assumption (a common project-finance level).")
                    .build(),
            f("dscrWindowMonths", INTEGER)
                    .unit("months")
                    .defaultValue(3)
                    .atLeast(1)
                    .atMost(24)
                    .description("Months in each DSCR test window; the DSCR is tested every month from the first"
                            + " month of debt service.")
                    .build(),
            f("dscrDefinition", ENUM)
                    .allowed("trailing", "forward")
                    .defaultValue("trailing")
                    .description("trailing: the window is the last dscrWindowMonths months, never reaching back before"
                            + " the first month of debt service; forward: this month and the next ones as realised"
                            + " on the path (a forward-looking covenant).")
                    .build(),
            f("maxBreachProbability", NUMBER)
                    .defaultValue(1.0)
                    .atLeast(0)
                    .atMost(1)
                    .description("Decision rule: a strategy that breaches the covenant on a larger share of paths is"
                            + " flagged and never chosen as best, here or in the search (1 = no limit; a lender might"
                            + " ask for 0.05).")
                    .build());

    public static final ObjectSpec VALUATION = ObjectSpec.of(
            "valuation",
            "How cash flows to equity are valued.",
            f("discountRatePerYear", NUMBER)
                    .defaultValue(0.12)
                    .atLeast(0)
                    .atMost(1)
                    .description("Equity discount rate (effective yearly). Assumption.")
                    .build(),
            f("taxRate", NUMBER)
                    .defaultValue(0.21)
                    .atLeast(0)
                    .atMost(1)
                    .description("Tax on EBITDA - depreciation - interest paid, losses carried forward. Default: US"
                            + " federal statutory rate, no state tax.")
                    .build(),
            f("terminalEbitdaMultiple", NUMBER)
                    .defaultValue(0.0)
                    .atLeast(0)
                    .description("Value at the horizon as a multiple of the last 12 months' EBITDA, less the debt"
                            + " still owed (0 = none).")
                    .build(),
            f("preMoneyEquityUsd", NUMBER)
                    .unit("$")
                    .defaultValue(1e9)
                    .above(0)
                    .description("Equity value before the plan, for the dilution a pure-equity plan would need.")
                    .build());

    public static final ObjectSpec STRATEGY = ObjectSpec.of(
            "strategy",
            "One way to use the site; everything is picked by name. A GPU cloud or lease needs its hall in the same"
                    + " strategy, a facility needs what it finances.",
            f("name", STRING).required().description("Unique name.").build(),
            f("description", STRING).defaultValue("").description("What it is.").build(),
            names("halls").description("Names of halls built.").build(),
            names("gpuClouds").description("Names of GPU clouds run.").build(),
            names("leases").description("Names of leases signed.").build(),
            names("asicPurchases").description("Names of ASIC purchases made.").build(),
            names("facilities").description("Names of debt facilities used.").build(),
            names("contracts")
                    .description("Names of GPU contracts signed for its GPU clouds.")
                    .build());

    public static final ObjectSpec UNCERTAINTY = ObjectSpec.of(
            "uncertainty",
            "What the Monte Carlo varies. Path i draws only from (seed, i), so results do not depend on the thread count"
                    + " and runs over many sites partition cleanly. All scales at 0 reproduce the deterministic plan.",
            f("paths", INTEGER)
                    .defaultValue(10_000)
                    .above(0)
                    .atMost(10_000_000)
                    .description("Number of paths.")
                    .build(),
            f("seed", INTEGER).defaultValue(1).description("Master seed.").build(),
            f("btcVolatilityScale", NUMBER)
                    .defaultValue(1.0)
                    .atLeast(0)
                    .atMost(5)
                    .description("Scales the demeaned block-bootstrapped daily BTC log-returns (1 = history's"
                            + " volatility, 0 = the deterministic deck).")
                    .build(),
            f("bootstrapBlockDays", INTEGER)
                    .unit("days")
                    .defaultValue(30)
                    .above(0)
                    .atMost(365)
                    .description("Block length of the bootstrap of daily BTC log-returns.")
                    .build(),
            f("historyFrom", STRING)
                    .defaultValue("2018-01-01")
                    .description("First day of the bundled BTC history used for the bootstrap (ISO date).")
                    .build(),
            f("hashrateNoisePerMonth", NUMBER)
                    .defaultValue(0.03)
                    .atLeast(0)
                    .atMost(1)
                    .description("Standard deviation of the monthly log hashrate growth noise. Assumption.")
                    .build(),
            f("feesLogSdPerMonth", NUMBER)
                    .defaultValue(0.5)
                    .atLeast(0)
                    .atMost(3)
                    .description("Standard deviation of monthly log fees (lognormal, mean kept). Assumption.")
                    .build(),
            f("gpuDeclineSdPerYear", NUMBER)
                    .defaultValue(0.1)
                    .atLeast(0)
                    .atMost(1)
                    .description("Standard deviation of each path's GPU price decline rate (log, per year)."
                            + " Assumption.")
                    .build(),
            f("powerResampling", BOOLEAN)
                    .defaultValue(true)
                    .description("Resample real power days into each month (false: the pooled average month).")
                    .build(),
            f("powerBankMonths", INTEGER)
                    .defaultValue(32)
                    .above(0)
                    .atMost(1024)
                    .description("Resampled months kept per calendar month; paths draw from them.")
                    .build(),
            f("tenantDefaults", BOOLEAN)
                    .defaultValue(true)
                    .description("Whether tenants may default (at their annualDefaultProbability).")
                    .build());

    public static final ObjectSpec SEARCH = ObjectSpec.of(
            "search",
            "A grid search over how much of a hall to build, how to split it between own GPUs and a lease, and when to"
                    + " start; every candidate runs on the same paths (common random numbers).",
            f("base", STRING)
                    .required()
                    .description("Strategy whose other choices (ASICs, facilities) every candidate keeps.")
                    .build(),
            f("hall", STRING).required().description("Hall to size and time.").build(),
            f("gpuCloud", STRING)
                    .required()
                    .description("GPU cloud template for the GPU share (GPU count scaled to the IT).")
                    .build(),
            f("lease", STRING)
                    .required()
                    .description("Lease template for the rest (IT scaled, start kept relative to hall readiness).")
                    .build(),
            names("buildFractions")
                    .description("Shares of the hall's critical IT to build, 0..1.")
                    .build(),
            names("gpuShares")
                    .description("Shares of the built IT used by own GPUs, 0..1.")
                    .build(),
            names("startMonths")
                    .description("Construction start months to try.")
                    .build(),
            f("riskMeasure", ENUM)
                    .allowed("expected", "p10", "cvar")
                    .defaultValue("cvar")
                    .description("What to maximise over the NPV distribution.")
                    .build(),
            f("cvarAlpha", NUMBER)
                    .defaultValue(0.1)
                    .above(0)
                    .atMost(1)
                    .description("Tail share for CVaR (mean NPV of the worst alpha of paths).")
                    .build(),
            f("paths", INTEGER)
                    .defaultValue(2_000)
                    .above(0)
                    .description("Paths per candidate.")
                    .build(),
            f("contract", STRING)
                    .description("Contract template on the GPU cloud template: candidates with a contract share above"
                            + " 0 contract that share of their GPUs on its terms (a total value scaled to the GPUs;"
                            + " the base strategy's contract-backed loans on it follow). Required when a contract"
                            + " share is above 0.")
                    .build(),
            names("contractShares")
                    .description("Shares of each candidate's GPUs under the contract, 0..1 (default [0]: spot only).")
                    .build(),
            names("gpuClouds")
                    .description(
                            "GPU cloud templates to compare, e.g. one per GPU generation (each with its gpuModel, in"
                                    + " the searched hall): every candidate with GPUs is tried with each, its GPU count from"
                                    + " that cloud's kW per GPU, and the best is chosen by the plan's decision rule. Default:"
                                    + " [gpuCloud]. gpuCloud's project finance and the contract template apply to each.")
                    .build());

    public static final ObjectSpec PLAN = ObjectSpec.of(
            "plan",
            "A multi-year plan for one site on a monthly grid.",
            f("name", STRING).required().description("Short name.").build(),
            f("description", STRING)
                    .defaultValue("")
                    .description("Free text; cite the sources of your figures.")
                    .build(),
            f("start", STRING)
                    .required()
                    .description("First plan month, YYYY-MM (UTC calendar months).")
                    .build(),
            f("horizonMonths", INTEGER)
                    .unit("months")
                    .defaultValue(120)
                    .above(0)
                    .atMost(600)
                    .description("Number of months planned.")
                    .build(),
            f("site", OBJECT).element(SITE).required().description("The site.").build(),
            f("power", OBJECT)
                    .element(POWER)
                    .required()
                    .description("Power prices.")
                    .build(),
            f("bitcoin", OBJECT)
                    .element(BITCOIN)
                    .required()
                    .description("Bitcoin network.")
                    .build(),
            f("mining", OBJECT)
                    .element(MINING)
                    .required()
                    .description("The existing fleet.")
                    .build(),
            f("cooling", OBJECT)
                    .element(COOLING)
                    .description("Cooling types; defaults when absent.")
                    .build(),
            f("halls", LIST).element(HALL).description("Conversion projects.").build(),
            f("gpuClouds", LIST)
                    .element(GPU_CLOUD)
                    .description("Own GPU clouds.")
                    .build(),
            f("leases", LIST).element(LEASE).description("Colocation leases.").build(),
            f("asicPurchases", LIST)
                    .element(ASIC_PURCHASE)
                    .description("ASIC purchases.")
                    .build(),
            f("gpuContracts", LIST)
                    .element(GPU_CONTRACT)
                    .description("Contracts for GPU capacity.")
                    .build(),
            f("financing", OBJECT)
                    .element(FINANCING)
                    .description("Debt; none by default (all equity).")
                    .build(),
            f("valuation", OBJECT)
                    .element(VALUATION)
                    .description("Valuation settings; defaults when absent.")
                    .build(),
            f("strategies", LIST)
                    .element(STRATEGY)
                    .required()
                    .description("Strategies to compare.")
                    .build(),
            f("uncertainty", OBJECT)
                    .element(UNCERTAINTY)
                    .description("Monte Carlo settings; defaults when absent.")
                    .build(),
            f("search", OBJECT)
                    .element(SEARCH)
                    .description("Optional search over allocations and timings.")
                    .build());

    /** The file: a single {@code plan:} document. */
    public static final ObjectSpec FILE = ObjectSpec.of(
            "plan file",
            "A YAML (or JSON) document with one top-level field, plan.",
            f("plan", OBJECT).element(PLAN).required().description("The plan.").build());

    /** Every object spec, in documentation order. */
    public static List<ObjectSpec> all() {
        return List.of(
                PLAN,
                SITE,
                POWER,
                BITCOIN,
                MINING,
                COOLING,
                COOLING_AIR,
                COOLING_IMMERSION,
                COOLING_LIQUID,
                HALL,
                GPU_CLOUD,
                GPU_CONTRACT,
                LEASE,
                ASIC_PURCHASE,
                FINANCING,
                FACILITY,
                VALUATION,
                STRATEGY,
                UNCERTAINTY,
                SEARCH);
    }

    private static Map<String, ObjectSpec> variants(Object... kv) {
        Map<String, ObjectSpec> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], (ObjectSpec) kv[i + 1]);
        }
        return m;
    }
}
