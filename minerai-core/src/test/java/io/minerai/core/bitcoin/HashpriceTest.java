package io.minerai.core.bitcoin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class HashpriceTest {

    @Test
    void impliedHashrateFromDifficultyMatchesTheReportedFigure() {
        // 2024-04-25 retarget: D = 88.1 T -> 88.1e12 x 2^32 / 600 = 630.6 EH/s (DOMAIN.md 1.2)
        double eh = Difficulty.networkHashrateHPerS(88.1e12) / 1e18;
        assertThat(eh).isCloseTo(630.6, within(0.1));
        assertThat(Difficulty.difficultyForHashrate(Difficulty.networkHashrateHPerS(88.1e12)))
                .isCloseTo(88.1e12, within(1.0));
        // exact constant differs by 0.0015 %
        assertThat(Difficulty.HASHES_PER_DIFFICULTY_EXACT / Difficulty.HASHES_PER_DIFFICULTY - 1)
                .isCloseTo(1.5259e-5, within(1e-8));
    }

    @Test
    void expectedBlocksPerDayOfTheWholeNetworkIs144() {
        double d = 80e12;
        double h = Difficulty.networkHashrateHPerS(d);
        assertThat(Difficulty.expectedBlocksPerDay(h, d)).isCloseTo(144.0, within(1e-9));
    }

    @Test
    void hashpriceFromDifficultyByHand() {
        // (3.125 + 0.1) BTC x $60,000 x 86,400 x 1e15 / (88e12 x 2^32)
        double expected = 3.225 * 60_000 * 86_400 * 1e15 / (88e12 * 4_294_967_296.0);
        assertThat(Hashprice.usdPerPhDayFromDifficulty(3.125, 0.1, 60_000, 88e12))
                .isCloseTo(expected, within(1e-9));
        assertThat(expected).isCloseTo(44.23, within(0.01));
    }

    @Test
    void goldenHashpriceFromCoinMetricsRows() {
        // Rows of Coin Metrics csv/btc.csv (bundled as btc_daily_coinmetrics.csv; CC BY-NC 4.0). Its SOURCE.md
        // quotes the derived hashprice: 2024-04-19 -> 109.26 and 2024-04-29 -> 50.65 USD/PH/day.
        BitcoinDay apr19 = new BitcoinDay(
                LocalDate.parse("2024-04-19"), 63762.6310300994, 648454181.4327913644, 931.25, 179.87658691, 151);
        BitcoinDay apr29 = new BitcoinDay(
                LocalDate.parse("2024-04-29"), 63908.3888766803, 573738484.1765486450, 409.375, 45.31174055, 131);
        assertThat(apr19.hashpriceUsdPerPhDay()).isCloseTo(109.26, within(0.005));
        assertThat(apr29.hashpriceUsdPerPhDay()).isCloseTo(50.65, within(0.005));
        assertThat(apr29.btcPerPhDay()).isCloseTo((409.375 + 45.31174055) / 573738484.1765486450 * 1000, within(1e-15));
        assertThat(apr19.feeShare()).isCloseTo(179.87658691 / (931.25 + 179.87658691), within(1e-12));
    }

    @Property
    void dailyTotalsAndDifficultyFormsAgreeOnAnAverageDay(
            @ForAll @DoubleRange(min = 1e12, max = 2e14) double difficulty,
            @ForAll @DoubleRange(min = 0, max = 5) double feesPerBlock,
            @ForAll @DoubleRange(min = 1_000, max = 200_000) double price) {
        double subsidy = 3.125;
        double hashrateThPerS = Difficulty.networkHashrateThPerS(difficulty);
        double daily = Hashprice.usdPerPhDayFromDailyTotals(144 * subsidy, 144 * feesPerBlock, price, hashrateThPerS);
        double fromD = Hashprice.usdPerPhDayFromDifficulty(subsidy, feesPerBlock, price, difficulty);
        assertThat(daily).isCloseTo(fromD, within(Math.abs(fromD) * 1e-12 + 1e-12));
    }
}
