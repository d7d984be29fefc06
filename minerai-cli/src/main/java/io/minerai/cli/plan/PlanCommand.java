package io.minerai.cli.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.minerai.cli.ExitCodes;
import io.minerai.core.validation.Problem;
import io.minerai.core.validation.ValidationException;
import io.minerai.planning.PlanReader;
import io.minerai.planning.PlanResults;
import io.minerai.planning.chart.PlanCharts;
import io.minerai.planning.decision.AllocationSearch;
import io.minerai.planning.decision.Tornado;
import io.minerai.planning.engine.CashFlowTable;
import io.minerai.planning.engine.MarketData;
import io.minerai.planning.history.PlanHistory;
import io.minerai.planning.model.Plan;
import io.minerai.planning.model.RiskMeasure;
import io.minerai.planning.model.StrategyPlan;
import io.minerai.planning.model.Uncertainty;
import io.minerai.planning.montecarlo.MonteCarloResult;
import io.minerai.planning.montecarlo.PlanSimulation;
import io.minerai.planning.montecarlo.RunSettings;
import io.minerai.planning.montecarlo.StrategySummary;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Compares strategies for a site's megawatts over years under uncertainty; optional search, tornado and charts. */
@Command(
        name = "plan",
        mixinStandardHelpOptions = true,
        description = {
            "Multi-year plan: split and convert a site's MW between mining, own GPU cloud and colocation, with capex,"
                    + " financing (DSCR covenant) and a seeded Monte Carlo over BTC price (block bootstrap of real daily"
                    + " returns), hashrate, fees, GPU prices, tenant defaults and real ERCOT days.",
            "Without --plan it runs the bundled default: a 300 MW West Texas miner weighing a 200 MW critical IT"
                    + " conversion (print it with --print-default). Plan format: docs/PLANNING.md."
        })
public final class PlanCommand implements Callable<Integer> {
    @Spec
    @SuppressWarnings("NullAway.Init")
    CommandSpec spec;

