package io.minerai.data.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.minerai.core.time.TimeGrid;
import io.minerai.core.time.TimeSeries;
import io.minerai.data.Coverage;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class IntervalSeriesTest {
    private static final Instant T0 = Instant.parse("2025-09-30T21:00:00Z");

    private static Instant t(int minutes) {
        return T0.plusSeconds(60L * minutes);
    }

    /** Two hourly intervals (10, 20), then four quarter hours (1, 2, 3, 4): the DE-LU switch in miniature. */
    private static IntervalSeries mixed() {
        return IntervalSeries.builder("p", "EUR/MWh")
                .add(t(0), t(60), 10)
                .add(t(60), t(120), 20)
                .add(t(120), t(135), 1)
                .add(t(135), t(150), 2)
                .add(t(150), t(165), 3)
                .add(t(165), t(180), 4)
                .build();
    }

    @Test
    void hourlyRunGridAveragesQuarterHoursAndKeepsHours() {
        TimeSeries h = mixed().resampleTo(new TimeGrid(t(0), Duration.ofHours(1), 3));
        assertThat(h.copyValues()).containsExactly(10, 20, 2.5);
        assertThat(h.unit()).isEqualTo("EUR/MWh");
    }

    @Test
    void fiveMinuteRunGridRepeatsTheCoveringValue() {
        TimeSeries f = mixed().resampleTo(new TimeGrid(t(0), Duration.ofMinutes(5), 36));
        for (int i = 0; i < 12; i++) {
            assertThat(f.value(i)).isEqualTo(10);
            assertThat(f.value(12 + i)).isEqualTo(20);
        }
        assertThat(f.value(24)).isEqualTo(1);
        assertThat(f.value(26)).isEqualTo(1);
        assertThat(f.value(27)).isEqualTo(2);
        assertThat(f.value(35)).isEqualTo(4);
    }

    @Test
    void aRunIntervalAcrossTheSwitchIsTimeWeighted() {
        // 30-minute grid starting at t(90): [90,120) is hour 2 alone (20); [120,150) = (1+2)/2; 2-hour grid from t(60):
        // (20*60 + 1*15 + 2*15 + 3*15 + 4*15) / 120 = (1200 + 150) / 120 = 11.25
        TimeSeries half = mixed().resampleTo(new TimeGrid(t(90), Duration.ofMinutes(30), 2));
        assertThat(half.copyValues()).containsExactly(20, 1.5);
        TimeSeries twoHours = mixed().resampleTo(new TimeGrid(t(60), Duration.ofHours(2), 1));
        assertThat(twoHours.value(0)).isCloseTo(11.25, within(1e-12));
    }

    @Test
    void misalignedIntervalsAreWeightedByOverlap() {
        // OpenElectricity-style hours [H-5min, H+55min): 12 and 24. The run hour [0,60) is 55 minutes of 12 and 5
        // minutes of 24: (12*55 + 24*5) / 60 = 13.
        IntervalSeries s = IntervalSeries.builder("p", "AUD/MWh")
                .add(t(-5), t(55), 12)
                .add(t(55), t(115), 24)
                .build();
        TimeSeries h = s.resampleTo(new TimeGrid(t(0), Duration.ofHours(1), 2));
        assertThat(h.value(0)).isCloseTo(13, within(1e-12));
        assertThat(h.isMissing(1)).as("[60,120) is not covered past 115").isTrue();
        TimeSeries fine = s.resampleTo(new TimeGrid(t(-5), Duration.ofMinutes(5), 24));
        assertThat(fine.value(0)).isEqualTo(12);
        assertThat(fine.value(11)).isEqualTo(12);
        assertThat(fine.value(12)).isEqualTo(24);
        assertThat(fine.value(23)).isEqualTo(24);
    }

    @Test
    void aGapStaysAGap() {
        IntervalSeries s = IntervalSeries.builder("p", "EUR/MWh")
                .add(t(0), t(60), 10)
                .addMissing(t(60), t(120))
                .add(t(120), t(180), 30)
                // hole [180, 240)
                .add(t(240), t(300), 50)
                .build();
        TimeSeries h = s.resampleTo(new TimeGrid(t(-60), Duration.ofHours(1), 7));
        assertThat(h.isMissing(0)).as("before the data").isTrue();
        assertThat(h.value(1)).isEqualTo(10);
        assertThat(h.isMissing(2)).as("blank value").isTrue();
        assertThat(h.value(3)).isEqualTo(30);
        assertThat(h.isMissing(4)).as("hole between intervals").isTrue();
        assertThat(h.value(5)).isEqualTo(50);
        assertThat(h.isMissing(6)).as("after the data").isTrue();
        TimeSeries twoHours = s.resampleTo(new TimeGrid(t(0), Duration.ofHours(2), 2));
        assertThat(twoHours.isMissing(0)).as("half of it is a gap").isTrue();
        assertThat(twoHours.isMissing(1)).isTrue();
        TimeSeries acrossTheHole = s.resampleTo(new TimeGrid(t(180), Duration.ofHours(2), 1));
        assertThat(acrossTheHole.isMissing(0))
                .as("[180, 300) starts with the hole")
                .isTrue();
        assertThat(s.gaps()).containsExactly(new Coverage(t(60), t(120)), new Coverage(t(180), t(240)));
    }

    @Test
    void statisticsAndLookup() {
        IntervalSeries s = mixed();
        assertThat(s.size()).isEqualTo(6);
        assertThat(s.minPresent()).isEqualTo(1);
        assertThat(s.maxPresent()).isEqualTo(20);
        assertThat(s.meanPresent()).isEqualTo(40 / 6.0);
        assertThat(s.coverage()).contains(new Coverage(t(0), t(180)));
        assertThat(s.indexContaining(t(130))).contains(2);
        assertThat(s.indexContaining(t(180))).isEmpty();
        assertThat(s.length(0)).isEqualTo(Duration.ofHours(1));
        assertThat(s.slice(t(60), t(150)).size()).isEqualTo(3);
    }

    @Test
    void overlappingOrEmptyIntervalsAreRefused() {
        IntervalSeries.Builder b = IntervalSeries.builder("p", "EUR/MWh").add(t(0), t(60), 1);
        assertThat(b.accepts(t(30), t(90))).isFalse();
        assertThat(b.accepts(t(60), t(60))).isFalse();
        assertThat(b.accepts(t(60), t(75))).isTrue();
        assertThatThrownBy(() -> b.add(t(30), t(90), 2)).hasMessageContaining("overlaps");
        assertThatThrownBy(() -> b.add(t(90), t(90), 2)).hasMessageContaining("empty interval");
    }

    /** On regular data the published-interval resampling agrees with TimeSeries.resampleTo (the reference). */
    @Property(tries = 300)
    void agreesWithTheRegularResamplerOnRegularData(
            @ForAll @IntRange(min = 0, max = 3) int srcStepIndex,
            @ForAll @IntRange(min = 0, max = 4) int dstStepIndex,
            @ForAll @IntRange(min = 1, max = 60) int count,
            @ForAll @IntRange(min = -30, max = 30) int offsetSteps,
            @ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
        int[] minutes = {5, 15, 30, 60, 120};
        Duration src = Duration.ofMinutes(minutes[srcStepIndex]);
        Duration dst = Duration.ofMinutes(minutes[dstStepIndex]);
        Random r = new Random(seed);
        TimeSeries.Builder b = TimeSeries.builder("p", "X", new TimeGrid(T0, src, count));
        for (int i = 0; i < count; i++) {
            if (r.nextInt(8) != 0) {
                b.set(i, Math.round((r.nextDouble() * 400 - 100) * 100) / 100.0);
            }
        }
        TimeSeries regular = b.build();
        TimeGrid target = new TimeGrid(T0.plus(Duration.ofMinutes(5L * offsetSteps)), dst, 40);
        TimeSeries expected = regular.resampleTo(target);
        TimeSeries actual = IntervalSeries.of(regular).resampleTo(target);
        for (int j = 0; j < target.count(); j++) {
            assertThat(actual.isMissing(j)).as("interval %d", j).isEqualTo(expected.isMissing(j));
            if (!expected.isMissing(j)) {
                assertThat(actual.value(j)).isCloseTo(expected.value(j), within(1e-9));
            }
        }
    }

    /**
     * Mixed-length intervals with holes and blanks against a minute-by-minute reference: a run interval is the mean of
     * its minutes' covering values when every minute is covered by a value, else missing.
     */
    @Property(tries = 300)
    void agreesWithAMinuteByMinuteReferenceOnIrregularIntervals(
            @ForAll @LongRange(min = 0, max = 1_000_000) long seed,
            @ForAll @IntRange(min = 0, max = 4) int dstStepIndex,
            @ForAll @IntRange(min = -20, max = 20) int offsetMinutes) {
        Random r = new Random(seed);
        int[] lengths = {5, 15, 30, 60};
        IntervalSeries.Builder b = IntervalSeries.builder("p", "X");
        int n = 1 + r.nextInt(30);
        int minute = 0;
        int horizon = 0;
        java.util.Map<Integer, Double> perMinute = new java.util.HashMap<>();
        for (int i = 0; i < n; i++) {
            minute += r.nextInt(6) == 0 ? 5 * r.nextInt(4) : 0; // sometimes a hole
            int len = lengths[r.nextInt(lengths.length)];
            boolean blank = r.nextInt(10) == 0;
            double v = Math.round((r.nextDouble() * 200 - 50) * 100) / 100.0;
            if (blank) {
                b.addMissing(t(minute), t(minute + len));
            } else {
                b.add(t(minute), t(minute + len), v);
                for (int m = minute; m < minute + len; m++) {
                    perMinute.put(m, v);
                }
            }
            minute += len;
            horizon = minute;
        }
        IntervalSeries s = b.build();
        int[] steps = {5, 10, 15, 60, 120};
        int step = steps[dstStepIndex];
        int count = Math.max(1, (horizon + 60) / step);
        TimeSeries actual = s.resampleTo(new TimeGrid(t(offsetMinutes), Duration.ofMinutes(step), count));
        for (int j = 0; j < count; j++) {
            int from = offsetMinutes + j * step;
            double sum = 0;
            boolean complete = true;
            for (int m = from; m < from + step; m++) {
                Double v = perMinute.get(m);
                if (v == null) {
                    complete = false;
                    break;
                }
                sum += v;
            }
            assertThat(actual.isMissing(j)).as("run interval %d", j).isEqualTo(!complete);
            if (complete) {
                assertThat(actual.value(j)).isCloseTo(sum / step, within(1e-9));
            }
        }
    }

    /** Rows collected in any order give the same series as in time order. */
    @Property(tries = 100)
    void theCollectorSortsRowsFromAnyOrder(@ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
        Random r = new Random(seed);
        int n = 1 + r.nextInt(40);
        java.util.List<Integer> order = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        IntervalCollector sorted = new IntervalCollector(1);
        for (int i : order) {
            sorted.add(t(15 * i), t(15 * i + 15), new double[] {i}, "a.csv", i + 2);
        }
        java.util.Collections.shuffle(order, r);
        IntervalCollector shuffled = new IntervalCollector(1);
        for (int i : order) {
            shuffled.add(t(15 * i), t(15 * i + 15), new double[] {i}, "a.csv", i + 2);
        }
        io.minerai.data.csv.ProblemCollector problems = new io.minerai.data.csv.ProblemCollector();
        assertThat(shuffled.build(problems, "time", java.util.List.of("p"), java.util.List.of("X")))
                .isEqualTo(sorted.build(problems, "time", java.util.List.of("p"), java.util.List.of("X")));
        assertThat(problems.isEmpty()).isTrue();
    }
}
