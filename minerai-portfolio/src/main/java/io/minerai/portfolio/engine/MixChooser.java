package io.minerai.portfolio.engine;

import io.minerai.core.validation.Problem;
import io.minerai.core.validation.ValidationException;
import io.minerai.planning.model.RiskMeasure;
import io.minerai.portfolio.model.Company;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Chooses one candidate per site: the mix that maximises the company's risk measure of portfolio NPV among the mixes
 * within the capex budget of every plan year and the GPU procurement budget, whose corporate covenant breach
 * probability is within the limit (if none is, the best by the measure is returned, flagged). Small problems are
 * searched exhaustively; large ones by coordinate ascent from the current mix, which never leaves a better mix for a
 * worse one, so the chosen mix is never worse by the measure than the current one when the current one is feasible.
 */
public final class MixChooser {
    /** Mixes enumerated exhaustively up to this many. */
    static final long EXHAUSTIVE_LIMIT = 20_000;
    /** Mixes fully evaluated (all paths) in the exhaustive search, best by expected NPV first. */
    static final int FULL_EVALUATIONS = 2_000;

    private MixChooser() {}

    /**
     * The choice.
     *
     * @param index per site, the index of its chosen candidate
     * @param result the mix on every path
     * @param withinBreachLimit whether its breach probability is within the company's limit
     * @param exhaustive whether every mix was considered (else coordinate ascent)
     * @param mixesEvaluated mixes evaluated on every path
     */
    public record Choice(
            int[] index, MixResult result, boolean withinBreachLimit, boolean exhaustive, int mixesEvaluated) {
        public List<CandidateOutcome> chosen(List<List<CandidateOutcome>> perSite) {
            List<CandidateOutcome> out = new ArrayList<>();
            for (int s = 0; s < index.length; s++) {
                out.add(perSite.get(s).get(index[s]));
            }
            return out;
        }
    }

    /**
     * @param perSite candidates of every site
     * @param start per site, the candidate to start the ascent from (the current strategy)
     * @param extraCapexByYear capex outside the sites' candidates (fleet moves already decided), by plan year
     */
    public static Choice choose(
            List<List<CandidateOutcome>> perSite,
            int[] start,
            MixEvaluation eval,
            Company company,
            MixEvaluation.Extras extras,
            double[] extraCapexByYear) {
        int sites = perSite.size();
        int years = eval.books().years;
        RiskMeasure m = company.riskMeasure();
        long combos = 1;
        for (List<CandidateOutcome> l : perSite) {
            combos = Math.min(Long.MAX_VALUE / 1000, combos * l.size());
        }
        Budget budget = new Budget(company, years, extraCapexByYear);
        if (combos <= EXHAUSTIVE_LIMIT) {
            List<int[]> feasible = new ArrayList<>();
            int[] idx = new int[sites];
            for (long k = 0; k < combos; k++) {
                long r = k;
                for (int s = 0; s < sites; s++) {
                    idx[s] = (int) (r % perSite.get(s).size());
                    r /= perSite.get(s).size();
                }
                if (budget.fits(perSite, idx)) {
                    feasible.add(idx.clone());
                }
            }
            if (feasible.isEmpty()) {
                throw budget.noMixFits(perSite);
            }
            feasible.sort(Comparator.comparingDouble((int[] c) -> -meanOf(perSite, c)));
            Choice best = null;
            Choice bestOverLimit = null;
            int evaluated = 0;
            for (int[] c : feasible) {
                if (evaluated >= FULL_EVALUATIONS) {
                    break;
                }
                MixResult r = eval.evaluate(pick(perSite, c), extras);
                evaluated++;
                boolean ok = r.summary().breachProbability() <= company.maxBreachProbability() + 1e-12;
                Choice ch = new Choice(c, r, ok, true, evaluated);
                if (ok) {
                    if (best == null || better(r, best.result(), m)) {
                        best = ch;
                    }
                    if (m == RiskMeasure.EXPECTED) {
                        break; // sorted by expected NPV: the first within the limit is the best
                    }
                } else if (bestOverLimit == null || better(r, bestOverLimit.result(), m)) {
                    bestOverLimit = ch;
                }
            }
            Choice out = best != null ? best : java.util.Objects.requireNonNull(bestOverLimit);
            return new Choice(out.index(), out.result(), out.withinBreachLimit(), true, evaluated);
        }
        // coordinate ascent from the current mix (or the least-capex mix when the current one does not fit)
        int[] cur = start.clone();
        if (!budget.fits(perSite, cur)) {
            for (int s = 0; s < sites; s++) {
                cur[s] = budget.leastCapex(perSite.get(s));
            }
            if (!budget.fits(perSite, cur)) {
                throw budget.noMixFits(perSite);
            }
        }
        MixResult curR = eval.evaluate(pick(perSite, cur), extras);
        int evaluated = 1;
        boolean improved = true;
        for (int round = 0; round < 20 && improved; round++) {
            improved = false;
            for (int s = 0; s < sites; s++) {
                for (int c = 0; c < perSite.get(s).size(); c++) {
                    if (c == cur[s]) {
                        continue;
                    }
                    int[] trial = cur.clone();
                    trial[s] = c;
                    if (!budget.fits(perSite, trial)) {
                        continue;
                    }
                    MixResult r = eval.evaluate(pick(perSite, trial), extras);
                    evaluated++;
                    if (preferred(r, curR, company)) {
                        cur = trial;
                        curR = r;
                        improved = true;
                    }
                }
            }
        }
        boolean ok = curR.summary().breachProbability() <= company.maxBreachProbability() + 1e-12;
        return new Choice(cur, curR, ok, false, evaluated);
    }

