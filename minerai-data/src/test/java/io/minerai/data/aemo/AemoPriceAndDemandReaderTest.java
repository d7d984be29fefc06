package io.minerai.data.aemo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.minerai.core.time.TimeGrid;
import io.minerai.core.time.TimeSeries;
import io.minerai.core.validation.Problem;
import io.minerai.core.validation.ValidationException;
import io.minerai.data.TestFiles;
import io.minerai.data.csv.CsvFile;
import io.minerai.data.csv.ProblemCollector;
import io.minerai.data.series.IntervalSeries;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AemoPriceAndDemandReaderTest {
    private static final String HEADER = "REGION,SETTLEMENTDATE,TOTALDEMAND,RRP,PERIODTYPE";

    static AemoRegionSeries bundledVic1() {
        InputStream in = AemoPriceAndDemandReaderTest.class.getResourceAsStream(
                "/io/minerai/data/aemo_vic1_2025/aemo_vic1_2025_5min.csv.gz");
        return AemoPriceAndDemandReader.read(in, "aemo_vic1_2025_5min.csv", Optional.of("VIC1"))
                .region("VIC1")
                .orElseThrow();
    }

    @Test
    void interval_ending_nem_time_becomes_utc_interval_start() {
        // the first three rows of the bundled file (lines 2-4), verbatim
        AemoRegionSeries vic = AemoPriceAndDemandReader.read(
                        TestFiles.lines(
                                HEADER,
                                "VIC1,2025/01/01 00:05:00,4339,130,TRADE",
                                "VIC1,2025/01/01 00:10:00,4310.79,125.50,TRADE",
                                "VIC1,2025/01/01 00:15:00,4243.74,129.02,TRADE"),
                        "p.csv",
                        Optional.empty())
                .region("vic1")
                .orElseThrow();
        IntervalSeries price = vic.priceAudPerMwh();
        // 2025/01/01 00:05 NEM (UTC+10) ends the interval 00:00-00:05 NEM = 2024-12-31T14:00Z .. 14:05Z
        assertThat(price.start(0)).isEqualTo(Instant.parse("2024-12-31T14:00:00Z"));
        assertThat(price.end(0)).isEqualTo(Instant.parse("2024-12-31T14:05:00Z"));
        assertThat(price.value(0)).isEqualTo(130);
        assertThat(price.value(2)).isEqualTo(129.02);
        assertThat(price.unit()).isEqualTo("AUD/MWh");
        assertThat(vic.demandMw().value(1)).isEqualTo(4310.79);
        assertThat(vic.demandMw().unit()).isEqualTo("MW");
        // on a 15-minute run grid: (130 + 125.5 + 129.02) / 3 = 128.1733...
        TimeSeries q = price.resampleTo(new TimeGrid(Instant.parse("2024-12-31T14:00:00Z"), Duration.ofMinutes(15), 1));
        assertThat(q.value(0)).isCloseTo(384.52 / 3, within(1e-12));
    }

    @Test
    void thirty_minute_trading_intervals_before_five_minute_settlement() {
        // synthetic values around the 5MS start (2021-10-01 00:00 NEM): a 30-minute interval, then 5-minute ones
        AemoRegionSeries s = AemoPriceAndDemandReader.read(
                        TestFiles.lines(
                                HEADER,
                                "NSW1,2021/09/30 23:30:00,7000,40,TRADE",
                                "NSW1,2021/10/01 00:00:00,7100,50,TRADE",
                                "NSW1,2021/10/01 00:05:00,7200,60,TRADE"),
                        "p.csv",
                        Optional.empty())
                .region("NSW1")
                .orElseThrow();
        IntervalSeries p = s.priceAudPerMwh();
        assertThat(p.start(1)).isEqualTo(NemTime.toUtc(LocalDateTime.of(2021, 9, 30, 23, 30)));
        assertThat(p.length(1)).isEqualTo(Duration.ofMinutes(30));
        assertThat(p.length(2)).isEqualTo(Duration.ofMinutes(5));
        assertThat(p.start(2)).isEqualTo(NemTime.toUtc(LocalDateTime.of(2021, 10, 1, 0, 0)));
    }

    @Test
    void malformed_rows_are_refused_with_file_line_and_column() {
        assertThatThrownBy(() -> AemoPriceAndDemandReader.read(
                        TestFiles.lines(
                                HEADER,
                                "VIC1,2025/01/01 00:05:00,4339,abc,TRADE", // synthetic: bad price
                                "VIC1,2025-01-01 00:10:00,4310.79,125.50,TRADE", // wrong date format
                                "VIC1,2025/01/01 00:12:00,4310.79,125.50,TRADE", // not a 5-minute end
                                "VIC1,2025/01/01 00:20:00,4310.79,125.50,FORECAST",
                                "VIC1,2025/01/01 00:05:00,4339,130,TRADE", // duplicate of line 2
                                ",2025/01/01 00:25:00,1,1,TRADE",
                                "VIC1,2025/02/30 00:25:00,1,1,TRADE"),
                        "p.csv",
                        Optional.empty()))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.problems())
                                .extracting(Problem::toString)
                                .containsExactlyInAnyOrder(
                                        "p.csv:2:RRP: not a number: 'abc'",
                                        "p.csv:3:SETTLEMENTDATE: not a NEM time yyyy/MM/dd HH:mm:ss: '2025-01-01 00:10:00'",
                                        "p.csv:4:SETTLEMENTDATE: '2025/01/01 00:12:00' is not the end of a 5-minute interval"
                                                + " (NEM settlement intervals end on multiples of 5 minutes)",
                                        "p.csv:5:PERIODTYPE: must be TRADE (a settled trading interval), was 'FORECAST'",
                                        "p.csv:6:SETTLEMENTDATE: duplicate interval starting 2024-12-31T14:00:00Z (also at"
                                                + " p.csv:2)",
                                        "p.csv:7:REGION: empty; a region id such as VIC1 is required",
                                        "p.csv:8:SETTLEMENTDATE: not a NEM time yyyy/MM/dd HH:mm:ss: '2025/02/30 00:25:00'"));
    }

    @Test
    void missing_columns_and_unknown_region() {
        assertThatThrownBy(() -> AemoPriceAndDemandReader.read(
                        TestFiles.lines("REGION,SETTLEMENTDATE,RRP", "VIC1,2025/01/01 00:05:00,1"),
                        "p.csv",
                        Optional.empty()))
                .hasMessageContaining("p.csv:1:TOTALDEMAND: missing column TOTALDEMAND");
        assertThatThrownBy(() -> AemoPriceAndDemandReader.read(
                        TestFiles.lines(HEADER, "VIC1,2025/01/01 00:05:00,4339,130,TRADE"),
                        "p.csv",
                        Optional.of("SA1")))
                .hasMessageContaining("p.csv: region SA1 not found; found: VIC1");
    }

    @Test
    void a_folder_of_monthly_files_is_one_series_and_blank_values_are_gaps(@TempDir Path dir) throws Exception {
        // synthetic values; file names as AEMO names them
        Files.writeString(
                dir.resolve("PRICE_AND_DEMAND_202502_VIC1.csv"),
                HEADER + "\nVIC1,2025/02/01 00:05:00,5000,20,TRADE\n",
                StandardCharsets.UTF_8);
        Files.writeString(
                dir.resolve("PRICE_AND_DEMAND_202501_VIC1.csv"),
                HEADER + "\nVIC1,2025/01/31 23:55:00,4000,,TRADE\nVIC1,2025/02/01 00:00:00,4100,10,TRADE\n",
                StandardCharsets.UTF_8);
        AemoRegionSeries s = AemoPriceAndDemandReader.read(dir, Optional.of("VIC1"))
                .region("VIC1")
                .orElseThrow();
        assertThat(s.priceAudPerMwh().size()).isEqualTo(3);
        assertThat(s.priceAudPerMwh().isMissing(0)).isTrue();
        assertThat(s.demandMw().value(0)).isEqualTo(4000);
        assertThat(s.priceAudPerMwh().value(2)).isEqualTo(20);

        Files.writeString(
                dir.resolve("PRICE_AND_DEMAND_202503_VIC1.csv"),
                HEADER + "\nVIC1,2025/02/01 00:05:00,5000,21,TRADE\n",
                StandardCharsets.UTF_8);
        assertThatThrownBy(() -> AemoPriceAndDemandReader.read(dir, Optional.of("VIC1")))
                .hasMessageContaining("PRICE_AND_DEMAND_202503_VIC1.csv:2:SETTLEMENTDATE: duplicate interval starting"
                        + " 2025-01-31T14:00:00Z (also at PRICE_AND_DEMAND_202502_VIC1.csv:2)");
        assertThatThrownBy(() -> AemoPriceAndDemandReader.read(dir.resolve("nope.csv"), Optional.empty()))
                .hasMessageContaining("nope.csv: file not found: ");
    }

    /** Golden: the figures of the shared SOURCE.md (aemo_vic1_2025). */
    @Test
    void bundled_vic1_2025_matches_its_source_checks() {
        AemoRegionSeries vic = bundledVic1();
        IntervalSeries rrp = vic.priceAudPerMwh();
        IntervalSeries demand = vic.demandMw();
        assertThat(rrp.size()).isEqualTo(105_120);
        assertThat(rrp.presentCount()).isEqualTo(105_120);
        assertThat(rrp.gaps()).isEmpty();
        assertThat(rrp.start(0)).isEqualTo(Instant.parse("2024-12-31T14:00:00Z"));
        assertThat(rrp.end(rrp.size() - 1)).isEqualTo(Instant.parse("2025-12-31T14:00:00Z"));
        assertThat(rrp.minPresent()).isEqualTo(-1000.0);
        assertThat(rrp.maxPresent()).isEqualTo(17_500.0);
        assertThat(rrp.meanPresent()).isCloseTo(77.886, within(0.0005));
        int negative = 0;
        for (int i = 0; i < rrp.size(); i++) {
            negative += rrp.value(i) < 0 ? 1 : 0;
        }
        assertThat(negative).isEqualTo(25_177);
        assertThat(demand.minPresent()).isEqualTo(1224.77);
        assertThat(demand.maxPresent()).isEqualTo(9490.53);
        assertThat(demand.meanPresent()).isCloseTo(4881.17, within(0.005));
        // the whole year on a 5-minute UTC grid is complete; on an hourly grid too (each hour = 12 intervals)
        TimeGrid year = TimeGrid.between(rrp.start(0), rrp.end(rrp.size() - 1), Duration.ofMinutes(5));
        assertThat(rrp.resampleTo(year).missingCount()).isZero();
        TimeGrid hourly = TimeGrid.between(rrp.start(0), rrp.end(rrp.size() - 1), Duration.ofHours(1));
        assertThat(rrp.resampleTo(hourly).meanPresent()).isCloseTo(77.886, within(0.0005));
    }

    /**
     * Golden cross-check against an independent computation: the monthly mean RRP of each AEMO monthly file
     * (cutout-z/aemo-historical-prices) equals the mean of our intervals whose NEM-time start falls in that month.
     */
    @Test
    void bundled_vic1_monthly_means_match_the_independent_monthly_table() {
        IntervalSeries rrp = bundledVic1().priceAudPerMwh();
        Map<YearMonth, double[]> sums = new HashMap<>();
        for (int i = 0; i < rrp.size(); i++) {
            YearMonth m = YearMonth.from(LocalDateTime.ofInstant(rrp.start(i), NemTime.OFFSET));
            double[] a = sums.computeIfAbsent(m, k -> new double[2]);
            a[0] += rrp.value(i);
            a[1]++;
        }
        ProblemCollector problems = new ProblemCollector();
        List<io.minerai.data.csv.CsvRow> rows = CsvFile.readAll(
                getClass().getResourceAsStream("/io/minerai/data/aemo/aemo_nem_monthly_rrp_2024_2025.csv"),
                problems.forFile("monthly.csv"),
                h -> true);
        int checked = 0;
        for (var r : rows) {
            if (r.text(0).equals("VIC1") && r.text(1).startsWith("2025")) {
                double[] a = java.util.Objects.requireNonNull(sums.get(YearMonth.parse(r.text(1))));
                assertThat(a[1]).as(r.text(1)).isEqualTo(Double.parseDouble(r.text(4)));
                assertThat(a[0] / a[1]).as(r.text(1)).isCloseTo(Double.parseDouble(r.text(2)), within(0.0051));
                checked++;
            }
        }
        assertThat(checked).isEqualTo(12);
    }
}
