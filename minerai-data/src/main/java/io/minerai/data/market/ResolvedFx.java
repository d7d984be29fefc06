package io.minerai.data.market;

import io.minerai.core.time.TimeSeries;
import java.util.Currency;
import java.util.Objects;

/**
 * An exchange rate on a run's grid and how it was obtained.
 *
 * @param from the currency converted from
 * @param to the currency converted to
 * @param rate units of {@code to} per unit of {@code from}, per interval; missing where no rate applies
 * @param source {@code constant} or the file name
 * @param coverage missing intervals and notes (e.g. how many intervals took the previous published rate)
 */
public record ResolvedFx(Currency from, Currency to, TimeSeries rate, String source, MarketDataCoverage coverage) {
    public ResolvedFx {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(rate, "rate");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(coverage, "coverage");
    }

    /**
     * {@code values} (in {@code from}) converted to {@code to}: value x rate per interval, missing where either is
     * missing. The unit's currency code is replaced (e.g. {@code AUD/MWh} -> {@code USD/MWh}).
     *
     * @throws IllegalArgumentException when the grids differ or the unit does not start with {@code from}'s code
     */
    public TimeSeries convert(TimeSeries values) {
        if (!values.grid().equals(rate.grid())) {
            throw new IllegalArgumentException("grids differ: " + values.grid() + " vs " + rate.grid());
        }
        String code = from.getCurrencyCode();
        if (!values.unit().startsWith(code)) {
            throw new IllegalArgumentException(values.name() + " is in " + values.unit() + ", not in " + code);
        }
        TimeSeries.Builder b = TimeSeries.builder(
                values.name(), to.getCurrencyCode() + values.unit().substring(code.length()), values.grid());
        for (int i = 0; i < values.size(); i++) {
            if (!values.isMissing(i) && !rate.isMissing(i)) {
                b.set(i, values.value(i) * rate.value(i));
            }
        }
        return b.build();
    }
}
