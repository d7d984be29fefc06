package io.minerai.portfolio.run;

import io.minerai.portfolio.engine.PortfolioEvaluation;
import io.minerai.portfolio.model.Portfolio;

/**
 * A finished portfolio run.
 *
 * @param portfolio the portfolio as run (with the request's overrides)
 * @param source what the document was
 * @param btcHistory the BTC history of the bootstrap
 * @param result the evaluation
 * @param seconds wall time
 */
public record PortfolioRun(
        Portfolio portfolio, String source, String btcHistory, PortfolioEvaluation.Result result, double seconds) {}
