package io.minerai.dispatch;

import static io.minerai.dispatch.Fixtures.fleet;
import static io.minerai.dispatch.Fixtures.grid;
import static io.minerai.dispatch.Fixtures.hourly;
import static io.minerai.dispatch.Fixtures.inputs;
import static io.minerai.dispatch.Fixtures.site;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.minerai.core.site.ColocationLease;
import io.minerai.core.site.GpuCloud;
import io.minerai.core.site.Ppa;
import io.minerai.core.site.Site;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Hand-computed merit-order cases. The test fleet: 1,000 machines x 100 TH/s x 3,000 W, PUE 1, no pool fee (3 MW).
 * With 1e-6 BTC per TH/s-day at $50,000 the hashprice is $0.05 per TH/s-day and the fleet's value is 0.05 x 100 /
 * 0.003 / 24 = $69.44 per MWh.
 */
class MeritOrderPolicyTest {
    private static final double BTC_PER_TH_DAY = 1e-6;
    private static final double BTC_USD = 50_000;

    @Test
    void minesBelowItsValueAndCurtailsAbove() {
        Site s = site(
                grid(10, false, 0, 0),
                List.of(fleet("a", 1000, 100, 3000)),
                List.of(),
                List.of(),
                List.of(),
                Optional.empty());
        DispatchResult r = Backtest.meritOrder(
                s, inputs(hourly(2), new double[] {30, 100}, BTC_PER_TH_DAY, BTC_USD, new double[0][]));
        Dispatch d = r.ledger().dispatch();
        assertThat(d.fraction(0, 0)).isEqualTo(1.0);
        assertThat(d.fraction(1, 0)).isZero();
        // BTC in hour 0: 1000 x 100 TH/s x 1e-6 BTC/TH/day / 24 = 0.0041667
        assertThat(r.summary().btcMined()).isCloseTo(0.1 / 24, within(1e-12));
        assertThat(r.summary().streamTotalUsd("mining")).isCloseTo(0.1 / 24 * 50_000, within(1e-9)); // 208.33
        assertThat(r.summary().powerCostUsd()).isCloseTo(90, within(1e-9));
        assertThat(r.summary().netUsd()).isCloseTo(208.3333333 - 90, within(1e-6));
        assertThat(r.summary().bitcoin().minerUptimeFraction()).isEqualTo(0.5);
        assertThat(r.summary().bitcoin().energyCostPerBtcUsd()).isCloseTo(90 / (0.1 / 24), within(1e-6)); // 21,600
    }

    @Test
    void theValueMustBeStrictlyAboveTheCost() {
        Site s = site(
                grid(10, false, 0, 0),
                List.of(fleet("a", 1000, 100, 3000)),
                List.of(),
                List.of(),
                List.of(),
                Optional.empty());
        double value = 0.05 * 100 / 0.003 / 24;
        DispatchResult r = Backtest.meritOrder(
                s, inputs(hourly(2), new double[] {value, value - 1e-9}, BTC_PER_TH_DAY, BTC_USD, new double[0][]));
        assertThat(r.ledger().dispatch().fraction(0, 0)).isZero();
        assertThat(r.ledger().dispatch().fraction(1, 0)).isEqualTo(1.0);
    }

    @Test
    void importCapMakesTheLastFleetRunPartially() {
        // a: 100 TH/s at 3,000 W ($69.44/MWh); b: 50 TH/s at 3,000 W ($34.72/MWh). Cap 4 MW, price 20.
        Site s = site(
                grid(4, false, 0, 0),
                List.of(fleet("b", 1000, 50, 3000), fleet("a", 1000, 100, 3000)),
                List.of(),
                List.of(),
                List.of(),
                Optional.empty());
        DispatchResult r =
                Backtest.meritOrder(s, inputs(hourly(1), new double[] {20}, BTC_PER_TH_DAY, BTC_USD, new double[0][]));
        Dispatch d = r.ledger().dispatch();
        assertThat(d.fraction(0, 1)).isEqualTo(1.0); // a first
        assertThat(d.fraction(0, 0)).isCloseTo(1.0 / 3, within(1e-12)); // b gets the last 1 MW of 3
        assertThat(d.importMw()[0]).isEqualTo(4.0);
    }

    @Test
    void adderRaisesTheCostOfImportsOnly() {
        Site s = site(
                grid(10, false, 0, 60),
                List.of(fleet("a", 1000, 100, 3000)),
                List.of(),
                List.of(),
                List.of(),
                Optional.empty());
        // 10 + 60 = 70 > 69.44: curtail
        DispatchResult r =
                Backtest.meritOrder(s, inputs(hourly(1), new double[] {10}, BTC_PER_TH_DAY, BTC_USD, new double[0][]));
        assertThat(r.ledger().dispatch().fraction(0, 0)).isZero();
    }

