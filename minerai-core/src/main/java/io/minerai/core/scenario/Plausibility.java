package io.minerai.core.scenario;

/**
 * What values a kind of quantity can take in a minerai document: outside {@code [min, max]} it is impossible (an
 * error), outside {@code [usualMin, usualMax]} merely unusual (a warning that still lets the run go). Applied to a
 * field with {@link FieldSpec.Builder#plausible}; NaN leaves a side open. Every number is also bounded by {@link
 * FieldSpec#MAX_MAGNITUDE}.
 *
 * <p>Where a bound is a judgement rather than a published figure it says ASSUMPTION. Figures cite
 * ../shared/reference/DOMAIN.md (sections as there).
 *
 * @param min smallest possible value
 * @param max largest possible value
 * @param usualMin smallest usual value
 * @param usualMax largest usual value
 */
public record Plausibility(double min, double max, double usualMin, double usualMax) {
    private static final double NONE = Double.NaN;

    /**
     * Energy prices, $/MWh. Beyond +-$100,000/MWh no market goes: the highest caps are ERCOT's $5,000/MWh (HCAP since
     * 2022, DOMAIN.md 3.2) and the NEM's A$20,300/MWh (2025-26), the lowest floor the NEM's -A$1,000/MWh (DOMAIN.md 8,
     * Australian NEM). Usual: -$1,000 .. $10,000/MWh (ASSUMPTION: above the US caps, below the NEM's).
     */
    public static final Plausibility ENERGY_PRICE_USD_PER_MWH = new Plausibility(-100_000, 100_000, -1_000, 10_000);

    /**
     * Charges per MWh on top of the energy price (transmission and distribution adders, variable opex), $/MWh.
     * Impossible as energy prices are; usual: -$100 .. $500/MWh (ASSUMPTION: delivery charges are tens of $/MWh).
     */
    public static final Plausibility CHARGE_USD_PER_MWH = new Plausibility(-100_000, 100_000, -100, 500);

    /**
     * Power of a site, asset or grid connection, MW. 100 GW would be well over half of PJM's 2025 summer peak of about
     * 160 GW (DOMAIN.md 8, PJM): no single site comes near. Usual: up to 5 GW (ASSUMPTION: the largest mining and AI
     * campuses are a few GW, e.g. IREN's ~2.91 GW of secured power, DOMAIN.md 2.2).
     */
    public static final Plausibility POWER_MW = new Plausibility(NONE, 100_000, NONE, 5_000);

    /** Machines or GPUs in one fleet: usual up to a million (ASSUMPTION: the largest fleets are ~200,000 miners). */
    public static final Plausibility MACHINE_COUNT = new Plausibility(NONE, NONE, NONE, 1_000_000);

    /**
     * Hashrate of one mining machine, TH/s. Impossible beyond 100,000 TH/s (100 PH/s in one box, ASSUMPTION); usual 1
     * .. 2,000 TH/s (an S21+ Hydro does 319 TH/s, DOMAIN.md 3.4).
     */
    public static final Plausibility MACHINE_HASHRATE_TH_PER_S = new Plausibility(NONE, 100_000, 1, 2_000);

    /**
     * Power of one mining machine at the wall, W. Impossible beyond 1 MW; usual 100 .. 20,000 W (an S21 draws 3,500 W,
     * DOMAIN.md 3.4; ASSUMPTION for the band).
     */
    public static final Plausibility MACHINE_POWER_W = new Plausibility(NONE, 1_000_000, 100, 20_000);

    /**
     * Power per GPU (its share of the server or the facility), kW. Impossible beyond 100 kW; usual 0.1 .. 5 kW (a DGX
     * H100 draws 10.2 kW for 8 GPUs, a GB200 NVL72 rack 120-132 kW for 72; DOMAIN.md 3.4 and the AI notes).
     */
    public static final Plausibility GPU_POWER_KW = new Plausibility(NONE, 100, 0.1, 5);

    /**
     * GPU rental price, $/GPU-hour. Impossible beyond $10,000/GPU-h; usual up to $50 (H100 rented at $2-12/GPU-h in
     * 2023-24, DOMAIN.md 3.4).
     */
    public static final Plausibility GPU_PRICE_USD_PER_GPU_HOUR = new Plausibility(NONE, 10_000, NONE, 50);

    /**
     * Colocation rent, $/kW-month of critical IT. Impossible beyond $100,000; usual up to $1,000 (2024-25 deals imply
     * $100-160, CBRE's asking rate is about $195; DOMAIN.md 3.4 and the AI notes).
     */
    public static final Plausibility RENT_USD_PER_KW_MONTH = new Plausibility(NONE, 100_000, NONE, 1_000);

    /** Purchase price of one machine, $: usual up to $100,000 (ASSUMPTION: ASICs cost thousands of $). */
    public static final Plausibility MACHINE_CAPEX_USD = new Plausibility(NONE, NONE, NONE, 100_000);

    /** Depreciation life, years: impossible beyond 100; usual 1 .. 15 (ASSUMPTION). */
    public static final Plausibility DEPRECIATION_YEARS = new Plausibility(NONE, 100, 1, 15);

    /** Fixed costs per month of one site, $: usual up to $100 M (ASSUMPTION). */
    public static final Plausibility SITE_COST_USD_PER_MONTH = new Plausibility(NONE, NONE, NONE, 1e8);

    /**
     * Emission factors, kg CO2e/MWh. Impossible beyond 10,000; usual up to 1,500 (lignite and coal plants emit about
     * 1,000; IPCC AR5 lifecycle medians are below 1,000; ASSUMPTION for the band).
     */
    public static final Plausibility EMISSIONS_KG_PER_MWH = new Plausibility(NONE, 10_000, NONE, 1_500);

    /**
     * Transmission charges per kW of peak per year, $/kW-year. Impossible beyond $100,000; usual up to $500 (TSP 4CP
     * tariffs quote about $50-150/kW-year, DOMAIN.md 3.1).
     */
    public static final Plausibility TRANSMISSION_USD_PER_KW_YEAR = new Plausibility(NONE, 100_000, NONE, 500);
}
