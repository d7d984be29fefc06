package io.minerai.portfolio.run;

import io.minerai.planning.model.RiskMeasure;
import io.minerai.portfolio.DocumentFolder;
import io.minerai.portfolio.LoadedPortfolio;
import io.minerai.portfolio.PortfolioReader;
import io.minerai.portfolio.engine.Candidate;
import io.minerai.portfolio.engine.FleetMove;
import io.minerai.portfolio.engine.PortfolioEvaluation;
import io.minerai.portfolio.engine.SiteKernel;
import io.minerai.portfolio.engine.SiteModel;
import io.minerai.portfolio.model.Portfolio;
import io.minerai.sweep.InProcessExecutor;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How a worker in another JVM (a Spark executor) rebuilds a sweep round's kernel state: the portfolio document (its
 * text and where its files are), the day it was checked against, the run's overrides, and the round's candidates by
 * (site, strategy, delay, fleet move). The sites (each dispatched once) are cached per JVM by everything but the
 * candidates; the candidates are made again exactly as the driver made them, so every executor computes the same bits.
 *
 * @param text the portfolio document
 * @param bundled whether its files are the bundled example's (else {@code folder} on disk)
 * @param folder the folder of its files on disk (absolute), empty when bundled
 * @param today the day closing dates were checked against (ISO)
 * @param paths paths override, 0 = none
 * @param seed seed override
 * @param hasSeed whether the seed is overridden
 * @param riskMeasure risk measure override, empty = none
 * @param search whether the site plans' search grids are candidates
 * @param candidates the round's candidates
 */
public record PortfolioRecipe(
        String text,
        boolean bundled,
        String folder,
        String today,
        int paths,
        long seed,
        boolean hasSeed,
        String riskMeasure,
        boolean search,
        List<CandidateSpec> candidates)
        implements SiteKernel.Recipe {
    private static final long serialVersionUID = 1L;
    private static final Map<PortfolioRecipe, Sites> SITES = new ConcurrentHashMap<>();

    public PortfolioRecipe {
        candidates = List.copyOf(candidates);
    }

    /**
     * A candidate by name.
     *
     * @param site index of the site (the company's, then each target's)
     * @param strategy strategy name
     * @param delayMonths start delay
     * @param moveFrom source site of a fleet move in, empty for none
     */
    public record CandidateSpec(
            int site,
            String strategy,
            int delayMonths,
            String moveFrom,
            int leaveMonth,
            int arriveMonth,
            double machineMw,
            double hashrateEhPerS,
            double efficiencyJPerTh,
            double pue,
            double costUsd)
            implements java.io.Serializable {
        static CandidateSpec of(Candidate c) {
            Optional<FleetMove> m = c.moveIn();
            return new CandidateSpec(
                    c.site(),
                    c.strategy(),
                    c.delayMonths(),
                    m.map(FleetMove::fromSite).orElse(""),
                    m.map(FleetMove::leaveMonth).orElse(0),
                    m.map(FleetMove::arriveMonth).orElse(0),
                    m.map(FleetMove::machineMw).orElse(0.0),
                    m.map(FleetMove::hashrateEhPerS).orElse(0.0),
                    m.map(FleetMove::efficiencyJPerTh).orElse(0.0),
                    m.map(FleetMove::pue).orElse(0.0),
                    m.map(FleetMove::costUsd).orElse(0.0));
        }
    }

    /** The sites of a run, every site of the company then of each target. */
    record Sites(Portfolio portfolio, List<SiteModel> all) {}

    /** The recipe factory of a run: the same document and overrides, each round's candidates. */
    static SiteKernel.RecipeFactory factory(LoadedPortfolio lp, PortfolioRunner.Request req, LocalDate today) {
        return cands -> new PortfolioRecipe(
                lp.text(),
                lp.folder() instanceof DocumentFolder.Bundled,
                lp.folder() instanceof DocumentFolder.OnDisk d
                        ? d.dir().toAbsolutePath().toString()
                        : "",
                today.toString(),
                req.paths().orElse(0),
                req.seed().orElse(0),
                req.seed().isPresent(),
                req.riskMeasure().map(RiskMeasure::key).orElse(""),
                req.search(),
                cands.stream().map(CandidateSpec::of).toList());
    }

    private PortfolioRecipe sitesKey() {
        return new PortfolioRecipe(text, bundled, folder, today, paths, seed, hasSeed, riskMeasure, search, List.of());
    }

    @Override
    public SiteKernel.State rebuild() {
        Sites s = SITES.computeIfAbsent(sitesKey(), PortfolioRecipe::load);
        List<Candidate> out = new ArrayList<>();
        for (CandidateSpec spec : candidates) {
            SiteModel site = s.all().get(spec.site());
            Candidate base =
                    PortfolioEvaluation.candidates(
                                    site, spec.site(), s.portfolio().company().startDelaysMonths(), search)
                            .stream()
                            .filter(c -> c.strategy().equals(spec.strategy()) && c.delayMonths() == spec.delayMonths())
                            .findFirst()
                            .orElseThrow(() -> new IllegalStateException("no candidate " + spec));
            if (spec.moveFrom().isEmpty()) {
                out.add(base);
            } else {
                out.add(PortfolioEvaluation.withMoveIn(
                        base,
                        new FleetMove(
                                spec.moveFrom(),
                                site.name(),
                                spec.leaveMonth(),
                                spec.arriveMonth(),
                                spec.machineMw(),
                                spec.hashrateEhPerS(),
                                spec.efficiencyJPerTh(),
                                spec.pue(),
                                spec.costUsd())));
            }
        }
        return new SiteKernel.State(s.all(), out);
    }

    private static Sites load(PortfolioRecipe r) {
        DocumentFolder f = r.bundled()
                ? new DocumentFolder.Bundled(PortfolioReader.EXAMPLE_DIR)
                : new DocumentFolder.OnDisk(Path.of(r.folder()));
        LoadedPortfolio lp = PortfolioReader.parse(r.text(), "portfolio (rebuilt)", f, LocalDate.parse(r.today()));
        PortfolioRunner.Request req = new PortfolioRunner.Request(
                r.paths() > 0 ? OptionalInt.of(r.paths()) : OptionalInt.empty(),
                r.hasSeed() ? OptionalLong.of(r.seed()) : OptionalLong.empty(),
                r.riskMeasure().isEmpty() ? Optional.empty() : Optional.of(RiskMeasure.fromKey(r.riskMeasure())),
                r.search(),
                new InProcessExecutor(1),
                1);
        Portfolio p = PortfolioRunner.effective(lp.portfolio(), req);
        PortfolioRunner.Models m = PortfolioRunner.models(lp, p);
        List<SiteModel> all = new ArrayList<>(m.sites());
        for (PortfolioEvaluation.Target t : m.targets()) {
            all.addAll(t.sites());
        }
        return new Sites(p, all);
    }
}
