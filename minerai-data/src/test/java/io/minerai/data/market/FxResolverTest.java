package io.minerai.data.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.minerai.core.market.FxSource;
import io.minerai.core.time.TimeGrid;
import io.minerai.core.time.TimeSeries;
import io.minerai.core.validation.Problem;
import io.minerai.core.validation.ValidationException;
import io.minerai.data.TestFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Currency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every rate here is SYNTHETIC, chosen for easy arithmetic; none is a real exchange rate. */
class FxResolverTest {
    private static final Currency AUD = Currency.getInstance("AUD");
    private static final Currency USD = Currency.getInstance("USD");
    private static final Path HERE = Path.of(".");
    private static final FxResolver.MissingDays GAP = new FxResolver.MissingDays.Gap();

    @Test
    void a_constant_rate_converts_aud_prices_to_usd() {
        TimeGrid grid = new TimeGrid(Instant.parse("2025-01-01T00:00:00Z"), Duration.ofHours(12), 2);
        ResolvedFx fx = FxResolver.resolve(
                "fx", new FxSource.Constant("AUD", "USD", 0.5 /* SYNTHETIC */), grid, HERE, ZoneOffset.UTC, GAP);
        assertThat(fx.rate().unit()).isEqualTo("USD/AUD");
        TimeSeries aud = TimeSeries.builder("p", "AUD/MWh", grid).set(0, 100).build();
        TimeSeries usd = fx.convert(aud);
        assertThat(usd.unit()).isEqualTo("USD/MWh");
        assertThat(usd.value(0)).isEqualTo(50);
        assertThat(usd.isMissing(1)).as("a missing price stays missing").isTrue();
        assertThat(fx.coverage().notes()).containsExactly("constant rate 0.5 USD/AUD as stated");
        assertThatThrownBy(() -> fx.convert(TimeSeries.constant("p", "EUR/MWh", grid, 1)))
                .hasMessageContaining("is in EUR/MWh, not in AUD");
    }

    @Test
    void daily_rates_by_the_date_of_each_interval_with_missing_days_as_stated(@TempDir Path dir) throws Exception {
        // SYNTHETIC rates: Friday 3 Jan 2025 = 0.6, Monday 6 Jan = 0.7; the weekend has none
        Files.writeString(
                dir.resolve("audusd.csv"), "date,rate\n2025-01-03,0.6\n2025-01-06,0.7\n", StandardCharsets.UTF_8);
        TimeGrid days = new TimeGrid(Instant.parse("2025-01-03T00:00:00Z"), Duration.ofDays(1), 4);
        FxSource src = new FxSource.DailyCsv("audusd.csv", "AUD", "USD", "date", "rate");
        ResolvedFx gaps = FxResolver.resolve("fx", src, days, dir, ZoneOffset.UTC, GAP);
        assertThat(gaps.rate().valueOr(0, -1)).isEqualTo(0.6);
        assertThat(gaps.rate().isMissing(1)).isTrue();
        assertThat(gaps.rate().isMissing(2)).isTrue();
        assertThat(gaps.rate().value(3)).isEqualTo(0.7);
        assertThat(gaps.coverage().missing()).isEqualTo(2);

        ResolvedFx carried = FxResolver.resolve(
                "fx", src, days, dir, ZoneOffset.UTC, new FxResolver.MissingDays.PreviousPublished(3));
        assertThat(carried.rate().copyValues()).containsExactly(0.6, 0.6, 0.6, 0.7);
        assertThat(carried.coverage().notes()).contains("2 intervals took the latest earlier published rate");
        ResolvedFx oneDay = FxResolver.resolve(
                "fx", src, days, dir, ZoneOffset.UTC, new FxResolver.MissingDays.PreviousPublished(1));
        assertThat(oneDay.rate().isMissing(2))
                .as("Sunday is 2 days after Friday")
                .isTrue();

        // the two-interval case: 5-minute AEMO prices of 100 and -40 AUD/MWh at 0.6 USD/AUD = 60 and -24 USD/MWh
        TimeGrid two = new TimeGrid(Instant.parse("2025-01-03T14:00:00Z"), Duration.ofMinutes(5), 2);
        ResolvedFx fx = FxResolver.resolve("fx", src, two, dir, ZoneOffset.UTC, GAP);
        TimeSeries usd = fx.convert(TimeSeries.of("p", "AUD/MWh", two, 100, -40));
        assertThat(usd.value(0)).isCloseTo(60, within(1e-12));
        assertThat(usd.value(1)).isCloseTo(-24, within(1e-12));
    }

    @Test
    void bad_declarations_and_rows_are_refused() {
        TimeGrid grid = new TimeGrid(Instant.parse("2025-01-01T00:00:00Z"), Duration.ofDays(1), 1);
        assertThatThrownBy(() -> FxResolver.resolve(
                        "site.fx", new FxSource.Constant("AUD", "XYZ", -1), grid, HERE, ZoneOffset.UTC, GAP))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.problems())
                                .extracting(Problem::toString)
                                .containsExactly(
                                        "site.fx.toCurrency: unknown currency 'XYZ'; give an ISO 4217 code such as USD, AUD or"
                                                + " EUR",
                                        "site.fx.rate: must be a finite number > 0, was -1.0"));
        assertThat(new FxSource.Constant("eur", "EUR", 1).problems("fx"))
                .extracting(Problem::toString)
                .containsExactly("fx.toCurrency: is the same currency as fromCurrency (eur)");
        assertThatThrownBy(() -> DailyFxRates.read(
                        TestFiles.lines(
                                "date,rate",
                                "2025-01-02,0.6",
                                "2025/01/03,0.6",
                                "2025-01-04,0",
                                "2025-01-02,0.7",
                                "2025-01-05,"),
                        "fx.csv",
                        AUD,
                        USD,
                        "date",
                        "rate"))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.problems())
                                .extracting(Problem::toString)
                                .containsExactly(
                                        "fx.csv:3:date: not a valid date yyyy-MM-dd: '2025/01/03'",
                                        "fx.csv:4:rate: must be > 0, was 0",
                                        "fx.csv:5:date: duplicate date 2025-01-02 (also at line 2)"));
        assertThatThrownBy(() -> FxResolver.resolve(
                        "fx",
                        new FxSource.DailyCsv("nope.csv", "AUD", "USD", "date", "rate"),
                        grid,
                        HERE,
                        ZoneOffset.UTC,
                        GAP))
                .hasMessageContaining("nope.csv: file not found: ");
    }
}
