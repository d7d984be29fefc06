package io.minerai.portfolio.engine;

import io.minerai.planning.PlanValidator;
import io.minerai.planning.decision.AllocationSearch;
import io.minerai.planning.engine.SiteAllocation;
import io.minerai.planning.model.AsicPurchase;
import io.minerai.planning.model.Hall;
import io.minerai.planning.model.LeasePlan;
import io.minerai.planning.model.Plan;
import io.minerai.planning.model.RiskMeasure;
import io.minerai.planning.model.StrategyPlan;
import io.minerai.portfolio.model.Acquisition;
import io.minerai.portfolio.model.AcquisitionFinancing;
import io.minerai.portfolio.model.Company;
import io.minerai.portfolio.model.Portfolio;
import io.minerai.sweep.SweepExecutor;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.IntConsumer;

/**
 * The portfolio evaluation: every site's candidates (its strategies x start delays, with --search its plan's search
 * grid too) on the same Monte Carlo paths, the company's choice of a mix under its budgets and covenant, fleet moves
 * that pay, and each acquisition target's value to the company.
 */
public final class PortfolioEvaluation {
    private PortfolioEvaluation() {}

    /** Told about progress (from worker threads). */
    public interface Listener {
        void pathsDone(int n);

        default void stage(String name) {}
    }

    /**
     * How to run.
     *
     * @param paths Monte Carlo paths (the portfolio's uncertainty.paths unless overridden)
     * @param blockPaths paths per site task
     * @param search also consider each site plan's search grid
     * @param executor runs the site tasks
     */
    public record Settings(
            int paths, int blockPaths, boolean search, SweepExecutor executor, SiteKernel.RecipeFactory recipes) {
        /** Without a way to rebuild the kernel elsewhere: for executors in this JVM. */
        public Settings(int paths, int blockPaths, boolean search, SweepExecutor executor) {
            this(paths, blockPaths, search, executor, c -> NO_RECIPE);
        }
    }

    /** The recipe of a kernel that cannot be rebuilt in another JVM. */
    static final SiteKernel.Recipe NO_RECIPE = new NoRecipe();

    private record NoRecipe() implements SiteKernel.Recipe {
        @Override
        public SiteKernel.State rebuild() {
            throw new IllegalStateException("this portfolio sweep runs only in the JVM that built it");
        }
    }

    /**
     * A target with its sites modelled (owned from its closing month).
     *
     * @param acquisition the target
     * @param sites its sites
     * @param closingMonth month index of the closing
     */
    public record Target(Acquisition acquisition, List<SiteModel> sites, int closingMonth) {
        public Target {
            sites = List.copyOf(sites);
        }
    }

    /**
     * A site's recommendation.
     *
     * @param site site name
     * @param current the current strategy's outcome
     * @param chosen the chosen candidate's outcome
     * @param startMonth the first month the chosen strategy changes anything at the site (its first hall, lease or
     *     purchase), empty when it changes nothing
     * @param allocationByYear how the chosen candidate uses the site's MW at the start of each plan year
     * @param power where its power prices come from
     */
    public record SiteRecommendation(
            String site,
            CandidateOutcome current,
            CandidateOutcome chosen,
            Optional<YearMonth> startMonth,
            List<SiteAllocation> allocationByYear,
            SiteModel.PowerInfo power) {}

    /**
     * A fleet move accepted.
     *
     * @param move the move
     * @param valueUsd what it adds to the expected portfolio NPV
     */
    public record AcceptedMove(FleetMove move, double valueUsd) {}

    /**
     * Price analysis of an acquisition at one price.
     *
     * @param priceUsd the price
     * @param valuePerShareBeforeUsd the company's measure of NPV per share without the deal
     * @param valuePerShareAfterUsd with the deal (with synergies) at this price
     * @param breachProbability the combined company's covenant breach probability with the deal's debt
     * @param newShares shares issued for the price
     * @param accretive whether the value per share after is at least the one before (by the acquisition's measure)
     */
    public record PricePoint(
            double priceUsd,
            double valuePerShareBeforeUsd,
            double valuePerShareAfterUsd,
            double breachProbability,
            double newShares,
            boolean accretive) {}

