package io.minerai.sustainability;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Emission factors per fuel, kg CO2e per MWh generated, with the source they come from and what they count.
 *
 * <p>Two sets are built in:
 *
 * <ul>
 *   <li>{@link #COMBUSTION_EPA_EIA} (the default): combustion-only, = heat rate x fuel emission factor. Heat rates from
 *       the U.S. EIA Electric Power Annual (Table 8.1 average operating heat rate of coal, 2022: 10,689 Btu/kWh; Table
 *       8.2 average tested heat rates of natural gas by prime mover, 2024: combined cycle 7,548 Btu/kWh, gas turbine
 *       10,999 Btu/kWh). Fuel factors from the U.S. EPA GHG Emission Factors Hub (Table 1, stationary combustion):
 *       sub-bituminous coal 97.17 kg CO2 + 11 g CH4 + 1.6 g N2O per MMBtu; natural gas 53.06 kg CO2 + 1.0 g CH4 + 0.10 g
 *       N2O per MMBtu; CH4 and N2O weighted by the IPCC AR5 100-year GWPs 28 and 265. Zero for nuclear, hydro, wind and
 *       solar (nothing burnt), for biomass (biogenic CO2 is reported outside the scopes by the GHG Protocol and set to
 *       zero in eGRID's adjusted emissions) and for ERCOT's "Other" (mostly storage discharge, whose emissions were
 *       counted when the storage charged). This is the basis of a GHG Protocol Scope 2 inventory and of EPA eGRID.
 *   <li>{@link #IPCC_AR5_LIFECYCLE}: lifecycle medians of IPCC AR5 WG3 Annex III (Schlömer et al. 2014), Table A.III.2:
 *       coal (pulverised) 820, gas combined cycle 490 (also used for ERCOT's "Gas", simple-cycle and steam units, for
 *       which the table gives no value: an underestimate), biomass (dedicated) 230, solar PV (utility) 48, hydropower
 *       24, nuclear 12, wind onshore 11 g CO2e/kWh. Global medians for modern plants, not Texas's fleet; for
 *       comparison, not for a Scope 2 inventory.
 * </ul>
 *
 * @param id short identifier used in the scenario file
 * @param title one-line description
 * @param basis combustion-only or lifecycle
 * @param citation where the figures come from, in words a reader can follow up
 * @param kgCo2ePerMwh factor per source fuel; {@link Fuel#STORAGE_CHARGING} has none (it is not a source)
 */
public record FuelFactorSet(
        String id, String title, EmissionBasis basis, String citation, Map<Fuel, Double> kgCo2ePerMwh) {

    /** IPCC AR5 WG1 100-year global warming potential of CH4 (without climate-carbon feedbacks). */
    public static final double GWP_CH4 = 28;
    /** IPCC AR5 WG1 100-year global warming potential of N2O. */
    public static final double GWP_N2O = 265;

    /** EIA Electric Power Annual Table 8.1: average operating heat rate of coal, 2022, Btu/kWh. */
    public static final double HEAT_RATE_COAL_BTU_PER_KWH = 10_689;
    /** EIA Electric Power Annual Table 8.2: average tested heat rate, natural gas combined cycle, 2024, Btu/kWh. */
    public static final double HEAT_RATE_GAS_CC_BTU_PER_KWH = 7_548;
    /** EIA Electric Power Annual Table 8.2: average tested heat rate, natural gas turbine, 2024, Btu/kWh. */
    public static final double HEAT_RATE_GAS_TURBINE_BTU_PER_KWH = 10_999;

    /** EPA GHG Emission Factors Hub, Table 1: sub-bituminous coal, kg CO2e per MMBtu (CO2 97.17, CH4 11 g, N2O 1.6 g). */
    public static final double COAL_KG_CO2E_PER_MMBTU = 97.17 + 0.011 * GWP_CH4 + 0.0016 * GWP_N2O;
    /** EPA GHG Emission Factors Hub, Table 1: natural gas, kg CO2e per MMBtu (CO2 53.06, CH4 1.0 g, N2O 0.10 g). */
    public static final double GAS_KG_CO2E_PER_MMBTU = 53.06 + 0.001 * GWP_CH4 + 0.0001 * GWP_N2O;

    public static final FuelFactorSet COMBUSTION_EPA_EIA = new FuelFactorSet(
            "epa-eia-combustion",
            "Combustion-only: EIA heat rates x EPA fuel emission factors (CO2 + CH4 + N2O, AR5 GWP)",
            EmissionBasis.COMBUSTION,
            "U.S. EIA Electric Power Annual, Table 8.1 (average operating heat rate, coal, 2022: 10,689 Btu/kWh) and"
                    + " Table 8.2 (average tested heat rates, natural gas, 2024: combined cycle 7,548, gas turbine"
                    + " 10,999 Btu/kWh), https://www.eia.gov/electricity/annual/ ; U.S. EPA GHG Emission Factors Hub,"
                    + " Table 1 (sub-bituminous coal 97.17 kg CO2, 11 g CH4, 1.6 g N2O per MMBtu; natural gas 53.06 kg"
                    + " CO2, 1.0 g CH4, 0.10 g N2O per MMBtu), https://www.epa.gov/climateleadership/ghg-emission-factors-hub"
                    + " ; IPCC AR5 WG1 100-year GWP CH4 28, N2O 265.",
            factors(
                    Fuel.COAL, HEAT_RATE_COAL_BTU_PER_KWH / 1000 * COAL_KG_CO2E_PER_MMBTU,
                    Fuel.GAS_CC, HEAT_RATE_GAS_CC_BTU_PER_KWH / 1000 * GAS_KG_CO2E_PER_MMBTU,
                    Fuel.GAS, HEAT_RATE_GAS_TURBINE_BTU_PER_KWH / 1000 * GAS_KG_CO2E_PER_MMBTU,
                    Fuel.BIOMASS, 0.0,
                    Fuel.HYDRO, 0.0,
                    Fuel.NUCLEAR, 0.0,
                    Fuel.OTHER, 0.0,
                    Fuel.SOLAR, 0.0,
                    Fuel.WIND, 0.0));

    public static final FuelFactorSet IPCC_AR5_LIFECYCLE = new FuelFactorSet(
            "ipcc-ar5-lifecycle",
            "Lifecycle medians, IPCC AR5 WG3 Annex III Table A.III.2",
            EmissionBasis.LIFECYCLE,
            "Schlömer S. et al. (2014), Annex III: Technology-specific cost and performance parameters, in Climate Change"
                    + " 2014: Mitigation of Climate Change, IPCC AR5 WG3, Table A.III.2, lifecycle medians in g CO2e/kWh:"
                    + " coal PC 820, gas combined cycle 490, biomass dedicated 230, solar PV utility 48, hydropower 24,"
                    + " nuclear 12, wind onshore 11; https://www.ipcc.ch/site/assets/uploads/2018/02/ipcc_wg3_ar5_annex-iii.pdf",
            factors(
                    Fuel.COAL, 820.0,
                    Fuel.GAS_CC, 490.0,
                    Fuel.GAS, 490.0,
                    Fuel.BIOMASS, 230.0,
                    Fuel.HYDRO, 24.0,
                    Fuel.NUCLEAR, 12.0,
                    Fuel.OTHER, 0.0,
                    Fuel.SOLAR, 48.0,
                    Fuel.WIND, 11.0));

    /** The built-in sets; the first is the default. */
    public static final List<FuelFactorSet> BUILT_IN = List.of(COMBUSTION_EPA_EIA, IPCC_AR5_LIFECYCLE);

    public FuelFactorSet {
        EnumMap<Fuel, Double> m = new EnumMap<>(Fuel.class);
        m.putAll(kgCo2ePerMwh);
        if (m.containsKey(Fuel.STORAGE_CHARGING)) {
            throw new IllegalArgumentException(id + ": storage charging (WSL) is not a source and takes no factor");
        }
        for (Fuel f : Fuel.values()) {
            if (f.isSource()) {
                Double v = m.get(f);
                if (v == null || !Double.isFinite(v) || v < 0) {
                    throw new IllegalArgumentException(id + ": factor of " + f.ercotName() + " must be >= 0, was " + v);
                }
            }
        }
        kgCo2ePerMwh = java.util.Collections.unmodifiableMap(m);
    }

    /** Factor of a source fuel, kg CO2e/MWh. */
    public double factor(Fuel f) {
        Double v = kgCo2ePerMwh.get(f);
        if (v == null) {
            throw new IllegalArgumentException(f.ercotName() + " has no emission factor: it is not a source");
        }
        return v;
    }

    /** The built-in set with this id. */
    public static Optional<FuelFactorSet> byId(String id) {
        return BUILT_IN.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    private static Map<Fuel, Double> factors(Object... kv) {
        EnumMap<Fuel, Double> m = new EnumMap<>(Fuel.class);
        for (int i = 0; i < kv.length; i += 2) {
            m.put((Fuel) kv[i], (Double) kv[i + 1]);
        }
        return m;
    }
}
