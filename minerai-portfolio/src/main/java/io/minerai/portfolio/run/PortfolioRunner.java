package io.minerai.portfolio.run;

import io.minerai.data.bitcoin.BtcDailyHistoryReader;
import io.minerai.planning.engine.BtcReturns;
import io.minerai.planning.history.PlanHistory;
import io.minerai.planning.model.RiskMeasure;
import io.minerai.planning.model.Uncertainty;
import io.minerai.portfolio.LoadedPortfolio;
import io.minerai.portfolio.LoadedSite;
import io.minerai.portfolio.engine.DispatchedPower;
import io.minerai.portfolio.engine.PortfolioEvaluation;
import io.minerai.portfolio.engine.SiteModel;
import io.minerai.portfolio.engine.SiteModels;
import io.minerai.portfolio.model.Acquisition;
import io.minerai.portfolio.model.Portfolio;
import io.minerai.sweep.InProcessExecutor;
import io.minerai.sweep.SweepExecutor;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The portfolio use case, shared by {@code minerai portfolio} and the server's {@code portfolio} run kind: each site's
 * power from the dispatch of its own scenario, the sites on the portfolio's common Monte Carlo, the company's choice
 * of a mix, fleet moves and the acquisition targets' values.
 */
public final class PortfolioRunner {
    private PortfolioRunner() {}

    /** Told about progress; may be called from worker threads. */
    public interface Listener extends PortfolioEvaluation.Listener {
        /** The total of site-paths now planned (grows when fleet moves and targets add evaluations). */
        default void planned(long sitePaths) {}
    }

    /**
     * What to run.
     *
     * @param paths paths instead of the portfolio's uncertainty.paths
     * @param seed seed instead of the portfolio's
     * @param riskMeasure the company's risk measure instead of the portfolio's
     * @param search also consider each site plan's search grid
     * @param executor runs the site tasks
     * @param blockPaths paths per site task
     */
    public record Request(
            OptionalInt paths,
            OptionalLong seed,
            Optional<RiskMeasure> riskMeasure,
            boolean search,
            SweepExecutor executor,
            int blockPaths) {
        public static Request defaults(int threads) {
            return new Request(
                    OptionalInt.empty(),
                    OptionalLong.empty(),
                    Optional.empty(),
                    false,
                    new InProcessExecutor(threads),
                    25);
        }
    }

    /** The portfolio with the request's overrides. */
    public static Portfolio effective(Portfolio p, Request req) {
        Uncertainty u = p.uncertainty();
        if (req.paths().isPresent()) {
            u = u.withPaths(req.paths().getAsInt());
        }
        if (req.seed().isPresent()) {
            u = u.withSeed(req.seed().getAsLong());
        }
        Portfolio out = p.withUncertainty(u);
        if (req.riskMeasure().isPresent()) {
            out = out.withCompany(
                    out.company().withRiskMeasure(req.riskMeasure().get()));
        }
        return out;
    }

    /** Runs {@code lp} (read and checked) with the request. */
    public static PortfolioRun run(LoadedPortfolio lp, Request req, Listener listener) {
        long t0 = System.nanoTime();
        Portfolio p = effective(lp.portfolio(), req);
        BtcReturns returns = PlanHistory.btcReturns(
                BtcDailyHistoryReader.bundled(), p.uncertainty().historyFrom());
        listener.stage("dispatch");
        Models m = models(lp, p);
        List<SiteModel> sites = m.sites();
        List<PortfolioEvaluation.Target> targets = m.targets();
        PortfolioEvaluation.Settings settings = new PortfolioEvaluation.Settings(
                p.uncertainty().paths(),
                req.blockPaths(),
                req.search(),
                req.executor(),
                PortfolioRecipe.factory(lp, req, lp.today()));
        listener.planned(PortfolioEvaluation.plannedPaths(sites, targets, p, settings));
        PortfolioEvaluation.Result r = PortfolioEvaluation.run(p, sites, targets, settings, listener);
        return new PortfolioRun(p, lp.source(), m.btcHistory(), r, (System.nanoTime() - t0) / 1e9);
    }

    /**
     * The sites of a run: the company's and each target's.
     *
     * @param sites the company's sites
     * @param targets each acquisition with its sites
     * @param btcHistory the BTC history of the bootstrap
     */
    record Models(List<SiteModel> sites, List<PortfolioEvaluation.Target> targets, String btcHistory) {}

    /** Every site's model: its power from the dispatch of its scenario, on the portfolio {@code p}'s terms. */
    static Models models(LoadedPortfolio lp, Portfolio p) {
        BtcReturns returns = PlanHistory.btcReturns(
                BtcDailyHistoryReader.bundled(), p.uncertainty().historyFrom());
        List<SiteModel> sites = new ArrayList<>();
        for (LoadedSite s : lp.sites()) {
            sites.add(SiteModels.of(
                    s,
                    p,
                    DispatchedPower.of(
                            s.scenario(), s.scenarioBaseDir(), s.entry().dispatch()),
                    returns,
                    0));
        }
        List<PortfolioEvaluation.Target> targets = new ArrayList<>();
        for (int a = 0; a < lp.targets().size(); a++) {
            Acquisition acq = p.acquisitions().get(a);
            int k = (int) p.startMonth().until(YearMonth.from(acq.closingDate()), ChronoUnit.MONTHS);
            List<SiteModel> ts = new ArrayList<>();
            for (LoadedSite s : lp.targets().get(a)) {
                ts.add(SiteModels.of(
                        s,
                        p,
                        DispatchedPower.of(
                                s.scenario(), s.scenarioBaseDir(), s.entry().dispatch()),
                        returns,
                        k));
            }
            targets.add(new PortfolioEvaluation.Target(acq, ts, k));
        }
        return new Models(sites, targets, returns.label());
    }
}
