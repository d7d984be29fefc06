package io.minerai.ops.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.minerai.ops.device.Capabilities;
import io.minerai.ops.device.DeviceKind;
import io.minerai.ops.device.DeviceSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlannerTest {
    static DeviceSpec miner(String id, double ratedW, double value) {
        return new DeviceSpec(id, DeviceKind.MINER, ratedW, 100, 100, value, Capabilities.SLEEP_ONLY);
    }

    @Test
    void fillsByMeritAndShedsTheLeastValuableFirst() {
        // Values 50, 90, 70; each 3000 W rated, 100 W asleep. Ceiling 6500 W:
        // base = 3 x 100 = 300; budget 6200; best (90) takes 2900 -> 3300 left; next (70) takes 2900 -> 400 left;
        // last (50) does not fit -> sleeps.
        FleetState f = new FleetState(List.of(miner("a", 3000, 50), miner("b", 3000, 90), miner("c", 3000, 70)));
        java.util.Arrays.fill(f.known, true);
        double left = Planner.allocate(f, 6500, 1e9, false);
        assertThat(f.want).containsExactly(Want.SLEEP, Want.RUN, Want.RUN);
        assertThat(left).isEqualTo(400.0);
    }

    @Test
    void unknownDevicesCountAtTheirWorstCaseAndAreShedWhenTheCeilingCannotBeMet() {
        FleetState f = new FleetState(List.of(miner("a", 3000, 50), miner("b", 3000, 90)));
        f.known[0] = false;
        f.worstCaseW[0] = 3000; // unknown: rated
        f.known[1] = true;
        // Ceiling 3000 (economic), cap huge: b (value 90) comes first in merit order and needs 2900 of the
        // 3000 - 100 = 2900 budget -> runs; a is unknown and left alone.
        Planner.allocate(f, 3000, 1e9, false);
        assertThat(f.want).containsExactly(Want.KEEP, Want.RUN);
        // Cap 3050: a's worst case 3000 + b's floor 100 > 3050 -> a is told to sleep; b has no room under the cap.
        Planner.allocate(f, 1e9, 3050, false);
        assertThat(f.want).containsExactly(Want.SLEEP, Want.SLEEP);
        // Cap 6100: room = 6100 - 3000 - 100 = 3000 >= 2900 -> b runs, a is left alone.
        Planner.allocate(f, 1e9, 6100, false);
        assertThat(f.want).containsExactly(Want.KEEP, Want.RUN);
        // In the safe state unknown devices are always told to sleep.
        Planner.allocate(f, 6100, 1e9, true);
        assertThat(f.want[0]).isEqualTo(Want.SLEEP);
    }

    @Test
    void partlyFittingDeviceGetsAPowerTargetWhenItTakesOne() {
        DeviceSpec gpu = new DeviceSpec(
                "g", DeviceKind.GPU_NODE, 10_000, 4_000, 0, 500, Capabilities.sleepAndTarget(4_000, 10_000));
        FleetState f = new FleetState(List.of(gpu, miner("m", 3000, 60)));
        java.util.Arrays.fill(f.known, true);
        // base 4000 + 100; ceiling 8000 -> budget 3900: the GPU (first in merit order) needs 6000 for full power,
        // gets a target of 4000 + 3900 = 7900 W; nothing left for the miner.
        Planner.allocate(f, 8000, 1e9, false);
        assertThat(f.want).containsExactly(Want.TARGET, Want.SLEEP);
        assertThat(f.wantTargetW[0]).isEqualTo(7900.0);
    }
}
