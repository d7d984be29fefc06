package io.minerai.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.minerai.core.ai.Cooling;
import io.minerai.core.ai.PueCurve;
import io.minerai.core.inputs.ScenarioInputs;
import io.minerai.core.site.ColocationLease;
import io.minerai.core.site.MinerFleet;
import io.minerai.core.site.Site;
import io.minerai.core.time.TimeSeries;
import io.minerai.dispatch.Dispatch;
import io.minerai.dispatch.MeritOrderPolicy;
import io.minerai.solver.OrToolsSolver;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * The optimiser with a PUE that follows the ambient temperature, hand-computed on a two-interval SYNTHETIC case, and a
 * flat curve leaving the optimum bit for bit.
 *
 * <p>Fleet: 3 MW of IT earning $50 per IT MWh ($150 an hour), stated PUE 1.1, curve (20 C, 1.1) - (40 C, 1.5). Firm
 * lease: 1 MW of critical IT, stated PUE 1.2, curve (20 C, 1.2) - (40 C, 1.6), no rent. Price $40/MWh.
 *
 * <ul>
 *   <li>Hour 0 at 20 C: the fleet draws 3.3 MW for $150, costing 3.3 x 40 = $132: it runs. Import 3.3 + 1.2 = 4.5 MW.
 *   <li>Hour 1 at 35 C: PUE 1.4, 4.2 MW costing $168 > $150: it stops. The lease draws 1.5 MW. Import 1.5 MW.
 *   <li>Net: 150 - (4.5 + 1.5) x 40 = -$90. At a constant PUE the fleet would run in hour 1 too (3.3 x 40 = $132).
 * </ul>
 */
class PueFollowsAmbientLpTest {
    private static final Optimizer LP = new Optimizer(new OrToolsSolver(OrToolsSolver.Backend.GLOP));

    private static Site site(boolean follows) {
        MinerFleet fleet = new MinerFleet("f", "test", 3000, 100, 1000, 1.1, 0, 0, 3);
        ColocationLease lease = new ColocationLease("colo", "tenant", 1.0, 0, 1.2, 1.0, false);
        if (follows) {
            fleet = fleet.withCooling(
                    Cooling.AIR,
                    Optional.of(new PueCurve(List.of(new PueCurve.Point(20, 1.1), new PueCurve.Point(40, 1.5)))));
            lease = lease.withCooling(
                    Cooling.AIR,
                    Optional.of(new PueCurve(List.of(new PueCurve.Point(20, 1.2), new PueCurve.Point(40, 1.6)))));
        }
        return Fixtures.site(
                Fixtures.grid(10, 0), List.of(fleet), List.of(), List.of(lease), List.of(), Optional.empty());
    }

    private static ScenarioInputs inputs(double[] price, double[] temperatureC) {
        ScenarioInputs in = Fixtures.inputs(price).build();
        return in.withAmbientTemperature(TimeSeries.of("ambient temperature", "°C", in.grid(), temperatureC));
    }

    @Test
    void aHotHourRaisesFacilityPowerAndTheOptimiserStopsTheFleet() {
        ScenarioInputs in = inputs(new double[] {40, 40}, new double[] {20, 35});
        OptimizeResult r = LP.perfectForesight(OptimizationProblem.of(site(true), in));
        Dispatch d = r.result().ledger().dispatch();
        assertThat(d.fraction(0, 0)).isCloseTo(1, within(1e-9));
        assertThat(d.fraction(1, 0)).isCloseTo(0, within(1e-9));
        assertThat(d.importMw()[0]).isCloseTo(4.5, within(1e-9));
        assertThat(d.importMw()[1]).isCloseTo(1.5, within(1e-9));
        assertThat(r.netUsd()).isCloseTo(150 - 6.0 * 40, within(1e-6));
        assertThat(r.report().objectiveUsd()).isCloseTo(150 - 6.0 * 40, within(1e-6));
        // the merit order decides the same
        Dispatch m = new MeritOrderPolicy().decide(site(true), in);
        assertThat(m.fraction(0, 0)).isEqualTo(1.0);
        assertThat(m.fraction(1, 0)).isZero();
        // at a constant PUE the fleet runs in both hours
        Dispatch c = LP.perfectForesight(OptimizationProblem.of(site(false), in))
                .result()
                .ledger()
                .dispatch();
        assertThat(c.fraction(1, 0)).isCloseTo(1, within(1e-9));
        assertThat(c.importMw()[1]).isCloseTo(4.5, within(1e-9));
    }

    /**
     * With a flat curve at each load's stated PUE the optimiser builds the same model (coefficients multiplied by
     * factors of exactly 1), so its dispatch and settlement equal the constant-PUE run's bit for bit.
     */
    @Property(tries = 12)
    void aFlatCurveLeavesTheOptimumBitForBit(@ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int n = 2 + r.nextInt(24);
        double fleetPue = r.nextDouble(1, 1.5);
        double leasePue = r.nextDouble(1, 1.5);
        MinerFleet fleet = new MinerFleet("f", "test", 1000 + r.nextInt(5000), 100, 1000, fleetPue, 0, 0, 3);
        ColocationLease lease = new ColocationLease("colo", "t", r.nextDouble(0.1, 2), 50, leasePue, 1.0, false);
        Site constant = Fixtures.site(
                Fixtures.grid(12, 0), List.of(fleet), List.of(), List.of(lease), List.of(), Optional.empty());
        Site flat = Fixtures.site(
                Fixtures.grid(12, 0),
                List.of(fleet.withCooling(Cooling.AIR, Optional.of(PueCurve.flat(fleetPue)))),
                List.of(),
                List.of(lease.withCooling(Cooling.LIQUID, Optional.of(PueCurve.flat(leasePue)))),
                List.of(),
                Optional.empty());
        double[] price = r.doubles(n, -20, 200).toArray();
        double[] temp = r.doubles(n, -10, 45).toArray();
        ScenarioInputs in = Fixtures.inputs(price)
                .minerValue(r.doubles(n, 10, 150).toArray())
                .build();
        OptimizeResult a = LP.perfectForesight(OptimizationProblem.of(constant, in));
        OptimizeResult b = LP.perfectForesight(
                OptimizationProblem.of(flat, in.withAmbientTemperature(TimeSeries.of("t", "°C", in.grid(), temp))));
        Dispatch da = a.result().ledger().dispatch();
        Dispatch db = b.result().ledger().dispatch();
        assertThat(Arrays.equals(db.runFraction(), da.runFraction())).isTrue();
        assertThat(Arrays.equals(db.importMw(), da.importMw())).isTrue();
        assertThat(Double.doubleToLongBits(b.netUsd())).isEqualTo(Double.doubleToLongBits(a.netUsd()));
    }
}