    /**
     * An acquisition's value to the company.
     *
     * @param name the target
     * @param closingMonth closing month index
     * @param standalone per target site, its best candidate on its own (by expected NPV)
     * @param valueWithoutSynergiesUsd expected NPV of the target's sites on their own under the company's market and
     *     discount rate and their plans' financing, from closing (nothing shared)
     * @param valueWithoutSynergiesP10Usd its 10th percentile
     * @param valueWithSynergiesUsd expected NPV the combined company (re-optimised under the shared budgets and
     *     covenant, with fleet moves between all sites and G&A savings) gains over the company alone
     * @param valueWithSynergiesP10Usd 10th percentile of that gain, path by path
     * @param joint the combined company's recommendations
     * @param jointMoves fleet moves of the combined company
     * @param jointSummary the combined company's NPV distribution (before the price)
     * @param atAsk the deal at the asking price
     * @param maxPriceUsd the most the company should pay: the highest price at which the value per share (by the
     *     acquisition's risk measure) is not below the one without the deal and the breach probability is within the
     *     limit; 0 when no price is
     * @param curve value per share after the deal at prices from 0 to twice the larger of the asking and maximum price
     */
    public record AcquisitionValue(
            String name,
            int closingMonth,
            List<CandidateOutcome> standalone,
            double valueWithoutSynergiesUsd,
            double valueWithoutSynergiesP10Usd,
            double valueWithSynergiesUsd,
            double valueWithSynergiesP10Usd,
            List<SiteRecommendation> joint,
            List<AcceptedMove> jointMoves,
            MixSummary jointSummary,
            PricePoint atAsk,
            double maxPriceUsd,
            RiskMeasure riskMeasure,
            List<PricePoint> curve) {}

    /**
     * The evaluation.
     *
     * @param candidates per site, every candidate on every path (the current strategy first)
     * @param current the company with every site keeping its current strategy
     * @param choice the chosen mix before fleet moves
     * @param moves fleet moves accepted
     * @param chosen the chosen mix with its moves
     * @param recommendations per site
     * @param acquisitions per target
     * @param tasks site tasks run
     * @param evaluations site-paths evaluated
     */
    public record Result(
            List<List<CandidateOutcome>> candidates,
            MixResult current,
            MixChooser.Choice choice,
            List<AcceptedMove> moves,
            MixResult chosen,
            List<SiteRecommendation> recommendations,
            List<AcquisitionValue> acquisitions,
            int tasks,
            long evaluations) {}

    /** Runs the evaluation. */
    public static Result run(Portfolio p, List<SiteModel> sites, List<Target> targets, Settings s, Listener listener) {
        Company company = p.company();
        CompanyBooks books = new CompanyBooks(company, p.horizonMonths());
        MixEvaluation eval = new MixEvaluation(company, books, s.paths());
        int years = books.years;
        List<SiteModel> all = new ArrayList<>(sites);
        for (Target t : targets) {
            all.addAll(t.sites());
        }
        IntConsumer done = listener::pathsDone;
        SiteSweep sweep =
                new SiteSweep(all, s.paths(), s.blockPaths(), p.uncertainty().seed(), s.executor(), done, s.recipes());

        listener.stage("sites");
        List<Candidate> cands = new ArrayList<>();
        for (int i = 0; i < sites.size(); i++) {
            cands.addAll(candidates(sites.get(i), i, company.startDelaysMonths(), s.search()));
        }
        MixChooser.checkSomeMixFits(group(factsOnly(all, cands), sites.size(), 0), company, years);
        List<List<CandidateOutcome>> perSite = group(sweep.evaluate(cands), sites.size(), 0);
        int[] currentIdx = new int[sites.size()];
        MixResult current = eval.evaluate(MixChooser.pick(perSite, currentIdx));
        MixChooser.Choice choice = MixChooser.choose(
                perSite, currentIdx, eval, company, MixEvaluation.Extras.none(years), new double[years]);
        listener.stage("fleet moves");
        Moves moves = moves(all, perSite, choice.index(), 0, eval, company, MixEvaluation.Extras.none(years), sweep);
        List<SiteRecommendation> recs = recommendations(sites, moves.perSite(), moves.index(), currentIdx, p);

        List<AcquisitionValue> values = new ArrayList<>();
        int offset = sites.size();
        for (Target t : targets) {
            listener.stage("acquisition " + t.acquisition().name());
            values.add(acquisition(p, t, offset, all, sites, perSite, choice.index(), moves, eval, books, sweep, s));
            offset += t.sites().size();
        }
        return new Result(
                perSite,
                current,
                choice,
                moves.accepted(),
                moves.result(),
                recs,
                values,
                sweep.tasksRun(),
                sweep.evaluations());
    }

