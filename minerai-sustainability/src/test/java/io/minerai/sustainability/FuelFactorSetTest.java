package io.minerai.sustainability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FuelFactorSetTest {

    @Test
    void combustionFactorsAreHeatRateTimesFuelFactor() {
        FuelFactorSet s = FuelFactorSet.COMBUSTION_EPA_EIA;
        // coal: 10,689 Btu/kWh = 10.689 MMBtu/MWh x (97.17 + 0.011 x 28 + 0.0016 x 265 = 97.902) kg/MMBtu
        assertThat(s.factor(Fuel.COAL)).isCloseTo(1046.4745, within(1e-3));
        // gas: 53.06 + 0.001 x 28 + 0.0001 x 265 = 53.1145 kg/MMBtu; CC 7.548, turbine 10.999 MMBtu/MWh
        assertThat(s.factor(Fuel.GAS_CC)).isCloseTo(400.9082, within(1e-3));
        assertThat(s.factor(Fuel.GAS)).isCloseTo(584.2064, within(1e-3));
        for (Fuel f : new Fuel[] {Fuel.BIOMASS, Fuel.HYDRO, Fuel.NUCLEAR, Fuel.OTHER, Fuel.SOLAR, Fuel.WIND}) {
            assertThat(s.factor(f)).as(f.name()).isZero();
        }
        assertThat(s.basis()).isEqualTo(EmissionBasis.COMBUSTION);
    }

    @Test
    void combustionFactorsAgreeWithEiaPublishedFleetRates() {
        // EIA FAQ "How much carbon dioxide is produced per kilowatthour of U.S. electricity generation?" (2023 data):
        // coal 2.31 lb CO2/kWh, natural gas 0.96 lb CO2/kWh (CO2 only, US utility-scale fleet).
        double lbPerKwhToKgPerMwh = 453.59237;
        assertThat(FuelFactorSet.COMBUSTION_EPA_EIA.factor(Fuel.COAL))
                .isCloseTo(2.31 * lbPerKwhToKgPerMwh, within(0.01 * 2.31 * lbPerKwhToKgPerMwh));
        // Gas weighted by ERCOT's 2023 split (bundled fuel mix: Gas-CC 164.008 TWh, Gas 36.418 TWh) vs the US gas rate:
        // within 2 % (national heat rates and fleet vs ERCOT's mix; CH4/N2O add ~0.1 %).
        double ercotGas = (164.008 * FuelFactorSet.COMBUSTION_EPA_EIA.factor(Fuel.GAS_CC)
                        + 36.418 * FuelFactorSet.COMBUSTION_EPA_EIA.factor(Fuel.GAS))
                / (164.008 + 36.418);
        assertThat(ercotGas).isCloseTo(0.96 * lbPerKwhToKgPerMwh, within(0.02 * 0.96 * lbPerKwhToKgPerMwh));
    }

    @Test
    void lifecycleSetIsIpccAr5Medians() {
        FuelFactorSet s = FuelFactorSet.IPCC_AR5_LIFECYCLE;
        assertThat(s.factor(Fuel.COAL)).isEqualTo(820);
        assertThat(s.factor(Fuel.GAS_CC)).isEqualTo(490);
        assertThat(s.factor(Fuel.GAS)).isEqualTo(490);
        assertThat(s.factor(Fuel.BIOMASS)).isEqualTo(230);
        assertThat(s.factor(Fuel.SOLAR)).isEqualTo(48);
        assertThat(s.factor(Fuel.HYDRO)).isEqualTo(24);
        assertThat(s.factor(Fuel.NUCLEAR)).isEqualTo(12);
        assertThat(s.factor(Fuel.WIND)).isEqualTo(11);
        assertThat(s.factor(Fuel.OTHER)).isZero();
        assertThat(s.basis()).isEqualTo(EmissionBasis.LIFECYCLE);
    }

    @Test
    void storageChargingTakesNoFactorAndEverySourceNeedsOne() {
        assertThatThrownBy(() -> FuelFactorSet.COMBUSTION_EPA_EIA.factor(Fuel.STORAGE_CHARGING))
                .hasMessageContaining("not a source");
        Map<Fuel, Double> m = new EnumMap<>(FuelFactorSet.COMBUSTION_EPA_EIA.kgCo2ePerMwh());
        m.put(Fuel.STORAGE_CHARGING, 0.0);
        assertThatThrownBy(() -> new FuelFactorSet("x", "x", EmissionBasis.COMBUSTION, "x", m))
                .hasMessageContaining("WSL");
        Map<Fuel, Double> missing = new EnumMap<>(FuelFactorSet.COMBUSTION_EPA_EIA.kgCo2ePerMwh());
        missing.remove(Fuel.WIND);
        assertThatThrownBy(() -> new FuelFactorSet("x", "x", EmissionBasis.COMBUSTION, "x", missing))
                .hasMessageContaining("Wind");
    }

    @Test
    void builtInSetsByIdAndErcotNames() {
        assertThat(FuelFactorSet.byId("epa-eia-combustion")).contains(FuelFactorSet.COMBUSTION_EPA_EIA);
        assertThat(FuelFactorSet.byId("ipcc-ar5-lifecycle")).contains(FuelFactorSet.IPCC_AR5_LIFECYCLE);
        assertThat(FuelFactorSet.byId("nope")).isEmpty();
        assertThat(FuelFactorSet.BUILT_IN.get(0).id())
                .isEqualTo(io.minerai.core.scenario.SustainabilitySettings.DEFAULT_FACTOR_SET);
        assertThat(Fuel.ofErcotName("gas-cc")).contains(Fuel.GAS_CC);
        assertThat(Fuel.ofErcotName("WSL")).contains(Fuel.STORAGE_CHARGING);
    }
}
