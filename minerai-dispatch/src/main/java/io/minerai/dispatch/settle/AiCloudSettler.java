package io.minerai.dispatch.settle;

import io.minerai.core.ai.ComputePrecision;
import io.minerai.core.ai.GpuWorkload;
import io.minerai.core.inputs.GpuInputs;
import io.minerai.core.site.GpuCloud;
import io.minerai.core.site.Load;
import io.minerai.core.site.Site;
import io.minerai.dispatch.DeferrableWork;
import io.minerai.dispatch.Dispatch;
import io.minerai.dispatch.GpuModel;
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
 * The GPU side (docs/AI_COMPUTE.md): GPU clouds at their cap levels, and deferrable GPU jobs.
 *
 * <ul>
 *   <li>{@code ai_cloud}: a cloud at running fraction x earns y(x) x GPUs x $/GPU-h x utilisation x progress x h (y
 *       the throughput at that cap, progress below 1 only for training); a job earns its power x h x value per MWh.
 *   <li>{@code ai_training_loss} (sites with a training cloud): pausing a share of the GPUs loses that share's work
 *       since the job's last checkpoint; resuming a share costs its restart time; both at the value of progress. The
 *       checkpoint clock counts running minutes from the start of the run (or from a resume after a full pause).
 *   <li>{@code ai_sla_penalty} (sites with an inference cloud): max(0, committed - y(x)) x full facility MW x h x the
 *       penalty per MWh.
 *   <li>{@code ai_contract_service_credit} (sites with a contracted GPU cloud): max(0, contracted share - x) x the
 *       contract's service credit per hour of the whole cloud short (per MWh x full facility MW, or per GPU-hour x
 *       GPUs) x h.
 *   <li>measures {@code gpu_hours} (GPUs x utilisation x running share x h, plus jobs' energy / facility kW per GPU)
 *       and {@code compute_exaflop_hours} (GPUs x utilisation x y(x) x progress x dense TFLOPS x h / 1e6, minus work
 *       lost to pauses, plus a job's GPU-hours x its GPU model's dense TFLOPS / 1e6 when it names one), and each job's
 *       power.
 * </ul>
 */
public final class AiCloudSettler implements Settler {
    public static final Stream AI_CLOUD = Stream.of(
                    "ai_cloud",
                    "AI cloud",
                    Direction.REVENUE,
                    "site",
                    "GPU clouds (GPU-hours x price x throughput at the cap level; training: value of progress) and"
                            + " deferrable GPU jobs (energy x value per MWh)")
            .withLegacyName("revenueAiCloudUsd");
    public static final Stream TRAINING_LOSS = Stream.of(
            "ai_training_loss",
            "Training work lost",
            Direction.COST,
            "site",
            "work since the last checkpoint lost by pausing training GPUs, and restart time on resuming them, at the"
                    + " value of progress");
    public static final Stream SLA_PENALTY = Stream.of(
            "ai_sla_penalty",
            "Inference SLA penalty",
            Direction.COST,
            "site",
            "inference throughput short of the commitment (MWh at full facility power) x the SLA penalty per MWh");
    public static final Stream SERVICE_CREDIT = Stream.of(
            "ai_contract_service_credit",
            "GPU contract service credits",
            Direction.COST,
            "site",
            "contracted GPU capacity short (share short x full facility MW or GPUs x h) x the contract's service"
                    + " credit");
    public static final String GPU_HOURS_ID = "gpu_hours";
    public static final String COMPUTE_ID = "compute_exaflop_hours";

    private final List<Measure> jobMeasures = new ArrayList<>();
    private final List<Stream> streams = new ArrayList<>();
    private final List<Measure> measures = new ArrayList<>();
    private final Measure gpuHours;
    private final Measure compute;

    /** The settler of a site's GPU side: its clouds and the dispatch's jobs, compute counted in a precision. */
    public AiCloudSettler(Site site, DeferrableWork jobs, ComputePrecision precision) {
        streams.add(AI_CLOUD);
        boolean training = false;
        boolean inference = false;
        for (GpuCloud g : site.gpuClouds()) {
            training |= g.workload() instanceof GpuWorkload.Training;
            inference |= g.workload() instanceof GpuWorkload.Inference;
        }
        if (training) {
            streams.add(TRAINING_LOSS);
        }
        if (inference) {
            streams.add(SLA_PENALTY);
        }
        if (site.gpuClouds().stream().anyMatch(g -> g.contract().present() && !g.firm())) {
            streams.add(SERVICE_CREDIT);
        }
        gpuHours = gpuHoursMeasure();
        compute = computeMeasure(precision);
        if (!site.gpuClouds().isEmpty() || !jobs.jobs().isEmpty()) {
            measures.add(gpuHours);
            measures.add(compute);
        }
        for (DeferrableWork.Job j : jobs.jobs()) {
            jobMeasures.add(
                    new Measure("gpu_job_" + j.name() + "_mw", "GPU job " + j.name(), "MW", Aggregation.MEAN, "site"));
        }
        measures.addAll(jobMeasures);
    }

    /** GPU-hours delivered per interval. */
    public static Measure gpuHoursMeasure() {
        return new Measure(GPU_HOURS_ID, "GPU-hours delivered", "GPU-h", Aggregation.SUM, "site");
    }

    /** Compute delivered per interval in a precision, exaFLOP-hours (1e18 FLOP/s for an hour). */
    public static Measure computeMeasure(ComputePrecision precision) {
        return new Measure(
                COMPUTE_ID, "Compute delivered (" + precision.label() + ")", "EFLOP-h", Aggregation.SUM, "site");
    }

    @Override
    public List<Stream> streams() {
        return streams;
    }

    @Override
    public List<Measure> measures() {
        return measures;
    }

    @Override
    public void settle(SettlementContext c, LedgerBuilder out) {
        Dispatch d = c.dispatch();
        DeferrableWork jobs = d.deferrable();
        List<Load> loads = c.site().loads();
        GpuInputs gpus = c.inputs().gpus();
        double h = c.hours();
        double[] usd = out.amounts(AI_CLOUD);
        double[] loss = streams.contains(TRAINING_LOSS) ? out.amounts(TRAINING_LOSS) : new double[c.size()];
        double[] penalty = streams.contains(SLA_PENALTY) ? out.amounts(SLA_PENALTY) : new double[c.size()];
        double[] credit = streams.contains(SERVICE_CREDIT) ? out.amounts(SERVICE_CREDIT) : new double[0];
        boolean counts = measures.contains(gpuHours);
        double[] gpuH = counts ? out.values(gpuHours) : new double[c.size()];
        double[] eflopH = counts ? out.values(compute) : new double[c.size()];
        double[][] jobMw = new double[jobMeasures.size()][];
        for (int j = 0; j < jobMw.length; j++) {
            jobMw[j] = out.values(jobMeasures.get(j));
        }
        for (int l = 0; l < loads.size(); l++) {
            if (loads.get(l) instanceof GpuCloud g) {
                settleCloud(c, out, l, GpuModel.of(g, gpus), usd, loss, penalty, gpuH, eflopH);
                if (g.contract().present() && !g.firm()) {
                    settleContract(c, out, l, g, credit);
                }
            }
        }
        double[] jobTflops = new double[jobs.jobs().size()];
        for (int j = 0; j < jobTflops.length; j++) {
            jobTflops[j] = gpus.jobDenseTflopsPerGpu(jobs.jobs().get(j).name());
        }
        for (int t = 0; t < c.size(); t++) {
            if (!c.dispatched(t)) {
                continue;
            }
            for (int j = 0; j < jobs.jobs().size(); j++) {
                double mw = jobs.powerMw(t, j);
                usd[t] += mw * h * jobs.jobs().get(j).valueUsdPerMwh();
                jobMw[j][t] = mw;
                double jobGpuHours = jobs.jobs().get(j).gpuHours(mw * h);
                gpuH[t] += jobGpuHours;
                eflopH[t] += jobGpuHours * jobTflops[j] / 1e6;
            }
        }
    }

    private static void settleCloud(
            SettlementContext c,
            LedgerBuilder out,
            int l,
            GpuModel m,
            double[] usd,
            double[] loss,
            double[] penalty,
            double[] gpuH,
            double[] eflopH) {
        Dispatch d = c.dispatch();
        GpuCloud g = m.cloud();
        double h = c.hours();
        double rate = m.outputUsdPerHour();
        double progress = g.workload().progressFraction();
        double gpusWorking = g.gpuCount() * g.utilizationFraction();
        double eflopHPerShareHour = gpusWorking * m.denseTflopsPerGpu() * progress / 1e6;
        double committed = m.committedFraction();
        double penaltyPerMwh = m.slaPenaltyUsdPerMwh();
        CheckpointClock clock = g.workload() instanceof GpuWorkload.Training tr ? new CheckpointClock(tr) : null;
        boolean first = true;
        for (int t = 0; t < c.size(); t++) {
            if (!c.dispatched(t)) {
                continue;
            }
            double x = d.fraction(t, l);
            double y = m.throughputFraction(x);
            double share = m.runningShare(x);
            double r = y * rate * h;
            usd[t] += r;
            out.addLoadRevenue(l, r);
            gpuH[t] += gpusWorking * share * h;
            eflopH[t] += y * h * eflopHPerShareHour;
            if (clock != null) {
                double lostShareHours = clock.step(share, h * 60.0, first);
                double lostUsd = lostShareHours * rate;
                loss[t] -= lostUsd;
                out.addLoadRevenue(l, -lostUsd);
                eflopH[t] -= lostShareHours * eflopHPerShareHour;
            }
            if (committed > 0) {
                double shortMwh = Math.max(0, committed - y) * g.facilityPowerMw() * h;
                double p = shortMwh * penaltyPerMwh;
                penalty[t] -= p;
                out.addLoadRevenue(l, -p);
            }
            first = false;
        }
    }

    /** Service credits of a contracted cloud: every hour its running fraction is below the contracted share. */
    private static void settleContract(SettlementContext c, LedgerBuilder out, int l, GpuCloud g, double[] credit) {
        double h = c.hours();
        double contracted = g.contract().contractedFraction();
        double perHour = g.contract().creditUsdPerShortfallHour(g.facilityPowerMw(), g.gpuCount());
        double shortHours = 0;
        for (int t = 0; t < c.size(); t++) {
            if (!c.dispatched(t)) {
                continue;
            }
            double shortShare = Math.max(0, contracted - c.dispatch().fraction(t, l));
            if (shortShare > 1e-12) {
                double usd = shortShare * perHour * h;
                credit[t] -= usd;
                out.addLoadRevenue(l, -usd);
                shortHours += shortShare / contracted * h;
            }
        }
        out.fact("gpu-contract-" + g.name(), "contractedShortHours", shortHours);
    }

    /**
     * The checkpoint clock of a training job over the run: minutes of running since the last checkpoint. Pausing a
     * share of the GPUs loses that share's minutes since the last checkpoint; resuming a share costs it the restart
     * minutes; a resume after a full pause starts the clock again from the checkpoint (after the restart).
     */
    static final class CheckpointClock {
        private final GpuWorkload.Training job;
        private double minutesSinceCheckpoint;
        private double previousShare;

        CheckpointClock(GpuWorkload.Training job) {
            this.job = job;
        }

        /**
         * Advances over one interval in which {@code share} of the GPUs run for {@code minutes}; returns the work lost
         * at its start, in share-hours of running (share paused x hours since the checkpoint + share resumed x restart
         * hours). The first interval of a run starts from its own share, freshly checkpointed.
         */
        double step(double share, double minutes, boolean firstInterval) {
            if (firstInterval) {
                previousShare = share;
                minutesSinceCheckpoint = 0;
            }
            double lost = 0;
            if (share < previousShare) {
                lost += (previousShare - share) * minutesSinceCheckpoint / 60.0;
            } else if (share > previousShare) {
                lost += (share - previousShare) * job.restartMinutes() / 60.0;
            }
            if (share <= 0) {
                minutesSinceCheckpoint = 0;
            } else {
                double running = previousShare <= 0 ? Math.max(0, minutes - job.restartMinutes()) : minutes;
                minutesSinceCheckpoint = (minutesSinceCheckpoint + running) % job.checkpointIntervalMinutes();
            }
            previousShare = share;
            return lost;
        }
    }
}
