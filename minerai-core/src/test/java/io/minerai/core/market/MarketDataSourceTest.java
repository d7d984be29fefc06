package io.minerai.core.market;

import static org.assertj.core.api.Assertions.assertThat;

import io.minerai.core.validation.Problem;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MarketDataSourceTest {

    private static MarketDataSource.Csv csv(String currency, String zone, String convention, String step) {
        return new MarketDataSource.Csv(
                "p.csv",
                "time",
                "price",
                currency.isEmpty() ? Optional.empty() : Optional.of(currency),
                zone,
                convention,
                step,
                Optional.empty());
    }

    @Test
    void a_well_declared_csv_has_no_problems() {
        assertThat(csv("AUD", "Australia/Brisbane", "ending", "5m").problems("market.data.prices"))
                .isEmpty();
        assertThat(csv("", "+10:00", "starting", "PT1H").problems("p")).isEmpty();
    }

    @Test
    void each_bad_field_is_named() {
        assertThat(csv("AUX", "Mars/Olympus", "middle", "7 fortnights").problems("market.data.prices"))
                .extracting(Problem::toString)
                .containsExactly(
                        "market.data.prices.currency: unknown currency 'AUX'; give an ISO 4217 code such as USD, AUD"
                                + " or EUR",
                        "market.data.prices.zone: unknown time zone 'Mars/Olympus'; give a region id such as"
                                + " Australia/Brisbane or Europe/Berlin, UTC, or an offset such as +10:00",
                        "market.data.prices.convention: must be starting or ending, was 'middle'",
                        "market.data.prices.step: not a step: '7 fortnights'; give whole minutes from 1 minute to 1"
                                + " day, e.g. 5m, 30 min, 1h or PT15M");
        assertThat(new MarketDataSource.PublisherFile("", "nem").problems("d"))
                .extracting(Problem::path)
                .containsExactly("d.path", "d.format");
        assertThat(new MarketDataSource.Bundled(" ").problems("d"))
                .extracting(Problem::path)
                .containsExactly("d.dataset");
    }

    @Test
    void fields_parse_as_documented() {
        assertThat(MarketFields.currency("eur")).contains(Currency.getInstance("EUR"));
        assertThat(MarketFields.currency("EURO")).isEmpty();
        assertThat(MarketFields.zone("Europe/Berlin")).contains(ZoneId.of("Europe/Berlin"));
        assertThat(MarketFields.zone("")).isEmpty();
        assertThat(MarketFields.step("5 min")).contains(Duration.ofMinutes(5));
        assertThat(MarketFields.step("30 minutes")).contains(Duration.ofMinutes(30));
        assertThat(MarketFields.step("1h")).contains(Duration.ofHours(1));
        assertThat(MarketFields.step("1 day")).contains(Duration.ofDays(1));
        assertThat(MarketFields.step("PT15M")).contains(Duration.ofMinutes(15));
        assertThat(MarketFields.step("PT30S")).as("not whole minutes").isEmpty();
        assertThat(MarketFields.step("2d")).as("longer than a day").isEmpty();
        assertThat(MarketFields.timeFormat("yyyy/MM/dd HH:mm:ss")).isPresent();
        assertThat(MarketFields.timeFormatProblem("yyyy-{{")).isPresent();
        assertThat(MarketProduct.parse("Day_Ahead-Price")).contains(MarketProduct.DAY_AHEAD_ENERGY_PRICE);
        assertThat(PublisherFormat.parse("AEMO-PRICE-AND-DEMAND")).contains(PublisherFormat.AEMO_PRICE_AND_DEMAND);
    }
}
