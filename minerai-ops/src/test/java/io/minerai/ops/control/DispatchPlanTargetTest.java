package io.minerai.ops.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.minerai.core.time.TimeGrid;
import io.minerai.dispatch.Dispatch;
import io.minerai.dispatch.LoadClass;
import io.minerai.dispatch.LoadInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class DispatchPlanTargetTest {
    @Test
    void followsThePlanAndFallsBackOutsideIt() {
        TimeGrid g = new TimeGrid(Instant.parse("2024-08-20T00:00:00Z"), Duration.ofHours(1), 2);
        // Two loads of 10 and 4 MW facility power; hour 0 runs 50 % and 100 %, hour 1 is skipped.
        Dispatch plan = new Dispatch(
                "merit-order",
                g,
                List.of(
                        new LoadInfo("miners", LoadClass.MINING, false, 10),
                        new LoadInfo("gpu", LoadClass.AI_CLOUD, true, 4)),
                new boolean[] {true, false},
                new double[] {0.5, 1.0, 0, 0},
                new double[2],
                new double[] {9, 0},
                new double[2],
                new double[2]);
        TargetSource fallback = (now, price, devices) -> 1.0;
        var t = new DispatchPlanTarget(plan, 1 / 1.1, fallback); // plan in facility MW at PUE 1.1
        assertThat(t.targetLoadMw(Instant.parse("2024-08-20T00:30:00Z"), OptionalDouble.empty(), List.of()))
                .isCloseTo(9 / 1.1, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(t.targetLoadMw(Instant.parse("2024-08-20T01:30:00Z"), OptionalDouble.empty(), List.of()))
                .isEqualTo(1.0);
        assertThat(t.targetLoadMw(Instant.parse("2024-08-21T00:00:00Z"), OptionalDouble.empty(), List.of()))
                .isEqualTo(1.0);
    }
}
