package io.minerai.portfolio.engine;

/**
 * The outcome of a {@link SiteTask}, primitive arrays only (so any executor can ship it).
 *
 * @param candidate the candidate's index
 * @param firstPath first path index
 * @param count paths
 * @param years plan years per path in the yearly arrays
 * @param npvUsd per path, NPV at the company's discount rate of the site's cash flows to equity from the month the
 *     company owns it
 * @param cfadsUsd per path and plan year ([path * years + y]), cash flow available for debt service
 * @param debtServiceUsd per path and plan year, the site's debt service
 * @param equityUsd per path and plan year, the site's cash flow to equity
 */
public record SiteTaskResult(
        int candidate,
        int firstPath,
        int count,
        int years,
        double[] npvUsd,
        double[] cfadsUsd,
        double[] debtServiceUsd,
        double[] equityUsd) {}