    @Test
    void firmTenantsAlwaysRunAndGpuCloudIsCurtailedOnlyAboveItsValue() {
        // GPU: 800 GPUs x 1.25 kW x PUE 1.0 = 1 MW; value = 2 x 0.5 x 1000 / 1.25 = $800/MWh
        GpuCloud gpu = new GpuCloud("gpu", "H100", 800, 1.25, 1.0, 2.0, 0.5, false);
        ColocationLease colo = new ColocationLease("colo", "t", 2, 100, 1.0, 1.0, false);
        Site s = site(
                grid(10, false, 0, 0),
                List.of(fleet("a", 1000, 100, 3000)),
                List.of(gpu),
                List.of(colo),
                List.of(),
                Optional.empty());
        DispatchResult r = Backtest.meritOrder(
                s, inputs(hourly(3), new double[] {50, 500, 2000}, BTC_PER_TH_DAY, BTC_USD, new double[0][]));
        Dispatch d = r.ledger().dispatch();
        // loads in site order: fleet a, gpu, colo
        assertThat(new double[] {d.fraction(0, 0), d.fraction(0, 1), d.fraction(0, 2)})
                .containsExactly(1, 1, 1);
        assertThat(new double[] {d.fraction(1, 0), d.fraction(1, 1), d.fraction(1, 2)})
                .containsExactly(0, 1, 1);
        assertThat(new double[] {d.fraction(2, 0), d.fraction(2, 1), d.fraction(2, 2)})
                .containsExactly(0, 0, 1);
        // GPU revenue: 800 x 2 x 0.5 = 800 per hour, 2 hours
        assertThat(r.summary().streamTotalUsd("ai_cloud")).isCloseTo(1600, within(1e-9));
        // colocation: 2 MW x 1000 x $100 / 720 h of June, 3 hours
        assertThat(r.summary().streamTotalUsd("colocation")).isCloseTo(3 * 200_000 / 720.0, within(1e-9));
        assertThat(r.summary().gpu().aiCloudUptimeFraction()).isCloseTo(2.0 / 3, within(1e-12));
    }

    @Test
    void ownSolarWithoutExportIsFreeAndTheSurplusIsSpilled() {
        Site s = site(
                grid(10, false, 0, 0),
                List.of(fleet("a", 1000, 100, 3000)),
                List.of(),
                List.of(),
                List.of(5.0),
                Optional.empty());
        DispatchResult r = Backtest.meritOrder(
                s, inputs(hourly(1), new double[] {200}, BTC_PER_TH_DAY, BTC_USD, new double[][] {{1.0}}));
        Dispatch d = r.ledger().dispatch();
        assertThat(d.fraction(0, 0)).isEqualTo(1.0);
        assertThat(d.importMw()[0]).isZero();
        assertThat(d.spillMw()[0]).isEqualTo(2.0);
        assertThat(r.summary().powerCostUsd()).isZero();
    }

    @Test
    void exportableSolarIsWorthThePriceSoMinersStepAsideAtHighPrices() {
        Site s = site(
                grid(10, true, 10, 0),
                List.of(fleet("a", 1000, 100, 3000)),
                List.of(),
                List.of(),
                List.of(5.0),
                Optional.empty());
        DispatchResult r = Backtest.meritOrder(
                s, inputs(hourly(2), new double[] {200, 20}, BTC_PER_TH_DAY, BTC_USD, new double[][] {{1.0, 1.0}}));
        Dispatch d = r.ledger().dispatch();
        assertThat(d.fraction(0, 0)).isZero();
        assertThat(d.exportMw()[0]).isEqualTo(5.0);
        assertThat(d.fraction(1, 0)).isEqualTo(1.0);
        assertThat(d.exportMw()[1]).isEqualTo(2.0);
        assertThat(r.summary().streamTotalUsd("export")).isCloseTo(5 * 200 + 2 * 20, within(1e-9));
        // the miners' energy in hour 1 is own solar valued at its export price, 20 $/MWh x 3 MWh
        assertThat(r.summary().bitcoin().minerEnergyCostUsd()).isCloseTo(60, within(1e-9));
    }

