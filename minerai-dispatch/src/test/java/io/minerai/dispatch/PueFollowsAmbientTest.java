package io.minerai.dispatch;

import static io.minerai.dispatch.Fixtures.grid;
import static io.minerai.dispatch.Fixtures.hourly;
import static io.minerai.dispatch.Fixtures.inputs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.minerai.core.ai.Cooling;
import io.minerai.core.ai.PueCurve;
import io.minerai.core.inputs.ScenarioInputs;
import io.minerai.core.site.ColocationLease;
import io.minerai.core.site.MinerFleet;
import io.minerai.core.site.Site;
import io.minerai.core.time.TimeSeries;
import io.minerai.dispatch.ledger.Ledger;
import io.minerai.dispatch.settle.CoolingMeasures;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A PUE that follows the ambient temperature, hand-computed on a two-interval SYNTHETIC case.
 *
 * <p>Fleet: 1,000 machines x 100 TH/s x 3,000 W = 3 MW of IT, stated PUE 1.1, curve (20 C, 1.1) - (40 C, 1.5). Lease:
 * 1 MW of critical IT (firm), stated PUE 1.2, curve (20 C, 1.2) - (40 C, 1.6), no rent. Hashprice 1e-6 BTC/TH/day x
 * $50,000 = $0.05 per TH/s-day, so the fleet earns 1,000 x 100 x 0.05 / 24 = $208.33 an hour. Price $55/MWh in both
 * hours.
 *
 * <ul>
 *   <li>Hour 0 at 20 C: fleet PUE 1.1, 3.3 MW, worth 208.33 / 3.3 = $63.13/MWh > $55: runs. Lease 1.2 MW. Import 4.5
 *       MW.
 *   <li>Hour 1 at 35 C: fleet PUE 1.1 + 0.75 x 0.4 = 1.4, 4.2 MW, worth 208.33 / 4.2 = $49.60/MWh < $55: curtailed.
 *       Lease PUE 1.5: 1.5 MW (it cannot be curtailed). Import 1.5 MW.
 *   <li>At a constant PUE the fleet is worth $63.13 in both hours and runs in both (import 4.5 MW).
 * </ul>
 */
class PueFollowsAmbientTest {
    private static final PueCurve FLEET_CURVE =
            new PueCurve(List.of(new PueCurve.Point(20, 1.1), new PueCurve.Point(40, 1.5)));
    private static final PueCurve LEASE_CURVE =
            new PueCurve(List.of(new PueCurve.Point(20, 1.2), new PueCurve.Point(40, 1.6)));

    private static Site site(boolean followsAmbient) {
        MinerFleet fleet = new MinerFleet("a", "test", 1000, 100, 3000, 1.1, 0.0, 0, 3);
        ColocationLease lease = new ColocationLease("colo", "tenant", 1.0, 0, 1.2, 1.0, false);
        if (followsAmbient) {
            fleet = fleet.withCooling(Cooling.AIR, Optional.of(FLEET_CURVE));
            lease = lease.withCooling(Cooling.LIQUID, Optional.of(LEASE_CURVE));
        }
        return Fixtures.site(
                grid(10, false, 0, 0), List.of(fleet), List.of(), List.of(lease), List.of(), Optional.empty());
    }

    private static ScenarioInputs inputsAt(double... temperatureC) {
        ScenarioInputs in = inputs(hourly(2), new double[] {55, 55}, 1e-6, 50_000, new double[0][]);
        TimeSeries.Builder b = TimeSeries.builder("ambient temperature", "°C", in.grid());
        for (int t = 0; t < temperatureC.length; t++) {
            if (!Double.isNaN(temperatureC[t])) {
                b.set(t, temperatureC[t]);
            }
        }
        return in.withAmbientTemperature(b.build());
    }

