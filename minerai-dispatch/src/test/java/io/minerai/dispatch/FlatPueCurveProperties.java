package io.minerai.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.minerai.core.ai.Cooling;
import io.minerai.core.ai.GpuWorkload;
import io.minerai.core.ai.PowerCapping;
import io.minerai.core.ai.PueCurve;
import io.minerai.core.inputs.ScenarioInputs;
import io.minerai.core.site.ColocationLease;
import io.minerai.core.site.GpuCloud;
import io.minerai.core.site.MinerFleet;
import io.minerai.core.site.Site;
import io.minerai.core.time.TimeSeries;
import io.minerai.dispatch.ledger.Ledger;
import io.minerai.dispatch.ledger.Measure;
import io.minerai.dispatch.ledger.Stream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * A PUE curve that is flat at a load's stated PUE gives, on random SYNTHETIC sites (miner fleets, GPU clouds that run
 * or stop, cap or serve inference, firm colocation leases, solar with or without export, random import caps, prices
 * and temperatures), exactly the constant-PUE run: every running fraction, flow, stream amount and measure is equal
 * bit for bit (the curve's path multiplies and divides by factors of exactly 1), and the flat run only adds the
 * cooling measures.
 */
class FlatPueCurveProperties {

    @Property(tries = 80)
    void aFlatCurveGivesTheConstantPueRunBitForBit(@ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int n = 2 + r.nextInt(48);
        List<MinerFleet> fleets = new ArrayList<>();
        for (int k = 0; k < r.nextInt(4); k++) {
            fleets.add(new MinerFleet(
                    "f" + k,
                    "m",
                    100 + r.nextInt(3000),
                    r.nextDouble(50, 300),
                    r.nextDouble(2000, 4000),
                    r.nextDouble(1, 1.6),
                    r.nextDouble(0, 0.03),
                    0,
                    3));
        }
        List<GpuCloud> gpus = new ArrayList<>();
        for (int k = 0; k < r.nextInt(3); k++) {
            GpuCloud g = new GpuCloud(
                    "g" + k,
                    "test GPU",
                    100 + r.nextInt(2000),
                    r.nextDouble(0.7, 2),
                    r.nextDouble(1, 1.6),
                    r.nextDouble(0.5, 5),
                    r.nextDouble(0.3, 1),
                    false);
            if (r.nextBoolean()) {
                GpuWorkload w = r.nextBoolean()
                        ? GpuWorkload.RENTAL
                        : new GpuWorkload.Inference(r.nextDouble(0, 1), r.nextDouble(0, 3000));
                g = g.with(
                        Cooling.LIQUID,
                        new PowerCapping(r.nextDouble(0.2, 1), Optional.of(GpuMeritOrderProperties.randomCurve(r))),
                        w);
            }
            gpus.add(g);
        }
        List<ColocationLease> leases = new ArrayList<>();
        if (r.nextBoolean()) {
            leases.add(
                    new ColocationLease("c", "t", r.nextDouble(0.1, 2), 100, r.nextDouble(1, 1.6), 1, r.nextBoolean()));
        }
        if (fleets.isEmpty() && gpus.isEmpty() && leases.isEmpty()) {
            fleets.add(new MinerFleet("f", "m", 1000, 100, 3000, 1.1, 0, 0, 3));
        }
        boolean solar = r.nextBoolean();
        List<Double> solarMw = solar ? List.of(r.nextDouble(0.5, 5)) : List.of();
        var grid = Fixtures.grid(
                r.nextDouble(3, 12), solar && r.nextBoolean(), r.nextDouble(0, 5), r.nextBoolean() ? 0 : 7);
        Site constant = Fixtures.site(grid, fleets, gpus, leases, solarMw, Optional.empty());
        Site flat = Fixtures.site(
                grid,
                fleets.stream()
                        .map(f -> f.withCooling(Cooling.AIR, Optional.of(PueCurve.flat(f.pue()))))
                        .toList(),
                gpus.stream()
                        .map(g -> g.withPueCurve(Optional.of(PueCurve.flat(g.pue()))))
                        .toList(),
                leases.stream()
                        .map(c -> c.withCooling(Cooling.IMMERSION, Optional.of(PueCurve.flat(c.pue()))))
                        .toList(),
                solarMw,
                Optional.empty());
        double[] price = new double[n];
        double[] temp = new double[n];
        for (int t = 0; t < n; t++) {
            double u = r.nextDouble();
            price[t] = u < 0.1 ? r.nextDouble(-80, 0) : u < 0.75 ? r.nextDouble(0, 300) : r.nextDouble(300, 9000);
            temp[t] = r.nextDouble(-20, 45); // SYNTHETIC temperatures
        }
        double[][] cf = solar ? new double[][] {r.doubles(n, 0, 1).toArray()} : new double[0][];
        ScenarioInputs in = Fixtures.inputs(Fixtures.hourly(n), price, r.nextDouble(1e-7, 1e-6), 60_000, cf);
        ScenarioInputs withTemp =
                in.withAmbientTemperature(TimeSeries.of("ambient temperature", "°C", in.grid(), temp));

        DispatchResult a = Backtest.meritOrder(constant, in);
        DispatchResult b = Backtest.meritOrder(flat, withTemp);
        Dispatch da = a.ledger().dispatch();
        Dispatch db = b.ledger().dispatch();
        assertThat(db.pue().active()).isTrue();
        assertThat(db.runFraction()).isEqualTo(da.runFraction());
        assertThat(db.importMw()).isEqualTo(da.importMw());
        assertThat(db.exportMw()).isEqualTo(da.exportMw());
        assertThat(db.spillMw()).isEqualTo(da.spillMw());
        assertThat(db.dispatched()).isEqualTo(da.dispatched());
        sameLedger(a.ledger(), b.ledger());
        assertThat(Double.doubleToLongBits(b.summary().netUsd()))
                .isEqualTo(Double.doubleToLongBits(a.summary().netUsd()));
        assertThat(b.summary().energy()).isEqualTo(a.summary().energy());
        assertThat(b.summary().gpu()).isEqualTo(a.summary().gpu());
        assertThat(b.summary().loads()).isEqualTo(a.summary().loads());
    }

    /** Every stream and measure of {@code a} is in {@code b} with the same bits. */
    static void sameLedger(Ledger a, Ledger b) {
        assertThat(b.streams()).isEqualTo(a.streams());
        for (Stream s : a.streams()) {
            assertThat(b.amounts(s)).as(s.id()).isEqualTo(a.amounts(s));
        }
        for (Measure m : a.measures()) {
            assertThat(b.values(m)).as(m.id()).isEqualTo(a.values(m));
        }
    }
}
