package io.minerai.bench.dispatch;

import io.minerai.core.site.MinerFleet;
import io.minerai.core.site.Site;
import io.minerai.core.time.TimeGrid;
import io.minerai.core.time.TimeSeries;
import io.minerai.data.ercot.ErcotHourlyPrices;
import io.minerai.data.ercot.Market;
import io.minerai.dispatch.MeritOrderKernel;
import io.minerai.dispatch.MeritOrderPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
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
 * The merit-order policy's inner loop on a one-year 5-minute grid (105,120 intervals) with N fleets. Prices: the real
 * 2024 HB_WEST real-time hourly prices repeated on the 5-minute grid (gaps become skipped intervals). Hashprice: a
 * synthetic daily random walk (labelled synthetic; only its daily changes matter to the loop). Fleets: synthetic
 * efficiencies 15..35 J/TH so their order interleaves with the GPU cloud's value. Decisions per second = intervals x
 * fleets / time. Run with a 100 MB heap to check the memory target.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx100m", "-Xms100m"})
public class MeritOrderBench {
    @Param({"105120"})
    int intervals = 105_120;

    @Param({"20"})
    int fleets = 20;

    private MeritOrderKernel kernel;
    private double[] price;
    private double[] hashprice;
    private double[] generation;
    private boolean[] dispatched;
    private double[] fraction;
    private double[] importMw;
    private double[] exportMw;
    private double[] spillMw;
    private double[] pueScale;

    @Setup
    public void setup() {
        TimeGrid grid = new TimeGrid(Instant.parse("2024-01-01T06:00:00Z"), Duration.ofMinutes(5), intervals);
        TimeSeries p = ErcotHourlyPrices.bundled().series("HB_WEST", Market.RTM, grid);
        SplittableRandom rnd = new SplittableRandom(42);
        price = new double[intervals];
        hashprice = new double[intervals];
        generation = new double[intervals];
        dispatched = new boolean[intervals];
        double hp = 0.05;
        for (int t = 0; t < intervals; t++) {
            if (t % 288 == 0) {
                hp *= Math.exp(0.03 * (rnd.nextDouble() - 0.5));
            }
            hashprice[t] = hp;
            dispatched[t] = !p.isMissing(t);
            price[t] = p.valueOr(t, 0);
            double hourOfDay = (t % 288) / 12.0;
            generation[t] = Math.max(0, Math.sin((hourOfDay - 6) / 12 * Math.PI)) * 50;
        }
        List<MinerFleet> fl = new ArrayList<>();
        for (int f = 0; f < fleets; f++) {
            double jPerTh = 15 + 20.0 * f / Math.max(1, fleets - 1);
            fl.add(new MinerFleet("f" + f, "synthetic", 3000, 100, 100 * jPerTh, 1.1, 0.02, 0, 3));
        }
        Site site = new Site(
                "bench",
                new io.minerai.core.site.GridConnection("HB_WEST", 150, true, 50, List.of()),
                fl,
                List.of(),
                List.of(),
                List.of(),
                java.util.Optional.empty(),
                io.minerai.core.site.SiteOpex.NONE);
        kernel = MeritOrderPolicy.kernel(site);
        fraction = new double[intervals * fleets];
        importMw = new double[intervals];
        exportMw = new double[intervals];
        spillMw = new double[intervals];
        // every fleet's PUE following a SYNTHETIC hourly temperature (a daily swing of 20-38 C) along minerai's
        // default air curve, as a factor of its stated PUE 1.1: a new factor every hour, so the order re-sorts hourly
        io.minerai.core.ai.PueCurve curve = io.minerai.core.ai.PueCurves.AIR;
        pueScale = new double[intervals * fleets];
        for (int t = 0; t < intervals; t++) {
            int hour = t / 12;
            double tempC = 29 + 9 * Math.cos(2 * Math.PI * ((hour % 24) - 16) / 24.0);
            for (int f = 0; f < fleets; f++) {
                pueScale[t * fleets + f] = curve.pueAt(tempC) / 1.1;
            }
        }
    }

    @Benchmark
    public double meritOrderYear() {
        kernel.run(0, intervals, price, hashprice, generation, dispatched, fraction, importMw, exportMw, spillMw);
        return importMw[intervals / 2] + fraction[fraction.length / 2];
    }

    /** The same year with every fleet's PUE following a SYNTHETIC temperature (a factor per interval and fleet). */
    @Benchmark
    public double meritOrderYearWithPue() {
        kernel.run(
                0,
                intervals,
                price,
                hashprice,
                generation,
                dispatched,
                new double[0],
                pueScale,
                fraction,
                importMw,
                exportMw,
                spillMw);
        return importMw[intervals / 2] + fraction[fraction.length / 2];
    }
}
