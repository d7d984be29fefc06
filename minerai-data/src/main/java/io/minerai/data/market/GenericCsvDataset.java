package io.minerai.data.market;

import io.minerai.core.market.IntervalConvention;
import io.minerai.core.market.MarketClock;
import io.minerai.core.market.MarketDataSource;
import io.minerai.core.market.MarketFields;
import io.minerai.core.market.MarketProduct;
import io.minerai.core.validation.Problem;
import io.minerai.core.validation.ValidationException;
import io.minerai.data.series.DeclaredCsvReader;
import io.minerai.data.series.IntervalSeries;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * A generic CSV with a declared currency, zone, convention and step, as a one-node {@link MarketDataset}. A money
 * product needs a declared currency (prices are never assumed to be in USD); a quantity (system load, MW) takes none.
 */
final class GenericCsvDataset {
    private GenericCsvDataset() {}

    static MarketDataset read(String path, MarketDataSource.Csv c, MarketProduct product, Path baseDir) {
        List<Problem> problems = new ArrayList<>();
        Optional<Currency> currency = c.currency().flatMap(MarketFields::currency);
        if (product.isMoney() && c.currency().isEmpty()) {
            problems.add(new Problem(
                    path + ".currency",
                    "required for a " + product.key() + " file: give its ISO 4217 code (e.g. AUD, EUR, USD); prices"
                            + " are never assumed to be in USD"));
        }
        if (!product.isMoney() && c.currency().isPresent()) {
            problems.add(new Problem(
                    path + ".currency",
                    product.key() + " is in MW and takes no currency, was "
                            + c.currency().get()));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException("market data", problems);
        }
        ZoneId zone = MarketFields.zone(c.zone()).orElseThrow();
        IntervalConvention convention = IntervalConvention.parse(c.convention()).orElseThrow();
        Duration step = MarketFields.step(c.step()).orElseThrow();
        Optional<DateTimeFormatter> format = c.timeFormat().flatMap(MarketFields::timeFormat);
        MarketClock clock = new MarketClock(zone, convention);
        String unit = switch (product) {
            case REAL_TIME_ENERGY_PRICE, DAY_AHEAD_ENERGY_PRICE ->
                currency.orElseThrow().getCurrencyCode() + "/MWh";
            case CAPACITY_PRICE -> currency.orElseThrow().getCurrencyCode() + "/MW-day";
            case RESERVE_PRICE -> currency.orElseThrow().getCurrencyCode() + "/MW-h";
            case SYSTEM_LOAD -> "MW";
        };
        Path file = baseDir.resolve(c.path());
        String name = file.getFileName() == null ? c.path() : file.getFileName().toString();
        IntervalSeries s = DeclaredCsvReader.read(
                file,
                new DeclaredCsvReader.Spec(
                        c.timeColumn(), c.valueColumn(), clock, step, format, name + " " + c.valueColumn(), unit));
        return FixedDataset.unnamedNode(new PublishedSeries(
                name,
                "(file)",
                product,
                s,
                currency,
                unit,
                clock,
                "user file " + name,
                List.of("declared: " + clock + ", step " + step.toMinutes() + " min"
                        + currency.map(x -> ", " + x.getCurrencyCode()).orElse(""))));
    }
}
