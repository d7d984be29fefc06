package io.minerai.core.bitcoin;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Network totals of one UTC day, the inputs of daily hashprice.
 *
 * @param dateUtc UTC calendar day
 * @param priceUsdPerBtc BTC price used for that day (the source's convention, e.g. Coin Metrics' close of day)
 * @param networkHashrateThPerS mean network hashrate that day
 * @param subsidyBtc BTC issued that day (block subsidies)
 * @param feesBtc transaction fees paid to miners that day
 * @param blockCount blocks found that day (0 when the source does not say)
 */
public record BitcoinDay(
        LocalDate dateUtc,
        double priceUsdPerBtc,
        double networkHashrateThPerS,
        double subsidyBtc,
        double feesBtc,
        int blockCount) {

    public BitcoinDay {
        Objects.requireNonNull(dateUtc, "dateUtc");
        if (!(priceUsdPerBtc > 0)) {
            throw new IllegalArgumentException(dateUtc + ": priceUsdPerBtc must be > 0, was " + priceUsdPerBtc);
        }
        if (!(networkHashrateThPerS > 0)) {
            throw new IllegalArgumentException(
                    dateUtc + ": networkHashrateThPerS must be > 0, was " + networkHashrateThPerS);
        }
        if (!(subsidyBtc >= 0) || !(feesBtc >= 0)) {
            throw new IllegalArgumentException(dateUtc + ": subsidy and fees must be >= 0");
        }
    }

    /** Expected BTC per TH/s over this day. */
    public double btcPerThDay() {
        return Hashprice.btcPerThDayFromDailyTotals(subsidyBtc, feesBtc, networkHashrateThPerS);
    }

    /** BTC per PH/s per day. */
    public double btcPerPhDay() {
        return btcPerThDay() * 1000.0;
    }

    /** Hashprice in USD per TH/s per day. */
    public double hashpriceUsdPerThDay() {
        return btcPerThDay() * priceUsdPerBtc;
    }

    /** Hashprice in USD per PH/s per day (the index unit). */
    public double hashpriceUsdPerPhDay() {
        return hashpriceUsdPerThDay() * 1000.0;
    }

    /** Share of miner revenue from fees. */
    public double feeShare() {
        double total = subsidyBtc + feesBtc;
        return total == 0 ? 0 : feesBtc / total;
    }
}