    /** Tasks the run will start with (for progress): site candidates x path blocks, before moves and targets. */
    public static long plannedPaths(List<SiteModel> sites, List<Target> targets, Portfolio p, Settings s) {
        long n = 0;
        for (int i = 0; i < sites.size(); i++) {
            n += candidates(sites.get(i), i, p.company().startDelaysMonths(), s.search())
                    .size();
        }
        for (Target t : targets) {
            for (int i = 0; i < t.sites().size(); i++) {
                n += candidates(t.sites().get(i), i, p.company().startDelaysMonths(), s.search())
                        .size();
            }
        }
        return n * s.paths();
    }

    /** A site's candidates: the current strategy first, then every strategy x delay that fits the horizon. */
    public static List<Candidate> candidates(SiteModel site, int siteIndex, List<Integer> delays, boolean search) {
        Plan plan = site.plan();
        List<StrategyPlan> strategies = new ArrayList<>(site.strategies());
        if (search && site.plan().search().isPresent()) {
            Plan expanded =
                    AllocationSearch.candidates(plan, site.plan().search().get());
            for (StrategyPlan sp : expanded.strategies()) {
                if (plan.strategy(sp.name()).isEmpty()) {
                    strategies.add(sp);
                }
            }
            plan = expanded;
        }
        List<Candidate> out = new ArrayList<>();
        int from = site.ownedFromMonth();
        for (StrategyPlan sp : strategies) {
            boolean dated = Plans.hasDatedBlocks(plan, sp);
            for (int d : delays) {
                if (d > 0 && !dated) {
                    continue;
                }
                int shift = dated ? from + d : 0;
                Optional<Plan> variant = Plans.delayed(plan, sp, shift);
                if (variant.isEmpty()) {
                    continue;
                }
                if (shift > 0 && !PlanValidator.validate(variant.get(), "plan").isEmpty()) {
                    continue;
                }
                out.add(new Candidate(siteIndex, sp.name(), d, variant.get(), sp, Optional.empty()));
            }
        }
        return out;
    }

    /** The candidates with their path-independent facts only (no path evaluated), for the budget check. */
    private static List<CandidateOutcome> factsOnly(List<SiteModel> all, List<Candidate> cands) {
        List<CandidateOutcome> out = new ArrayList<>();
        for (Candidate c : cands) {
            CandidateFacts f = new SiteEvaluation(all.get(c.site()), c).facts();
            out.add(new CandidateOutcome(c, f, new double[0], new double[0], new double[0], new double[0]));
        }
        return out;
    }

    private static List<List<CandidateOutcome>> group(List<CandidateOutcome> outs, int sites, int firstSite) {
        List<List<CandidateOutcome>> perSite = new ArrayList<>();
        for (int i = 0; i < sites; i++) {
            perSite.add(new ArrayList<>());
        }
        for (CandidateOutcome o : outs) {
            perSite.get(o.candidate().site() - firstSite).add(o);
        }
        return perSite;
    }

