package io.minerai.cli.portfolio;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.minerai.cli.ExitCodes;
import io.minerai.cli.plan.PathProgress;
import io.minerai.core.validation.Problem;
import io.minerai.core.validation.ValidationException;
import io.minerai.planning.model.RiskMeasure;
import io.minerai.portfolio.LoadedPortfolio;
import io.minerai.portfolio.PortfolioDocs;
import io.minerai.portfolio.PortfolioReader;
import io.minerai.portfolio.chart.PortfolioCharts;
import io.minerai.portfolio.engine.CandidateOutcome;
import io.minerai.portfolio.engine.MixSummary;
import io.minerai.portfolio.engine.PortfolioEvaluation;
import io.minerai.portfolio.engine.PortfolioEvaluation.AcceptedMove;
import io.minerai.portfolio.engine.PortfolioEvaluation.AcquisitionValue;
import io.minerai.portfolio.engine.PortfolioEvaluation.SiteRecommendation;
import io.minerai.portfolio.run.PortfolioResults;
import io.minerai.portfolio.run.PortfolioRun;
import io.minerai.portfolio.run.PortfolioRunner;
import io.minerai.sweep.ExecutorSettings;
import io.minerai.sweep.SweepExecutor;
import io.minerai.sweep.SweepExecutors;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Values a company's sites, chooses its mix (strategy and start per site) under its budgets and covenant, moves fleet
 * where it pays and values acquisition targets: the portfolio library's use case ({@link PortfolioRunner}), shared with
 * the server. Input is read and checked completely before anything runs or is written.
 */
@Command(
        name = "portfolio",
        mixinStandardHelpOptions = true,
        description = {
            "Company portfolio: each site a scenario in its own market (power cost and curtailment from its dispatch)"
                    + " and a plan of its strategies; one Monte Carlo for every site (common random numbers); the"
                    + " company's capex budget, G&A, cash, shares, corporate debt and DSCR covenant, fleet moves; the"
                    + " chosen strategy and start per site; the value of acquisition targets and the most to pay.",
            "Without a file it runs the bundled example: a 3-site company (two ERCOT sites, one in the Australian"
                    + " NEM) and a 2-site target (print it with --print-example). Format: docs/PORTFOLIO.md."
        })
