package io.minerai.cli.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.minerai.cli.ExitCodes;
import io.minerai.cli.Warnings;
import io.minerai.core.validation.Checked;
import io.minerai.core.validation.Problem;
import io.minerai.core.validation.ValidationException;
import io.minerai.planning.PlanReader;
import io.minerai.planning.PlanResults;
import io.minerai.planning.chart.PlanCharts;
import io.minerai.planning.decision.DecisionRule;
import io.minerai.planning.decision.Tornado;
import io.minerai.planning.engine.GpuBook;
import io.minerai.planning.engine.PathOutcome;
import io.minerai.planning.model.DscrDefinition;
import io.minerai.planning.model.FinancingPlan;
import io.minerai.planning.model.Plan;
import io.minerai.planning.model.RiskMeasure;
import io.minerai.planning.model.StrategyPlan;
import io.minerai.planning.model.Uncertainty;
import io.minerai.planning.montecarlo.MonteCarloResult;
import io.minerai.planning.montecarlo.RunSettings;
import io.minerai.planning.montecarlo.StrategySummary;
import io.minerai.planning.report.CashFlowReport;
import io.minerai.planning.run.ComputeDelivered;
import io.minerai.planning.run.PlanRun;
import io.minerai.planning.run.PlanRunner;
import io.minerai.planning.run.VariantComparison;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Compares strategies for a site's megawatts over years under uncertainty; the deterministic case alone with {@code
 * --deterministic}; month-by-month cash flows and loan schedules with {@code --cashflows}; optional search, tornado and
 * charts. The run itself is the planning library's use case ({@link PlanRunner}), shared with the server.
 */
@Command(
        name = "plan",
        mixinStandardHelpOptions = true,
        description = {
            "Multi-year plan: split and convert a site's MW between mining, own GPU cloud and colocation, with capex,"
                    + " financing (DSCR covenant) and a seeded Monte Carlo over BTC price (block bootstrap of real daily"
                    + " returns), hashrate, fees, GPU prices, tenant defaults and real ERCOT days.",
            "Without a plan file it runs the bundled default: a 300 MW West Texas miner weighing a 200 MW critical IT"
                    + " conversion (print it with --print-default). Plan format: docs/PLANNING.md."
        })
