package io.minerai.planning.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.minerai.data.bitcoin.BtcDailyHistoryReader;
import io.minerai.data.ercot.ErcotHourlyPrices;
import io.minerai.planning.engine.BtcReturns;
import io.minerai.planning.engine.PowerDay;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Golden figures of the real bundled history as the planner sees it. */
class PlanHistoryTest {

    @Test
    void ercotDaysAreWholeCentralTimeDays() {
        List<PowerDay> days = PlanHistory.ercotDays(ErcotHourlyPrices.bundled(), "LZ_WEST", "RTM");
        // 2024-01-01..2026-03-17 minus the source's missing and DST-partial days
        assertThat(days).hasSizeBetween(780, 807);
        assertThat(days).allSatisfy(d -> assertThat(d.pricesUsdPerMwh()).hasSize(24));
        // SOURCE.md: 2024 LZ_WEST RTM mean $35.6/MWh over 8,615 hours. Our whole-day subset drops DST-partial and
        // missing days (a few dozen hours), so allow $1.5/MWh.
        double sum = 0;
        int n = 0;
        for (PowerDay d : days) {
            if (d.date().getYear() == 2024) {
                for (double p : d.pricesUsdPerMwh()) {
                    sum += p;
                    n++;
                }
            }
        }
        assertThat(n).isBetween(8_500, 8_616);
        assertThat(sum / n).isCloseTo(35.6, within(1.5));
        // every calendar month has days to resample
        for (int m = 1; m <= 12; m++) {
            int month = m;
            assertThat(days.stream().filter(d -> d.date().getMonthValue() == month))
                    .isNotEmpty();
        }
    }

    @Test
    void btcReturnsFrom2018() {
        BtcReturns r = PlanHistory.btcReturns(BtcDailyHistoryReader.bundled(), LocalDate.of(2018, 1, 1));
        // 2018-01-01..2025-03-08 is about 2,624 days
        assertThat(r.size()).isBetween(2_550, 2_630);
        // BTC daily log-return volatility since 2018 is roughly 3-4 % (about 60-75 % a year)
        assertThat(r.sdDaily()).isBetween(0.025, 0.045);
        assertThat(r.label()).contains("2018-01-0");
    }
}
