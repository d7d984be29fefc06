package io.minerai.data.bitcoin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.minerai.core.bitcoin.BitcoinDay;
import io.minerai.core.time.TimeGrid;
import io.minerai.core.validation.Problem;
import io.minerai.core.validation.ValidationException;
import io.minerai.data.DateRange;
import io.minerai.data.TestFiles;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoinMetricsReaderTest {
    private static final String HEADER = "time,BlkCnt,FeeTotNtv,HashRate,IssTotNtv,PriceUSD,SplyCur";

    @Test
    void bundledCoversTwoYearsWithTheEmptyLastDayAsAGap() {
        BitcoinHistory h = CoinMetricsReader.bundled();
        assertThat(h.coverage()).isEqualTo(new DateRange(LocalDate.of(2024, 1, 1), LocalDate.of(2025, 12, 30)));
        assertThat(h.days()).hasSize(729);
        assertThat(h.gaps()).containsExactly(new DateRange(LocalDate.of(2025, 12, 30), LocalDate.of(2025, 12, 30)));
        assertThat(h.missingDays().get(LocalDate.of(2025, 12, 30))).startsWith("empty row");
        assertThat(h.day(LocalDate.of(2025, 12, 30))).isEmpty();
        assertThat(CoinMetricsReader.bundled()).isSameAs(h);
    }

    @Test
    void bundledFirstRowIsReadVerbatim() {
        BitcoinDay d = CoinMetricsReader.bundled().day(LocalDate.of(2024, 1, 1)).orElseThrow();
        assertThat(d.blockCount()).isEqualTo(155);
        assertThat(d.feesBtc()).isEqualTo(212.54134993);
        assertThat(d.subsidyBtc()).isEqualTo(968.75);
        assertThat(d.priceUsdPerBtc()).isEqualTo(44049.4735534775);
        assertThat(d.networkHashrateThPerS()).isCloseTo(554_813_968.820938516, within(1e-6));
    }

    /** Golden values quoted in the dataset's SOURCE.md, rounded to cents there, hence the 0.005 tolerance. */
    @Test
    void goldenHashprice() {
        BitcoinHistory h = CoinMetricsReader.bundled();
        assertThat(h.day(LocalDate.of(2024, 4, 19)).orElseThrow().hashpriceUsdPerPhDay())
                .isCloseTo(109.26, within(0.005));
        assertThat(h.day(LocalDate.of(2024, 4, 29)).orElseThrow().hashpriceUsdPerPhDay())
                .isCloseTo(50.65, within(0.005));
    }

    @Test
    void onGridUsesTheUtcDateOfEachIntervalStart() {
        TimeGrid grid = new TimeGrid(Instant.parse("2024-01-01T22:00:00Z"), Duration.ofHours(1), 4);
        BitcoinSeries s = CoinMetricsReader.bundled().onGrid(grid);
        double day1 = (968.75 + 212.54134993) / 554813968.820938516514930129989540293654;
        double day2 = (818.75 + 139.99686991) / 468907288.148240706690561346279756912692;
        assertThat(s.btcPerThDay().value(0)).isCloseTo(day1, within(1e-18));
        assertThat(s.btcPerThDay().value(1)).isCloseTo(day1, within(1e-18));
        assertThat(s.btcPerThDay().value(2)).isCloseTo(day2, within(1e-18));
        assertThat(s.btcPriceUsd().value(3)).isEqualTo(44941.160493571);
    }

    @Test
    void onGridLeavesMissingAndUncoveredDaysMissing() {
        TimeGrid grid = new TimeGrid(Instant.parse("2025-12-29T00:00:00Z"), Duration.ofHours(6), 12);
        BitcoinSeries s = CoinMetricsReader.bundled().onGrid(grid);
        assertThat(s.btcPerThDay().missingCount()).isEqualTo(8);
        assertThat(s.btcPriceUsd().isMissing(3)).isFalse();
        assertThat(s.btcPriceUsd().isMissing(4)).isTrue();
    }

    @Test
    void everyProblemOfAMalformedFileIsReportedWithFileLineAndColumn() {
        var in = TestFiles.lines(
                HEADER,
                "2024-01-01,155,212.5,554813968.8,968.75,44049.47,1",
                "2024-13-01,155,212.5,554813968.8,968.75,44049.47,1",
                "2024-01-02,131,abc,468907288.1,818.75,44941.16,1",
                "2024-01-01,131,1,468907288.1,818.75,44941.16,1",
                "2024-01-03,131,-1,0,818.75,44941.16,1");
        assertThatThrownBy(() -> CoinMetricsReader.read(in, "btc.csv"))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.problems())
                                .extracting(Problem::path)
                                .containsExactly(
                                        "btc.csv:3:time",
                                        "btc.csv:4:FeeTotNtv",
                                        "btc.csv:5:time",
                                        "btc.csv:6:FeeTotNtv",
                                        "btc.csv:6:HashRate"))
                .hasMessageContaining("not a UTC date YYYY-MM-DD: '2024-13-01'")
                .hasMessageContaining("not a number: 'abc'")
                .hasMessageContaining("duplicate day 2024-01-01 (first on line 2)")
                .hasMessageContaining("must be > 0, was 0");
    }

    /**
     * Found by the input fuzz test: a mistyped year made a day-by-day history of millions of days (out of memory), and
     * values no real day has would overflow hashprice. Both are errors at their cell now.
     */
    @Test
    void impossibleDaysAndValuesAreRefusedAtTheirCell() {
        var in = TestFiles.lines(
                "time,BlkCnt,FeeTotNtv,HashRate,IssTotNtv,PriceUSD",
                "2024-01-01,131,1,468907288.1,818.75,44941.16",
                "92024-01-02,131,1,468907288.1,818.75,44941.16",
                "+999999-01-02T00:00:00Z,131,1,468907288.1,818.75,44941.16",
                "2008-12-31,131,1,468907288.1,818.75,44941.16",
                "2024-01-05,131,1e300,1e-300,818.75,1e308");
        assertThatThrownBy(() -> CoinMetricsReader.read(in, "btc.csv"))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.problems())
                                .extracting(Problem::toString)
                                .containsExactly(
                                        "btc.csv:3:time: not a UTC date YYYY-MM-DD: '92024-01-02'",
                                        "btc.csv:4:time: day +999999-01-02 is outside Bitcoin's era (2009-01-03 .. 2199-12-31); is"
                                                + " the year mistyped?",
                                        "btc.csv:5:time: day 2008-12-31 is outside Bitcoin's era (2009-01-03 .. 2199-12-31); is"
                                                + " the year mistyped?",
                                        "btc.csv:6:FeeTotNtv: must be 0 .. 21000000 BTC, was 1e300",
                                        "btc.csv:6:HashRate: must be 1.0E-9 .. 1000000000000 TH/s, was 1e-300",
                                        "btc.csv:6:PriceUSD: must be 0 .. 1000000000 $/BTC, was 1e308"));
    }

    @Test
    void missingColumnsAreNamed() {
        var in = TestFiles.lines("time,BlkCnt,FeeTotNtv,IssTotNtv", "2024-01-01,1,1,1");
        assertThatThrownBy(() -> CoinMetricsReader.read(in, "btc.csv"))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.problems())
                                .extracting(Problem::path)
                                .containsExactly("btc.csv:1:HashRate", "btc.csv:1:PriceUSD"))
                .hasMessageContaining("missing column HashRate; the header has time, BlkCnt, FeeTotNtv, IssTotNtv");
    }

    @Test
    void partialRowsAndSkippedDatesAreGapsNotErrors() {
        var in = TestFiles.lines(
                HEADER,
                "2024-01-01,155,212.5,554813968.8,968.75,44049.47,1",
                "2024-01-02,,212.5,554813968.8,968.75,,1",
                "2024-01-05,155,212.5,554813968.8,968.75,44049.47,1");
        BitcoinHistory h = CoinMetricsReader.read(in, "btc.csv");
        assertThat(h.gaps()).containsExactly(new DateRange(LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 4)));
        assertThat(h.missingDays().get(LocalDate.of(2024, 1, 2))).isEqualTo("no PriceUSD (line 3)");
        assertThat(h.missingDays().get(LocalDate.of(2024, 1, 3))).isEqualTo("no row");
        assertThat(h.days())
                .extracting(BitcoinDay::dateUtc)
                .isEqualTo(List.of(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 5)));
    }

    @Test
    void isoInstantDatesAtMidnightAreAccepted() {
        var in = TestFiles.lines(HEADER, "2024-01-01T00:00:00.000000000Z,155,212.5,554813968.8,968.75,44049.47,1");
        assertThat(CoinMetricsReader.read(in, "btc.csv").day(LocalDate.of(2024, 1, 1)))
                .isPresent();
    }

    @Test
    void aMissingFileIsAProblemWithTheAbsolutePath() {
        var path = java.nio.file.Path.of("no-such-dir", "btc.csv");
        assertThatThrownBy(() -> CoinMetricsReader.read(path))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("file not found: " + path.toAbsolutePath());
    }
}
