package io.minerai.server.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.minerai.core.validation.Problem;
import io.minerai.planning.model.RiskMeasure;
import io.minerai.portfolio.LoadedPortfolio;
import io.minerai.portfolio.PortfolioReader;
import io.minerai.portfolio.run.PortfolioResults;
import io.minerai.portfolio.run.PortfolioRun;
import io.minerai.portfolio.run.PortfolioRunner;
import io.minerai.server.Json;
import io.minerai.sweep.InProcessExecutor;
import io.minerai.sweep.SweepExecutor;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The company portfolio (docs/PORTFOLIO.md) of the bundled example: a 3-site company in two markets and a 2-site
 * target, each site dispatched on its own market's real prices, one Monte Carlo for every site; the chosen mix, each
 * site's recommendation, fleet moves and the target's value and most to pay. A portfolio run takes no scenario; its
 * parameters (all optional) are {@code paths} (1..{@value #MAX_PATHS}; default the example's), {@code seed} and
 * {@code riskMeasure} ({@code expected}, {@code p10}, {@code cvar}). The run is the portfolio library's use case
 * ({@link PortfolioRunner}) and its summary the structure of {@code ./minerai portfolio --format json}
 * ({@link PortfolioResults}).
 */
public final class PortfolioKind implements RunKind {
    public static final String NAME = "portfolio";

    /** Upper bound on paths for a server run (the CLI has none). */
    public static final int MAX_PATHS = 20_000;

    private static final List<String> PARAMETERS = List.of("paths", "seed", "riskMeasure");

    private final Clock clock;

    public PortfolioKind(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Company portfolio of the bundled example (3 sites in ERCOT and the NEM, a 2-site target): the mix of"
                + " strategies and starts under the company's budgets and covenant, fleet moves, and the target's value"
                + " and most to pay. Takes no scenario.";
    }

    @Override
    public boolean needsScenario() {
        return false;
    }

    @Override
    public List<Problem> checkParameters(JsonNode parameters) {
        List<Problem> out = new ArrayList<>();
        parameters.fieldNames().forEachRemaining(n -> {
            JsonNode v = parameters.get(n);
            switch (n) {
                case "paths" -> {
                    if (!v.isIntegralNumber() || v.asLong() < 1 || v.asLong() > MAX_PATHS) {
                        out.add(new Problem(
                                "parameters.paths",
                                "must be a whole number 1.." + MAX_PATHS + ", was " + Json.write(v)));
                    }
                }
                case "seed" -> {
                    if (!v.isIntegralNumber() || !v.canConvertToLong()) {
                        out.add(new Problem("parameters.seed", "must be a whole number, was " + Json.write(v)));
                    }
                }
                case "riskMeasure" -> {
                    if (!v.isTextual() || !List.of("expected", "p10", "cvar").contains(v.asText())) {
                        out.add(new Problem(
                                "parameters.riskMeasure", "must be one of expected, p10, cvar, was " + Json.write(v)));
                    }
                }
                default -> out.add(new Problem("parameters." + n, "unknown parameter; known: " + PARAMETERS));
            }
        });
        return out;
    }

    @Override
    public RunOutput execute(RunContext ctx) {
        ctx.progress(0.02, "reading the portfolio and its sites");
        JsonNode p = ctx.parameters();
        LoadedPortfolio lp = PortfolioReader.bundledExample(LocalDate.now(clock));
        ctx.checkCancelled();
        SweepExecutor executor = new InProcessExecutor();
        PortfolioRunner.Request req = new PortfolioRunner.Request(
                p.path("paths").isIntegralNumber()
                        ? OptionalInt.of(p.get("paths").asInt())
                        : OptionalInt.empty(),
                p.path("seed").isIntegralNumber()
                        ? OptionalLong.of(p.get("seed").asLong())
                        : OptionalLong.empty(),
                p.path("riskMeasure").isTextual()
                        ? Optional.of(RiskMeasure.fromKey(p.get("riskMeasure").asText()))
                        : Optional.empty(),
                false,
                executor,
                25);
        PortfolioRun run;
        try {
            run = PortfolioRunner.run(lp, req, new PortfolioRunner.Listener() {
                private long total = 1;
                private long done;
                private long reportedPct = -1;
                private String stage = "sites";

                @Override
                public synchronized void planned(long sitePaths) {
                    total = Math.max(1, sitePaths);
                }

                @Override
                public synchronized void stage(String name) {
                    stage = name;
                    ctx.progress(0.05, name);
                }

                @Override
                public synchronized void pathsDone(int n) {
                    done += n;
                    long pct = 100 * Math.min(done, total) / total;
                    if (pct > reportedPct) {
                        reportedPct = pct;
                        ctx.progress(
                                0.05 + 0.9 * Math.min(1.0, (double) done / total),
                                stage + ": " + done + " of " + total + " site-paths");
                    }
                }
            });
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof RunCancelledException c) {
                    throw c;
                }
            }
            throw e;
        } finally {
            executor.close();
        }
        ctx.checkCancelled();
        Map<String, Object> summary = PortfolioResults.toMap(run);
        return new RunOutput(Json.MAPPER.valueToTree(summary), Optional.empty(), run.seconds());
    }
}
