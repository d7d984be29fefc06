package io.minerai.data.ercot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minerai.core.time.TimeGrid;
import io.minerai.core.time.TimeSeries;
import io.minerai.core.validation.Problem;
import io.minerai.core.validation.ValidationException;
import io.minerai.data.DateRange;
import io.minerai.data.TestFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ErcotSppReportReaderTest {
    private static final String HEADER =
            "DeliveryDate,DeliveryHour,DeliveryInterval,SettlementPointName,SettlementPointType,SettlementPointPrice,DSTFlag";

    private static InputStream resource(String name) {
        return Objects.requireNonNull(ErcotSppReportReaderTest.class.getResourceAsStream(name), name);
    }

    private static Instant utc(String s) {
        return Instant.parse(s);
    }

    @Test
    void realRowsFromTheReportLandOnTheirUtcInterval() {
        SppSeries s = ErcotSppReportReader.read(
                resource("spp_real_rows_2025-07-30.csv"), "spp_real_rows_2025-07-30.csv", "7rnchslr_all");
        assertThat(s.settlementPoint()).isEqualTo("7RNCHSLR_ALL");
        assertThat(s.operatingDays()).isEqualTo(new DateRange(LocalDate.of(2025, 7, 30), LocalDate.of(2025, 7, 30)));
        TimeSeries p = s.priceUsdPerMwh();
        // Operating day 2025-07-30 in CDT (UTC-5): 05:00Z .. next day 05:00Z, 96 quarter hours.
        assertThat(p.grid()).isEqualTo(new TimeGrid(utc("2025-07-30T05:00:00Z"), Duration.ofMinutes(15), 96));
        // Hour ending 9 = 08:00-09:00 CDT = 13:00-14:00Z; interval 3 starts at 13:30Z.
        assertThat(p.value(p.grid().indexStartingAt(utc("2025-07-30T13:30:00Z"))))
                .isEqualTo(19.27);
        assertThat(p.presentCount()).isEqualTo(1);
    }

    @Test
    void fallBackDayHas100IntervalsAndTheRepeatedHourFollowsTheFirst() {
        SppSeries s = ErcotSppReportReader.read(
                resource("spp_synthetic_fallback_2024-11-03.csv"), "fallback.csv", "HB_SYNTH");
        TimeSeries p = s.priceUsdPerMwh();
        assertThat(p.grid()).isEqualTo(new TimeGrid(utc("2024-11-03T05:00:00Z"), Duration.ofMinutes(15), 100));
        assertThat(p.missingCount()).isZero();
        for (int i = 0; i < 100; i++) {
            assertThat(p.value(i)).as("interval %d", i).isEqualTo(100.0 + i);
        }
        // Hour ending 2 N (01:00 CDT) starts 06:00Z, hour ending 2 Y (01:00 CST) starts 07:00Z.
        assertThat(p.grid().start(4)).isEqualTo(utc("2024-11-03T06:00:00Z"));
        assertThat(p.grid().start(8)).isEqualTo(utc("2024-11-03T07:00:00Z"));
    }

    @Test
    void springForwardDayHas92Intervals() {
        SppSeries s = ErcotSppReportReader.read(
                resource("spp_synthetic_springforward_2024-03-10.csv"), "spring.csv", "HB_SYNTH");
        TimeSeries p = s.priceUsdPerMwh();
        assertThat(p.grid()).isEqualTo(new TimeGrid(utc("2024-03-10T06:00:00Z"), Duration.ofMinutes(15), 92));
        assertThat(p.missingCount()).isZero();
        // Hour ending 4 (03:00 CDT = 08:00Z) directly follows hour ending 2 (01:00 CST = 07:00Z).
        assertThat(p.value(p.grid().indexStartingAt(utc("2024-03-10T08:00:00Z"))))
                .isEqualTo(108.0);
    }

    @Test
    void everyMalformedRowIsReported() {
        var in = TestFiles.lines(
                HEADER,
                "01/02/2024,1,1,HB_WEST,HU,10.5,N",
                "13/01/2024,1,1,HB_WEST,HU,10.5,N",
                "2024-01-02,1,2,HB_WEST,HU,10.5,N",
                "01/02/2024,25,1,HB_WEST,HU,10.5,N",
                "01/02/2024,1,5,HB_WEST,HU,10.5,N",
                "01/02/2024,1,3,HB_WEST,HU,abc,N",
                "01/02/2024,1,4,HB_WEST,HU,10.5,X",
                "01/02/2024,2,1,HB_WEST,HU,10.5,Y",
                "03/10/2024,3,1,HB_WEST,HU,10.5,N",
                "01/02/2024,1,1,hb_west,HU,11.5,N",
                "01/02/2024,1,1,HB_NORTH,HU,oops,N");
        assertThatThrownBy(() -> ErcotSppReportReader.read(in, "spp.csv", "HB_WEST"))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.problems())
                                .extracting(Problem::path)
                                .containsExactly(
                                        "spp.csv:3:DeliveryDate",
                                        "spp.csv:4:DeliveryDate",
                                        "spp.csv:5:DeliveryHour",
                                        "spp.csv:6:DeliveryInterval",
                                        "spp.csv:7:SettlementPointPrice",
                                        "spp.csv:8:DSTFlag",
                                        "spp.csv:9:DSTFlag",
                                        "spp.csv:10:DeliveryHour",
                                        "spp.csv:11"))
                .hasMessageContaining("not a valid date MM/DD/YYYY: '13/01/2024'")
                .hasMessageContaining("hour ending must be 1..24, was 25")
                .hasMessageContaining("interval must be 1..4, was 5")
                .hasMessageContaining("not a number: 'abc'")
                .hasMessageContaining("must be Y or N, was 'X'")
                .hasMessageContaining("DSTFlag Y, but hour ending 2 on 2024-01-02 is not a repeated hour")
                .hasMessageContaining("hour ending 3 does not exist on 2024-03-10")
                .hasMessageContaining(
                        "duplicate interval 01/02/2024 hour 1 interval 1 DSTFlag N of hb_west (first at spp.csv:2)");
    }

    @Test
    void missingColumnsAndUnknownSettlementPoint() {
        assertThatThrownBy(() -> ErcotSppReportReader.read(
                        TestFiles.lines("DeliveryDate,DeliveryHour,SettlementPointName", "01/02/2024,1,HB_WEST"),
                        "spp.csv",
                        "HB_WEST"))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.problems())
                                .extracting(Problem::path)
                                .containsExactly(
                                        "spp.csv:1:DeliveryInterval",
                                        "spp.csv:1:SettlementPointType",
                                        "spp.csv:1:SettlementPointPrice",
                                        "spp.csv:1:DSTFlag"));
        assertThatThrownBy(() ->
                        ErcotSppReportReader.read(resource("spp_real_rows_2025-07-30.csv"), "real.csv", "HB_WEST"))
                .hasMessageContaining("settlement point HB_WEST not found; the files have 2: 7RNCHSLR_ALL, A4_DGR1_RN");
    }

    @Test
    void readsFoldersZipsAndGzipAsOneSeriesAndFindsDuplicatesAcrossFiles(@TempDir Path dir) throws IOException {
        String day1 = HEADER + "\n01/02/2024,1,1,HB_WEST,HU,10.5,N\n";
        String day2 = HEADER + "\n01/03/2024,24,4,HB_WEST,HU,-3.25,N\n";
        Files.writeString(dir.resolve("a.csv"), day1);
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(dir.resolve("b.csv.gz")))) {
            o.write(day2.getBytes(StandardCharsets.UTF_8));
        }
        Files.writeString(dir.resolve("notes.txt"), "ignored");
        SppSeries s = ErcotSppReportReader.read(dir, "HB_WEST");
        assertThat(s.priceUsdPerMwh().grid().count()).isEqualTo(192);
        assertThat(s.priceUsdPerMwh().value(0)).isEqualTo(10.5);
        assertThat(s.priceUsdPerMwh().value(191)).isEqualTo(-3.25);

        Path zip = dir.resolve("c.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            z.putNextEntry(new ZipEntry("cdr.00012301.SPPHLZNP6905_20240102_0015.csv"));
            z.write(day1.getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        assertThat(ErcotSppReportReader.read(zip, "HB_WEST").priceUsdPerMwh().value(0))
                .isEqualTo(10.5);
        assertThatThrownBy(() -> ErcotSppReportReader.read(dir, "HB_WEST"))
                .hasMessageContaining("c.zip!/cdr.00012301.SPPHLZNP6905_20240102_0015.csv:2: duplicate interval")
                .hasMessageContaining("(first at a.csv:2)");
    }

    @Test
    void missingFileNamesTheAbsolutePath() {
        Path p = Path.of("nowhere", "spp.csv");
        assertThatThrownBy(() -> ErcotSppReportReader.read(p, "HB_WEST"))
                .hasMessageContaining("file not found: " + p.toAbsolutePath());
    }

    /**
     * Round trip on synthetic prices (two-decimal values, some intervals missing) over 1-4 operating days anywhere in
     * 2015-2034, DST days included: writing in ERCOT's format and reading back gives the same series.
     */
    @Property(tries = 200)
    void writeThenReadGivesTheSameSeries(
            @ForAll @IntRange(min = 0, max = 7300) int dayOffset,
            @ForAll @IntRange(min = 1, max = 4) int days,
            @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long seed) {
        LocalDate first = LocalDate.of(2015, 1, 1).plusDays(dayOffset);
        TimeGrid grid = TimeGrid.between(
                CentralTime.dayStartUtc(first), CentralTime.dayStartUtc(first.plusDays(days)), Duration.ofMinutes(15));
        java.util.Random rnd = new java.util.Random(seed);
        TimeSeries.Builder b = TimeSeries.builder("HB_SYNTH RTM", "USD/MWh", grid);
        for (int i = 0; i < grid.count(); i++) {
            if (i == 0 || i == grid.count() - 1 || rnd.nextInt(10) > 0) {
                b.set(i, (rnd.nextInt(2_000_000) - 100_000) / 100.0);
            }
        }
        TimeSeries original = b.build();
        StringWriter w = new StringWriter();
        ErcotSppReportWriter.write(original, "HB_SYNTH", "HU", w);
        SppSeries back = ErcotSppReportReader.read(
                new java.io.ByteArrayInputStream(w.toString().getBytes(StandardCharsets.UTF_8)),
                "roundtrip.csv",
                "HB_SYNTH");
        assertThat(back.priceUsdPerMwh()).isEqualTo(original);
        assertThat(back.operatingDays()).isEqualTo(new DateRange(first, first.plusDays(days - 1)));
    }
}
