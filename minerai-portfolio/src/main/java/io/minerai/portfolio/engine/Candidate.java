package io.minerai.portfolio.engine;

import io.minerai.planning.model.Plan;
import io.minerai.planning.model.StrategyPlan;
import java.util.Locale;
import java.util.Optional;

/**
 * One way a site may go: a strategy of its plan, started some months later than its plan says, possibly with miners
 * moved in from another site.
 *
 * @param site index of the site in the evaluation
 * @param strategy the strategy's name
 * @param delayMonths months its dated blocks move (0 = as planned)
 * @param plan the site's adapted plan with the strategy's blocks moved (and the move's purchase added)
 * @param strategyPlan the strategy (with the move's purchase)
 * @param moveIn the fleet move into this site, if any
 */
public record Candidate(
        int site, String strategy, int delayMonths, Plan plan, StrategyPlan strategyPlan, Optional<FleetMove> moveIn) {

    /** e.g. "colocation", "colocation +12 m", "stay-mining + 40 MW moved in". */
    public String label() {
        StringBuilder b = new StringBuilder(strategy);
        if (delayMonths > 0) {
            b.append(" +").append(delayMonths).append(" m");
        }
        moveIn.ifPresent(m -> b.append(String.format(Locale.ROOT, " + %.0f MW moved in", m.machineMw() * m.pue())));
        return b.toString();
    }
}