    @Option(
            names = "--plan",
            description = "Plan file (YAML/JSON with a top-level 'plan:'). Default: the bundled plan.")
    @Nullable
    Path planFile;

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
            description = "Strategy for the tornado (default: the best by the risk measure other than the baseline).")
    @Nullable
    String tornadoStrategy;

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
    public Integer call() {
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
        Plan plan = planFile == null ? PlanReader.bundledDefault() : PlanReader.read(planFile);
        plan = withOverrides(plan);
        List<StrategyPlan> chosen = chosenStrategies(plan);
        RiskMeasure measure = measure(plan);
        int n = plan.uncertainty().paths();
        RunSettings settings = RunSettings.defaults().withKeepCumulative(chartsDir != null);
        if (threads != null) {
            settings = settings.withThreads(threads);
        }
        double alpha = plan.search().map(s -> s.cvarAlpha()).orElse(0.1);
        settings = settings.withCvarAlpha(alpha);

        long searchPaths = search
                ? (long) AllocationSearch.candidateCount(plan)
                        * plan.search().map(s -> s.paths()).orElse(0)
                : 0;
        long tornadoTotal = noTornado
                ? 0
                : (long) tornadoPaths * (1 + 2 * Tornado.defaultInputs().size());
        long startNanos = System.nanoTime();
        MarketData data = PlanHistory.load(plan);
        PlanSimulation sim = new PlanSimulation(plan, data);
        MonteCarloResult mc;
        AllocationSearch.@Nullable Result searchResult = null;
        Tornado.@Nullable Result tornado = null;
        try (PathProgress progress =
                new PathProgress("plan", (long) n * 1 + searchPaths + tornadoTotal, quiet, System.err)) {
            progress.message("Monte Carlo");
            mc = sim.run(chosen, n, settings, progress);
            if (search) {
                progress.message("search");
                searchResult = AllocationSearch.run(plan, data, settings.withKeepCumulative(false), progress);
            }
            if (!noTornado) {
                progress.message("tornado");
                // default: the best strategy other than the baseline (the decision is whether to change)
                StrategyPlan ts = tornadoStrategy != null
                        ? strategy(plan, tornadoStrategy, "--tornado-strategy")
                        : strategy(plan, PlanResults.bestChange(mc, measure).strategy(), "--tornado-strategy");
                tornado = Tornado.run(
                        plan,
                        data,
                        ts,
                        Tornado.defaultInputs(),
                        tornadoPaths,
                        settings.withKeepCumulative(false),
                        progress);
            }
        }
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        Map<String, CashFlowTable> deterministic = new LinkedHashMap<>();
        CashFlowTable baseline = sim.deterministicTable(chosen.get(0));
        for (StrategyPlan s : chosen) {
            deterministic.put(s.name(), sim.deterministicTable(s));
        }
        List<Path> charts = new ArrayList<>();
        if (chartsDir != null) {
            Path fan = chartsDir.resolve("plan-fan-cumulative-cash-flow.png");
            List<String> fanNames =
                    chosen.stream().map(StrategyPlan::name).limit(4).toList();
            PlanCharts.writePng(PlanCharts.fan(mc, sim.grid(), fanNames), fan);
            charts.add(fan);
            Path dist = chartsDir.resolve("plan-npv-distribution.png");
            PlanCharts.writePng(PlanCharts.npvDistribution(mc, 60), dist);
            charts.add(dist);
            if (tornado != null) {
                Path tor = chartsDir.resolve("plan-tornado.png");
                PlanCharts.writePng(PlanCharts.tornado(tornado), tor);
                charts.add(tor);
            }
        }
        StrategySummary best = PlanResults.best(mc, measure);
        if (format == Format.json) {
            out.println(json(
                    sim, plan, mc, measure, best, deterministic, baseline, searchResult, tornado, charts, seconds));
        } else {
            table(out, plan, mc, measure, best, deterministic, baseline, searchResult, tornado, charts, seconds);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private Plan withOverrides(Plan plan) {
        Uncertainty u = plan.uncertainty();
        int p = paths != null ? paths : u.paths();
        long s = seed != null ? seed : u.seed();
        if (p <= 0) {
            throw new ValidationException("options", new Problem("--paths", "must be > 0, was " + p));
        }
        if (tornadoPaths <= 0) {
            throw new ValidationException(
                    "options", new Problem("--tornado-paths", "must be > 0, was " + tornadoPaths));
        }
        if (search && plan.search().isEmpty()) {
            throw new ValidationException("options", new Problem("--search", "the plan has no 'search' section"));
        }
        return plan.withUncertainty(new Uncertainty(
                p,
                s,
                u.btcVolatilityScale(),
                u.bootstrapBlockDays(),
                u.historyFrom(),
                u.hashrateNoisePerMonth(),
                u.feesLogSdPerMonth(),
                u.gpuDeclineSdPerYear(),
                u.powerResampling(),
                u.powerBankMonths(),
                u.tenantDefaults()));
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

    private void table(
            PrintWriter out,
            Plan plan,
            MonteCarloResult mc,
            RiskMeasure measure,
            StrategySummary best,
            Map<String, CashFlowTable> det,
            CashFlowTable baseline,
            AllocationSearch.@Nullable Result sr,
            Tornado.@Nullable Result tornado,
            List<Path> charts,
            double seconds) {
        out.printf(
                Locale.ROOT,
                "Plan %s: %s, %.0f MW, %d months from %s; %d paths, seed %d (%.1f s)%n",
                plan.name(),
                plan.site().name(),
                plan.site().gridMw(),
                plan.horizonMonths(),
                plan.startMonth(),
                mc.paths().get(0).paths(),
                mc.seed(),
                seconds);
        out.println("BTC paths: block bootstrap of " + mc.btcHistoryLabel());
        out.println("Power: " + mc.powerLabel());
        out.printf(
                Locale.ROOT,
                "NPV of cash flows to equity at %.1f %%/yr, $ million; IRR and payback of the cash flows incremental to"
                        + " the baseline '%s'%n%n",
                100 * plan.valuation().discountRatePerYear(),
                mc.summaries().get(0).strategy());
        String h = "%-18s %9s %9s %9s %9s %9s %8s %8s %8s %8s %8s %8s %8s%n";
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
        for (StrategySummary s : mc.summaries()) {
            out.printf(
                    Locale.ROOT,
                    h,
                    s.strategy(),
                    m(java.util.Objects.requireNonNull(det.get(s.strategy()))
                            .outcome()
                            .npvUsd()),
                    m(s.meanNpvUsd()),
                    m(s.p10NpvUsd()),
                    m(s.p50NpvUsd()),
                    m(s.cvarNpvUsd()),
                    pct(s.probabilityNpvNegative()),
                    pct(s.probabilityBeatsBaseline()),
                    s == mc.summaries().get(0) ? "(base)" : pct(s.medianIrrPerYear()),
                    s == mc.summaries().get(0)
                            ? "(base)"
                            : Double.isFinite(s.medianPaybackMonth())
                                    ? "m" + Math.round(s.medianPaybackMonth())
                                    : "never",
                    pct(s.covenantBreachProbability()),
                    num(s.p10MinDscr(), "%.2f"),
                    pct(s.meanPureEquityDilution()));
        }
        out.println();
        out.println("Columns: det NPV = deterministic deck; P10/P50 percentiles; CVaR = mean of the worst tail; IRR and"
                + " payback = medians over paths; P(breach) = share of paths breaching min DSCR "
                + plan.financing().minDscr() + " (trailing " + plan.financing().dscrWindowMonths()
                + " months); minDSCR = P10 of each path's lowest DSCR; dilution = share of the company a pure-equity"
                + " plan would sell at $" + m(plan.valuation().preMoneyEquityUsd()) + " M pre-money.");
        out.printf(Locale.ROOT, "Best by %s: %s%n", measure.key(), best.strategy());
        if (sr != null) {
            out.printf(
                    Locale.ROOT,
                    "%nSearch (%d candidates, %d paths each, by %s): best = %s -> %s: %s $ M (E[NPV] %s, P10 %s)%n",
                    sr.candidates().size(),
                    sr.search().paths(),
                    sr.search().riskMeasure().key(),
                    sr.best().strategy().name(),
                    sr.best().strategy().description(),
                    m(sr.best().score()),
                    m(sr.best().summary().meanNpvUsd()),
                    m(sr.best().summary().p10NpvUsd()));
            out.println("  top 5:");
            sr.candidates().stream()
                    .limit(5)
                    .forEach(c -> out.printf(
                            Locale.ROOT,
                            "    %-36s score %9s  E[NPV] %9s  P(breach) %s%n",
                            c.strategy().name(),
                            m(c.score()),
                            m(c.summary().meanNpvUsd()),
                            pct(c.summary().covenantBreachProbability())));
        }
        if (tornado != null) {
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
        }
        for (Path c : charts) {
            out.println("chart: " + c);
        }
    }

    private String json(
            PlanSimulation sim,
            Plan plan,
            MonteCarloResult mc,
            RiskMeasure measure,
            StrategySummary best,
            Map<String, CashFlowTable> det,
            CashFlowTable baseline,
            AllocationSearch.@Nullable Result sr,
            Tornado.@Nullable Result tornado,
            List<Path> charts,
            double seconds) {
        Map<String, Object> root = PlanResults.toMap(
                sim,
                plan,
                mc,
                measure,
                best,
                det,
                baseline,
                sr,
                tornado,
                charts.stream().map(Path::toString).toList(),
                seconds);
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
