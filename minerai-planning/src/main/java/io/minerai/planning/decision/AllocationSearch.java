package io.minerai.planning.decision;

import io.minerai.planning.PlanValidator;
import io.minerai.planning.engine.MarketData;
import io.minerai.planning.model.Facility;
import io.minerai.planning.model.GpuCloudPlan;
import io.minerai.planning.model.GpuContract;
import io.minerai.planning.model.Hall;
import io.minerai.planning.model.LeasePlan;
import io.minerai.planning.model.Plan;
import io.minerai.planning.model.SearchPlan;
import io.minerai.planning.model.StrategyPlan;
import io.minerai.planning.montecarlo.MonteCarloResult;
import io.minerai.planning.montecarlo.PlanSimulation;
import io.minerai.planning.montecarlo.RunSettings;
import io.minerai.planning.montecarlo.StrategySummary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.IntConsumer;

/**
 * Grid search over how much of a hall to build, how to split it between own GPUs and a lease, when to start, which GPU
 * cloud template (e.g. GPU generation) to buy, and how much of the GPUs to contract (the search's contract template, its total value scaled to the GPUs; its
 * contract-backed loans in the base strategy follow).
 * Every candidate is a strategy built from the search's templates: the hall scaled to the build fraction and moved to
 * the start month, the GPU cloud's count scaled to the GPU share of the built IT, the lease's IT to the rest (its
 * start kept as many months after hall readiness as in the template), and the base strategy's facilities re-pointed
 * at the scaled assets (its term loans and ASIC choices kept). Candidates run together on the same paths (common
 * random numbers); the first, building nothing, is the baseline. The best maximises the plan's risk measure among the
 * candidates within the plan's breach limit ({@link DecisionRule}): candidates over it rank after every candidate
 * within it.
 */
public final class AllocationSearch {
    private AllocationSearch() {}

    /**
     * One candidate.
     *
     * @param buildFraction share of the hall's critical IT built
     * @param gpuShare share of the built IT used by own GPUs
     * @param startMonth construction start
     * @param contractShare share of the candidate's GPUs under the contract template (0: all on the spot market)
     * @param gpuCloud the GPU cloud template of its GPUs (e.g. its generation); the search's gpuCloud when it compares
     *     none
     * @param strategy the generated strategy
     * @param summary its Monte Carlo summary
     * @param score the risk measure's value
     * @param withinBreachLimit whether its covenant breach probability meets the plan's limit
     */
    public record Candidate(
            double buildFraction,
            double gpuShare,
            int startMonth,
            double contractShare,
            String gpuCloud,
            StrategyPlan strategy,
            StrategySummary summary,
            double score,
            boolean withinBreachLimit) {}

    /**
     * The result.
     *
     * @param search what was searched
     * @param candidates every candidate, best first
     * @param plan the plan extended with the candidates' assets (for re-running or tornado)
     */
    public record Result(SearchPlan search, List<Candidate> candidates, Plan plan) {
        public Result {
            candidates = List.copyOf(candidates);
        }

        public Candidate best() {
            return candidates.get(0);
        }
    }

    /** Runs the plan's search (which must be present). */
    public static Result run(Plan plan, MarketData data, RunSettings settings, IntConsumer pathsDone) {
        SearchPlan sp = plan.search().orElseThrow(() -> new IllegalArgumentException("the plan has no search"));
        Plan extended = candidates(plan, sp);
        PlanValidator.validate(extended, "plan").throwIfAny("search candidates of plan " + plan.name());
        List<StrategyPlan> cands = extended.strategies()
                .subList(plan.strategies().size(), extended.strategies().size());
        MonteCarloResult r = new PlanSimulation(extended, data)
                .run(cands, sp.paths(), settings.withCvarAlpha(sp.cvarAlpha()), pathsDone);
        DecisionRule rule = DecisionRule.of(plan, sp.riskMeasure());
        List<Candidate> out = new ArrayList<>();
        for (int i = 0; i < cands.size(); i++) {
            StrategyPlan s = cands.get(i);
            StrategySummary sum = r.summaries().get(i);
            double[] key = parse(s.name());
            out.add(new Candidate(
                    key[0],
                    key[1],
                    (int) key[2],
                    key[3],
                    cloudOf(s.name(), sp),
                    s,
                    sum,
                    sum.score(sp.riskMeasure()),
                    rule.withinLimit(sum)));
        }
        out.sort(Comparator.comparing((Candidate c) -> !c.withinBreachLimit())
                .thenComparing(Comparator.comparingDouble(Candidate::score).reversed()));
        return new Result(sp, out, extended);
    }

    /** Number of candidates the search will run. */
    public static int candidateCount(Plan plan) {
        return plan.search()
                .map(sp -> candidates(plan, sp).strategies().size()
                        - plan.strategies().size())
                .orElse(0);
    }

