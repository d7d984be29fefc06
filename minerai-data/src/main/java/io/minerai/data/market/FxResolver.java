package io.minerai.data.market;

import io.minerai.core.market.FxSource;
import io.minerai.core.market.MarketFields;
import io.minerai.core.time.TimeGrid;
import io.minerai.core.time.TimeSeries;
import io.minerai.core.validation.Problem;
import io.minerai.core.validation.ValidationException;
import io.minerai.data.Coverage;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves an {@link FxSource} onto a run's grid: each interval takes the rate of the date of its start in {@code
 * dateZone} (the zone the rates are dated in, e.g. UTC or the publisher's). Days without a published rate are
 * handled as the caller says ({@link MissingDays}): left missing, or given the latest earlier published rate within a
 * stated number of days (counted in the coverage notes). No rate is ever invented.
 */
public final class FxResolver {
    private FxResolver() {}

    /** What to do for an interval whose date has no published rate. */
    public sealed interface MissingDays {
        /** Leave the interval missing. */
        record Gap() implements MissingDays {}

        /**
         * Use the latest rate published on or before the date, at most {@code maxDaysBack} days earlier (e.g. 4 covers
         * a weekend and a holiday); still missing beyond.
         */
        record PreviousPublished(int maxDaysBack) implements MissingDays {
            public PreviousPublished {
                if (maxDaysBack < 1) {
                    throw new IllegalArgumentException("maxDaysBack must be >= 1, was " + maxDaysBack);
                }
            }
        }
    }

    /**
     * The rate on {@code grid}.
     *
     * @param path the source's field path, for problems
     * @throws ValidationException listing every problem (declared fields at their path, the file's own problems)
     */
    public static ResolvedFx resolve(
            String path, FxSource source, TimeGrid grid, Path baseDir, ZoneId dateZone, MissingDays missingDays) {
        List<Problem> declared = source.problems(path);
        if (!declared.isEmpty()) {
            throw new ValidationException("FX rate", declared);
        }
        Currency from = MarketFields.currency(source.fromCurrency()).orElseThrow();
        Currency to = MarketFields.currency(source.toCurrency()).orElseThrow();
        String name = "FX " + from.getCurrencyCode() + "->" + to.getCurrencyCode();
        String unit = to.getCurrencyCode() + "/" + from.getCurrencyCode();
        return switch (source) {
            case FxSource.Constant c -> {
                TimeSeries s = TimeSeries.constant(name, unit, grid, c.rate());
                yield new ResolvedFx(
                        from,
                        to,
                        s,
                        "constant",
                        MarketDataCoverage.of(
                                Optional.of(new Coverage(grid.startUtc(), grid.endUtc())),
                                s,
                                List.of("constant rate " + c.rate() + " " + unit + " as stated")));
            }
            case FxSource.DailyCsv d -> {
                DailyFxRates rates =
                        DailyFxRates.read(baseDir.resolve(d.path()), from, to, d.dateColumn(), d.rateColumn());
                yield onGrid(rates, grid, dateZone, missingDays, name, unit);
            }
        };
    }

    /** Daily rates put on {@code grid}. */
    public static ResolvedFx onGrid(
            DailyFxRates rates, TimeGrid grid, ZoneId dateZone, MissingDays missingDays, String name, String unit) {
        TimeSeries.Builder b = TimeSeries.builder(name, unit, grid);
        int carried = 0;
        for (int i = 0; i < grid.count(); i++) {
            LocalDate day = LocalDate.ofInstant(grid.start(i), dateZone);
            Optional<Double> r = rates.rate(day);
            if (r.isPresent()) {
                b.set(i, r.get());
            } else if (missingDays instanceof MissingDays.PreviousPublished p) {
                Optional<Map.Entry<LocalDate, Double>> prev = rates.latestOnOrBefore(day, p.maxDaysBack());
                if (prev.isPresent()) {
                    b.set(i, prev.get().getValue());
                    carried++;
                }
            }
        }
        TimeSeries s = b.build();
        List<String> notes = new ArrayList<>();
        notes.add("rates dated in " + dateZone.getId() + ", " + rates.dates());
        if (carried > 0) {
            notes.add(String.format(
                    Locale.ROOT,
                    "%d interval%s took the latest earlier published rate",
                    carried,
                    carried == 1 ? "" : "s"));
        }
        Coverage span = new Coverage(
                rates.dates().first().atStartOfDay(dateZone).toInstant(),
                rates.dates().last().plusDays(1).atStartOfDay(dateZone).toInstant());
        return new ResolvedFx(
                rates.from(), rates.to(), s, rates.source(), MarketDataCoverage.of(Optional.of(span), s, notes));
    }
}
