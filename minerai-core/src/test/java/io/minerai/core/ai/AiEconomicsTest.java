package io.minerai.core.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AiEconomicsTest {

    @Test
    void gpuCloudByHand() {
        // 1,024 GPUs x $2.85 x 0.7 x 24 h = $49,029.12 a day
        assertThat(AiEconomics.gpuCloudRevenueUsd(1024, 2.85, 0.7, 24)).isCloseTo(49_029.12, within(1e-6));
        // 1,024 x 1.275 kW x 1.3 / 1000 = 1.69728 MW
        assertThat(AiEconomics.gpuFacilityPowerMw(1024, 1.275, 1.3)).isCloseTo(1.69728, within(1e-12));
        // value per MWh: 2.85 x 0.7 x 1000 / (1.275 x 1.3) = 1,203.62
        assertThat(AiEconomics.gpuCloudValueUsdPerMwh(2.85, 0.7, 1.275, 1.3)).isCloseTo(1203.6199, within(1e-4));
        // revenue per MW of IT per year: 2.85 x 0.7 x 8760 x 1000 / 1.275 = 13,706,823.5
        assertThat(AiEconomics.gpuCloudRevenueUsdPerItMwYear(2.85, 0.7, 1.275)).isCloseTo(13_706_823.53, within(0.01));
    }

    @Test
    void colocationRentByHand() {
        // 15 MW x 1000 x $121.5 x 12 = $21.87 M a year
        assertThat(AiEconomics.colocationRentUsd(15, 121.5, 12)).isCloseTo(21_870_000, within(1e-6));
        // one hour of February 2024 (29 days = 696 h): 15,000 x 121.5 / 696
        assertThat(AiEconomics.colocationRentAccruedUsd(15, 121.5, Instant.parse("2024-02-10T05:00:00Z"), 1))
                .isCloseTo(15_000 * 121.5 / 696.0, within(1e-9));
        // escalator 3 % in year 2: 100 x 1.03^2
        assertThat(AiEconomics.escalatedPriceUsdPerKwMonth(100, 0.03, 2)).isCloseTo(106.09, within(1e-9));
    }

    @Test
    void aWholeYearOfHourlyAccrualIsTwelveMonthsOfRent() {
        Instant t = Instant.parse("2024-01-01T00:00:00Z");
        double sum = 0;
        for (int h = 0; h < 8784; h++) {
            sum += AiEconomics.colocationRentAccruedUsd(10, 150, t.plusSeconds(3600L * h), 1);
        }
        assertThat(sum).isCloseTo(AiEconomics.colocationRentUsd(10, 150, 12), within(1e-3));
    }
}
