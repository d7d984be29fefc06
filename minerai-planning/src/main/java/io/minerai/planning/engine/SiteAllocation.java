package io.minerai.planning.engine;

import io.minerai.planning.model.GpuCloudPlan;
import io.minerai.planning.model.Hall;
import io.minerai.planning.model.LeasePlan;
import io.minerai.planning.model.Plan;
import io.minerai.planning.model.StrategyPlan;

/**
 * How a strategy uses the site's MW in a month.
 *
 * @param month month index
 * @param miningMw mining capacity at the meter (the fleet that fits in the MW no hall has taken)
 * @param hallMw site MW taken by halls under construction or built (critical IT x PUE)
 * @param gpuItMw critical IT of GPU clouds running
 * @param leasedItMw critical IT leased and paying (before any default)
 * @param idleMw site MW used by nothing: neither mining capacity nor halls
 */
public record SiteAllocation(
        int month, double miningMw, double hallMw, double gpuItMw, double leasedItMw, double idleMw) {

    /** The allocation of strategy {@code s} in month {@code t}. */
    public static SiteAllocation of(Plan plan, StrategyPlan s, StrategySchedule schedule, int t) {
        double hallMw = 0;
        for (String n : s.halls()) {
            Hall h = plan.hall(n).orElseThrow();
            if (h.startMonth() <= t) {
                hallMw += plan.hallFacilityMw(h);
            }
        }
        double gpu = 0;
        for (String n : s.gpuClouds()) {
            GpuCloudPlan g = plan.gpuCloud(n).orElseThrow();
            int ready = plan.hall(g.hall()).orElseThrow().readyMonth();
            if (t >= ready && t < ready + g.lifeMonths()) {
                gpu += g.criticalItMw();
            }
        }
        double leased = 0;
        for (String n : s.leases()) {
            LeasePlan l = plan.lease(n).orElseThrow();
            if (t >= l.startMonth() && t < l.endMonth()) {
                leased += l.criticalItMw();
            }
        }
        double mining = schedule.miningFacilityMw[t];
        return new SiteAllocation(
                t, mining, hallMw, gpu, leased, Math.max(0, plan.site().gridMw() - mining - hallMw));
    }
}
