package io.minerai.data.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.minerai.core.site.ProfileSource;
import io.minerai.core.time.TimeGrid;
import io.minerai.core.time.TimeSeries;
import io.minerai.core.validation.Problem;
import io.minerai.core.validation.ValidationException;
import io.minerai.data.ercot.ErcotFuelMixReader;
import io.minerai.data.ercot.FuelMix;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileResolverTest {
    private static final Path HERE = Path.of(".");

    private static TimeGrid hours(String start, int n) {
        return new TimeGrid(Instant.parse(start), Duration.ofHours(1), n);
    }

    /** The O(n) rolling maximum against a brute-force reference on synthetic series with gaps. */
    @Property(tries = 300)
    void rollingMaxMatchesBruteForce(
            @ForAll @IntRange(min = 1, max = 200) int n,
            @ForAll @IntRange(min = 1, max = 30) int half,
            @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long seed) {
        Random rnd = new Random(seed);
        TimeGrid g = new TimeGrid(Instant.parse("2024-01-01T00:00:00Z"), Duration.ofMinutes(15), n);
        TimeSeries.Builder b = TimeSeries.builder("synthetic", "MWh", g);
        for (int i = 0; i < n; i++) {
            if (rnd.nextInt(6) > 0) {
                b.set(i, rnd.nextInt(5) == 0 ? 0 : rnd.nextDouble() * 100 - 5);
            }
        }
        TimeSeries s = b.build();
        TimeSeries out = ProfileResolver.rollingMaxNormalised(s, half);
        for (int i = 0; i < n; i++) {
            if (s.isMissing(i)) {
                assertThat(out.isMissing(i)).isTrue();
                continue;
            }
            double max = Double.NEGATIVE_INFINITY;
            for (int k = Math.max(0, i - half); k <= Math.min(n - 1, i + half - 1); k++) {
                if (!s.isMissing(k)) {
                    max = Math.max(max, s.value(k));
                }
            }
            double expected = max > 0 ? Math.max(0, Math.min(1, s.value(i) / max)) : 0;
            assertThat(out.value(i)).isCloseTo(expected, within(1e-12));
        }
    }

    @Test
    void solarShapeOnAJuneDayByHand() {
        TimeGrid day = hours("2024-06-01T05:00:00Z", 24);
        TimeSeries cf = ProfileResolver.resolve(new ProfileSource.ErcotFuelShape("Solar", 0.8, 0), day, HERE);
        assertThat(cf.missingCount()).isZero();
        for (int i = 0; i < 24; i++) {
            assertThat(cf.value(i)).isBetween(0.0, 0.8);
        }
        assertThat(cf.value(0)).isLessThan(0.01); // midnight CDT
        assertThat(cf.value(14)).isGreaterThan(0.5); // 14:00 CDT
        // One 15-minute interval by hand: energy / max over the centred 30-day window x peak.
        FuelMix mix = ErcotFuelMixReader.bundled();
        TimeSeries solar = mix.energyMwh("Solar");
        Instant t = Instant.parse("2024-06-01T19:00:00Z");
        int i = solar.grid().indexStartingAt(t);
        double max = 0;
        for (int k = i - 1440; k < i + 1440; k++) {
            max = Math.max(max, solar.value(k));
        }
        TimeGrid quarter = new TimeGrid(t, Duration.ofMinutes(15), 1);
        assertThat(ProfileResolver.resolve(new ProfileSource.ErcotFuelShape("solar", 0.8, 0), quarter, HERE)
                        .value(0))
                .isCloseTo(solar.value(i) / max * 0.8, within(1e-12));
    }

    @Test
    void anotherYearIsMappedByUtcDayAndTimeIncludingFeb29() {
        var src2024 = new ProfileSource.ErcotFuelShape("Wind", 1.0, 2024);
        var own = new ProfileSource.ErcotFuelShape("Wind", 1.0, 0);
        TimeSeries in2025 = ProfileResolver.resolve(src2024, hours("2025-07-01T00:00:00Z", 24), HERE);
        TimeSeries in2024 = ProfileResolver.resolve(own, hours("2024-07-01T00:00:00Z", 24), HERE);
        assertThat(in2025.copyValues()).containsExactly(in2024.copyValues());
        // A leap target day takes Feb 28 of a non-leap source year.
        var src2023 = new ProfileSource.ErcotFuelShape("Wind", 1.0, 2023);
        assertThat(ProfileResolver.resolve(src2023, hours("2024-02-29T00:00:00Z", 24), HERE)
                        .copyValues())
                .containsExactly(ProfileResolver.resolve(own, hours("2023-02-28T00:00:00Z", 24), HERE)
                        .copyValues());
        // A non-leap target's March 1 takes March 1 of a leap source year.
        assertThat(ProfileResolver.resolve(src2024, hours("2025-03-01T00:00:00Z", 24), HERE)
                        .copyValues())
                .containsExactly(ProfileResolver.resolve(own, hours("2024-03-01T00:00:00Z", 24), HERE)
                        .copyValues());
    }

    @Test
    void fuelShapeProblems() {
        TimeGrid g2026 = hours("2026-01-01T00:00:00Z", 24);
        assertThatThrownBy(() -> ProfileResolver.resolve(new ProfileSource.ErcotFuelShape("Solar", 1, 0), g2026, HERE))
                .hasMessageContaining("profile: the run's period 2026-01-01T00:00:00Z .. 2026-01-02T00:00:00Z is"
                        + " entirely outside the bundled fuel mix (2023-01-01T06:00:00Z .. 2025-01-01T06:00:00Z)");
        assertThatThrownBy(() ->
                        ProfileResolver.resolve(new ProfileSource.ErcotFuelShape("Geothermal", 1.5, 2019), g2026, HERE))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.problems())
                                .extracting(Problem::path)
                                .containsExactly("profile.fuel", "profile.peakCapacityFactor", "profile.year"))
                .hasMessageContaining("the bundled fuel mix covers 2023..2024");
    }

    @Test
    void constantAndCsvProfiles(@TempDir Path dir) throws IOException {
        TimeGrid g = hours("2024-01-01T00:00:00Z", 4);
        assertThat(ProfileResolver.resolve(new ProfileSource.Constant(0.4), g, dir)
                        .copyValues())
                .containsExactly(0.4, 0.4, 0.4, 0.4);
        Files.writeString(
                dir.resolve("cf.csv"),
                "time,cf\n2024-01-01T00:00:00Z,0.1\n2024-01-01T00:30:00Z,0.3\n2024-01-01T01:00:00Z,0.5\n"
                        + "2024-01-01T01:30:00Z,0.7\n");
        TimeSeries cf = ProfileResolver.resolve(new ProfileSource.Csv("cf.csv", "time", "cf"), g, dir);
        assertThat(cf.value(0)).isCloseTo(0.2, within(1e-12));
        assertThat(cf.value(1)).isCloseTo(0.6, within(1e-12));
        assertThat(cf.isMissing(2)).isTrue();
        Files.writeString(dir.resolve("bad.csv"), "time,cf\n2024-01-01T00:00:00Z,0.1\n2024-01-01T01:00:00Z,1.5\n");
        assertThatThrownBy(() -> ProfileResolver.resolve(new ProfileSource.Csv("bad.csv", "time", "cf"), g, dir))
                .hasMessageContaining("bad.csv:3:cf: must be within 0..1, was 1.5");
        assertThatThrownBy(() -> ProfileResolver.resolve(new ProfileSource.Csv("none.csv", "time", "cf"), g, dir))
                .hasMessageContaining("profile.path: file not found: "
                        + dir.resolve("none.csv").toAbsolutePath());
    }
}