    private static List<SiteRecommendation> recommendations(
            List<SiteModel> sites, List<List<CandidateOutcome>> perSite, int[] idx, int[] currentIdx, Portfolio p) {
        List<SiteRecommendation> out = new ArrayList<>();
        for (int i = 0; i < sites.size(); i++) {
            CandidateOutcome chosen = perSite.get(i).get(idx[i]);
            SiteEvaluation e = new SiteEvaluation(sites.get(i), chosen.candidate());
            out.add(new SiteRecommendation(
                    sites.get(i).name(),
                    perSite.get(i).get(currentIdx[i]),
                    chosen,
                    firstChange(chosen.candidate()).stream()
                            .mapToObj(m -> p.startMonth().plusMonths(m))
                            .findFirst(),
                    e.allocationByYear(),
                    sites.get(i).power()));
        }
        return out;
    }

    /** The first month a candidate builds, leases or buys anything (a move's arrival counts). */
    static OptionalInt firstChange(Candidate c) {
        Plan plan = c.plan();
        StrategyPlan sp = c.strategyPlan();
        int first = Integer.MAX_VALUE;
        for (String h : sp.halls()) {
            first = Math.min(first, plan.hall(h).map(Hall::startMonth).orElse(Integer.MAX_VALUE));
        }
        for (String l : sp.leases()) {
            first = Math.min(first, plan.lease(l).map(LeasePlan::startMonth).orElse(Integer.MAX_VALUE));
        }
        for (String a : sp.asicPurchases()) {
            first = Math.min(
                    first, plan.asicPurchase(a).map(AsicPurchase::month).orElse(Integer.MAX_VALUE));
        }
        return first == Integer.MAX_VALUE ? OptionalInt.empty() : OptionalInt.of(first);
    }

    /** The mix after fleet moves. */
    record Moves(List<List<CandidateOutcome>> perSite, int[] index, List<AcceptedMove> accepted, MixResult result) {}

