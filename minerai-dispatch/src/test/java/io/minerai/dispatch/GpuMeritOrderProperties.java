package io.minerai.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.minerai.core.ai.Cooling;
import io.minerai.core.ai.GpuWorkload;
import io.minerai.core.ai.PowerCapCurve;
import io.minerai.core.ai.PowerCapping;
import io.minerai.core.inputs.ScenarioInputs;
import io.minerai.core.site.GpuCloud;
import io.minerai.core.site.MinerFleet;
import io.minerai.core.site.Site;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * The merit order with GPU cap levels on random sites (SYNTHETIC prices and assets): one or two GPU clouds renting or
 * serving inference with random concave curves and cap floors, miner fleets, optional solar with export, a random
 * import cap. Each interval is then a fractional knapsack over blocks of falling value, which the merit order solves
 * exactly, and a capped cloud's throughput is never below a run-or-stop one's at the same power: so allowing cap levels
 * never lowers the settled net; the energy balance and the import cap hold in every interval.
 */
class GpuMeritOrderProperties {

    @Property(tries = 60)
    void allowingCapLevelsNeverLowersTheMeritOrdersNet(@ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int n = 2 + r.nextInt(40);
        List<GpuCloud> capped = new ArrayList<>();
        List<GpuCloud> runStop = new ArrayList<>();
        int clouds = 1 + r.nextInt(2);
        for (int k = 0; k < clouds; k++) {
            GpuWorkload w = r.nextBoolean()
                    ? GpuWorkload.RENTAL
                    : new GpuWorkload.Inference(r.nextDouble(0, 1), r.nextDouble(0, 3000));
            GpuCloud base = new GpuCloud(
                    "g" + k,
                    "test GPU",
                    100 + r.nextInt(3000),
                    r.nextDouble(0.7, 2),
                    r.nextDouble(1, 1.5),
                    r.nextDouble(0.5, 5),
                    r.nextDouble(0.3, 1),
                    false);
            PowerCapCurve curve = randomCurve(r);
            capped.add(base.with(Cooling.LIQUID, new PowerCapping(r.nextDouble(0.1, 1), Optional.of(curve)), w));
            runStop.add(base.with(Cooling.LIQUID, PowerCapping.NONE, w));
        }
        List<MinerFleet> fleets = new ArrayList<>();
        for (int k = 0; k < r.nextInt(3); k++) {
            fleets.add(new MinerFleet("f" + k, "m", 100 + r.nextInt(2000), r.nextDouble(50, 300), 3000, 1.1, 0, 0, 3));
        }
        double cap = r.nextDouble(0.5, 10);
        boolean solar = r.nextBoolean();
        List<Double> solarMw = solar ? List.of(r.nextDouble(0.5, 5)) : List.of();
        GridShape g = new GridShape(cap, solar && r.nextBoolean(), r.nextDouble(0, 5), r.nextBoolean() ? 0 : 7);
        Site withCaps = Fixtures.site(g.connection(), fleets, capped, List.of(), solarMw, Optional.empty());
        Site without = Fixtures.site(g.connection(), fleets, runStop, List.of(), solarMw, Optional.empty());
        double[] price = new double[n];
        for (int t = 0; t < n; t++) {
            double u = r.nextDouble();
            price[t] = u < 0.1 ? r.nextDouble(-80, 0) : u < 0.75 ? r.nextDouble(0, 300) : r.nextDouble(300, 9000);
        }
        double[][] cf = solar ? new double[][] {r.doubles(n, 0, 1).toArray()} : new double[0][];
        ScenarioInputs in = Fixtures.inputs(Fixtures.hourly(n), price, r.nextDouble(1e-7, 1e-6), 60_000, cf);
        DispatchResult a = Backtest.meritOrder(withCaps, in);
        DispatchResult b = Backtest.meritOrder(without, in);
        double scale = 1 + Math.abs(b.summary().netUsd());
        assertThat(a.summary().netUsd()).isGreaterThanOrEqualTo(b.summary().netUsd() - 1e-9 * scale);
        Dispatch d = a.ledger().dispatch();
        for (int t = 0; t < n; t++) {
            double supply = d.importMw()[t] + d.generationMw()[t];
            double use = d.totalLoadMw(t) + d.exportMw()[t] + d.spillMw()[t];
            assertThat(Math.abs(supply - use)).isLessThan(1e-9 * (1 + supply));
            assertThat(d.importMw()[t]).isLessThanOrEqualTo(cap + 1e-9);
            for (int l = 0; l < d.loads().size(); l++) {
                assertThat(d.fraction(t, l)).isBetween(-1e-12, 1 + 1e-12);
            }
        }
    }

    private record GridShape(double capMw, boolean export, double exportCapMw, double adder) {
        io.minerai.core.site.GridConnection connection() {
            return Fixtures.grid(capMw, export, exportCapMw, adder);
        }
    }

    /** A random concave curve through the origin ending at (1, 1), with one to four levels below full power. */
    static PowerCapCurve randomCurve(SplittableRandom r) {
        int k = 1 + r.nextInt(4);
        double[] x = new double[k];
        for (int i = 0; i < k; i++) {
            x[i] = Math.round(r.nextDouble(0.2, 0.95) * 100) / 100.0;
        }
        Arrays.sort(x);
        double[] slope = r.doubles(k + 1, 0.2, 2).toArray();
        Arrays.sort(slope); // ascending: used from the end, so the slopes fall with power
        List<double[]> raw = new ArrayList<>();
        double prevX = 0;
        double y = 0;
        int s = k;
        for (double xi : x) {
            if (xi > prevX + 1e-9) {
                y += slope[s--] * (xi - prevX);
                raw.add(new double[] {xi, y});
                prevX = xi;
            }
        }
        y += slope[s] * (1 - prevX);
        List<PowerCapCurve.Point> pts = new ArrayList<>();
        for (double[] p : raw) {
            pts.add(new PowerCapCurve.Point(p[0], p[1] / y));
        }
        pts.add(new PowerCapCurve.Point(1, 1));
        return new PowerCapCurve(pts);
    }
}
