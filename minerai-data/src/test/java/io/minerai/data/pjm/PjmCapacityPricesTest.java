package io.minerai.data.pjm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.minerai.core.time.TimeGrid;
import io.minerai.core.time.TimeSeries;
import io.minerai.core.validation.Problem;
import io.minerai.core.validation.ValidationException;
import io.minerai.data.TestFiles;
import io.minerai.data.series.IntervalSeries;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PjmCapacityPricesTest {
    static PjmCapacityPrices bundled() {
        return PjmCapacityPrices.read(
                PjmCapacityPricesTest.class.getResourceAsStream(
                        "/io/minerai/data/pjm_rpm_bra_clearing_prices/pjm_rpm_bra_clearing_prices.csv"),
                "bra.csv");
    }

    @Test
    void delivery_years_run_june_to_may() {
        assertThat(PjmCapacityPrices.deliveryYearStart(LocalDate.of(2026, 5, 31)))
                .isEqualTo(2025);
        assertThat(PjmCapacityPrices.deliveryYearStart(LocalDate.of(2026, 6, 1)))
                .isEqualTo(2026);
    }

    /** Golden: the 7 rows of the shared table (SOURCE.md: min 28.92, max 466.35). */
    @Test
    void bundled_prices_by_date_and_lda() {
        PjmCapacityPrices p = bundled();
        assertThat(p.ldas()).containsExactly("RTO", "BGE", "DOM");
        assertThat(p.deliveryYears()).containsExactly(2023, 2024, 2025, 2026, 2027);
        assertThat(p.exact(LocalDate.of(2025, 7, 1), "dom").orElseThrow().priceUsdPerMwDay())
                .isEqualTo(444.26);
        assertThat(p.exact(LocalDate.of(2026, 5, 31), "BGE").orElseThrow().priceUsdPerMwDay())
                .isEqualTo(466.35);
        assertThat(p.exact(LocalDate.of(2026, 6, 1), "RTO").orElseThrow().priceUsdPerMwDay())
                .as("2026/27 at the cap")
                .isEqualTo(329.17);
        assertThat(p.exact(LocalDate.of(2027, 6, 1), "RTO").orElseThrow().priceUsdPerMwDay())
                .isEqualTo(333.44);
        assertThat(p.exact(LocalDate.of(2024, 1, 15), "RTO").orElseThrow().deliveryYear())
                .isEqualTo("2023/2024");
        assertThat(p.exact(LocalDate.of(2024, 1, 15), "RTO").orElseThrow().priceUsdPerMwDay())
                .isEqualTo(34.13);
        assertThat(p.exact(LocalDate.of(2024, 6, 1), "RTO").orElseThrow().priceUsdPerMwDay())
                .isEqualTo(28.92);
        assertThat(p.exact(LocalDate.of(2026, 7, 1), "DOM")).isEmpty();
        PjmCapacityPrices.Lookup dom2026 =
                p.lookup(LocalDate.of(2026, 7, 1), "DOM").orElseThrow();
        assertThat(dom2026.basis()).isEqualTo(PjmCapacityPrices.Basis.RTO_FALLBACK);
        assertThat(dom2026.price().priceUsdPerMwDay()).isEqualTo(329.17);
        assertThat(p.lookup(LocalDate.of(2028, 6, 1), "RTO")).isEmpty();
    }

    @Test
    void a_daily_run_grid_straddling_1_june_is_time_weighted() {
        List<String> fallback = new ArrayList<>();
        IntervalSeries dom = bundled().series("DOM", fallback);
        assertThat(fallback).containsExactly("2023/2024", "2024/2025", "2026/2027", "2027/2028");
        // 1 June 2026 00:00 EDT = 04:00Z: the UTC day 2026-06-01 is 4 h of 2025/26 (444.26) and 20 h of 2026/27
        TimeSeries d = dom.resampleTo(new TimeGrid(Instant.parse("2026-06-01T00:00:00Z"), Duration.ofDays(1), 1));
        assertThat(d.value(0)).isCloseTo((4 * 444.26 + 20 * 329.17) / 24, within(1e-9));
        assertThat(dom.start(0)).isEqualTo(Instant.parse("2023-06-01T04:00:00Z"));
        assertThat(dom.end(dom.size() - 1)).isEqualTo(Instant.parse("2028-06-01T04:00:00Z"));
    }

    @Test
    void bad_rows_are_refused() {
        assertThatThrownBy(() -> PjmCapacityPrices.read(
                        TestFiles.lines(
                                "delivery_year,lda,resource_clearing_price_usd_per_mw_day_ucap",
                                "2025/2027,RTO,1",
                                "2025-2026,RTO,1",
                                "2025/2026,RTO,-3",
                                "2025/2026,DOM,2",
                                "2025/2026,dom,3",
                                "2025/2026,,4"),
                        "bra.csv"))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.problems())
                                .extracting(Problem::toString)
                                .containsExactly(
                                        "bra.csv:2:delivery_year: a delivery year runs 1 June to 31 May of the next year;"
                                                + " '2025/2027' does not",
                                        "bra.csv:3:delivery_year: not a delivery year YYYY/YYYY: '2025-2026'",
                                        "bra.csv:4:resource_clearing_price_usd_per_mw_day_ucap: must be >= 0, was -3",
                                        "bra.csv:6:lda: duplicate price for DOM in 2025/2026 (also at line 5)",
                                        "bra.csv:7:lda: empty; an LDA such as RTO, BGE or DOM is required"));
    }
}
