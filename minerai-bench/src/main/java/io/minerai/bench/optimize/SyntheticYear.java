package io.minerai.bench.optimize;

import io.minerai.core.inputs.ScenarioInputs;
import io.minerai.core.time.TimeGrid;
import io.minerai.core.time.TimeSeries;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * SYNTHETIC inputs for benchmarks, clearly not market data: a seeded price process with a daily shape, noise, rare
 * spikes to $1,000-5,000/MWh and negative hours; a day-ahead price that is a smoothed, noisy copy; RRS/ECRS/NSPIN/REGUP
 * prices of a few $/MW-h; a daily hashprice random walk around $0.05 per TH/s-day; a solar capacity factor that is a
 * clipped sine by day. Only the model's size and structure matter to the timing.
 */
public final class SyntheticYear {
    /** The reserve products that get SYNTHETIC prices. */
    public static final List<String> PRODUCTS = List.of("RRS", "ECRS", "NSPIN", "REGUP");

    private SyntheticYear() {}

    /** Inputs on {@code grid} for a site with {@code generators} generators (all get the solar shape). */
    public static ScenarioInputs inputs(TimeGrid grid, int generators, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int n = grid.count();
        double h = grid.stepHours();
        TimeSeries.Builder price = TimeSeries.builder("SYNTHETIC real-time price", "USD/MWh", grid);
        TimeSeries.Builder da = TimeSeries.builder("SYNTHETIC day-ahead price", "USD/MWh", grid);
        TimeSeries.Builder cf = TimeSeries.builder("SYNTHETIC solar capacity factor", "1", grid);
        TimeSeries.Builder btc = TimeSeries.builder("SYNTHETIC BTC per TH/s-day", "BTC", grid);
        Map<String, TimeSeries.Builder> anc = new LinkedHashMap<>();
        for (String p : PRODUCTS) {
            anc.put(p, TimeSeries.builder("SYNTHETIC " + p, "USD/MW-h", grid));
        }
        double hashprice = 0.05;
        int lastDay = -1;
        double spikeLeftHours = 0;
        double spike = 0;
        for (int t = 0; t < n; t++) {
            double hourOfDay = (t * h) % 24;
            int day = (int) (t * h / 24);
            if (day != lastDay) {
                hashprice = Math.max(0.02, hashprice * (1 + r.nextDouble(-0.03, 0.03)));
                lastDay = day;
            }
            double shape = 30 + 15 * Math.sin((hourOfDay - 10) / 24 * 2 * Math.PI);
            if (spikeLeftHours <= 0 && r.nextDouble() < 0.002 * h) {
                spikeLeftHours = 1 + r.nextInt(3);
                spike = r.nextDouble(1000, 5000);
            }
            double p = shape + r.nextDouble(-8, 8);
            if (spikeLeftHours > 0) {
                p = spike;
                spikeLeftHours -= h;
            } else if (r.nextDouble() < 0.03) {
                p = -r.nextDouble(0, 20);
            }
            price.set(t, p);
            da.set(t, shape + r.nextDouble(-4, 4) + (spikeLeftHours > 0 ? spike * 0.2 : 0));
            double sun = Math.sin((hourOfDay - 6) / 12 * Math.PI);
            cf.set(t, sun > 0 ? 0.85 * sun * r.nextDouble(0.7, 1.0) : 0);
            btc.set(t, hashprice / 60_000.0);
            for (TimeSeries.Builder b : anc.values()) {
                b.set(t, r.nextDouble(0.5, 12));
            }
        }
        TimeSeries solar = cf.build();
        java.util.ArrayList<TimeSeries> cfs = new java.util.ArrayList<>();
        for (int g = 0; g < generators; g++) {
            cfs.add(solar);
        }
        Map<String, TimeSeries> ancillary = new LinkedHashMap<>();
        anc.forEach((k, v) -> ancillary.put(k, v.build()));
        return new ScenarioInputs(
                grid,
                price.build(),
                btc.build(),
                TimeSeries.constant("SYNTHETIC BTC price", "USD", grid, 60_000),
                cfs,
                Optional.of(da.build()),
                ancillary,
                Map.of());
    }
}