    /**
     * Fleet moves for a chosen mix: for every source whose chosen candidate leaves fleet machines without power (from
     * the month a hall takes their MW, for good) and every destination whose chosen candidate has spare
     * interconnection from the machines' arrival on, the destination's candidate with those machines moved in (an
     * ASIC purchase whose capex is the move's cost) is evaluated on every path; moves are accepted in order of value
     * while they raise the company's measure, stay within the budgets and the breach limit.
     */
    static Moves moves(
            List<SiteModel> allSites,
            List<List<CandidateOutcome>> perSiteIn,
            int[] chosenIn,
            int firstSite,
            MixEvaluation eval,
            Company company,
            MixEvaluation.Extras extras,
            SiteSweep sweep) {
        List<List<CandidateOutcome>> perSite = new ArrayList<>();
        for (List<CandidateOutcome> l : perSiteIn) {
            perSite.add(new ArrayList<>(l));
        }
        int[] idx = chosenIn.clone();
        MixResult base = eval.evaluate(MixChooser.pick(perSite, idx), extras);
        if (!company.fleet().enabled() || perSite.size() < 2) {
            return new Moves(perSite, idx, List.of(), base);
        }
        int n = perSite.size();
        List<Candidate> proposals = new ArrayList<>();
        for (int src = 0; src < n; src++) {
            CandidateOutcome from = perSite.get(src).get(idx[src]);
            double[] idle = from.facts().idleFleetMachineMw();
            int leave = -1;
            for (int t = 0; t < idle.length; t++) {
                if (idle[t] > 1e-6) {
                    leave = t;
                    break;
                }
            }
            if (leave < 0) {
                continue;
            }
            double movable = Double.POSITIVE_INFINITY;
            for (int t = leave; t < idle.length; t++) {
                movable = Math.min(movable, idle[t]);
            }
            int arrive = leave + company.fleet().monthsPerMove();
            Plan srcPlan = from.candidate().plan();
            for (int dst = 0; dst < n; dst++) {
                if (dst == src) {
                    continue;
                }
                CandidateOutcome to = perSite.get(dst).get(idx[dst]);
                double[] spare = to.facts().spareMachineMw();
                if (arrive >= spare.length) {
                    continue;
                }
                double room = Double.POSITIVE_INFINITY;
                for (int t = arrive; t < spare.length; t++) {
                    room = Math.min(room, spare[t]);
                }
                double mw = Math.min(movable, room);
                if (mw < 0.5) {
                    continue;
                }
                double eff = srcPlan.mining().efficiencyJPerTh();
                double eh = mw / eff;
                double cost = company.fleet().costUsdPerMw() * mw;
                Plan dp = to.candidate().plan();
                FleetMove move = new FleetMove(
                        allSites.get(firstSite + src).name(),
                        allSites.get(firstSite + dst).name(),
                        leave,
                        arrive,
                        mw,
                        eh,
                        eff,
                        dp.mining().pue(),
                        cost);
                proposals.add(withMoveIn(to.candidate(), move));
            }
        }
        if (proposals.isEmpty()) {
            return new Moves(perSite, idx, List.of(), base);
        }
        List<CandidateOutcome> evaluated = sweep.evaluate(proposals);
        evaluated = new ArrayList<>(evaluated);
        int[] chosen = idx.clone();
        evaluated.sort(
                (a, b) -> Double.compare(gain(b, perSite, chosen, firstSite), gain(a, perSite, chosen, firstSite)));
        List<AcceptedMove> accepted = new ArrayList<>();
        boolean[] usedSrc = new boolean[n];
        boolean[] usedDst = new boolean[n];
        MixChooser.Budget budget = new MixChooser.Budget(company, eval.books().years, new double[eval.books().years]);
        for (CandidateOutcome o : evaluated) {
            FleetMove m = o.candidate().moveIn().orElseThrow();
            int dst = o.candidate().site() - firstSite;
            int src = indexOf(allSites, m.fromSite()) - firstSite;
            if (usedSrc[src] || usedDst[dst]) {
                continue;
            }
            List<CandidateOutcome> list = perSite.get(dst);
            list.add(o);
            int[] trial = idx.clone();
            trial[dst] = list.size() - 1;
            if (!budget.fits(perSite, trial)) {
                continue;
            }
            MixResult r = eval.evaluate(MixChooser.pick(perSite, trial), extras);
            boolean ok = r.summary().breachProbability() <= company.maxBreachProbability() + 1e-12;
            boolean baseOk = base.summary().breachProbability() <= company.maxBreachProbability() + 1e-12;
            double rm = r.summary().measure(company.riskMeasure());
            double bm = base.summary().measure(company.riskMeasure());
            if ((ok || !baseOk) && rm > bm) {
                accepted.add(new AcceptedMove(
                        m, r.summary().meanNpvUsd() - base.summary().meanNpvUsd()));
                idx = trial;
                base = r;
                usedSrc[src] = true;
                usedDst[dst] = true;
            }
        }
        return new Moves(perSite, idx, accepted, base);
    }

    /** {@code base} with the miners of {@code move} moved in (an ASIC purchase whose capex is the move's cost). */
    public static Candidate withMoveIn(Candidate base, FleetMove move) {
        String name = "fleet-from-" + move.fromSite();
        return new Candidate(
                base.site(),
                base.strategy(),
                base.delayMonths(),
                Plans.withMoveIn(
                        base.plan(),
                        name,
                        move.arriveMonth(),
                        move.hashrateEhPerS(),
                        move.efficiencyJPerTh(),
                        move.costUsd()),
                Plans.withPurchase(base.strategyPlan(), name),
                Optional.of(move));
    }

    private static double gain(CandidateOutcome o, List<List<CandidateOutcome>> perSite, int[] idx, int firstSite) {
        int dst = o.candidate().site() - firstSite;
        return o.meanNpvUsd() - perSite.get(dst).get(idx[dst]).meanNpvUsd();
    }

