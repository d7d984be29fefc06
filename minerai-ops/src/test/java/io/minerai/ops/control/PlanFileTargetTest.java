package io.minerai.ops.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.minerai.core.validation.ValidationException;
import io.minerai.ops.device.Capabilities;
import io.minerai.ops.device.DeviceKind;
import io.minerai.ops.device.DeviceSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanFileTargetTest {
    static final String HEADER = "interval_start_utc,dispatched,price_usd_per_mwh,load_class_mining_mw,"
            + "load_class_ai_cloud_mw,load_class_colocation_mw\n";
    static final TargetSource FALLBACK = (now, price, devices) -> 0.123;
    /** Two miners of 3,000 W that draw 100 W asleep: 200 W all asleep, 6,000 W all running. */
    static final List<DeviceSpec> FLEET = List.of(
            new DeviceSpec("a", DeviceKind.MINER, 3000, 100, 100, 50, Capabilities.SLEEP_ONLY),
            new DeviceSpec("b", DeviceKind.MINER, 3000, 100, 100, 60, Capabilities.SLEEP_ONLY));

    @TempDir
    Path dir;

    Path write(String body) throws Exception {
        Path p = dir.resolve("intervals.csv");
        Files.writeString(p, HEADER + body);
        return p;
    }

    double target(PlanFileTarget t, String time) {
        return t.targetLoadMw(Instant.parse(time), OptionalDouble.of(30), FLEET);
    }

    @Test
    void followsThePlansShareOfItsControllableLoadAndFallsBackOutsideIt() throws Exception {
        // mining + AI: 180 (the most), 90 (half), 0 (none), skipped, 45 (a quarter); colocation is not controllable
        PlanFileTarget t = PlanFileTarget.read(write("""
                        2024-08-19T20:00:00Z,true,20,177,3,20
                        2024-08-19T21:00:00Z,true,900,87,3,20
                        2024-08-19T22:00:00Z,true,3000,0,0,20
                        2024-08-19T23:00:00Z,false,,0,0,0
                        2024-08-20T00:00:00Z,true,100,42,3,20
                        """), FALLBACK);
        assertThat(target(t, "2024-08-19T20:30:00Z")).isCloseTo(0.006, within(1e-12)); // 200 + 1 x 5,800 W
        assertThat(target(t, "2024-08-19T21:00:00Z")).isCloseTo(0.0031, within(1e-12)); // 200 + 0.5 x 5,800 W
        assertThat(target(t, "2024-08-19T22:59:59Z")).isCloseTo(0.0002, within(1e-12)); // all asleep
        assertThat(target(t, "2024-08-19T23:10:00Z")).isEqualTo(0.123); // skipped by the plan
        assertThat(target(t, "2024-08-20T00:10:00Z")).isCloseTo(0.00165, within(1e-12)); // 200 + 0.25 x 5,800 W
        assertThat(target(t, "2024-08-19T19:59:59Z")).isEqualTo(0.123); // before the plan
        assertThat(target(t, "2024-08-20T01:00:00Z")).isEqualTo(0.123); // after it
        assertThat(t.describe()).isEqualTo("plan 2024-08-19T20:00:00Z .. 2024-08-20T01:00:00Z, 5 intervals of 60 min");
    }

    @Test
    void everyProblemOfTheFileIsReportedWithItsLineAndColumn() throws Exception {
        Path p = write("""
                2024-08-19T20:00:00Z,yes,20,177,3,20
                19/08/2024 21:00,true,20,-5,3,20
                2024-08-19T22:00:00Z,true,20,lots,3,20
                """);
        assertThatThrownBy(() -> PlanFileTarget.read(p, FALLBACK))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("plan intervals.csv has")
                .hasMessageContaining("intervals.csv:2:dispatched: must be true or false, was 'yes'")
                .hasMessageContaining("intervals.csv:3:interval_start_utc: not an ISO-8601 UTC time")
                .hasMessageContaining("intervals.csv:3: load must be >= 0 MW")
                .hasMessageContaining("intervals.csv:4:load_class_mining_mw: not a number: 'lots'");
        Files.writeString(p, "interval_start_utc,dispatched,load_class_mining_mw\n2024-08-19T20:00:00Z,true,1\n");
        assertThatThrownBy(() -> PlanFileTarget.read(p, FALLBACK))
                .hasMessageContaining("intervals.csv:1:load_class_ai_cloud_mw: missing column load_class_ai_cloud_mw");
        write(
                "2024-08-19T20:00:00Z,true,20,1,1,1\n2024-08-19T21:00:00Z,true,20,1,1,1\n2024-08-19T21:30:00Z,true,20,1,1,1\n");
        assertThatThrownBy(() -> PlanFileTarget.read(p, FALLBACK)).hasMessageContaining("evenly spaced");
        write("2024-08-19T20:00:00Z,true,20,1,1,1\n");
        assertThatThrownBy(() -> PlanFileTarget.read(p, FALLBACK)).hasMessageContaining("at least two intervals");
        assertThatThrownBy(() -> PlanFileTarget.read(dir.resolve("nope.csv"), FALLBACK))
                .hasMessageContaining("file not found");
    }
}
