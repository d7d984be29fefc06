package io.minerai.portfolio.engine;

/**
 * A candidate on every path of the run, assembled from its tasks by path index.
 *
 * @param candidate the candidate
 * @param facts its path-independent facts
 * @param npvUsd per path, NPV of its cash flows to equity from the month the company owns the site
 * @param cfadsUsd per path and plan year ([path * years + y])
 * @param debtServiceUsd per path and plan year
 * @param equityUsd per path and plan year
 */
public record CandidateOutcome(
        Candidate candidate,
        CandidateFacts facts,
        double[] npvUsd,
        double[] cfadsUsd,
        double[] debtServiceUsd,
        double[] equityUsd) {

    /** Mean NPV over the paths. */
    public double meanNpvUsd() {
        double s = 0;
        for (double v : npvUsd) {
            s += v;
        }
        return s / npvUsd.length;
    }

    /** Assembles a candidate's task results (any order) over {@code paths} paths. */
    static CandidateOutcome assemble(
            Candidate c, CandidateFacts facts, java.util.List<SiteTaskResult> parts, int paths, int years) {
        double[] npv = new double[paths];
        double[] cfads = new double[paths * years];
        double[] service = new double[paths * years];
        double[] equity = new double[paths * years];
        for (SiteTaskResult r : parts) {
            System.arraycopy(r.npvUsd(), 0, npv, r.firstPath(), r.count());
            System.arraycopy(r.cfadsUsd(), 0, cfads, r.firstPath() * years, r.count() * years);
            System.arraycopy(r.debtServiceUsd(), 0, service, r.firstPath() * years, r.count() * years);
            System.arraycopy(r.equityUsd(), 0, equity, r.firstPath() * years, r.count() * years);
        }
        return new CandidateOutcome(c, facts, npv, cfads, service, equity);
    }
}
