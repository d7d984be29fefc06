package io.minerai.dispatch;

import static io.minerai.dispatch.Fixtures.grid;
import static io.minerai.dispatch.Fixtures.hourly;
import static io.minerai.dispatch.Fixtures.inputs;
import static io.minerai.dispatch.Fixtures.site;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minerai.core.site.ColocationLease;
import io.minerai.core.site.Site;
import io.minerai.core.validation.Problem;
import io.minerai.core.validation.ValidationException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The backstop behind the readers' ranges (issue 13: a 1e308 adder gave exit 0 with {@code "netUsd": null}): a site
 * model built around the readers, with an adder of 1e308 $/MWh, makes the settlement refuse with the totals named.
 */
class FiniteTotalsTest {
    private static final ColocationLease TENANT = new ColocationLease("c", "t", 1, 100, 1.0, 1.0, false);

    @Test
    void anOverflowingAdderIsAnErrorNamingTheTotalsNotANullTotal() {
        Site s = site(grid(10, false, 0, 1e308), List.of(), List.of(), List.of(TENANT), List.of(), Optional.empty());
        assertThatThrownBy(() -> Backtest.meritOrder(
                        s, inputs(hourly(3), new double[] {20, 30, 40}, 1e-6, 50_000, new double[0][])))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.problems())
                            .extracting(Problem::path)
                            .contains("netUsd", "costs.netAfterOpexUsd", "loads[0].energyCostUsd", "ledger")
                            .anyMatch(p -> p.matches("streams\\[\\d+\\]\\.totalUsd"));
                    assertThat(e.problems().get(e.problems().size() - 1).message())
                            .matches("power_cost reaches -?1\\.0E308 at the interval starting 2024-06-01T00:00:00Z,"
                                    + " where the price is 20 \\$/MWh and the hashprice \\S+ \\$/PH-day \\(each"
                                    + " interval is finite, their sum is not\\)");
                });
    }

    @Test
    void anInfiniteIntervalIsNamed() {
        Site s = site(
                grid(10, false, 0, Double.MAX_VALUE),
                List.of(),
                List.of(),
                List.of(TENANT),
                List.of(),
                Optional.empty());
        assertThatThrownBy(() -> Backtest.meritOrder(
                        s, inputs(hourly(2), new double[] {1e300, 30}, 1e-6, 50_000, new double[0][])))
                .hasMessageMatching("(?s).*ledger: power_cost is first -?Infinity at the interval starting"
                        + " 2024-06-01T00:00:00Z, where the price is 1\\.0E300 \\$/MWh.*");
    }

    @Test
    void aFiniteRunPassesAndItsUndefinedRatiosMayBeNaN() {
        Site s = site(grid(10, false, 0, 5), List.of(), List.of(), List.of(TENANT), List.of(), Optional.empty());
        DispatchResult r =
                Backtest.meritOrder(s, inputs(hourly(3), new double[] {20, 30, 40}, 1e-6, 50_000, new double[0][]));
        // no miner: cost per BTC is undefined, which is allowed; power cost = 1 MW x (20+30+40 + 3 x 5) = 105
        assertThat(r.summary().bitcoin().energyCostPerBtcUsd()).isNaN();
        assertThat(r.summary().powerCostUsd()).isEqualTo(105.0);
    }
}
