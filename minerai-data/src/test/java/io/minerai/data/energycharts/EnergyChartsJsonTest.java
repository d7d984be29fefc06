package io.minerai.data.energycharts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minerai.core.validation.Problem;
import io.minerai.core.validation.ValidationException;
import io.minerai.data.series.IntervalSeries;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Energy-Charts /price responses as the API publishes them. The shape (license_info, unix_seconds, price, unit,
 * deprecated) is that of the cached responses in MorrisJobke/day-ahead-prices (data/raw/2020-01-01.json); the values
 * below are the first rows of the bundled 2025 CSV (lines 6552..6556), which was flattened from such responses.
 */
class EnergyChartsJsonTest {
    private static final String LICENCE = "\"license_info\": \"CC BY 4.0 (creativecommons.org/licenses/by/4.0) from"
            + " Bundesnetzagentur | SMARD.de\"";

    @Test
    void api_responses_in_a_folder_make_one_series(@TempDir Path dir) throws Exception {
        Files.writeString(
                dir.resolve("2025-09-30.json"),
                "{" + LICENCE + ", \"unix_seconds\": [1759262400, 1759266000], \"price\": [101.63, 92.54],"
                        + " \"unit\": \"EUR / MWh\", \"deprecated\": false}",
                StandardCharsets.UTF_8);
        Files.writeString(
                dir.resolve("2025-10-01.json"),
                "{" + LICENCE + ", \"unix_seconds\": [1759269600, 1759270500, 1759271400], \"price\": [102.6, null,"
                        + " 86.03], \"unit\": \"EUR / MWh\", \"deprecated\": false}",
                StandardCharsets.UTF_8);
        IntervalSeries s = EnergyChartsDayAheadReader.read(List.of(dir), "DE-LU");
        assertThat(s.size()).isEqualTo(5);
        assertThat(s.length(1)).isEqualTo(Duration.ofHours(1));
        assertThat(s.start(2)).isEqualTo(Instant.parse("2025-09-30T22:00:00Z"));
        assertThat(s.length(2)).isEqualTo(Duration.ofMinutes(15));
        assertThat(s.isMissing(3)).as("null price").isTrue();
        assertThat(s.end(4)).isEqualTo(Instant.parse("2025-09-30T22:45:00Z"));
    }

    @Test
    void malformed_responses_are_refused_at_their_json_path(@TempDir Path dir) throws Exception {
        Files.writeString(
                dir.resolve("a.json"),
                "{\"unix_seconds\": [1759262400, 1759266000], \"price\": [1, 2], \"unit\": \"NOK / MWh\"}",
                StandardCharsets.UTF_8);
        Files.writeString(
                dir.resolve("b.json"),
                "{\"unix_seconds\": [1759262400, 1759266000], \"price\": [1, \"x\"]}",
                StandardCharsets.UTF_8);
        Files.writeString(
                dir.resolve("c.json"), "{\"unix_seconds\": [1759262400], \"price\": [1, 2]}", StandardCharsets.UTF_8);
        Files.writeString(
                dir.resolve("d.json"),
                "{\"unix_seconds\": [1759262400, 1759266000], \"price\": [3, 4]}",
                StandardCharsets.UTF_8);
        Files.writeString(
                dir.resolve("e.json"),
                "{\"unix_seconds\": [1759262400, 1759266000], \"price\": [3, 4]}",
                StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("f.json"), "{\"unix_seconds\": [", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> EnergyChartsDayAheadReader.read(List.of(dir), "DE-LU"))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.problems())
                                .extracting(Problem::path)
                                .containsExactlyInAnyOrder(
                                        "a.json:unit",
                                        "b.json:price[1]",
                                        "c.json:price",
                                        // b.json's first MTU was read (only its second price is bad): d.json repeats it
                                        "d.json:unix_seconds[0]",
                                        "e.json:unix_seconds[0]",
                                        "e.json:unix_seconds[1]",
                                        "f.json"))
                .hasMessageContaining(
                        "d.json:unix_seconds[0]: duplicate interval starting 2025-09-30T20:00:00Z (also at"
                                + " b.json:unix_seconds[0])")
                .hasMessageContaining("a.json:unit: must be EUR / MWh, was 'NOK / MWh'");
    }
}
