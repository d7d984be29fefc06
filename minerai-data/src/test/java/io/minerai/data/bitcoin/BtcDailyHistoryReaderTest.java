package io.minerai.data.bitcoin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.minerai.core.validation.Problem;
import io.minerai.core.validation.ValidationException;
import io.minerai.data.DateRange;
import io.minerai.data.TestFiles;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class BtcDailyHistoryReaderTest {
    private static final String HEADER = "date_utc,price_usd_cmc,hashrate_hs_bitcoinvisuals,hashrate_ths_blockchaincom,"
            + "difficulty_blockchaincom,subsidy_btc_per_day,subsidy_usd_per_day,fees_btc_per_day_blockchaincom,"
            + "miners_revenue_usd_blockchaincom,median_block_interval_min";

    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    @Test
    void bundledColumnsHaveTheirOwnCoverage() {
        BtcLongHistory h = BtcDailyHistoryReader.bundled();
        assertThat(h.span()).isEqualTo(new DateRange(d("2009-01-03"), d("2025-04-08")));
        assertThat(h.priceUsd().coverage()).contains(new DateRange(d("2010-07-17"), d("2025-03-08")));
        assertThat(h.priceUsd().presentCount()).isEqualTo(5333);
        assertThat(h.hashrateThPerS().coverage()).contains(new DateRange(d("2009-01-03"), d("2025-03-08")));
        assertThat(h.series(BtcLongHistory.Column.FEES_BTC_PER_DAY).coverage())
                .contains(new DateRange(d("2023-04-30"), d("2025-02-02")));
        assertThat(h.series(BtcLongHistory.Column.HASHRATE_TH_PER_S_BLOCKCHAINCOM)
                        .presentCount())
                .isEqualTo(1824);
        // The file starts 2009-01-03 and resumes 2009-01-09: the days between are missing in every column.
        assertThat(h.hashrateThPerS().gaps().get(0)).isEqualTo(new DateRange(d("2009-01-04"), d("2009-01-08")));
    }

    @Test
    void hashrateIsConvertedFromHashesToTerahashesPerSecond() {
        BtcLongHistory h = BtcDailyHistoryReader.bundled();
        assertThat(h.hashrateThPerS().value(d("2024-01-01")).orElseThrow())
                .isCloseTo(554_813_968.24822736, within(1e-3));
        assertThat(h.series(BtcLongHistory.Column.HASHRATE_TH_PER_S_BLOCKCHAINCOM)
                        .value(d("2024-01-01"))
                        .orElseThrow())
                .isEqualTo(554813968.2482265);
    }

    @Test
    void logReturnsByHand() {
        BtcLongHistory h = BtcDailyHistoryReader.bundled();
        assertThat(h.priceLogReturns().value(d("2010-07-18")).orElseThrow())
                .isCloseTo(Math.log(0.07 / 0.05), within(1e-12));
        assertThat(h.priceLogReturns().value(d("2024-01-02")).orElseThrow())
                .isCloseTo(Math.log(45242.49 / 42685.45), within(1e-12));
        assertThat(h.priceLogReturns().value(d("2010-07-17"))).isEmpty();
        assertThat(h.hashrateLogGrowth().value(d("2024-01-02")).orElseThrow())
                .isCloseTo(Math.log(468907289293663100000.0 / 554813968248227360000.0), within(1e-12));
    }

    @Test
    void malformedRowsAreAllReported() {
        var in = TestFiles.lines(
                HEADER,
                "2024-01-01,42685.45,5.5e20,,,968.75,,,,9.2",
                "2024-01-32,42685.45,5.5e20,,,968.75,,,,9.2",
                "2024-01-02,x,5.5e20,,,968.75,,,,9.2",
                "2024-01-01,1,1,,,1,,,,1",
                "2024-01-03,1,-5,,,1,,,,1",
                "2024-01-04,1,1,,,1");
        assertThatThrownBy(() -> BtcDailyHistoryReader.read(in, "btc_daily.csv"))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.problems())
                                .extracting(Problem::path)
                                .containsExactly(
                                        "btc_daily.csv:3:date_utc",
                                        "btc_daily.csv:4:price_usd_cmc",
                                        "btc_daily.csv:5:date_utc",
                                        "btc_daily.csv:6:hashrate_hs_bitcoinvisuals",
                                        "btc_daily.csv:7"))
                .hasMessageContaining("has 6 fields, the header has 10");
    }

    @Test
    void missingColumnStopsBeforeTheRows() {
        var in = TestFiles.lines("date_utc,price_usd_cmc", "2024-01-01,1");
        assertThatThrownBy(() -> BtcDailyHistoryReader.read(in, "h.csv"))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.problems()).hasSize(8));
    }
}
