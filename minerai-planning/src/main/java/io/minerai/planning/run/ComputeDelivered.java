package io.minerai.planning.run;

import io.minerai.planning.engine.CashFlowTable;
import io.minerai.planning.engine.MonthRow;
import io.minerai.planning.montecarlo.StrategySummary;
import java.util.ArrayList;
import java.util.List;

/**
 * What a strategy delivers by plan year: its GPUs' compute, expected over the Monte Carlo paths (GPU-hours and
 * exaFLOP-hours at dense BF16, named like the dispatch's {@code gpuHoursDelivered} and {@code
 * computeDeliveredExaflopHours}), beside the BTC its miners mine on the deterministic deck (mining revenue / BTC price,
 * month by month).
 *
 * @param year plan year (0 = the first twelve months)
 * @param month first month index of the year
 * @param gpuHoursDelivered expected GPU-hours delivered
 * @param computeDeliveredExaflopHours expected exaFLOP-hours delivered (dense BF16)
 * @param deterministicBtcMined BTC mined on the deterministic deck (after pool fees)
 */
public record ComputeDelivered(
        int year,
        int month,
        double gpuHoursDelivered,
        double computeDeliveredExaflopHours,
        double deterministicBtcMined) {

    /** The precision compute is counted in (the catalogue's dense BF16 throughput). */
    public static final String PRECISION = "bf16-dense";

    /** Strategy {@code s} of {@code run}, every plan year. */
    public static List<ComputeDelivered> of(PlanRun run, StrategySummary s) {
        CashFlowTable det = run.table(run.casesOf(s.strategy()).get(0));
        List<MonthRow> rows = det.rows();
        List<ComputeDelivered> out = new ArrayList<>();
        for (int y = 0; y * 12 < rows.size(); y++) {
            StrategySummary.ComputeYear c =
                    y < s.computeByYear().size() ? s.computeByYear().get(y) : new StrategySummary.ComputeYear(y, 0, 0);
            double btc = 0;
            for (int t = y * 12; t < Math.min(rows.size(), y * 12 + 12); t++) {
                MonthRow row = rows.get(t);
                btc += row.revenue().miningUsd() / row.market().priceUsdPerBtc();
            }
            out.add(new ComputeDelivered(
                    y, y * 12, c.meanGpuHoursDelivered(), c.meanComputeDeliveredExaflopHours(), btc));
        }
        return out;
    }
}
