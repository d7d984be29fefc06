package io.minerai.ops.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.minerai.ops.device.Capabilities;
import io.minerai.ops.device.DeviceKind;
import io.minerai.ops.device.DeviceSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/** Properties of the merit-order allocation against a simple reference (random synthetic fleets). */
class PlannerPropertiesTest {
    static FleetState fleet(long seed, int n) {
        SplittableRandom r = new SplittableRandom(seed);
        List<DeviceSpec> specs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double rated = 500 + r.nextInt(9_500);
            double floor = r.nextDouble() * 0.3 * rated;
            Capabilities caps = r.nextInt(3) == 0
                    ? Capabilities.sleepAndTarget(floor + r.nextDouble() * (rated - floor), rated)
                    : Capabilities.SLEEP_ONLY;
            specs.add(new DeviceSpec("d" + i, DeviceKind.MINER, rated, floor, 0, r.nextInt(200), caps));
        }
        FleetState f = new FleetState(specs);
        for (int i = 0; i < n; i++) {
            f.known[i] = r.nextInt(5) != 0;
            f.worstCaseW[i] = f.known[i] ? f.curtailedW[i] : f.ratedW[i];
        }
        return f;
    }

    static double planned(FleetState f, int i) {
        return switch (f.want[i]) {
            case RUN -> f.ratedW[i];
            case TARGET -> f.wantTargetW[i];
            case SLEEP -> f.curtailedW[i];
            case KEEP -> f.worstCaseW[i];
        };
    }

    @Property(tries = 300)
    void neverPlansKnownLoadBeyondTheCapLeftByUnknownDevices(
            @ForAll long seed,
            @ForAll @IntRange(min = 1, max = 60) int n,
            @ForAll @DoubleRange(min = 0, max = 400_000) double ceilingW,
            @ForAll @DoubleRange(min = 1, max = 400_000) double capW) {
        FleetState f = fleet(seed, n);
        double unknownW = 0;
        double floorsW = 0;
        for (int i = 0; i < n; i++) {
            if (f.known[i]) {
                floorsW += f.curtailedW[i];
            } else {
                unknownW += f.worstCaseW[i];
            }
        }
        Planner.allocate(f, Math.min(ceilingW, capW), capW, false);
        double total = 0;
        for (int i = 0; i < n; i++) {
            if (f.known[i]) {
                total += planned(f, i);
                if (f.want[i] == Want.TARGET) {
                    assertThat(f.wantTargetW[i]).isBetween(f.minTargetW[i], f.maxTargetW[i]);
                }
            } else {
                total += f.worstCaseW[i];
                // Unknown devices are only told to sleep when they alone could break the cap.
                assertThat(f.want[i] == Want.SLEEP).isEqualTo(unknownW + floorsW > capW);
            }
        }
        // Reference: whatever the plan, the worst case it leads to is within the cap unless the floors and unknown
        // devices alone exceed it (then nothing above the floors is planned).
        assertThat(total).isLessThanOrEqualTo(Math.max(capW, unknownW + floorsW) + 1e-6);
    }

    @Property(tries = 300)
    void aRunningDeviceNeverHasALowerValueThanASleepingOneItCouldHaveReplaced(
            @ForAll long seed,
            @ForAll @IntRange(min = 2, max = 40) int n,
            @ForAll @DoubleRange(min = 0, max = 200_000) double ceilingW) {
        FleetState f = fleet(seed, n);
        java.util.Arrays.fill(f.known, true);
        Planner.allocate(f, ceilingW, 1e12, false);
        // merit order position = rank; a device asleep must not precede (be worth more than) one running whose
        // increment is at least as large: it would have fitted in its place.
        int[] rank = new int[n];
        for (int k = 0; k < n; k++) {
            rank[f.meritOrder[k]] = k;
        }
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                if (f.want[a] == Want.SLEEP && f.want[b] == Want.RUN && rank[a] < rank[b]) {
                    double incA = f.ratedW[a] - f.curtailedW[a];
                    double incB = f.ratedW[b] - f.curtailedW[b];
                    assertThat(incA)
                            .as("a more valuable device slept while a less valuable one as big ran")
                            .isGreaterThan(incB);
                }
            }
        }
    }
}
