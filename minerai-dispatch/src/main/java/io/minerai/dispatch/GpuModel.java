package io.minerai.dispatch;

import io.minerai.core.ai.ComputePrecision;
import io.minerai.core.ai.GpuWorkload;
import io.minerai.core.ai.PowerCapCurve;
import io.minerai.core.inputs.GpuInputs;
import io.minerai.core.site.GpuCloud;
import java.util.ArrayList;
import java.util.List;

/**
 * A GPU cloud as dispatch and settlement see it: its running fraction {@code x} (the load's fraction of full facility
 * power) is a power cap level along {@link #levels()}, which gives the throughput {@code y(x)} and the share of GPUs
 * running; what runs on it ({@link #workload()}) decides what pausing and capping cost.
 *
 * <ul>
 *   <li>Earnings in an interval of h hours: {@code y(x) x GPUs x $/GPU-h x utilisation x progress x h}, where progress
 *       is 1 except for training, (checkpoint interval - write time) / interval.
 *   <li>Inference: shortfall {@code max(0, committed - y(x)) x full facility MW x h} MWh pays the SLA penalty per MWh.
 *   <li>Training: pausing a share of the GPUs loses its work since the last checkpoint; resuming a share costs the
 *       restart (see {@code AiCloudSettler}).
 * </ul>
 *
 * @param cloud the cloud
 * @param levels cap levels the dispatch may use ({@link PowerCapCurve#RUN_STOP} = run or stop only)
 * @param denseTflopsPerGpu dense throughput per GPU at full power in the run's precision, TFLOPS (0 when the model is
 *     not in the GPU catalogue)
 */
public record GpuModel(GpuCloud cloud, PowerCapCurve levels, double denseTflopsPerGpu) {

    /** The model of a cloud with the catalogue's information from the inputs. */
    public static GpuModel of(GpuCloud cloud, GpuInputs gpus) {
        GpuInputs.Profile p = gpus.profile(cloud);
        ComputePrecision precision = gpus.precision();
        return new GpuModel(cloud, p.levels(), p.denseTflopsPerGpu(precision));
    }

    public GpuWorkload workload() {
        return cloud.workload();
    }

    /** Whether the merit order and the LP need more than one run-or-stop block with a constant value. */
    public boolean isPlain() {
        return levels.levels() == 1 && cloud.workload() instanceof GpuWorkload.Rental;
    }

    /** Throughput fraction at running fraction {@code x}. */
    public double throughputFraction(double x) {
        return levels.throughputFraction(x);
    }

    /** Share of the GPUs running at running fraction {@code x}. */
    public double runningShare(double x) {
        return levels.runningShare(x);
    }

    /** What one hour at full throughput earns, after checkpoint overhead, USD. */
    public double outputUsdPerHour() {
        return cloud.outputUsdPerHour();
    }

    /** Committed throughput share of an inference cloud (0 for other workloads). */
    public double committedFraction() {
        return cloud.workload() instanceof GpuWorkload.Inference i ? i.committedFraction() : 0;
    }

    /** SLA penalty per MWh short (0 for other workloads). */
    public double slaPenaltyUsdPerMwh() {
        return cloud.workload() instanceof GpuWorkload.Inference i ? i.slaPenaltyUsdPerMwh() : 0;
    }

    /**
     * Expected value lost by pausing the whole cloud, USD: half a checkpoint interval plus the restart, of running at
     * full output (0 for other workloads than training). The merit order and the LP price pausing with it; settlement
     * counts the exact work since the last checkpoint.
     */
    public double expectedPauseCostUsd() {
        return cloud.workload() instanceof GpuWorkload.Training t
                ? t.expectedPauseLossMinutes() / 60.0 * outputUsdPerHour()
                : 0;
    }

    /**
     * Blocks of power of falling value per MWh, for the merit order: the curve's blocks, split where the throughput
     * reaches an inference commitment (blocks below it also avoid the SLA penalty).
     *
     * @param valueUsdPerMwh value per MWh of each block
     * @param widthFraction width of each block as a fraction of full facility power
     */
    public record Blocks(double[] valueUsdPerMwh, double[] widthFraction) {
        public int count() {
            return widthFraction.length;
        }
    }

    /** The blocks of this cloud (one block of constant value for a plain run-or-stop cloud). */
    public Blocks blocks() {
        List<PowerCapCurve.Point> pts = new ArrayList<>(levels.points());
        double c = committedFraction();
        if (c > 0 && c < 1) {
            double prevX = 0;
            double prevY = 0;
            for (int k = 0; k < pts.size(); k++) {
                PowerCapCurve.Point q = pts.get(k);
                if (c > prevY + 1e-12 && c < q.throughputFraction() - 1e-12) {
                    double x = prevX + (c - prevY) * (q.powerFraction() - prevX) / (q.throughputFraction() - prevY);
                    pts.add(k, new PowerCapCurve.Point(x, c));
                    break;
                }
                prevX = q.powerFraction();
                prevY = q.throughputFraction();
            }
        }
        double full = cloud.valueUsdPerMwh();
        double penalty = slaPenaltyUsdPerMwh();
        double[] value = new double[pts.size()];
        double[] width = new double[pts.size()];
        double prevX = 0;
        double prevY = 0;
        for (int k = 0; k < pts.size(); k++) {
            PowerCapCurve.Point q = pts.get(k);
            width[k] = q.powerFraction() - prevX;
            double slope = (q.throughputFraction() - prevY) / width[k];
            boolean committed = q.throughputFraction() <= c + 1e-12;
            value[k] = slope * full + (committed ? slope * penalty : 0);
            prevX = q.powerFraction();
            prevY = q.throughputFraction();
        }
        return new Blocks(value, width);
    }
}
