package io.minerai.portfolio.engine;

import static io.minerai.portfolio.PaperSites.leasePlan;
import static io.minerai.portfolio.PaperSites.site;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.minerai.core.validation.Problem;
import io.minerai.core.validation.ValidationException;
import io.minerai.portfolio.PaperSites;
import io.minerai.portfolio.model.FleetMoves;
import io.minerai.portfolio.model.Portfolio;
import io.minerai.sweep.InProcessExecutor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A capex budget that no strategy fits is bad input, reported at the budget's path (SYNTHETIC sites). */
class BudgetTest {
    @Test
    void aBudgetNoStrategyFitsIsRefusedWithItsPathAndWhatTheLeastMixWouldSpend() {
        Portfolio p = PaperSites.portfolio(
                PortfolioEvaluationTest.company(List.of(4e6), List.of(0, 12), new FleetMoves(false, 0, 0)),
                PaperSites.deterministic(2),
                48);
        // both sites may only lease: $10 M of capex in the year the hall is built, whatever the start
        SiteModel a = site(p, "a", leasePlan(10, 100, 0), 100, 40, "lease", List.of("lease"), 0);
        SiteModel b = site(p, "b", leasePlan(10, 150, 0), 100, 40, "lease", List.of("lease"), 0);
        ValidationException e = assertThrows(
                ValidationException.class,
                () -> PortfolioEvaluation.run(
                        p,
                        List.of(a, b),
                        List.of(),
                        new PortfolioEvaluation.Settings(2, 2, false, new InProcessExecutor(1)),
                        n -> {}));
        Problem pr = e.problems().get(0);
        assertEquals("portfolio.company.capexBudgetUsdPerYear[0]", pr.path());
        assertTrue(pr.message().contains("no strategy mix fits the capex budget"), pr.message());
        assertTrue(pr.message().contains("in plan year 1 against a budget of $4,000,000"), pr.message());
        assertTrue(pr.message().contains("$20,000,000"), pr.message());
    }
}
