package io.minerai.portfolio.engine;

import static io.minerai.portfolio.PaperSites.leasePlan;
import static io.minerai.portfolio.PaperSites.site;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.minerai.planning.model.RiskMeasure;
import io.minerai.portfolio.PaperSites;
import io.minerai.portfolio.model.Company;
import io.minerai.portfolio.model.FleetMoves;
import io.minerai.portfolio.model.Portfolio;
import io.minerai.sweep.InProcessExecutor;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/**
 * Under common random numbers the chosen mix is never worse in expected NPV than every site keeping its current
 * strategy (the reference: the current mix evaluated on the same paths), whatever the sites, budgets, delays and
 * fleet moves. Every figure SYNTHETIC.
 */
class ChoicePropertyTest {
    @Property(tries = 12)
    void theChosenMixIsNeverWorseInExpectedNpvThanKeepingEverySitesCurrentStrategy(
            @ForAll @IntRange(min = 2, max = 3) int sites,
            @ForAll @IntRange(min = 0, max = 1_000_000) int seed,
            @ForAll @DoubleRange(min = 40, max = 200) double rent,
            @ForAll @DoubleRange(min = 0, max = 0.4) double fleetEh,
            @ForAll @DoubleRange(min = 15, max = 70) double price,
            @ForAll @IntRange(min = 0, max = 2) int budgetKind,
            @ForAll boolean currentLeases,
            @ForAll boolean moves) {
        // the current mix must fit the budget: a budget of at least the current mix's capex
        List<Double> budget = switch (budgetKind) {
            case 0 -> List.of();
            case 1 -> List.of(currentLeases ? sites * 10e6 : 0.0);
            default -> List.of(currentLeases ? sites * 10e6 + 5e6 : 12e6);
        };
        Company c = PortfolioEvaluationTest.company(budget, List.of(0, 12), new FleetMoves(moves, 30_000, 1));
        Company m = new Company(
                c.cashUsd(),
                1_000_000,
                c.capexBudgetUsdPerYear(),
                c.gpuProcurementBudgetUsd(),
                c.equity(),
                c.debt(),
                c.minCorporateDscr(),
                c.fleet(),
                c.discountRatePerYear(),
                c.startDelaysMonths(),
                RiskMeasure.EXPECTED,
                c.cvarAlpha(),
                c.maxBreachProbability());
        Portfolio p = PaperSites.portfolio(m, PaperSites.random(6, seed), 36);
        List<SiteModel> list = new ArrayList<>();
        for (int i = 0; i < sites; i++) {
            double it = 5 + 5 * i;
            list.add(site(
                    p,
                    "s" + i,
                    leasePlan(it, rent * (1 + 0.3 * i), fleetEh * (i + 1)),
                    10 + 10 * i,
                    price + 7 * i,
                    currentLeases && i == 0 ? "lease" : "idle",
                    0));
        }
        PortfolioEvaluation.Result r = PortfolioEvaluation.run(
                p, list, List.of(), new PortfolioEvaluation.Settings(6, 2, false, new InProcessExecutor(2)), n -> {});
        double current = r.current().summary().meanNpvUsd();
        double chosen = r.chosen().summary().meanNpvUsd();
        assertTrue(chosen >= current - 1e-6 * Math.max(1, Math.abs(current)), chosen + " < " + current);
    }
}
