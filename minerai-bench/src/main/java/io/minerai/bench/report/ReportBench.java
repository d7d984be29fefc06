package io.minerai.bench.report;

import io.minerai.core.inputs.ScenarioInputs;
import io.minerai.core.site.ColocationLease;
import io.minerai.core.site.GpuCloud;
import io.minerai.core.site.GridConnection;
import io.minerai.core.site.MinerFleet;
import io.minerai.core.site.Site;
import io.minerai.core.site.SiteOpex;
import io.minerai.core.time.TimeGrid;
import io.minerai.core.time.TimeSeries;
import io.minerai.data.ercot.ErcotHourlyPrices;
import io.minerai.data.ercot.Market;
import io.minerai.dispatch.Backtest;
import io.minerai.dispatch.DispatchResult;
import io.minerai.report.chart.ChartImage;
import io.minerai.report.chart.DispatchCharts;
import io.minerai.report.csv.BacktestCsvWriter;
import io.minerai.report.summary.SummaryJson;
import java.io.IOException;
import java.io.Writer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Report writing for a settled one-year backtest: the per-interval CSV (to a null writer, so formatting is measured,
 * not the disk), the summary JSON and the five PNG charts. Grid: 2024 on 1-hour or 5-minute steps; site: {@code
 * fleets} synthetic miner fleets (15..35 J/TH), one interruptible GPU cloud and one colocation lease. Prices: the real
 * 2024 HB_WEST real-time hourly prices (gaps become skipped intervals); Bitcoin: a SYNTHETIC constant 5e-7 BTC per
 * TH/s per day at 60,000 USD (only the report's work is measured).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Djava.awt.headless=true"})
public class ReportBench {
    @Param({"60", "5"})
    int stepMinutes;

    @Param({"20"})
    int fleets;

    private DispatchResult result;
    private Site site;

    @Setup
    public void setup() {
        Duration step = Duration.ofMinutes(stepMinutes);
        TimeGrid grid =
                TimeGrid.between(Instant.parse("2024-01-01T06:00:00Z"), Instant.parse("2025-01-01T06:00:00Z"), step);
        TimeSeries price = ErcotHourlyPrices.bundled().series("HB_WEST", Market.RTM, grid);
        List<MinerFleet> fl = new ArrayList<>();
        for (int f = 0; f < fleets; f++) {
            double jPerTh = 15 + 20.0 * f / Math.max(1, fleets - 1);
            fl.add(new MinerFleet("fleet-" + f, "synthetic", 3000, 100, 100 * jPerTh, 1.1, 0.02, 2000, 3));
        }
        site = new Site(
                "bench site",
                new GridConnection("HB_WEST", 200, true, 50, List.of()),
                fl,
                List.of(new GpuCloud("gpu", "H100 SXM", 2048, 1.275, 1.3, 2.85, 0.7, false)),
                List.of(new ColocationLease("colo", "tenant", 15, 121.5, 1.35, 1.0, false)),
                List.of(),
                Optional.empty(),
                SiteOpex.NONE);
        ScenarioInputs inputs = new ScenarioInputs(
                grid,
                price,
                TimeSeries.constant("btcPerThDay", "BTC/TH/s/day", grid, 5e-7),
                TimeSeries.constant("btcPrice", "USD", grid, 60_000),
                List.of(),
                Optional.empty(),
                Map.of(),
                Map.of());
        result = Backtest.meritOrder(site, inputs);
    }

    @Benchmark
    public long intervalsCsv() throws IOException {
        CountingWriter w = new CountingWriter();
        BacktestCsvWriter.write(result, w);
        return w.chars;
    }

    @Benchmark
    public int summaryJson() {
        return SummaryJson.toJson(result.summary()).length();
    }

    @Benchmark
    public int allCharts() {
        int bytes = 0;
        for (ChartImage c : DispatchCharts.renderAll(result, site)) {
            bytes += c.png().length;
        }
        return bytes;
    }

    /** Counts characters and drops them. */
    private static final class CountingWriter extends Writer {
        long chars;

        @Override
        public void write(char[] cbuf, int off, int len) {
            chars += len;
        }

        @Override
        public Writer append(CharSequence csq) {
            chars += csq.length();
            return this;
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }
}