    private static int indexOf(List<SiteModel> sites, String name) {
        for (int i = 0; i < sites.size(); i++) {
            if (sites.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no site " + name);
    }

    private static AcquisitionValue acquisition(
            Portfolio p,
            Target t,
            int offset,
            List<SiteModel> all,
            List<SiteModel> companySites,
            List<List<CandidateOutcome>> companyPerSite,
            int[] companyChoice,
            Moves companyMoves,
            MixEvaluation eval,
            CompanyBooks books,
            SiteSweep sweep,
            Settings s) {
        Company company = p.company();
        int years = books.years;
        int k = t.closingMonth();
        List<Candidate> cands = new ArrayList<>();
        for (int i = 0; i < t.sites().size(); i++) {
            cands.addAll(candidates(t.sites().get(i), offset + i, company.startDelaysMonths(), s.search()));
        }
        List<List<CandidateOutcome>> targetPerSite =
                group(sweep.evaluate(cands), t.sites().size(), offset);
        // stand-alone: each target site's best candidate by expected NPV, nothing shared
        List<CandidateOutcome> standalone = new ArrayList<>();
        double[] without = new double[s.paths()];
        for (List<CandidateOutcome> site : targetPerSite) {
            CandidateOutcome best = site.get(0);
            for (CandidateOutcome c : site) {
                if (c.meanNpvUsd() > best.meanNpvUsd()) {
                    best = c;
                }
            }
            standalone.add(best);
            for (int q = 0; q < without.length; q++) {
                without[q] += best.npvUsd()[q];
            }
        }
        // joint: the company's candidates and the target's, chosen together, then fleet moves between all sites
        List<List<CandidateOutcome>> joint = new ArrayList<>(companyPerSite);
        joint.addAll(targetPerSite);
        int[] start = new int[joint.size()];
        System.arraycopy(companyChoice, 0, start, 0, companySites.size());
        double[] savings = new double[years];
        double savingsPv = 0;
        for (int m = k; m < p.horizonMonths(); m++) {
            savings[m / 12] += t.acquisition().generalAdministrativeSavingsUsdPerMonth();
            savingsPv += t.acquisition().generalAdministrativeSavingsUsdPerMonth() * books.discount(m);
        }
        MixEvaluation.Extras synergy =
                new MixEvaluation.Extras(new double[years], 0, savings, savingsPv, new double[years]);
        MixChooser.Choice jc = MixChooser.choose(joint, start, eval, company, synergy, new double[years]);
        List<SiteModel> jointSites = new ArrayList<>(companySites);
        jointSites.addAll(t.sites());
        List<SiteModel> allForMoves = new ArrayList<>(all);
        Moves jm = moves(allForMoves, joint, jc.index(), 0, eval, company, synergy, sweep);
        double[] with = new double[s.paths()];
        for (int q = 0; q < with.length; q++) {
            with[q] = jm.result().npvUsd()[q] - companyMoves.result().npvUsd()[q];
        }
        List<SiteRecommendation> jointRecs = new ArrayList<>();
        for (int i = 0; i < jointSites.size(); i++) {
            CandidateOutcome chosen = jm.perSite().get(i).get(jm.index()[i]);
            jointRecs.add(new SiteRecommendation(
                    jointSites.get(i).name(),
                    jm.perSite().get(i).get(0),
                    chosen,
                    firstChange(chosen.candidate()).stream()
                            .mapToObj(m -> p.startMonth().plusMonths(m))
                            .findFirst(),
                    new SiteEvaluation(jointSites.get(i), chosen.candidate()).allocationByYear(),
                    jointSites.get(i).power()));
        }
        // price analysis on the joint company's paths
        Pricing pricing = new Pricing(
                company, books, eval, jm.perSite(), jm.index(), synergy, companyMoves.result(), t.acquisition(), k);
        PricePoint ask = pricing.at(t.acquisition().askingPriceUsd());
        double max = pricing.maxPrice();
        List<PricePoint> curve = new ArrayList<>();
        double top = Math.max(1, 2 * Math.max(t.acquisition().askingPriceUsd(), max));
        for (int i = 0; i <= 20; i++) {
            curve.add(pricing.at(top * i / 20.0));
        }
        return new AcquisitionValue(
                t.acquisition().name(),
                k,
                standalone,
                mean(without),
                MixSummary.measureOf(without, RiskMeasure.P10, company.cvarAlpha()),
                mean(with),
                MixSummary.measureOf(with, RiskMeasure.P10, company.cvarAlpha()),
                jointRecs,
                jm.accepted(),
                jm.result().summary(),
                ask,
                max,
                t.acquisition().riskMeasure(),
                curve);
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    /** The deal at a price: the joint company's paths less what the price costs the existing shareholders. */
    static final class Pricing {
        private final Company company;
        private final CompanyBooks books;
        private final MixEvaluation eval;
        private final List<CandidateOutcome> chosen;
        private final MixEvaluation.Extras synergy;
        private final Acquisition acq;
        private final int closingMonth;
        private final double before;

        Pricing(
                Company company,
                CompanyBooks books,
                MixEvaluation eval,
                List<List<CandidateOutcome>> perSite,
                int[] idx,
                MixEvaluation.Extras synergy,
                MixResult alone,
                Acquisition acq,
                int closingMonth) {
            this.company = company;
            this.books = books;
            this.eval = eval;
            this.chosen = MixChooser.pick(perSite, idx);
            this.synergy = synergy;
            this.acq = acq;
            this.closingMonth = closingMonth;
            double shares = company.equity().sharesOutstanding();
            double[] perShare = alone.npvUsd().clone();
            for (int i = 0; i < perShare.length; i++) {
                perShare[i] /= shares;
            }
            this.before = MixSummary.measureOf(perShare, acq.riskMeasure(), company.cvarAlpha());
        }

        PricePoint at(double price) {
            AcquisitionFinancing f = acq.financing();
            int years = books.years;
            double[] service = new double[years];
            double debtPv = 0;
            if (f.debtFraction() > 0 && price > 0) {
                CompanyBooks.Loan loan = books.loan(
                        f.debtFraction() * price,
                        closingMonth,
                        f.debtRatePerYear(),
                        io.minerai.planning.model.Amortization.ANNUITY,
                        f.debtTenorMonths());
                loan.addServiceByYear(service);
                debtPv = loan.pvUsd(books.discount);
            }
            double cash = f.cashFraction() * price;
            double[] cashOut = new double[years];
            cashOut[closingMonth / 12] += cash;
            MixEvaluation.Extras x = new MixEvaluation.Extras(
                    service,
                    debtPv + cash * books.discount(closingMonth),
                    synergy.savingsUsdByYear(),
                    synergy.savingsPvUsd(),
                    cashOut);
            MixResult r = eval.evaluate(chosen, x);
            double newShares = f.sharesFraction() * price / company.equity().sharePriceUsd();
            double shares = company.equity().sharesOutstanding() + newShares;
            double[] perShare = r.npvUsd().clone();
            for (int i = 0; i < perShare.length; i++) {
                perShare[i] /= shares;
            }
            double after = MixSummary.measureOf(perShare, acq.riskMeasure(), company.cvarAlpha());
            return new PricePoint(price, before, after, r.summary().breachProbability(), newShares, after >= before);
        }

        private boolean ok(double price) {
            PricePoint pp = at(price);
            return pp.accretive() && pp.breachProbability() <= company.maxBreachProbability() + 1e-12;
        }

        /** The highest price that is accretive by the measure and within the breach limit (bisection), 0 if none. */
        double maxPrice() {
            if (!ok(0)) {
                return 0;
            }
            double lo = 0;
            double hi = Math.max(1e6, acq.askingPriceUsd());
            int guard = 0;
            while (ok(hi) && guard++ < 60) {
                lo = hi;
                hi *= 2;
            }
            for (int i = 0; i < 50 && hi - lo > Math.max(1, 1e-7 * hi); i++) {
                double mid = 0.5 * (lo + hi);
                if (ok(mid)) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }
    }
}