    @Test
    void aHotIntervalRaisesFacilityPowerAndCurtailsTheFleet() {
        DispatchResult r = Backtest.meritOrder(site(true), inputsAt(20, 35));
        Dispatch d = r.ledger().dispatch();
        assertThat(d.fraction(0, 0)).isEqualTo(1.0);
        assertThat(d.fraction(1, 0)).isZero();
        assertThat(d.loadMw(0, 0)).isCloseTo(3.3, within(1e-12));
        assertThat(d.fullLoadMw(1, 0)).isCloseTo(4.2, within(1e-12));
        assertThat(d.loadMw(0, 1)).isCloseTo(1.2, within(1e-12));
        assertThat(d.loadMw(1, 1)).isCloseTo(1.5, within(1e-12));
        assertThat(d.importMw()[0]).isCloseTo(4.5, within(1e-12));
        assertThat(d.importMw()[1]).isCloseTo(1.5, within(1e-12));
        assertThat(r.summary().powerCostUsd()).isCloseTo((4.5 + 1.5) * 55, within(1e-9));
        assertThat(r.summary().streamTotalUsd("mining")).isCloseTo(1000 * 100 * 0.05 / 24, within(1e-9));
        assertThat(r.summary().energy().minerEnergyMwh()).isCloseTo(3.3, within(1e-12));
        assertThat(r.summary().energy().colocationEnergyMwh()).isCloseTo(2.7, within(1e-12));
        // the ledger's cooling measures: IT 4 MW then 1 MW, overhead 0.3 + 0.2 then 0.5, site PUE 4.5/4 then 1.5/1
        Ledger l = r.ledger();
        assertThat(l.values(CoolingMeasures.TEMPERATURE)).containsExactly(20, 35);
        assertThat(l.values(CoolingMeasures.IT_POWER)[0]).isCloseTo(4.0, within(1e-12));
        assertThat(l.values(CoolingMeasures.IT_POWER)[1]).isCloseTo(1.0, within(1e-12));
        assertThat(l.values(CoolingMeasures.OVERHEAD)[0]).isCloseTo(0.5, within(1e-12));
        assertThat(l.values(CoolingMeasures.OVERHEAD)[1]).isCloseTo(0.5, within(1e-12));
        assertThat(l.values(CoolingMeasures.SITE_PUE)[0]).isCloseTo(1.125, within(1e-12));
        assertThat(l.values(CoolingMeasures.SITE_PUE)[1]).isCloseTo(1.5, within(1e-12));
        // energy-weighted PUE of the period: 6 MWh at the meter / 5 MWh of IT
        java.util.Map<String, Double> cooling =
                java.util.Objects.requireNonNull(r.summary().programs().get("cooling"));
        assertThat(cooling.getOrDefault("energyWeightedPue", 0.0)).isCloseTo(1.2, within(1e-12));
        assertThat(cooling.getOrDefault("overheadEnergyMwh", 0.0)).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void atAConstantPueTheFleetRunsInBothHours() {
        DispatchResult r = Backtest.meritOrder(site(false), inputsAt(20, 35));
        Dispatch d = r.ledger().dispatch();
        assertThat(d.fraction(0, 0)).isEqualTo(1.0);
        assertThat(d.fraction(1, 0)).isEqualTo(1.0);
        assertThat(d.importMw()[1]).isCloseTo(4.5, within(1e-12));
        assertThat(r.ledger().measures()).noneMatch(m -> m.id().equals(CoolingMeasures.SITE_PUE.id()));
        assertThat(r.summary().programs()).doesNotContainKey("cooling");
    }

    @Test
    void anIntervalWithoutATemperatureIsSkippedWhenAPueFollowsIt() {
        DispatchResult r = Backtest.meritOrder(site(true), inputsAt(20, Double.NaN));
        Dispatch d = r.ledger().dispatch();
        assertThat(d.dispatched()).containsExactly(true, false);
        assertThat(r.summary().gaps().missingIntervals()).isEqualTo(1);
    }

    @Test
    void aPueCurveWithoutTemperatureInputsIsRefused() {
        ScenarioInputs none = inputs(hourly(2), new double[] {55, 55}, 1e-6, 50_000, new double[0][]);
        assertThatThrownBy(() -> Backtest.meritOrder(site(true), none))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("site.ambientTemperature");
    }
}
