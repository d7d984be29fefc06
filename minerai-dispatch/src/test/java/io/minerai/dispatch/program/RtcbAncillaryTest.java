package io.minerai.dispatch.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.minerai.core.inputs.MarketInputs;
import io.minerai.core.inputs.ScenarioInputs;
import io.minerai.core.site.Site;
import io.minerai.core.time.TimeGrid;
import io.minerai.core.time.TimeSeries;
import io.minerai.dispatch.DeferrableWork;
import io.minerai.dispatch.Dispatch;
import io.minerai.dispatch.DispatchResult;
import io.minerai.dispatch.Fixtures;
import io.minerai.dispatch.LoadInfo;
import io.minerai.dispatch.ReserveOffers;
import io.minerai.dispatch.Settlement;
import io.minerai.dispatch.SettlementTerms;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Hand-computed ERCOT RTC+B ancillary settlement. One hour, a 30 MW curtailable miner fleet (10,000 machines x 3 kW,
 * PUE 1). Synthetic prices (labelled: not ERCOT data).
 */
class RtcbAncillaryTest {
    private static final TimeGrid GRID =
            new TimeGrid(Instant.parse("2025-12-15T18:00:00Z"), java.time.Duration.ofHours(1), 1);
    private static final Site SITE = Fixtures.site(
            Fixtures.grid(100, false, 0, 0),
            List.of(Fixtures.fleet("miners", 10_000, 100, 3000)),
            List.of(),
            List.of(),
            List.of(),
            Optional.empty());

    /** The fleet runs at {@code fraction}; {@code rrsAward} MW of RRS and {@code ecrsAward} MW of ECRS awarded DA. */
    private static Dispatch dispatch(double fraction, double rrsAward, double ecrsAward) {
        return new Dispatch(
                "hand",
                GRID,
                LoadInfo.of(SITE),
                new boolean[] {true},
                new double[] {fraction},
                new double[] {0},
                new double[] {30 * fraction},
                new double[] {0},
                new double[] {0},
                new ReserveOffers(List.of("RRS", "ECRS"), new double[] {rrsAward, ecrsAward}),
                DeferrableWork.none());
    }

    private static ScenarioInputs inputs(double daRrs, double daEcrs, double rtRrs, double rtEcrs) {
        ScenarioInputs base = Fixtures.inputs(GRID, new double[] {30}, 5e-7, 90_000, new double[0][]);
        ScenarioInputs withDa = new ScenarioInputs(
                GRID,
                base.priceUsdPerMwh(),
                base.btcPerThDay(),
                base.btcPriceUsd(),
                List.of(),
                Optional.empty(),
                Map.of(
                        "RRS",
                        TimeSeries.of("RRS", "USD/MW-h", GRID, daRrs),
                        "ECRS",
                        TimeSeries.of("ECRS", "USD/MW-h", GRID, daEcrs)),
                base.bitcoinDays());
        return withDa.withMarket(MarketInputs.usd(GRID)
                .withRealTimeAncillaryPrices(Map.of(
                        "RRS", TimeSeries.of("RRS", "USD/MW-h", GRID, rtRrs),
                        "ECRS", TimeSeries.of("ECRS", "USD/MW-h", GRID, rtEcrs))));
    }

    private static DispatchResult settle(Dispatch d, ScenarioInputs in, boolean controllable, Instant rtcb) {
        return Settlement.settle(
                SITE,
                in,
                d,
                SettlementTerms.of(List.of(new RtcbAncillary(List.of("RRS", "ECRS"), controllable, 1.0, rtcb))));
    }

    @Test
    void dayAheadAwardWithARealTimeShortfallIsBoughtBackAtTheRealTimePrice() {
        // DA: 10 MW RRS at $15 = 150. RT: the fleet was curtailed to 20 % (6 MW running), so only 6 MW of RRS can be
        // held: (6 - 10) x $40 = -160. Net ancillary -10.
        DispatchResult r = settle(dispatch(0.2, 10, 0), inputs(15, 9, 40, 45), false, Instant.MIN);
        assertThat(r.summary().streamTotalUsd("ancillary")).isCloseTo(150, within(1e-9));
        assertThat(r.summary().streamTotalUsd("ancillary_rt_deviation")).isCloseTo(-160, within(1e-9));
        assertThat(r.ledger().valuesOrZero("reserve_rrs_rt_mw")[0]).isCloseTo(6, within(1e-12));
    }

    @Test
    void aLoadResourceKeepsItsAwardWhenItCanAndEarnsNothingMoreInRealTime() {
        // 30 MW running, 10 MW RRS + 5 MW ECRS awarded DA at $15/$9: 150 + 45 = 195; capability 30 covers both: no
        // deviation, and a non-controllable resource gets no real-time award beyond its DA award.
        DispatchResult r = settle(dispatch(1.0, 10, 5), inputs(15, 9, 40, 45), false, Instant.MIN);
        assertThat(r.summary().streamTotalUsd("ancillary")).isCloseTo(195, within(1e-9));
        assertThat(r.summary().streamTotalUsd("ancillary_rt_deviation")).isZero();
    }

    @Test
    void aControllableLoadResourceIsAwardedItsSpareCapabilityAtTheBestRealTimePrice() {
        // CLR, 30 MW running, 10 MW RRS awarded DA at $15 (150); the other 20 MW are awarded in real time in the
        // product with the higher real-time MCPC, ECRS at $45: +900.
        DispatchResult r = settle(dispatch(1.0, 10, 0), inputs(15, 9, 40, 45), true, Instant.MIN);
        assertThat(r.summary().streamTotalUsd("ancillary")).isCloseTo(150, within(1e-9));
        assertThat(r.summary().streamTotalUsd("ancillary_rt_deviation")).isCloseTo(900, within(1e-9));
        assertThat(r.ledger().valuesOrZero("reserve_ecrs_rt_mw")[0]).isCloseTo(20, within(1e-12));
    }

    @Test
    void beforeRtcbOnlyTheDayAheadCapacityIsPaid() {
        // the same shortfall as above, in an hour before RTC+B: 2024 rules pay 150 and settle no deviation
        DispatchResult r = settle(dispatch(0.2, 10, 0), inputs(15, 9, 40, 45), false, Instant.MAX);
        assertThat(r.summary().streamTotalUsd("ancillary")).isCloseTo(150, within(1e-9));
        assertThat(r.summary().streamTotalUsd("ancillary_rt_deviation")).isZero();
    }

    @Test
    void aDeviationWithoutARealTimePriceIsNotSettledButCounted() {
        ScenarioInputs in = inputs(15, 9, 40, 45).withMarket(MarketInputs.usd(GRID));
        DispatchResult r = settle(dispatch(0.2, 10, 0), in, false, Instant.MIN);
        assertThat(r.summary().streamTotalUsd("ancillary_rt_deviation")).isZero();
        assertThat(r.summary().programFact(RtcbAncillary.PROGRAM, "unpricedDeviationMwh"))
                .isCloseTo(4, within(1e-12));
    }
}