    /**
     * Throws the budget's problem when no mix of {@code perSite} fits the budgets; only the candidates' facts are read,
     * so this runs before any path is evaluated.
     */
    public static void checkSomeMixFits(List<List<CandidateOutcome>> perSite, Company company, int years) {
        Budget budget = new Budget(company, years, new double[years]);
        int sites = perSite.size();
        long combos = 1;
        for (List<CandidateOutcome> l : perSite) {
            combos = Math.min(Long.MAX_VALUE / 1000, combos * l.size());
        }
        if (combos <= EXHAUSTIVE_LIMIT) {
            int[] idx = new int[sites];
            for (long k = 0; k < combos; k++) {
                long r = k;
                for (int s = 0; s < sites; s++) {
                    idx[s] = (int) (r % perSite.get(s).size());
                    r /= perSite.get(s).size();
                }
                if (budget.fits(perSite, idx)) {
                    return;
                }
            }
            throw budget.noMixFits(perSite);
        }
        int[] least = new int[sites];
        for (int s = 0; s < sites; s++) {
            least[s] = budget.leastCapex(perSite.get(s));
        }
        if (!budget.fits(perSite, least)) {
            throw budget.noMixFits(perSite);
        }
    }

    private static boolean preferred(MixResult a, MixResult b, Company c) {
        boolean aOk = a.summary().breachProbability() <= c.maxBreachProbability() + 1e-12;
        boolean bOk = b.summary().breachProbability() <= c.maxBreachProbability() + 1e-12;
        if (aOk != bOk) {
            return aOk;
        }
        return better(a, b, c.riskMeasure());
    }

    private static boolean better(MixResult a, MixResult b, RiskMeasure m) {
        return a.summary().measure(m) > b.summary().measure(m);
    }

    static List<CandidateOutcome> pick(List<List<CandidateOutcome>> perSite, int[] idx) {
        List<CandidateOutcome> out = new ArrayList<>(idx.length);
        for (int s = 0; s < idx.length; s++) {
            out.add(perSite.get(s).get(idx[s]));
        }
        return out;
    }

    private static double meanOf(List<List<CandidateOutcome>> perSite, int[] idx) {
        double v = 0;
        for (int s = 0; s < idx.length; s++) {
            v += perSite.get(s).get(idx[s]).meanNpvUsd();
        }
        return v;
    }

    /** The company's budgets. */
    static final class Budget {
        private final Company company;
        private final int years;
        private final double[] extraCapexByYear;

        Budget(Company company, int years, double[] extraCapexByYear) {
            this.company = company;
            this.years = years;
            this.extraCapexByYear = extraCapexByYear;
        }

        boolean fits(List<List<CandidateOutcome>> perSite, int[] idx) {
            for (int y = 0; y < years; y++) {
                double capex = extraCapexByYear[y];
                for (int s = 0; s < idx.length; s++) {
                    capex += perSite.get(s).get(idx[s]).facts().capexUsdByYear()[y];
                }
                double b = company.capexBudgetUsd(y);
                if (capex > b * (1 + 1e-12) + 1e-6) {
                    return false;
                }
            }
            if (company.gpuProcurementBudgetUsd().isPresent()) {
                double gpu = 0;
                for (int s = 0; s < idx.length; s++) {
                    gpu += perSite.get(s).get(idx[s]).facts().gpuCapexUsd();
                }
                return gpu <= company.gpuProcurementBudgetUsd().getAsDouble() * (1 + 1e-12) + 1e-6;
            }
            return true;
        }

