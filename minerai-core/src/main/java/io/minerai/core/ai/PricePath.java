package io.minerai.core.ai;

import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

/**
 * Rental price of a GPU generation over time: a dated observed price that declines geometrically with the
 * generation's age, {@code price(m) = price0 x (1 - declinePerYear)^(months since price0 / 12)} (before the observed
 * month the same law runs backwards). A plan input: the observed price is cited, the decline is a stated assumption.
 *
 * @param priceUsdPerGpuHour observed price
 * @param observedMonth month of the observation
 * @param declinePerYear fractional decline per year, in [0, 1)
 */
public record PricePath(double priceUsdPerGpuHour, YearMonth observedMonth, double declinePerYear) {
    public PricePath {
        if (!(priceUsdPerGpuHour >= 0) || !(declinePerYear >= 0 && declinePerYear < 1)) {
            throw new IllegalArgumentException(
                    "price must be >= 0 and decline in [0, 1), was " + priceUsdPerGpuHour + ", " + declinePerYear);
        }
    }

    /** Price in month {@code m}, USD per GPU-hour. */
    public double priceUsdPerGpuHour(YearMonth m) {
        double years = ChronoUnit.MONTHS.between(observedMonth, m) / 12.0;
        return priceUsdPerGpuHour * Math.pow(1 - declinePerYear, years);
    }
}
