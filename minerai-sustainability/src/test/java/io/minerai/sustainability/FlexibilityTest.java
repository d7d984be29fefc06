package io.minerai.sustainability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.minerai.core.scenario.SustainabilitySettings.FlexibilityThresholds;
import io.minerai.core.scenario.SustainabilitySettings.MarketInstruments;
import io.minerai.core.site.Site;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Hand-computed flexibility on {@link TinySite}: curtailable capacity 4 MW; curtailed 0, 1.5 and 4 MW. */
class FlexibilityTest {
    static final double EPS = 1e-9;

    private static Flexibility run(FlexibilityThresholds th) {
        Site s = TinySite.site(false);
        return SustainabilityAnalysis.run(
                        s,
                        TinySite.ledger(s),
                        TinySite.factors(),
                        TinySite.settings(new MarketInstruments(false, 0, 0, Optional.empty()), th))
                .flexibility();
    }

    @Test
    void percentileThresholdsByNearestRank() {
        Flexibility f = run(new FlexibilityThresholds(95, Optional.empty(), 95));
        // prices 20, 150, 900: rank ceil(0.95 x 3) = 3 -> 900
        assertThat(f.highPriceThresholdUsdPerMwh()).isEqualTo(900);
        assertThat(f.highPriceThresholdSource()).isEqualTo("95th percentile of the run's prices");
        assertThat(f.highPriceIntervals()).isEqualTo(1);
        assertThat(f.highPrice()).containsExactly(false, false, true, false);
        assertThat(f.curtailedHighPriceMwh()).isCloseTo(4, within(EPS));
        assertThat(f.curtailedHighPriceHours()).isCloseTo(1, within(EPS));
        // system load 100, 200, 300 over dispatched intervals -> 300
        assertThat(f.highLoadAvailable()).isTrue();
        assertThat(f.highLoadThresholdMw()).isEqualTo(300);
        assertThat(f.highLoadIntervals()).isEqualTo(1);
        assertThat(f.curtailedHighLoadMwh()).isCloseTo(4, within(EPS));
        assertThat(f.curtailedHighLoadHours()).isCloseTo(1, within(EPS));
        Flexibility median = run(new FlexibilityThresholds(50, Optional.empty(), 50));
        // rank ceil(1.5) = 2 -> 150: t1 and t2
        assertThat(median.highPriceThresholdUsdPerMwh()).isEqualTo(150);
        assertThat(median.curtailedHighPriceMwh()).isCloseTo(5.5, within(EPS));
        assertThat(median.curtailedHighPriceHours()).isCloseTo(2, within(EPS));
    }

    @Test
    void fixedPriceThresholdWins() {
        Flexibility f = run(new FlexibilityThresholds(95, Optional.of(100.0), 95));
        assertThat(f.highPriceThresholdUsdPerMwh()).isEqualTo(100);
        assertThat(f.highPriceThresholdSource()).isEqualTo("fixed threshold");
        assertThat(f.highPriceIntervals()).isEqualTo(2);
    }

    @Test
    void curtailmentAndAverageFactorAvoidedEmissions() {
        Flexibility f = run(new FlexibilityThresholds(95, Optional.empty(), 95));
        assertThat(f.curtailedMwh()).isCloseTo(5.5, within(EPS));
        assertThat(f.curtailedHours()).isCloseTo(2, within(EPS));
        // 1.5 MWh x 500 + 4 MWh x 450 (the filled factor of t2) = 2550 kg
        assertThat(f.avoidedTCo2eAverageFactor()).isCloseTo(2.55, within(EPS));
        assertThat(f.avoidedHighPriceTCo2eAverageFactor()).isCloseTo(1.8, within(EPS));
        assertThat(f.ancillaryRevenueUsd()).isCloseTo(150, within(EPS));
        assertThat(f.reservesOfferedMwh()).isZero();
    }

    @Test
    void coincidentPeakIsTheHighestSystemIntervalOfEachSummerMonthInErcotTime() {
        Flexibility f = run(new FlexibilityThresholds(95, Optional.empty(), 95));
        // 2024-07-01T00:00Z is 19:00 on 30 June in Central time, so all four hours are June; t3 is not dispatched
        assertThat(f.coincidentPeaks()).hasSize(1);
        Flexibility.CoincidentPeak p = f.coincidentPeaks().get(0);
        assertThat(p.month()).isEqualTo(YearMonth.of(2024, 6));
        assertThat(p.startUtc()).isEqualTo(Instant.parse("2024-07-01T02:00:00Z"));
        assertThat(p.systemNetGenerationMw()).isEqualTo(300);
        assertThat(p.siteLoadMw()).isZero();
        assertThat(p.loadRemovedMw()).isCloseTo(4, within(EPS));
        assertThat(f.meanLoadRemovedAtPeaksMw()).isCloseTo(4, within(EPS));
    }

    @Test
    void percentileEdges() {
        assertThat(Flexibility.percentile(new double[0], 95)).isInfinite();
        assertThat(Flexibility.percentile(new double[] {5, 1, 3}, 0)).isEqualTo(1);
        assertThat(Flexibility.percentile(new double[] {5, 1, 3}, 100)).isEqualTo(5);
    }

    @Test
    void peaksFromTheFifteenMinuteDataAreMappedToTheRunInterval() {
        Site s = TinySite.site(false);
        GridFactors base = TinySite.factors();
        // peak quarter hour 01:30Z lies in the run's hour t1 (01:00Z); a peak at 03:15Z lies in t3 (not dispatched);
        // one outside the run is left out
        GridFactors withPeaks = new GridFactors(
                base.grid(),
                base.kgCo2ePerMwh(),
                base.systemNetGenerationMw(),
                base.sourceShare(),
                base.basis(),
                base.description(),
                base.citation(),
                java.util.List.of(
                        Instant.parse("2024-07-01T01:30:00Z"),
                        Instant.parse("2024-07-01T03:15:00Z"),
                        Instant.parse("2024-08-15T20:00:00Z")));
        Flexibility f = SustainabilityAnalysis.run(
                        s,
                        TinySite.ledger(s),
                        withPeaks,
                        TinySite.settings(new MarketInstruments(false, 0, 0, Optional.empty())))
                .flexibility();
        assertThat(f.coincidentPeaks()).hasSize(2);
        Flexibility.CoincidentPeak p = f.coincidentPeaks().get(0);
        assertThat(p.peakUtc()).isEqualTo(Instant.parse("2024-07-01T01:30:00Z"));
        assertThat(p.startUtc()).isEqualTo(Instant.parse("2024-07-01T01:00:00Z"));
        assertThat(p.dispatched()).isTrue();
        assertThat(p.siteLoadMw()).isCloseTo(2.5, within(EPS));
        assertThat(p.loadRemovedMw()).isCloseTo(1.5, within(EPS));
        assertThat(f.coincidentPeaks().get(1).dispatched()).isFalse();
        // the mean counts dispatched peaks only
        assertThat(f.meanLoadRemovedAtPeaksMw()).isCloseTo(1.5, within(EPS));
    }
}