        int leastCapex(List<CandidateOutcome> site) {
            int best = 0;
            double bestCapex = Double.POSITIVE_INFINITY;
            for (int c = 0; c < site.size(); c++) {
                double sum = 0;
                for (double v : site.get(c).facts().capexUsdByYear()) {
                    sum += v;
                }
                if (sum < bestCapex) {
                    bestCapex = sum;
                    best = c;
                }
            }
            return best;
        }

        /** The error when no mix fits: the first year whose least possible capex is over budget, and why. */
        ValidationException noMixFits(List<List<CandidateOutcome>> perSite) {
            for (int y = 0; y < years; y++) {
                double least = extraCapexByYear[y];
                List<String> parts = new ArrayList<>();
                for (List<CandidateOutcome> site : perSite) {
                    CandidateOutcome min = site.get(0);
                    for (CandidateOutcome c : site) {
                        if (c.facts().capexUsdByYear()[y] < min.facts().capexUsdByYear()[y]) {
                            min = c;
                        }
                    }
                    least += min.facts().capexUsdByYear()[y];
                    if (min.facts().capexUsdByYear()[y] > 0) {
                        parts.add(String.format(
                                Locale.ROOT,
                                "%s at least $%,.0f (%s)",
                                min.candidate().plan().site().name(),
                                min.facts().capexUsdByYear()[y],
                                min.candidate().label()));
                    }
                }
                double b = company.capexBudgetUsd(y);
                if (least > b * (1 + 1e-12) + 1e-6) {
                    return new ValidationException(
                            "portfolio",
                            new Problem(
                                    "portfolio.company.capexBudgetUsdPerYear["
                                            + Math.min(
                                                    y,
                                                    company.capexBudgetUsdPerYear()
                                                                    .size()
                                                            - 1) + "]",
                                    String.format(
                                            Locale.ROOT,
                                            "no strategy mix fits the budget of $%,.0f in plan year %d: the least"
                                                    + " capex any mix spends that year is $%,.0f (%s)",
                                            b,
                                            y + 1,
                                            least,
                                            String.join("; ", parts))));
                }
            }
            // each year alone could fit, but no single mix fits every year: show the least-capex mix's worst year
            int[] least = new int[perSite.size()];
            for (int s = 0; s < least.length; s++) {
                least[s] = leastCapex(perSite.get(s));
            }
            int worst = -1;
            double worstOver = 0;
            double worstCapex = 0;
            for (int y = 0; y < years; y++) {
                double capex = extraCapexByYear[y];
                for (int s = 0; s < least.length; s++) {
                    capex += perSite.get(s).get(least[s]).facts().capexUsdByYear()[y];
                }
                double over = capex - company.capexBudgetUsd(y);
                if (over > worstOver) {
                    worstOver = over;
                    worst = y;
                    worstCapex = capex;
                }
            }
            if (worst >= 0) {
                List<String> labels = new ArrayList<>();
                for (int s = 0; s < least.length; s++) {
                    CandidateOutcome c = perSite.get(s).get(least[s]);
                    labels.add(c.candidate().plan().site().name() + ": "
                            + c.candidate().label());
                }
                return new ValidationException(
                        "portfolio",
                        new Problem(
                                "portfolio.company.capexBudgetUsdPerYear["
                                        + Math.min(
                                                worst,
                                                company.capexBudgetUsdPerYear().size() - 1) + "]",
                                String.format(
                                        Locale.ROOT,
                                        "no strategy mix fits the capex budget in every plan year: the mix spending"
                                                + " least (%s) spends $%,.0f in plan year %d against a budget of $%,.0f",
                                        String.join(", ", labels),
                                        worstCapex,
                                        worst + 1,
                                        company.capexBudgetUsd(worst))));
            }
            if (company.gpuProcurementBudgetUsd().isPresent()) {
                return new ValidationException(
                        "portfolio",
                        new Problem(
                                "portfolio.company.gpuProcurementBudgetUsd",
                                String.format(
                                        Locale.ROOT,
                                        "no strategy mix fits the GPU budget of $%,.0f together with the capex"
                                                + " budget",
                                        company.gpuProcurementBudgetUsd().getAsDouble())));
            }
            return new ValidationException(
                    "portfolio",
                    new Problem(
                            "portfolio.company.capexBudgetUsdPerYear",
                            "no strategy mix fits the capex budget in every plan year"));
        }
    }
}
