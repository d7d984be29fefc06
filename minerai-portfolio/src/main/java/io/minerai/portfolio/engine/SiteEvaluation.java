package io.minerai.portfolio.engine;

import io.minerai.planning.engine.CashFlowTable;
import io.minerai.planning.engine.MarketModel;
import io.minerai.planning.engine.MonthGrid;
import io.minerai.planning.engine.MonthRow;
import io.minerai.planning.engine.StrategySchedule;
import io.minerai.planning.model.GpuCloudPlan;
import io.minerai.planning.model.Hall;
import io.minerai.planning.model.Plan;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Evaluates a site's candidate with the planning engine: the plan's market model on the site's power bank (path i
 * depends only on (seed, i), the same BTC, hashrate, fee and GPU-price draws at every site) and the planning
 * engine's month-by-month cash-flow table per path, summed into what the company needs.
 */
public final class SiteEvaluation {
    private final SiteModel site;
    private final Candidate candidate;
    private final MarketModel market;
    private final StrategySchedule schedule;
    private final int years;

    public SiteEvaluation(SiteModel site, Candidate candidate) {
        this.site = site;
        this.candidate = candidate;
        Plan p = candidate.plan();
        MonthGrid grid = new MonthGrid(p.startMonth(), p.horizonMonths());
        this.market = new MarketModel(p, grid, site.returns(), site.bank());
        this.schedule = StrategySchedule.compile(p, candidate.strategyPlan(), market);
        this.years = (p.horizonMonths() + 11) / 12;
    }

    /** The market model (for tests: every site's BTC paths are the same). */
    public MarketModel market() {
        return market;
    }

    /** The path-independent facts of the candidate. */
    public CandidateFacts facts() {
        Plan p = candidate.plan();
        int n = p.horizonMonths();
        int from = site.ownedFromMonth();
        double[] capex = schedule.capexUsd();
        double[] byYear = new double[years];
        for (int t = from; t < n; t++) {
            byYear[t / 12] += capex[t];
        }
        double gpu = 0;
        Set<String> seen = new HashSet<>();
        for (String g : candidate.strategyPlan().gpuClouds()) {
            Optional<GpuCloudPlan> c = p.gpuCloud(g);
            while (c.isPresent() && seen.add(c.get().name())) {
                gpu += c.get().capexUsd();
                String next = c.get().refreshWith();
                c = next.isEmpty() ? Optional.empty() : p.gpuCloud(next);
            }
        }
        double[] mining = schedule.miningFacilityMw();
        double pue = p.mining().pue();
        double fleetMachineMw = p.mining().hashrateEhPerS() * p.mining().efficiencyJPerTh();
        List<Hall> halls = candidate.strategyPlan().halls().stream()
                .map(h -> p.hall(h).orElseThrow())
                .toList();
        double[] idle = new double[n];
        double[] spare = new double[n];
        for (int t = 0; t < n; t++) {
            double taken = 0;
            for (Hall h : halls) {
                if (h.startMonth() <= t) {
                    taken += p.hallFacilityMw(h);
                }
            }
            double miningCapMachineMw = Math.max(0, p.site().gridMw() - taken) / pue;
            // machines of the existing fleet the site cannot power (the fleet's own; purchases are not moved)
            idle[t] = Math.max(0, fleetMachineMw - miningCapMachineMw);
            spare[t] = Math.max(0, miningCapMachineMw - mining[t] / pue);
        }
        return new CandidateFacts(byYear, gpu, idle, spare);
    }

    /** How the candidate uses the site's MW at the start of every plan year. */
    public java.util.List<io.minerai.planning.engine.SiteAllocation> allocationByYear() {
        java.util.List<io.minerai.planning.engine.SiteAllocation> out = new java.util.ArrayList<>();
        for (int t = 0; t < candidate.plan().horizonMonths(); t += 12) {
            out.add(io.minerai.planning.engine.SiteAllocation.of(
                    candidate.plan(), candidate.strategyPlan(), schedule, t));
        }
        return out;
    }

    /** Evaluates paths [first, first + count). */
    public SiteTaskResult evaluate(int candidateIndex, int first, int count) {
        int from = site.ownedFromMonth();
        double[] npv = new double[count];
        double[] cfads = new double[count * years];
        double[] service = new double[count * years];
        double[] equity = new double[count * years];
        for (int b = 0; b < count; b++) {
            CashFlowTable table = CashFlowTable.evaluate(schedule, site.bank(), market.path(first + b));
            double sum = 0;
            for (MonthRow r : table.rows()) {
                int t = r.month();
                if (t < from) {
                    continue;
                }
                int y = b * years + t / 12;
                sum += r.equity().discountedUsd();
                cfads[y] += r.cfadsUsd();
                service[y] += r.debt().serviceUsd();
                equity[y] += r.equity().cashFlowUsd();
            }
            npv[b] = sum;
        }
        return new SiteTaskResult(candidateIndex, first, count, years, npv, cfads, service, equity);
    }
}