public final class PlanCommand implements Callable<Integer> {
    @Spec
    @SuppressWarnings("NullAway.Init")
    CommandSpec spec;

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "PLAN",
            description = "Plan file (YAML/JSON with a top-level 'plan:'). Default: the bundled plan.")
    @Nullable
    Path planArgument;

    @Option(names = "--plan", description = "The plan file, as an option (same as the PLAN argument).")
    @Nullable
    Path planOption;

    @Option(names = "--print-default", description = "Print the bundled default plan file and exit.")
    boolean printDefault;

    @Option(
            names = "--print-reference",
            description = "Print the plan file reference generated from the schema (the generated part of"
                    + " docs/PLANNING.md) and exit.")
    boolean printReference;

    @Option(names = "--paths", description = "Monte Carlo paths (default: the plan's uncertainty.paths).")
    @Nullable
    Integer paths;

    @Option(names = "--seed", description = "Master seed (default: the plan's uncertainty.seed).")
    @Nullable
    Long seed;

    @Option(names = "--threads", description = "Worker threads (default: all cores). Results do not depend on it.")
    @Nullable
    Integer threads;

    @Option(
            names = "--deterministic",
            description = "Run the deterministic deck alone (every random input at its expected path, pooled power"
                    + " months) and report every figure the Monte Carlo reports for it.")
    boolean deterministic;

    @Option(
            names = "--strategies",
            split = ",",
            description = "Strategies to run, comma-separated (default: all; the first is the baseline).")
    @Nullable
    List<String> strategies;

    @Option(
            names = "--risk-measure",
            description = "expected, p10 or cvar: how the best strategy is chosen (default: the plan's search setting,"
                    + " else cvar).")
    @Nullable
    String riskMeasure;

    @Option(
            names = "--max-breach-probability",
            description = "Decision rule: a strategy breaching its DSCR covenant on a larger share of paths (0..1) is"
                    + " flagged and never chosen as best, here and in the search (default: the plan's"
                    + " financing.maxBreachProbability; 1 = no limit).")
    @Nullable
    Double maxBreachProbability;

    @Option(names = "--search", description = "Also run the plan's search over allocations and timings.")
    boolean search;

    @Option(names = "--no-tornado", description = "Skip the tornado sensitivity.")
    boolean noTornado;

    @Option(
            names = "--tornado-paths",
            defaultValue = "1000",
            description = "Paths per tornado setting (default ${DEFAULT-VALUE}).")
    int tornadoPaths;

    @Option(
            names = "--tornado-strategy",
            description = "Strategy for the tornado (default: the best by the decision rule other than the baseline).")
    @Nullable
    String tornadoStrategy;

    @Option(
            names = "--cashflows",
            description = "Folder for month-by-month cash flows: a CSV per strategy for the deterministic case and the"
                    + " --cashflow-percentiles paths, and cashflows.html with the loan schedules and covenant tests.")
    @Nullable
    Path cashflowsDir;

    @Option(
            names = "--cashflow-percentiles",
            split = ",",
            defaultValue = "10,50,90",
            description = "NPV percentiles (0..100) whose Monte Carlo paths --cashflows writes (default"
                    + " ${DEFAULT-VALUE}).")
    List<Double> cashflowPercentiles = new ArrayList<>();

    @Option(names = "--charts", description = "Folder for PNG charts (fan chart, NPV distributions, tornado).")
    @Nullable
    Path chartsDir;

    @Option(names = "--format", defaultValue = "table", description = "table or json (default ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--quiet", description = "No progress bar.")
    boolean quiet;

    /** Output formats. */
    enum Format {
        table,
        json
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (printReference) {
            out.print(io.minerai.planning.PlanDocs.markdown());
            out.flush();
            return ExitCodes.OK;
        }
        if (printDefault) {
            out.print(PlanReader.bundledDefaultText());
            out.flush();
            return ExitCodes.OK;
        }
        Path file = planFile();
        Checked<Plan> read = file == null ? Checked.of(PlanReader.bundledDefault()) : PlanReader.readChecked(file);
        Warnings.print(spec.commandLine().getErr(), read.warnings());
        Plan plan = read.value();
        plan = withOverrides(plan);
        List<StrategyPlan> chosen = chosenStrategies(plan);
        RiskMeasure measure = measure(plan);
        RunSettings settings = RunSettings.defaults().withKeepCumulative(chartsDir != null);
        if (threads != null) {
            settings = settings.withThreads(threads);
        }
        settings = settings.withCvarAlpha(plan.search().map(s -> s.cvarAlpha()).orElse(0.1));
        Optional<StrategyPlan> ts = tornadoStrategy == null
                ? Optional.empty()
                : Optional.of(strategy(plan, tornadoStrategy, "--tornado-strategy"));
        PlanRunner.Request req = new PlanRunner.Request(
                chosen,
                measure,
                deterministic,
                search,
                noTornado ? 0 : tornadoPaths,
                ts,
                cashflowPercentiles,
                settings);
        PlanRun run;
        try (PathProgress progress = new PathProgress("plan", PlanRunner.totalPaths(plan, req), quiet, System.err)) {
            run = PlanRunner.run(plan, req, progress);
        }
        List<Path> charts = new ArrayList<>();
        if (chartsDir != null) {
            MonteCarloResult mc = run.monteCarlo();
            Path fan = chartsDir.resolve("plan-fan-cumulative-cash-flow.png");
            List<String> fanNames =
                    chosen.stream().map(StrategyPlan::name).limit(4).toList();
            PlanCharts.writePng(PlanCharts.fan(mc, run.simulation().grid(), fanNames), fan);
            charts.add(fan);
            Path dist = chartsDir.resolve("plan-npv-distribution.png");
            PlanCharts.writePng(PlanCharts.npvDistribution(mc, 60), dist);
            charts.add(dist);
            if (run.tornado().isPresent()) {
                Path tor = chartsDir.resolve("plan-tornado.png");
                PlanCharts.writePng(PlanCharts.tornado(run.tornado().get()), tor);
                charts.add(tor);
            }
        }
        Map<String, Object> root =
                PlanResults.toMap(run, charts.stream().map(Path::toString).toList());
        List<Path> cashflowFiles = List.of();
        if (cashflowsDir != null) {
            JsonNode tree = MAPPER.valueToTree(root);
            cashflowFiles =
                    CashFlowReport.of(run.plan(), run.simulation(), tree).writeTo(cashflowsDir);
            root.put("cashflowFiles", cashflowFiles.stream().map(Path::toString).toList());
        }
        if (format == Format.json) {
            out.println(MAPPER.writeValueAsString(root));
        } else {
            table(out, run, charts, cashflowFiles);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private @Nullable Path planFile() {
        if (planArgument != null && planOption != null && !planArgument.equals(planOption)) {
            throw new ValidationException(
                    "options",
                    new Problem(
                            "--plan",
                            "two plan files given: '" + planArgument + "' and --plan '" + planOption + "'; give one"));
        }
        return planArgument != null ? planArgument : planOption;
    }

    private Plan withOverrides(Plan plan) {
        Uncertainty u = plan.uncertainty();
        int p = paths != null ? paths : u.paths();
        long s = seed != null ? seed : u.seed();
        List<Problem> problems = new ArrayList<>();
        if (p <= 0) {
            problems.add(new Problem("--paths", "must be > 0, was " + p));
        }
        if (tornadoPaths <= 0) {
            problems.add(new Problem("--tornado-paths", "must be > 0, was " + tornadoPaths));
        }
        if (search && plan.search().isEmpty()) {
            problems.add(new Problem("--search", "the plan has no 'search' section"));
        }
        if (maxBreachProbability != null && !(maxBreachProbability >= 0 && maxBreachProbability <= 1)) {
            problems.add(new Problem("--max-breach-probability", "must be 0..1, was " + maxBreachProbability));
        }
        for (double q : cashflowPercentiles) {
            if (!(q >= 0 && q <= 100)) {
                problems.add(new Problem("--cashflow-percentiles", "each must be 0..100, was " + q));
            }
        }
        if (cashflowsDir != null
                && java.nio.file.Files.exists(cashflowsDir)
                && !java.nio.file.Files.isDirectory(cashflowsDir)) {
            problems.add(new Problem("--cashflows", "'" + cashflowsDir + "' is a file, not a folder"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException("options", problems);
        }
        Plan out = plan.withUncertainty(u.withPaths(p).withSeed(s));
        if (maxBreachProbability != null) {
            out = out.withFinancing(out.financing().withMaxBreachProbability(maxBreachProbability));
        }
        return out;
    }

    private List<StrategyPlan> chosenStrategies(Plan plan) {
        if (strategies == null || strategies.isEmpty()) {
            return plan.strategies();
        }
        List<StrategyPlan> out = new ArrayList<>();
        for (String n : strategies) {
            out.add(strategy(plan, n, "--strategies"));
        }
        return out;
    }

    private static StrategyPlan strategy(Plan plan, String name, String option) {
        return plan.strategy(name.strip())
                .orElseThrow(() -> new ValidationException(
                        "options",
                        new Problem(
                                option,
                                "no strategy named '" + name + "'; known: "
                                        + plan.strategies().stream()
                                                .map(StrategyPlan::name)
                                                .toList())));
    }

    private RiskMeasure measure(Plan plan) {
        if (riskMeasure == null) {
            return plan.search().map(s -> s.riskMeasure()).orElse(RiskMeasure.CVAR);
        }
        try {
            return RiskMeasure.fromKey(riskMeasure.strip());
        } catch (IllegalArgumentException e) {
            throw new ValidationException(
                    "options",
                    new Problem("--risk-measure", "must be expected, p10 or cvar, was '" + riskMeasure + "'"));
        }
    }

    private static String m(double usd) {
        return Double.isFinite(usd) ? String.format(Locale.ROOT, "%,.0f", usd / 1e6) : "-";
    }

    private static String pct(double f) {
        return Double.isFinite(f) ? String.format(Locale.ROOT, "%.0f%%", 100 * f) : "-";
    }

    private static String num(double v, String fmt) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, fmt, v) : "-";
    }

    /** P(breach) with its flag: '!' over the breach limit, '*' breaching in most paths. */
    private static String breach(DecisionRule rule, StrategySummary s) {
        String flag = !rule.withinLimit(s) ? "!" : DecisionRule.breachesInMostPaths(s) ? "*" : "";
        return pct(s.covenantBreachProbability()) + flag;
    }

    /**
     * The GPU fleets of every strategy with GPUs (generation, go-live, cost, kW, spot price at go-live, cooling) and
     * what each strategy delivers by plan year: GPU-hours and exaFLOP-hours (dense BF16) expected over the paths, BTC
     * mined on the deterministic deck.
     */
    private static void computeTable(PrintWriter out, PlanRun run) {
        Plan plan = run.plan();
        List<StrategySummary> withGpus = run.monteCarlo().summaries().stream()
                .filter(s -> !s.computeByYear().isEmpty())
                .toList();
        if (withGpus.isEmpty()) {
            return;
        }
        out.println();
        out.println("GPU fleets (cloud, generation, GPUs, live from, $/GPU all-in, facility kW/GPU, spot $/GPU-h at"
                + " go-live, hall cooling):");
        for (StrategySummary s : withGpus) {
            GpuBook book =
                    run.table(run.casesOf(s.strategy()).get(0)).schedule().gpus();
            for (GpuBook.Fleet f : book.fleets()) {
                out.printf(
                        Locale.ROOT,
                        "  %-18s %-14s %-12s %,9d  %s  $%,.0f  %.3f kW  $%.2f  %s%s%n",
                        s.strategy(),
                        f.gpuCloud(),
                        f.generation().isEmpty() ? "-" : f.generation(),
                        f.gpus(),
                        plan.startMonth().plusMonths(f.goLiveMonth()),
                        f.usdPerGpu(),
                        f.facilityKwPerGpu(),
                        f.spotPriceAtGoLiveUsdPerGpuHour(),
                        f.cooling().key(),
                        f.coolingConversionCapexUsd() > 0
                                ? String.format(
                                        Locale.ROOT, " (converted, $%,.0f M)", f.coolingConversionCapexUsd() / 1e6)
                                : "");
            }
        }
        List<StrategySummary> all = run.monteCarlo().summaries();
        int years = ComputeDelivered.of(run, all.get(0)).size();
        out.printf(
                Locale.ROOT,
                "Compute delivered by plan year from %s: GPU-hours (million) and exaFLOP-hours (dense BF16), expected over"
                        + " the paths; BTC mined on the deterministic deck%n",
                plan.startMonth());
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "  %-18s %-9s", "strategy", ""));
        for (int y = 0; y < years; y++) {
            head.append(String.format(Locale.ROOT, " %8s", "y" + (y + 1)));
        }
        out.println(head);
        for (StrategySummary s : all) {
            List<ComputeDelivered> c = ComputeDelivered.of(run, s);
            if (!s.computeByYear().isEmpty()) {
                row(out, s.strategy(), "GPU-h M", c, x -> x.gpuHoursDelivered() / 1e6, "%8.1f");
                row(out, "", "EFLOP-h", c, ComputeDelivered::computeDeliveredExaflopHours, "%8.0f");
            }
            row(
                    out,
                    s.computeByYear().isEmpty() ? s.strategy() : "",
                    "BTC",
                    c,
                    ComputeDelivered::deterministicBtcMined,
                    "%8.0f");
        }
        for (StrategySummary s : all) {
            if (s.meanCurtailedGpuHours() > 0) {
                out.printf(
                        Locale.ROOT,
                        "%s: contracted GPU-hours curtailed within the contracts' allowances: %,.0f (mean)%n",
                        s.strategy(),
                        s.meanCurtailedGpuHours());
            }
        }
    }

    private static void row(
            PrintWriter out,
            String strategy,
            String measure,
            List<ComputeDelivered> c,
            java.util.function.ToDoubleFunction<ComputeDelivered> f,
            String fmt) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "  %-18s %-9s", strategy, measure));
        for (ComputeDelivered x : c) {
            b.append(' ').append(num(f.applyAsDouble(x), fmt));
        }
        out.println(b);
    }

    private void table(PrintWriter out, PlanRun run, List<Path> charts, List<Path> cashflowFiles) {
        Plan plan = run.plan();
        MonteCarloResult mc = run.monteCarlo();
        DecisionRule.Choice choice = run.choice();
        DecisionRule rule = choice.rule();
        out.printf(
                Locale.ROOT,
                "Plan %s: %s, %.0f MW, %d months from %s; %s (%.1f s)%n",
                plan.name(),
                plan.site().name(),
                plan.site().gridMw(),
                plan.horizonMonths(),
                plan.startMonth(),
                run.deterministicOnly()
                        ? "deterministic deck only (every random input at its expected path)"
                        : mc.paths().get(0).paths() + " paths, seed " + mc.seed(),
                run.seconds());
        if (!run.deterministicOnly()) {
            out.println("BTC paths: block bootstrap of " + mc.btcHistoryLabel());
        }
        out.println("Power: " + mc.powerLabel());
        out.printf(
                Locale.ROOT,
                "NPV of cash flows to equity at %.1f %%/yr, $ million; IRR and payback of the cash flows incremental to"
                        + " the baseline '%s' (none for the baseline itself)%n%n",
                100 * plan.valuation().discountRatePerYear(),
                mc.summaries().get(0).strategy());
        if (run.deterministicOnly()) {
            deterministicTable(out, run);
        } else {
            monteCarloTable(out, run);
        }
        for (StrategySummary s : mc.summaries()) {
            for (VariantComparison c : run.comparisonsOf(s.strategy())) {
                out.printf(
                        Locale.ROOT,
                        "%s: %s %s $ M mean (det %s), better on %s of paths%n",
                        s.strategy(),
                        c.kind() == VariantComparison.Kind.CONTRACT_VS_SPOT
                                ? "GPU contracts vs renting the same GPUs on the spot market:"
                                : "refreshing the GPUs vs selling them at end of life:",
                        m(c.meanNpvDifferenceUsd()),
                        m(c.deterministicNpvDifferenceUsd()),
                        pct(c.probabilityPositive()));
            }
            if (s.meanContractRevenueUsd() > 0) {
                out.printf(
                        Locale.ROOT,
                        "%s: GPU revenue over the horizon, contracted %s and spot %s $ M (mean)%n",
                        s.strategy(),
                        m(s.meanContractRevenueUsd()),
                        m(s.meanSpotGpuRevenueUsd()));
            }
        }
        computeTable(out, run);
        FinancingPlan f = plan.financing();
        out.printf(
                Locale.ROOT,
                "Covenant: DSCR = CFADS / debt service over %s %d months, from the first month of debt service; breach"
                        + " below %.2f.%n",
                f.dscrDefinition() == DscrDefinition.FORWARD ? "the next" : "the trailing",
                f.dscrWindowMonths(),
                f.minDscr());
        out.printf(
                Locale.ROOT,
                "Best by %s%s: %s%n",
                rule.measure().key(),
                rule.limited()
                        ? String.format(Locale.ROOT, " with P(breach) <= %.0f%%", 100 * rule.maxBreachProbability())
                        : "",
                choice.best().strategy());
        choice.warning().ifPresent(w -> out.println("  FLAG: " + w));
        if (choice.limitChangedBest()) {
            out.printf(
                    Locale.ROOT,
                    "  without the breach limit: %s (P(breach) %s)%n",
                    choice.unconstrainedBest().strategy(),
                    pct(choice.unconstrainedBest().covenantBreachProbability()));
        }
        run.search().ifPresent(sr -> {
            out.printf(
                    Locale.ROOT,
                    "%nSearch (%d candidates, %d paths each, by %s%s): best = %s -> %s: %s $ M (E[NPV] %s, P10 %s)%s%n",
                    sr.candidates().size(),
                    sr.search().paths(),
                    sr.search().riskMeasure().key(),
                    rule.limited()
                            ? String.format(Locale.ROOT, ", P(breach) <= %.0f%%", 100 * rule.maxBreachProbability())
                            : "",
                    sr.best().strategy().name(),
                    sr.best().strategy().description(),
                    m(sr.best().score()),
                    m(sr.best().summary().meanNpvUsd()),
                    m(sr.best().summary().p10NpvUsd()),
                    sr.best().withinBreachLimit() ? "" : " FLAG: no candidate meets the breach limit");
            out.println("  top 5:");
            sr.candidates().stream()
                    .limit(5)
                    .forEach(c -> out.printf(
                            Locale.ROOT,
                            "    %-36s score %9s  E[NPV] %9s  P(breach) %s%n",
                            c.strategy().name(),
                            m(c.score()),
                            m(c.summary().meanNpvUsd()),
                            breach(rule, c.summary())));
            if (!sr.search().gpuClouds().isEmpty()) {
                // candidates are best first: the first of each GPU cloud template is its best
                out.println("  best per GPU cloud (generation):");
                for (String cloud : sr.search().gpuClouds()) {
                    sr.candidates().stream()
                            .filter(c -> c.gpuCloud().equals(cloud) && c.gpuShare() > 0)
                            .findFirst()
                            .ifPresent(c -> out.printf(
                                    Locale.ROOT,
                                    "    %-16s %-36s score %9s  E[NPV] %9s  P(breach) %s%n",
                                    cloud,
                                    c.strategy().name(),
                                    m(c.score()),
                                    m(c.summary().meanNpvUsd()),
                                    breach(rule, c.summary())));
                }
            }
        });
        run.tornado().ifPresent(tornado -> {
            out.printf(
                    Locale.ROOT,
                    "%nTornado of '%s' (expected NPV, base %s $ M, %d paths per setting):%n",
                    tornado.strategy(),
                    m(tornado.baseNpvUsd()),
                    tornado.paths());
            for (Tornado.Bar b : tornado.bars()) {
                out.printf(
                        Locale.ROOT,
                        "  %-22s %7s -> %9s   %7s -> %9s   swing %9s%n",
                        b.input(),
                        b.lowLabel(),
                        m(b.lowNpvUsd()),
                        b.highLabel(),
                        m(b.highNpvUsd()),
                        m(b.swingUsd()));
            }
        });
        for (Path c : charts) {
            out.println("chart: " + c);
        }
        if (!cashflowFiles.isEmpty()) {
            out.println("cash flows: " + cashflowFiles.size() + " files in "
                    + cashflowFiles.get(0).getParent() + ", open "
                    + cashflowFiles.get(cashflowFiles.size() - 1));
        }
    }

    private static void monteCarloTable(PrintWriter out, PlanRun run) {
        MonteCarloResult mc = run.monteCarlo();
        DecisionRule rule = run.choice().rule();
        String h = "%-18s %9s %9s %9s %9s %9s %8s %8s %8s %8s %9s %8s %8s%n";
        out.printf(
                Locale.ROOT,
                h,
                "strategy",
                "det NPV",
                "E[NPV]",
                "P10",
                "P50",
                "CVaR" + Math.round(100 * mc.summaries().get(0).cvarAlpha()),
                "P(NPV<0)",
                "P(>base)",
                "IRR",
                "payback",
                "P(breach)",
                "minDSCR",
                "dilution");
        for (int i = 0; i < mc.summaries().size(); i++) {
            StrategySummary s = mc.summaries().get(i);
            PathOutcome d = run.deterministic().paths().get(i).outcome(0);
            out.printf(
                    Locale.ROOT,
                    h,
                    s.strategy(),
                    m(d.npvUsd()),
                    m(s.meanNpvUsd()),
                    m(s.p10NpvUsd()),
                    m(s.p50NpvUsd()),
                    m(s.cvarNpvUsd()),
                    pct(s.probabilityNpvNegative()),
                    s.baseline() ? "(base)" : pct(s.probabilityBeatsBaseline()),
                    s.baseline() ? "(base)" : pct(s.medianIrrPerYear()),
                    s.baseline()
                            ? "(base)"
                            : Double.isFinite(s.medianPaybackMonth())
                                    ? "m" + Math.round(s.medianPaybackMonth())
                                    : "never",
                    breach(rule, s),
                    num(s.p10MinDscr(), "%.2f"),
                    pct(s.meanPureEquityDilution()));
        }
        out.println();
        out.println("Columns: det NPV = deterministic deck; P10/P50 percentiles; CVaR = mean of the worst tail; IRR and"
                + " payback = medians over paths; P(breach) = share of paths breaching the covenant (! = over the"
                + " breach limit, * = in most paths); minDSCR = P10 of each path's lowest DSCR; dilution = share of"
                + " the company a pure-equity plan would sell at $"
                + m(run.plan().valuation().preMoneyEquityUsd())
                + " M pre-money.");
    }

    private static void deterministicTable(PrintWriter out, PlanRun run) {
        MonteCarloResult mc = run.monteCarlo();
        String h = "%-18s %9s %9s %8s %8s %8s %8s %11s %8s%n";
        out.printf(
                Locale.ROOT,
                h,
                "strategy",
                "NPV",
                "proj NPV",
                "IRR",
                "payback",
                "minDSCR",
                "breach",
                "peak equity",
                "dilution");
        for (int i = 0; i < mc.summaries().size(); i++) {
            StrategySummary s = mc.summaries().get(i);
            PathOutcome d = mc.paths().get(i).outcome(0);
            out.printf(
                    Locale.ROOT,
                    h,
                    s.strategy(),
                    m(d.npvUsd()),
                    m(d.unleveredNpvUsd()),
                    s.baseline()
                            ? "(base)"
                            : d.irrPerYear().isPresent() ? pct(d.irrPerYear().getAsDouble()) : "-",
                    s.baseline()
                            ? "(base)"
                            : d.paybackMonth().isPresent()
                                    ? "m" + d.paybackMonth().getAsInt()
                                    : "never",
                    d.minDscr().isPresent() ? num(d.minDscr().getAsDouble(), "%.2f") : "-",
                    d.minDscr().isEmpty() ? "-" : d.covenantBreached() ? "BREACH" : "no",
                    m(d.peakEquityNeedUsd()),
                    pct(d.pureEquityDilution()));
        }
        out.println();
        out.println("Columns: NPV of cash flows to equity; proj NPV = unlevered (project) NPV; IRR and payback of the"
                + " flows incremental to the baseline; minDSCR = lowest covenant test; breach = some test below the"
                + " covenant; peak equity = most the equity holders put in; dilution = share of the company a"
                + " pure-equity plan would sell at $" + m(run.plan().valuation().preMoneyEquityUsd())
                + " M pre-money.");
    }
}
