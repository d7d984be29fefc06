package io.minerai.dispatch.settle;

import io.minerai.core.site.GpuCloud;
import io.minerai.core.site.Load;
import io.minerai.dispatch.DeferrableWork;
import io.minerai.dispatch.Dispatch;
import io.minerai.dispatch.ledger.Aggregation;
import io.minerai.dispatch.ledger.Direction;
import io.minerai.dispatch.ledger.LedgerBuilder;
import io.minerai.dispatch.ledger.Measure;
import io.minerai.dispatch.ledger.SettlementContext;
import io.minerai.dispatch.ledger.Settler;
import io.minerai.dispatch.ledger.Stream;
import java.util.ArrayList;
import java.util.List;

/**
 * GPU cloud rentals, x x GPUs x $/GPU-h x utilisation x h, and deferrable GPU jobs, power x h x their value per MWh.
 * The jobs' power is also a measure per job.
 */
public final class AiCloudSettler implements Settler {
    public static final Stream AI_CLOUD = Stream.of(
                    "ai_cloud",
                    "AI cloud",
                    Direction.REVENUE,
                    "site",
                    "GPU rentals (GPU-hours sold x price) and deferrable GPU jobs (energy x value per MWh)")
            .withLegacyName("revenueAiCloudUsd");

    private final List<Measure> jobMeasures = new ArrayList<>();

    public AiCloudSettler(DeferrableWork jobs) {
        for (DeferrableWork.Job j : jobs.jobs()) {
            jobMeasures.add(
                    new Measure("gpu_job_" + j.name() + "_mw", "GPU job " + j.name(), "MW", Aggregation.MEAN, "site"));
        }
    }

    @Override
    public List<Stream> streams() {
        return List.of(AI_CLOUD);
    }

    @Override
    public List<Measure> measures() {
        return jobMeasures;
    }

    @Override
    public void settle(SettlementContext c, LedgerBuilder out) {
        Dispatch d = c.dispatch();
        DeferrableWork jobs = d.deferrable();
        List<Load> loads = c.site().loads();
        double h = c.hours();
        double[] usd = out.amounts(AI_CLOUD);
        double[][] jobMw = new double[jobMeasures.size()][];
        for (int j = 0; j < jobMw.length; j++) {
            jobMw[j] = out.values(jobMeasures.get(j));
        }
        for (int t = 0; t < c.size(); t++) {
            if (!c.dispatched(t)) {
                continue;
            }
            for (int l = 0; l < loads.size(); l++) {
                if (loads.get(l) instanceof GpuCloud g) {
                    double r = d.fraction(t, l) * g.revenueUsdPerHour() * h;
                    usd[t] += r;
                    out.addLoadRevenue(l, r);
                }
            }
            for (int j = 0; j < jobs.jobs().size(); j++) {
                double mw = jobs.powerMw(t, j);
                usd[t] += mw * h * jobs.jobs().get(j).valueUsdPerMwh();
                jobMw[j][t] = mw;
            }
        }
    }
}