    /** Separates the GPU cloud template from the rest of a candidate's name (only when the search compares some). */
    private static final String CLOUD = " cloud ";

    private static String name(double f, double g, int s, double c) {
        String base = String.format(Locale.ROOT, "build %.2f gpu %.2f start %d", f, g, s);
        return c > 0 ? base + String.format(Locale.ROOT, " contract %.2f", c) : base;
    }

    private static String name(double f, double g, int s, double c, String cloud, SearchPlan sp) {
        return sp.gpuClouds().isEmpty() || g <= 0 ? name(f, g, s, c) : name(f, g, s, c) + CLOUD + cloud;
    }

    private static String cloudOf(String name, SearchPlan sp) {
        int i = name.indexOf(CLOUD);
        return i < 0 ? sp.gpuCloud() : name.substring(i + CLOUD.length());
    }

    private static double[] parse(String name) {
        int cut = name.indexOf(CLOUD);
        String[] t = (cut < 0 ? name : name.substring(0, cut)).split(" ");
        return new double[] {
            Double.parseDouble(t[1]),
            Double.parseDouble(t[3]),
            Double.parseDouble(t[5]),
            t.length > 7 ? Double.parseDouble(t[7]) : 0
        };
    }

    /** The plan with one strategy per candidate added after its own (and their assets and facilities). */
    public static Plan candidates(Plan plan, SearchPlan sp) {
        StrategyPlan base = plan.strategy(sp.base()).orElseThrow();
        Hall hall = plan.hall(sp.hall()).orElseThrow();
        List<String> templates = sp.gpuCloudTemplates();
        LeasePlan lease = plan.lease(sp.lease()).orElseThrow();
        int leaseDelay = Math.max(0, lease.startMonth() - hall.readyMonth());
        Optional<GpuContract> template = sp.contract().flatMap(plan::contract);
        List<GpuContract> contracts = new ArrayList<>(plan.contracts());
        List<Facility> contractFin = new ArrayList<>();
        List<Hall> halls = new ArrayList<>(plan.halls());
        List<GpuCloudPlan> gpus = new ArrayList<>(plan.gpuClouds());
        List<LeasePlan> leases = new ArrayList<>(plan.leases());
        List<Facility> facilities = new ArrayList<>(plan.financing().facilities());
        List<StrategyPlan> strategies = new ArrayList<>(plan.strategies());
        // facilities of the base strategy: those financing the templates are re-pointed, term loans and ASIC ones kept
        List<Facility> kept = new ArrayList<>();
        List<Facility> hallFin = new ArrayList<>();
        List<Facility> gpuFin = new ArrayList<>();
        List<Facility> leaseFin = new ArrayList<>();
        for (String fn : base.facilities()) {
            Facility f = plan.facility(fn).orElseThrow();
            switch (f) {
                case Facility.TermLoan t -> kept.add(t);
                case Facility.ProjectFinance pf -> {
                    if (pf.finances().equals(hall.name())) {
                        hallFin.add(pf);
                    } else if (pf.finances().equals(sp.gpuCloud()) || templates.contains(pf.finances())) {
                        gpuFin.add(pf);
                    } else if (plan.asicPurchase(pf.finances()).isPresent()) {
                        kept.add(pf);
                    }
                }
                case Facility.LeaseBackedNotes n -> {
                    if (n.lease().equals(lease.name())) {
                        leaseFin.add(n);
                    }
                }
                case Facility.ContractBacked cb -> {
                    // loans on the contract template follow the candidates' contracts; others are dropped
                    if (template.isPresent()
                            && cb.contract().equals(template.get().name())) {
                        contractFin.add(cb);
                    }
                }
            }
        }
        List<String> keptNames = kept.stream().map(Facility::name).toList();
        strategies.add(new StrategyPlan(
                name(0, 0, 0, 0),
                "build nothing (baseline)",
                List.of(),
                List.of(),
                List.of(),
                base.asicPurchases(),
                keptNames,
                List.of()));
        for (double f : sp.buildFractions()) {
            if (f <= 0) {
                continue;
            }
            for (int start : sp.startMonths()) {
                if (start >= plan.horizonMonths()) {
                    continue;
                }
                for (double g : sp.gpuShares()) {
                    for (String cloudName : g > 0 ? sp.gpuCloudTemplates() : List.of(sp.gpuCloud())) {
                        GpuCloudPlan gpu = plan.gpuCloud(cloudName).orElseThrow();
                        for (double cs : contractSharesFor(sp, g)) {
                            String id = name(f, g, start, cs, cloudName, sp);
                            double itMw = f * hall.criticalItMw();
                            Hall h = new Hall(
                                    "hall[" + id + "]",
                                    itMw,
                                    hall.cooling(),
                                    start,
                                    hall.leadTimeMonths(),
                                    hall.capexUsdPerMwCriticalIt(),
                                    hall.depreciationYears());
                            halls.add(h);
                            List<String> sGpus = new ArrayList<>();
                            List<String> sLeases = new ArrayList<>();
                            List<String> sFacilities = new ArrayList<>(keptNames);
                            for (Facility hf : hallFin) {
                                Facility.ProjectFinance pf = (Facility.ProjectFinance) hf;
                                Facility c = pf.financing(pf.name() + "[" + id + "]", h.name());
                                facilities.add(c);
                                sFacilities.add(c.name());
                            }
                            int gpuCount = (int) Math.floor(g * itMw * 1000.0 / gpu.itKwPerGpu() + 1e-9);
                            List<String> sContracts = new ArrayList<>();
                            if (gpuCount > 0) {
                                GpuCloudPlan gc = gpu.scaled("gpu[" + id + "]", h.name(), gpuCount);
                                gpus.add(gc);
                                sGpus.add(gc.name());
                                for (Facility gf : gpuFin) {
                                    Facility.ProjectFinance pf = (Facility.ProjectFinance) gf;
                                    Facility c = pf.financing(pf.name() + "[" + id + "]", gc.name());
                                    facilities.add(c);
                                    sFacilities.add(c.name());
                                }
                                int contracted = (int) Math.floor(cs * gpuCount + 1e-9);
                                if (contracted > 0 && template.isPresent()) {
                                    GpuContract t = template.get();
                                    int shift = start - hall.startMonth();
                                    GpuContract k = t.forCandidate(
                                            "contract[" + id + "]",
                                            gc.name(),
                                            contracted,
                                            t.prepaymentMonth().map(m -> Math.max(0, m + shift)));
                                    contracts.add(k);
                                    sContracts.add(k.name());
                                    for (Facility cf : contractFin) {
                                        Facility.ContractBacked cb = (Facility.ContractBacked) cf;
                                        Facility c = new Facility.ContractBacked(
                                                cb.name() + "[" + id + "]",
                                                k.name(),
                                                cb.sizingDscr(),
                                                cb.maxLoanToCost(),
                                                cb.ratePerYear(),
                                                cb.amortization(),
                                                cb.tenorMonths(),
                                                cb.interestOnlyMonths());
                                        facilities.add(c);
                                        sFacilities.add(c.name());
                                    }
                                }
                            }
                            double leaseMw = itMw - gpuCount * gpu.itKwPerGpu() / 1000.0;
                            int leaseStart = h.readyMonth() + leaseDelay;
                            if (leaseMw > 1e-6 && leaseStart < plan.horizonMonths()) {
                                LeasePlan lp = new LeasePlan(
                                        "lease[" + id + "]",
                                        h.name(),
                                        lease.tenant(),
                                        leaseMw,
                                        lease.usdPerKwMonth(),
                                        lease.escalatorPerYear(),
                                        lease.termMonths(),
                                        leaseStart,
                                        lease.tenantCredit(),
                                        lease.annualDefaultProbability(),
                                        lease.backstopFraction(),
                                        lease.noiMarginFraction());
                                leases.add(lp);
                                sLeases.add(lp.name());
                                for (Facility lf : leaseFin) {
                                    Facility.LeaseBackedNotes n = (Facility.LeaseBackedNotes) lf;
                                    Facility c = new Facility.LeaseBackedNotes(
                                            n.name() + "[" + id + "]",
                                            lp.name(),
                                            n.advanceFraction(),
                                            n.ratePerYear(),
                                            n.amortization(),
                                            n.tenorMonths(),
                                            n.interestOnlyMonths());
                                    facilities.add(c);
                                    sFacilities.add(c.name());
                                }
                            }
                            strategies.add(new StrategyPlan(
                                    id,
                                    String.format(
                                            Locale.ROOT,
                                            "%.0f MW IT from month %d: %d GPUs (%.0f %% contracted), %.0f MW leased",
                                            itMw,
                                            start,
                                            gpuCount,
                                            cs * 100,
                                            Math.max(0, leaseMw)),
                                    List.of(h.name()),
                                    sGpus,
                                    sLeases,
                                    base.asicPurchases(),
                                    sFacilities,
                                    sContracts));
                        }
                    }
                }
            }
        }
        return plan.withBlocks(halls, gpus, leases, plan.financing().withFacilities(facilities))
                .withContracts(contracts)
                .withStrategies(strategies);
    }

    /** The contract shares to try: the search's when the candidate has GPUs, else only 0 (nothing to contract). */
    private static List<Double> contractSharesFor(SearchPlan sp, double gpuShare) {
        return gpuShare > 0 ? sp.contractShares() : List.of(0.0);
    }
}
