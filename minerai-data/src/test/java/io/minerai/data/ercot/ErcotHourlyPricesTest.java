package io.minerai.data.ercot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.minerai.core.time.TimeGrid;
import io.minerai.core.time.TimeSeries;
import io.minerai.core.validation.Problem;
import io.minerai.core.validation.ValidationException;
import io.minerai.data.Coverage;
import io.minerai.data.DateRange;
import io.minerai.data.TestFiles;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class ErcotHourlyPricesTest {
    private static final ErcotHourlyPrices P = ErcotHourlyPrices.bundled();

    private static Instant utc(String s) {
        return Instant.parse(s);
    }

    private static double at(TimeSeries s, String instant) {
        return s.value(s.grid().indexStartingAt(utc(instant)));
    }

    private static boolean missingAt(TimeSeries s, String instant) {
        return s.isMissing(s.grid().indexStartingAt(utc(instant)));
    }

    @Test
    void bundledSettlementPointsAndCoverage() {
        assertThat(P.settlementPoints())
                .hasSize(15)
                .startsWith("HB_WEST", "LZ_WEST")
                .contains("LZ_RAYBN");
        assertThat(P.coverage()).isEqualTo(new Coverage(utc("2024-01-01T06:00:00Z"), utc("2026-03-18T05:00:00Z")));
        assertThat(P.operatingDays()).isEqualTo(new DateRange(LocalDate.of(2024, 1, 1), LocalDate.of(2026, 3, 17)));
        assertThat(P.markets("lz_west")).containsExactly(Market.RTM, Market.DAM);
        assertThat(ErcotHourlyPrices.bundled()).isSameAs(P);
    }

    @Test
    void firstRowsLandOnUtcHoursByHand() {
        TimeSeries rtm = P.hourly("HB_WEST", Market.RTM);
        assertThat(at(rtm, "2024-01-01T06:00:00Z")).isEqualTo(15.4925);
        assertThat(at(rtm, "2024-01-01T07:00:00Z")).isEqualTo(16.705);
        assertThat(at(P.hourly("LZ_WEST", Market.DAM), "2024-01-01T06:00:00Z")).isEqualTo(26.93);
        assertThat(rtm.unit()).isEqualTo("USD/MWh");
    }

    /**
     * 2024 has 8,784 operating-day hours; the source has 8,615 rows for them (its SOURCE.md), one of which is the empty
     * placeholder for the non-existent hour ending 3 of 2024-03-10, so 8,614 hours have prices; the rest are missing.
     */
    @Test
    void gapsOf2024AreKeptMissing() {
        TimeGrid y2024 =
                TimeGrid.between(utc("2024-01-01T06:00:00Z"), utc("2025-01-01T06:00:00Z"), Duration.ofHours(1));
        TimeSeries s = P.series("LZ_WEST", Market.RTM, y2024);
        assertThat(s.presentCount()).isEqualTo(8614);
        // 2024-03-10 (spring forward): only hour ending 1 (00:00 CST = 06:00Z) has prices in the source.
        assertThat(at(s, "2024-03-10T06:00:00Z")).isEqualTo(198.7575);
        assertThat(missingAt(s, "2024-03-10T07:00:00Z")).isTrue();
        // ... then whole days 2024-03-11..16, up to 2024-03-17 hour ending 4 (03:00 CDT = 08:00Z): one gap.
        TimeSeries.Gap g = s.gaps().get(0);
        assertThat(g.fromUtc()).isEqualTo(utc("2024-03-10T07:00:00Z"));
        assertThat(g.toUtc()).isEqualTo(utc("2024-03-17T08:00:00Z"));
    }

    @Test
    void fallBackDayHasTheSecondHourEnding2Missing() {
        TimeSeries s = P.hourly("HB_WEST", Market.RTM);
        assertThat(at(s, "2024-11-03T05:00:00Z")).isEqualTo(18.845);
        assertThat(at(s, "2024-11-03T06:00:00Z")).isEqualTo(21.31);
        assertThat(missingAt(s, "2024-11-03T07:00:00Z")).isTrue();
        assertThat(at(s, "2024-11-03T08:00:00Z")).isEqualTo(18.85);
    }

    @Test
    void resamplingRepeatsOnFinerGridsAndAveragesOnCoarser() {
        TimeGrid fifteen = new TimeGrid(utc("2024-01-01T06:00:00Z"), Duration.ofMinutes(15), 8);
        TimeSeries q = P.series("HB_WEST", Market.RTM, fifteen);
        assertThat(q.copyValues()).containsExactly(15.4925, 15.4925, 15.4925, 15.4925, 16.705, 16.705, 16.705, 16.705);
        TimeGrid twoHours = new TimeGrid(utc("2024-01-01T06:00:00Z"), Duration.ofHours(2), 1);
        assertThat(P.series("HB_WEST", Market.RTM, twoHours).value(0)).isCloseTo((15.4925 + 16.705) / 2, within(1e-12));
        TimeGrid day = new TimeGrid(utc("2024-01-02T00:00:00Z"), Duration.ofDays(1), 1);
        TimeSeries hourly = P.hourly("HB_WEST", Market.RTM);
        int first = hourly.grid().indexStartingAt(utc("2024-01-02T00:00:00Z"));
        double sum = 0;
        for (int i = first; i < first + 24; i++) {
            sum += hourly.value(i);
        }
        assertThat(P.series("HB_WEST", Market.RTM, day).value(0)).isCloseTo(sum / 24, within(1e-9));
    }

    @Test
    void gridsOutsideTheDataAreMissingNotErrors() {
        TimeGrid early = new TimeGrid(utc("2023-12-31T22:00:00Z"), Duration.ofHours(1), 10);
        TimeSeries s = P.series("HB_WEST", Market.DAM, early);
        assertThat(s.missingCount()).isEqualTo(8);
        assertThat(s.isMissing(8)).isFalse();
    }

    @Test
    void unknownSettlementPointListsTheKnownOnes() {
        TimeGrid g = new TimeGrid(utc("2024-01-01T06:00:00Z"), Duration.ofHours(1), 1);
        assertThatThrownBy(() -> P.series("HB_NOWHERE", Market.RTM, g))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown settlement point HB_NOWHERE; known: HB_WEST, LZ_WEST");
    }

    @Test
    void malformedTableGivesEveryProblem() {
        var in = TestFiles.lines(
                "delivery_date,hour_ending,HB_WEST_RTM,HB_WEST_DAM",
                "2024-01-01,1,15.5,19.79",
                "2024-02-30,2,15.5,19.79",
                "2024-01-01,25,15.5,19.79",
                "2024-01-01,1,15.5,19.79",
                "2024-01-01,3,n/a,19.79",
                "2024-03-10,3,15.5,19.79",
                "2024-03-10,3,,",
                "2024-01-01,x,1,1");
        assertThatThrownBy(() -> ErcotHourlyPrices.read(in, "prices.csv"))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.problems())
                                .extracting(Problem::path)
                                .containsExactly(
                                        "prices.csv:3:delivery_date",
                                        "prices.csv:4:hour_ending",
                                        "prices.csv:5:hour_ending",
                                        "prices.csv:6:HB_WEST_RTM",
                                        "prices.csv:7:hour_ending",
                                        "prices.csv:9:hour_ending"))
                .hasMessageContaining("hour ending must be 1..24, was 25")
                .hasMessageContaining("duplicate hour: 2024-01-01 hour ending 1 (first on line 2)")
                .hasMessageContaining("hour ending 3 does not exist on 2024-03-10");
    }

    @Test
    void userAncillaryFilesMayNotPriceANonexistentHour() {
        var in = TestFiles.lines("delivery_date,hour_ending,regdn,rrs", "2024-03-10,3,1.8,3.0");
        assertThatThrownBy(() -> ErcotAncillaryPrices.read(in, "as.csv"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("as.csv:2:hour_ending: hour ending 3 does not exist on 2024-03-10");
    }

    @Test
    void missingKeyColumns() {
        var in = TestFiles.lines("date,HB_WEST_RTM", "2024-01-01,1");
        assertThatThrownBy(() -> ErcotHourlyPrices.read(in, "p.csv"))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.problems())
                                .extracting(Problem::path)
                                .containsExactly("p.csv:1:delivery_date", "p.csv:1:hour_ending"));
    }

    @Test
    void ancillaryProductsByHand() {
        ErcotAncillaryPrices as = ErcotAncillaryPrices.bundled();
        assertThat(as.products()).containsExactly("REGDN", "REGUP", "RRS", "NSPIN", "ECRS");
        TimeGrid g = new TimeGrid(utc("2024-01-01T06:00:00Z"), Duration.ofMinutes(30), 2);
        Map<String, TimeSeries> m = as.series(g);
        assertThat(Objects.requireNonNull(m.get("REGDN")).copyValues()).containsExactly(1.53, 1.53);
        assertThat(Objects.requireNonNull(m.get("ECRS")).value(0)).isEqualTo(0.06);
        assertThat(Objects.requireNonNull(m.get("ECRS")).unit()).isEqualTo("USD/MW-h");
        // AS prices are missing 2026-02-15..2026-03-17 in the source.
        TimeGrid late = new TimeGrid(utc("2026-02-20T00:00:00Z"), Duration.ofDays(1), 3);
        assertThat(Objects.requireNonNull(as.series(late).get("RRS")).missingCount())
                .isEqualTo(3);
        assertThat(as.hourly("rrs").name()).isEqualTo("RRS MCPC");
        assertThat(as.droppedRows())
                .containsExactly(
                        "ercot_dam_as_mcpc_hourly_2024_2026.csv:1659 (2024-03-10 hour ending 3)",
                        "ercot_dam_as_mcpc_hourly_2024_2026.csv:10226 (2025-03-09 hour ending 3)");
    }
}