    @Test
    void atNegativePricesNothingIsExportedAndImportsAreTakenFirst() {
        Site s = site(
                grid(10, true, 10, 0),
                List.of(fleet("a", 1000, 100, 3000)),
                List.of(),
                List.of(),
                List.of(5.0),
                Optional.empty());
        DispatchResult r = Backtest.meritOrder(
                s, inputs(hourly(1), new double[] {-10}, BTC_PER_TH_DAY, BTC_USD, new double[][] {{1.0}}));
        Dispatch d = r.ledger().dispatch();
        assertThat(d.fraction(0, 0)).isEqualTo(1.0);
        assertThat(d.importMw()[0]).isEqualTo(3.0); // paid to consume
        assertThat(d.exportMw()[0]).isZero();
        assertThat(d.spillMw()[0]).isEqualTo(5.0);
        assertThat(r.summary().powerCostUsd()).isCloseTo(-30, within(1e-9));
    }

    @Test
    void ppaIsSettledAtTheRealTimePrice() {
        Site s = site(
                grid(10, false, 0, 0),
                List.of(fleet("a", 1000, 100, 3000)),
                List.of(),
                List.of(),
                List.of(),
                Optional.of(new Ppa(5, 30)));
        // hour 0: price 50, mining runs (3 MW): pay 5 x 30 = 150, sell back 2 MWh x 50 = 100
        // hour 1: price 1000, curtail: pay 150, sell back 5 x 1000 = 5000 (power credits)
        // hour 2: price 20, but 8 MW of load? only 3 MW here; import 3 <= 5
        DispatchResult r = Backtest.meritOrder(
                s, inputs(hourly(2), new double[] {50, 1000}, BTC_PER_TH_DAY, BTC_USD, new double[0][]));
        assertThat(r.summary().powerCostUsd()).isCloseTo(300, within(1e-9));
        assertThat(r.summary().streamTotalUsd("ppa_sellback")).isCloseTo(5100, within(1e-9));
        assertThat(r.summary().energy().ppaEnergySoldBackMwh()).isCloseTo(7, within(1e-12));
    }

    @Test
    void ppaImportsBeyondTheBlockPayTheRealTimePrice() {
        Site s = site(
                grid(10, false, 0, 5),
                List.of(fleet("a", 2000, 100, 3000)),
                List.of(),
                List.of(),
                List.of(),
                Optional.of(new Ppa(4, 30)));
        // 6 MW of load at price 10: 4 x 30 + (6 - 4) x 10 + 6 x 5 adder = 170
        DispatchResult r =
                Backtest.meritOrder(s, inputs(hourly(1), new double[] {10}, BTC_PER_TH_DAY, BTC_USD, new double[0][]));
        assertThat(r.summary().powerCostUsd()).isCloseTo(170, within(1e-9));
        assertThat(r.summary().streamTotalUsd("ppa_sellback")).isZero();
    }

    @Test
    void intervalsWithoutPriceAreSkippedAndCounted() {
        Site s = site(
                grid(10, false, 0, 0),
                List.of(fleet("a", 1000, 100, 3000)),
                List.of(),
                List.of(),
                List.of(),
                Optional.empty());
        DispatchResult r = Backtest.meritOrder(
                s, inputs(hourly(3), new double[] {30, Double.NaN, 30}, BTC_PER_TH_DAY, BTC_USD, new double[0][]));
        assertThat(r.summary().intervals()).isEqualTo(3);
        assertThat(r.summary().missingIntervals()).isEqualTo(1);
        assertThat(r.summary().gaps().missingPriceIntervals()).isEqualTo(1);
        assertThat(r.ledger().dispatch().dispatched()).containsExactly(true, false, true);
        assertThat(r.summary().powerCostUsd()).isCloseTo(180, within(1e-9));
    }

    @Test
    void energyScalesWithTheStepNotAnAssumedHour() {
        Site s = site(
                grid(10, false, 0, 0),
                List.of(fleet("a", 1000, 100, 3000)),
                List.of(),
                List.of(),
                List.of(),
                Optional.empty());
        var g = new io.minerai.core.time.TimeGrid(Fixtures.T0, java.time.Duration.ofMinutes(5), 12);
        double[] p = new double[12];
        java.util.Arrays.fill(p, 30);
        DispatchResult r = Backtest.meritOrder(s, inputs(g, p, BTC_PER_TH_DAY, BTC_USD, new double[0][]));
        assertThat(r.summary().energy().minerEnergyMwh()).isCloseTo(3.0, within(1e-12));
        assertThat(r.summary().powerCostUsd()).isCloseTo(90, within(1e-9));
        assertThat(r.summary().btcMined()).isCloseTo(0.1 / 24, within(1e-15));
    }
}
