package io.minerai.core.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class PowerCapCurveTest {
    private static final PowerCapCurve CURVE = new PowerCapCurve(List.of(
            new PowerCapCurve.Point(0.6, 0.66), new PowerCapCurve.Point(0.7, 0.76), new PowerCapCurve.Point(1.0, 1.0)));

    @Test
    void throughputIsLinearThroughTheOriginAndTheLevels() {
        // half the GPUs at the lowest cap: 0.3 of the power, 0.33 of the throughput
        assertThat(CURVE.throughputFraction(0.3)).isCloseTo(0.33, within(1e-12));
        assertThat(CURVE.runningShare(0.3)).isCloseTo(0.5, within(1e-12));
        assertThat(CURVE.throughputFraction(0.7)).isCloseTo(0.76, within(1e-12));
        // between 70 % and 100 %: slope 0.24 / 0.3 = 0.8
        assertThat(CURVE.throughputFraction(0.85)).isCloseTo(0.88, within(1e-12));
        assertThat(CURVE.runningShare(0.85)).isEqualTo(1.0);
        assertThat(CURVE.throughputFraction(1.0)).isEqualTo(1.0);
        assertThat(CURVE.blockSlope(0)).isCloseTo(1.1, within(1e-12));
        assertThat(CURVE.blockSlope(1)).isCloseTo(1.0, within(1e-12));
        assertThat(CURVE.blockSlope(2)).isCloseTo(0.8, within(1e-12));
        assertThat(CURVE.from(0.7).levels()).isEqualTo(2);
    }

    @Test
    void runStopIsProportional() {
        assertThat(PowerCapCurve.RUN_STOP.throughputFraction(0.42)).isCloseTo(0.42, within(1e-15));
    }

    @Test
    void refusesNonConcaveOrOpenCurves() {
        assertThatThrownBy(() ->
                        new PowerCapCurve(List.of(new PowerCapCurve.Point(0.5, 0.4), new PowerCapCurve.Point(1, 1))))
                .hasMessageContaining("not concave");
        assertThat(PowerCapCurve.problems(List.of(new PowerCapCurve.Point(0.5, 0.6))))
                .anyMatch(s -> s.contains("last point must be (1, 1)"));
        assertThat(PowerCapCurve.problems(List.of())).isNotEmpty();
    }

    @Property(tries = 200)
    void aConcaveCurveNeverDeliversLessThanRunStop(@ForAll @DoubleRange(min = 0, max = 1) double x) {
        // concave through (0,0) and (1,1) lies above the chord: capping never lowers throughput per watt
        assertThat(CURVE.throughputFraction(x)).isGreaterThanOrEqualTo(x - 1e-12);
    }
}
