package io.minerai.portfolio.engine;

/**
 * One independent evaluation of the portfolio's sweep: a candidate of a site on a block of Monte Carlo paths. Its
 * result depends only on (the candidate, the seed, the path indices), never on which worker runs it.
 *
 * @param candidate index into the evaluation's candidate list
 * @param firstPath first path index
 * @param count paths in the block
 */
public record SiteTask(int candidate, int firstPath, int count) {}
