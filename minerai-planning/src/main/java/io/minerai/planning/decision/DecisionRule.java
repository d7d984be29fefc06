package io.minerai.planning.decision;

import io.minerai.planning.model.Plan;
import io.minerai.planning.model.RiskMeasure;
import io.minerai.planning.montecarlo.StrategySummary;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How the best strategy is chosen: the highest value of a risk measure among the strategies whose covenant breach
 * probability is within a limit. A strategy over the limit is flagged and never reported as best without the flag:
 * when no strategy is within the limit, the best by the measure is reported with {@link Choice#withinLimit()} false.
 * The same rule ranks the search's candidates.
 *
 * @param measure what to maximise over the NPV distribution
 * @param maxBreachProbability largest acceptable share of paths breaching the DSCR covenant (1 = no limit)
 */
public record DecisionRule(RiskMeasure measure, double maxBreachProbability) {
    /** A strategy breaching on more than this share of paths is flagged as breaching "in most paths". */
    public static final double MOST_PATHS = 0.5;

    /** The plan's rule with this risk measure (the breach limit is the plan's financing.maxBreachProbability). */
    public static DecisionRule of(Plan plan, RiskMeasure measure) {
        return new DecisionRule(measure, plan.financing().maxBreachProbability());
    }

    /** Whether a limit is set (below 1). */
    public boolean limited() {
        return maxBreachProbability < 1;
    }

    /** Whether {@code s} meets the breach limit. */
    public boolean withinLimit(StrategySummary s) {
        return s.covenantBreachProbability() <= maxBreachProbability;
    }

    /** Whether {@code s} breaches its covenant on most paths (flagged even without a limit). */
    public static boolean breachesInMostPaths(StrategySummary s) {
        return s.covenantBreachProbability() > MOST_PATHS;
    }

    /**
     * The decision.
     *
     * @param best the strategy reported as best
     * @param withinLimit whether it meets the breach limit (false only when no strategy does)
     * @param unconstrainedBest the best by the measure alone, ignoring the limit
     * @param rule the rule applied
     */
    public record Choice(
            StrategySummary best, boolean withinLimit, StrategySummary unconstrainedBest, DecisionRule rule) {
        /** A flag on the best strategy for the reader, or empty when there is nothing to flag. */
        public Optional<String> warning() {
            StringBuilder sb = new StringBuilder();
            if (!withinLimit) {
                sb.append(String.format(
                        Locale.ROOT,
                        "no strategy meets the breach limit (at most %.0f%% of paths); best by %s regardless",
                        100 * rule.maxBreachProbability(),
                        rule.measure().key()));
            }
            if (best.covenantBreachProbability() > 0) {
                if (!sb.isEmpty()) {
                    sb.append("; ");
                }
                sb.append(String.format(
                        Locale.ROOT,
                        "it breaches its DSCR covenant on %.0f%% of paths%s",
                        100 * best.covenantBreachProbability(),
                        breachesInMostPaths(best) ? " (most paths)" : ""));
            }
            return sb.isEmpty() ? Optional.empty() : Optional.of(sb.toString());
        }

        /** Whether the limit changed the choice. */
        public boolean limitChangedBest() {
            return !best.strategy().equals(unconstrainedBest.strategy());
        }
    }

    /** Chooses among {@code summaries} (not empty). */
    public Choice choose(List<StrategySummary> summaries) {
        Comparator<StrategySummary> byScore = Comparator.comparingDouble(s -> s.score(measure));
        StrategySummary any = summaries.stream().max(byScore).orElseThrow();
        Optional<StrategySummary> ok =
                summaries.stream().filter(this::withinLimit).max(byScore);
        return new Choice(ok.orElse(any), ok.isPresent(), any, this);
    }

    /**
     * The best strategy other than the baseline (the first), under the same rule: the decision is whether to change.
     */
    public Choice chooseChange(List<StrategySummary> summaries) {
        return choose(summaries.size() > 1 ? summaries.subList(1, summaries.size()) : summaries);
    }
}
