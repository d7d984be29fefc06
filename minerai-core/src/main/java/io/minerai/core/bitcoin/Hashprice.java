package io.minerai.core.bitcoin;

/**
 * Hashprice: what one unit of hashrate earns per day (term coined by Luxor, 2019; index unit USD per PH/s per day).
 *
 * <p>From difficulty: {@code (S + F) x P x 86,400 x 1e15 / (D x 2^32)} USD per PH/s per day, with S the subsidy and F the
 * mean fees per block in BTC, P the BTC price in USD and D the difficulty. From daily network totals: {@code (subsidy
 * BTC that day + fees BTC that day) x P / network hashrate in TH/s} USD per TH/s per day. Both are the same quantity
 * when the day had 144 blocks and the hashrate matches the difficulty.
 */
public final class Hashprice {
    private Hashprice() {}

    /** BTC earned per TH/s per day at difficulty {@code d} with subsidy and mean fees per block in BTC. */
    public static double btcPerThDayFromDifficulty(
            double subsidyBtcPerBlock, double feesBtcPerBlock, double difficulty) {
        return (subsidyBtcPerBlock + feesBtcPerBlock)
                * 86_400.0
                * 1e12
                / (difficulty * Difficulty.HASHES_PER_DIFFICULTY);
    }

    /** USD per PH/s per day at difficulty {@code d}. */
    public static double usdPerPhDayFromDifficulty(
            double subsidyBtcPerBlock, double feesBtcPerBlock, double priceUsdPerBtc, double difficulty) {
        return btcPerThDayFromDifficulty(subsidyBtcPerBlock, feesBtcPerBlock, difficulty) * priceUsdPerBtc * 1000.0;
    }

    /** BTC per TH/s per day from daily network totals: (subsidy + fees that day) / network hashrate. */
    public static double btcPerThDayFromDailyTotals(
            double subsidyBtcPerDay, double feesBtcPerDay, double networkHashrateThPerS) {
        if (!(networkHashrateThPerS > 0)) {
            throw new IllegalArgumentException("networkHashrateThPerS must be > 0, was " + networkHashrateThPerS);
        }
        return (subsidyBtcPerDay + feesBtcPerDay) / networkHashrateThPerS;
    }

    /** USD per PH/s per day from daily network totals. */
    public static double usdPerPhDayFromDailyTotals(
            double subsidyBtcPerDay, double feesBtcPerDay, double priceUsdPerBtc, double networkHashrateThPerS) {
        return btcPerThDayFromDailyTotals(subsidyBtcPerDay, feesBtcPerDay, networkHashrateThPerS)
                * priceUsdPerBtc
                * 1000.0;
    }
}