public final class PortfolioCommand implements Callable<Integer> {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Spec
    @SuppressWarnings("NullAway.Init")
    CommandSpec spec;

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "FILE",
            description = "Portfolio file (YAML/JSON with a top-level 'portfolio:'). Default: the bundled example.")
    @Nullable
    Path file;

    @Option(names = "--print-example", description = "Print the bundled example portfolio file and exit.")
    boolean printExample;

    @Option(names = "--print-reference", description = "Print the portfolio file reference (Markdown) and exit.")
    boolean printReference;

    @Option(names = "--paths", description = "Monte Carlo paths (default: the portfolio's uncertainty.paths).")
    @Nullable
    Integer paths;

    @Option(names = "--seed", description = "Master seed (default: the portfolio's uncertainty.seed).")
    @Nullable
    Long seed;

    @Option(names = "--threads", description = "Worker threads of the local executor (default: all cores).")
    @Nullable
    Integer threads;

    @Option(names = "--risk-measure", description = "What the mix maximises: expected, p10 or cvar.")
    @Nullable
    String riskMeasure;

    @Option(
            names = "--search",
            description = "Also consider each site plan's search grid (hall size, GPU/lease split, start month).")
    boolean search;

    @Option(
            names = "--executor",
            defaultValue = "local",
            description = "Where the site tasks run: local (in-process, default) or spark.")
    String executor = "local";

    @Option(names = "--spark-master", description = "Spark master URL (with --executor spark), e.g. spark://host:7077.")
    @Nullable
    String sparkMaster;

    @Option(names = "--spark-work-dir", description = "Where the Spark executor writes Parquet (default: a temp dir).")
    @Nullable
    String sparkWorkDir;

    @Option(names = "--today", description = "The day acquisition closing dates are checked against (default: today).")
    @Nullable
    String today;

    @Option(
            names = "--charts",
            description = "Folder for PNG charts (NPV distribution, sites over time, acquisitions).")
    @Nullable
    Path chartsDir;

    @Option(names = "--format", defaultValue = "table", description = "table or json (default ${DEFAULT-VALUE}).")
    String format = "table";

    @Option(names = "--quiet", description = "No progress bar.")
    boolean quiet;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (printReference) {
            out.print(PortfolioDocs.markdown());
            out.flush();
            return ExitCodes.OK;
        }
        if (printExample) {
            out.print(PortfolioReader.bundledExampleText());
            out.flush();
            return ExitCodes.OK;
        }
        List<Problem> problems = new ArrayList<>();
        if (!format.equals("table") && !format.equals("json")) {
            problems.add(new Problem("--format", "must be table or json, was '" + format + "'"));
        }
        Optional<RiskMeasure> measure = Optional.empty();
        if (riskMeasure != null) {
            try {
                measure = Optional.of(RiskMeasure.fromKey(riskMeasure));
            } catch (IllegalArgumentException e) {
                problems.add(new Problem("--risk-measure", "must be expected, p10 or cvar, was '" + riskMeasure + "'"));
            }
        }
        if (paths != null && paths <= 0) {
            problems.add(new Problem("--paths", "must be > 0, was " + paths));
        }
        if (threads != null && threads <= 0) {
            problems.add(new Problem("--threads", "must be > 0, was " + threads));
        }
        LocalDate day = LocalDate.now(Clock.systemUTC());
        if (today != null) {
            try {
                day = LocalDate.parse(today);
            } catch (DateTimeParseException e) {
                problems.add(new Problem("--today", "must be a date like 2026-12-05, was '" + today + "'"));
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException("options", problems);
        }
        LoadedPortfolio lp = file == null ? PortfolioReader.bundledExample(day) : PortfolioReader.read(file, day);
        ExecutorSettings es = ExecutorSettings.defaults();
        if (threads != null) {
            es = es.withThreads(threads);
        }
        if (sparkMaster != null) {
            es = es.withMaster(sparkMaster);
        }
        if (sparkWorkDir != null) {
            es = es.withWorkDirectory(sparkWorkDir);
        }
        PortfolioRun run;
        try (SweepExecutor ex = SweepExecutors.create(executor, es);
                PathProgress bar = new PathProgress("portfolio", 1, quiet || format.equals("json"), System.err)) {
            PortfolioRunner.Request req = new PortfolioRunner.Request(
                    paths == null ? OptionalInt.empty() : OptionalInt.of(paths),
                    seed == null ? OptionalLong.empty() : OptionalLong.of(seed),
                    measure,
                    search,
                    ex,
                    25);
            run = PortfolioRunner.run(lp, req, new PortfolioRunner.Listener() {
                private long total;

                @Override
                public void planned(long sitePaths) {
                    total = sitePaths;
                    bar.total(sitePaths);
                }

                @Override
                public void pathsDone(int n) {
                    bar.pathsDone(n);
                }

                @Override
                public void stage(String name) {
                    bar.stage(name);
                }
            });
        }
        List<Path> charts = chartsDir == null ? List.of() : PortfolioCharts.write(run, chartsDir);
        if (format.equals("json")) {
            Map<String, Object> root = PortfolioResults.toMap(run);
            root.put("charts", charts.stream().map(Path::toString).toList());
            out.println(MAPPER.writeValueAsString(root));
        } else {
            table(out, run, charts);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static String m(double usd) {
        return Double.isFinite(usd) ? String.format(Locale.ROOT, "%,.0f", usd / 1e6) : "-";
    }

    private static String pct(double f) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * f);
    }

    private static void mixLine(PrintWriter out, String name, MixSummary s) {
        out.printf(
                Locale.ROOT,
                "  %-34s %10s %10s %10s %10s %9s %9s%n",
                name,
                m(s.meanNpvUsd()),
                m(s.p10NpvUsd()),
                m(s.cvarNpvUsd()),
                m(s.p90NpvUsd()),
                pct(s.breachProbability()),
                pct(s.meanDilution()));
    }

    private static void table(PrintWriter out, PortfolioRun run, List<Path> charts) {
        var p = run.portfolio();
        PortfolioEvaluation.Result r = run.result();
        out.printf(
                Locale.ROOT,
                "Portfolio %s: %d sites, %d months from %s; %d paths, seed %d (common random numbers); %d site tasks,"
                        + " %,d site-path evaluations (%.1f s)%n",
                p.name(),
                p.sites().size(),
                p.horizonMonths(),
                p.startMonth(),
                p.uncertainty().paths(),
                p.uncertainty().seed(),
                r.tasks(),
                r.evaluations(),
                run.seconds());
        out.println("BTC paths: block bootstrap of " + run.btcHistory());
        out.printf(
                Locale.ROOT,
                "Portfolio NPV of the company's cash flows to equity at %.1f %%/yr, $ million; covenant: corporate DSCR"
                        + " >= %.2f every plan year%n%n",
                100 * p.company().discountRatePerYear(),
                p.company().minCorporateDscr());
        out.printf(
                Locale.ROOT,
                "  %-34s %10s %10s %10s %10s %9s %9s%n",
                "mix",
                "E[NPV]",
                "P10",
                "CVaR",
                "P90",
                "P(breach)",
                "dilution");
        mixLine(out, "every site keeps its current", r.current().summary());
        mixLine(
                out,
                "chosen (by " + p.company().riskMeasure().key() + ")",
                r.chosen().summary());
        if (!r.choice().withinBreachLimit()) {
            out.printf(
                    Locale.ROOT,
                    "  ! no mix keeps P(breach) within %.0f%%: the best by the measure is shown%n",
                    100 * p.company().maxBreachProbability());
        }
        out.println();
        out.printf(
                Locale.ROOT,
                "  %-16s %-26s %-34s %-8s %10s %10s  %s%n",
                "site",
                "current",
                "recommended",
                "start",
                "E[NPV] cur",
                "E[NPV] rec",
                "power (mean all-in $/MWh)");
        for (SiteRecommendation s : r.recommendations()) {
            out.printf(
                    Locale.ROOT,
                    "  %-16s %-26s %-34s %-8s %10s %10s  %s (%.1f)%n",
                    s.site(),
                    s.current().candidate().label(),
                    s.chosen().candidate().label(),
                    s.startMonth().map(Object::toString).orElse("-"),
                    m(s.current().meanNpvUsd()),
                    m(s.chosen().meanNpvUsd()),
                    s.power().label(),
                    s.power().meanAllInUsdPerMwh());
        }
        for (AcceptedMove mv : r.moves()) {
            out.printf(
                    Locale.ROOT,
                    "Fleet move: %.0f MW of machines from %s (idle from month %d) to %s (hashing from month %d), cost $%s"
                            + " M, adds $%s M to E[NPV]%n",
                    mv.move().machineMw(),
                    mv.move().fromSite(),
                    mv.move().leaveMonth(),
                    mv.move().toSite(),
                    mv.move().arriveMonth(),
                    m(mv.move().costUsd()),
                    m(mv.valueUsd()));
        }
        for (AcquisitionValue a : r.acquisitions()) {
            var acq = p.acquisition(a.name()).orElseThrow();
            out.println();
            out.printf(
                    Locale.ROOT,
                    "Acquisition %s (%d sites, closing %s, asking $%s M; %.0f%% cash, %.0f%% debt, %.0f%% shares):%n",
                    a.name(),
                    acq.sites().size(),
                    acq.closingDate(),
                    m(acq.askingPriceUsd()),
                    100 * acq.financing().cashFraction(),
                    100 * acq.financing().debtFraction(),
                    100 * acq.financing().sharesFraction());
            out.printf(
                    Locale.ROOT,
                    "  value to the company: $%s M without synergies (P10 %s), $%s M with synergies (P10 %s)%n",
                    m(a.valueWithoutSynergiesUsd()),
                    m(a.valueWithoutSynergiesP10Usd()),
                    m(a.valueWithSynergiesUsd()),
                    m(a.valueWithSynergiesP10Usd()));
            for (CandidateOutcome c : a.standalone()) {
                out.printf(
                        Locale.ROOT,
                        "    %s on its own: %s, E[NPV] $%s M from closing%n",
                        c.candidate().plan().site().name(),
                        c.candidate().label(),
                        m(c.meanNpvUsd()));
            }
            for (AcceptedMove mv : a.jointMoves()) {
                out.printf(
                        Locale.ROOT,
                        "    synergy: %.0f MW of machines from %s to %s, adds $%s M%n",
                        mv.move().machineMw(),
                        mv.move().fromSite(),
                        mv.move().toSite(),
                        m(mv.valueUsd()));
            }
            out.printf(
                    Locale.ROOT,
                    "  at the asking price: %s per share by %s ($%.2f -> $%.2f), P(breach) %s, %,.0f new shares%n",
                    a.atAsk().accretive() ? "ACCRETIVE" : "DILUTIVE",
                    a.riskMeasure().key(),
                    a.atAsk().valuePerShareBeforeUsd(),
                    a.atAsk().valuePerShareAfterUsd(),
                    pct(a.atAsk().breachProbability()),
                    a.atAsk().newShares());
            out.printf(
                    Locale.ROOT,
                    "  most to pay (value per share by %s not lower, P(breach) within the limit): $%s M%n",
                    a.riskMeasure().key(),
                    m(a.maxPriceUsd()));
        }
        if (!charts.isEmpty()) {
            out.println();
            out.println("Charts:");
            for (Path c : charts) {
                out.println("  " + c);
            }
        }
    }
}
