package io.minerai.core.bitcoin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MiningEconomicsTest {

    @Test
    void s21ByHand() {
        // Antminer S21: 200 TH/s at 3,500 W -> 17.5 J/TH
        double e = MiningEconomics.efficiencyJPerTh(3_500, 200);
        assertThat(e).isEqualTo(17.5);
        // 1 PH/s at 17.5 J/TH draws 17.5 kW -> 0.42 MWh/day; with PUE 1.1 -> 0.462 MWh/day at the meter
        assertThat(MiningEconomics.meterMwhPerPhDay(e, 1.0)).isCloseTo(0.42, within(1e-12));
        assertThat(MiningEconomics.meterMwhPerPhDay(e, 1.1)).isCloseTo(0.462, within(1e-12));
        // hashprice $50/PH/day, no fee, PUE 1.0: 50 / 0.42 = 119.05 $/MWh
        assertThat(MiningEconomics.revenueUsdPerMwh(50, e, 1.0, 0)).isCloseTo(119.0476, within(1e-4));
        // with a 2 % pool fee and PUE 1.1: 50 x 0.98 / 0.462 = 106.06
        assertThat(MiningEconomics.revenueUsdPerMwh(50, e, 1.1, 0.02)).isCloseTo(106.0606, within(1e-4));
        // breakeven less $5/MWh other variable opex
        assertThat(MiningEconomics.breakevenPowerPriceUsdPerMwh(50, e, 1.1, 0.02, 5))
                .isCloseTo(101.0606, within(1e-4));
    }

    @Test
    void electricityCostPerBtcByHand() {
        // 0.0005 BTC per PH/s-day, 17.5 J/TH, PUE 1.0 -> 0.42 / 0.0005 = 840 MWh per BTC; at $40 -> $33,600
        assertThat(MiningEconomics.meterMwhPerBtc(0.0005, 17.5, 1.0)).isCloseTo(840, within(1e-9));
        assertThat(MiningEconomics.electricityCostUsdPerBtc(40, 0.0005, 17.5, 1.0))
                .isCloseTo(33_600, within(1e-6));
    }

    @Test
    void costPerBtcDefinitions() {
        CostPerBtc c = CostPerBtc.of(10, 300_000, 100_000, 50_000);
        assertThat(c.energyOnlyUsd()).isEqualTo(30_000);
        assertThat(c.cashCostUsd()).isEqualTo(40_000);
        assertThat(c.allInUsd()).isEqualTo(45_000);
        assertThat(CostPerBtc.of(0, 1, 1, 1).energyOnlyUsd()).isNaN();
    }
}
