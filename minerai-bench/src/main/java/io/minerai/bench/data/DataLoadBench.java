package io.minerai.bench.data;

import io.minerai.data.aemo.AemoPriceAndDemandReader;
import io.minerai.data.bitcoin.BtcDailyHistoryReader;
import io.minerai.data.bitcoin.CoinMetricsReader;
import io.minerai.data.energycharts.EnergyChartsDayAheadReader;
import io.minerai.data.ercot.ErcotAncillaryPrices;
import io.minerai.data.ercot.ErcotFuelMixReader;
import io.minerai.data.ercot.ErcotHourlyPrices;
import io.minerai.data.pjm.PjmLmpReader;
import java.io.InputStream;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time to parse each bundled dataset from its gzip resource (what {@code bundled()} does once per JVM): decompress,
 * parse with FastCSV, convert times to UTC, build the series. The default mode measures warm parses; for the cold
 * first call in a fresh JVM (class loading and JIT included) run {@code ./bench DataLoad -bm ss -f 5 -wi 0 -i 1}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DataLoadBench {
    @Param({
        "ercotHourlyPrices",
        "ercotAncillary",
        "ercotFuelMix2024",
        "coinMetrics",
        "btcDaily",
        "aemoVic1_2025",
        "deLuDayAhead2025",
        "pjmHubLmp2025"
    })
    String dataset = "ercotHourlyPrices";

    private static InputStream open(String resource) {
        return Objects.requireNonNull(DataLoadBench.class.getResourceAsStream(resource), resource);
    }

    @Benchmark
    public Object parse() {
        return switch (dataset) {
            case "ercotHourlyPrices" -> ErcotHourlyPrices.read(open(ErcotHourlyPrices.BUNDLED_RESOURCE), "prices");
            case "ercotAncillary" -> ErcotAncillaryPrices.parseBundled();
            case "ercotFuelMix2024" ->
                ErcotFuelMixReader.read(
                        open(ErcotFuelMixReader.BUNDLED_FOLDER + "ercot_fuel_mix_15min_2024.csv.gz"), "mix2024");
            case "coinMetrics" -> CoinMetricsReader.read(open(CoinMetricsReader.BUNDLED_RESOURCE), "btc");
            case "btcDaily" -> BtcDailyHistoryReader.read(open(BtcDailyHistoryReader.BUNDLED_RESOURCE), "btc_daily");
            case "aemoVic1_2025" ->
                AemoPriceAndDemandReader.read(
                        open("/io/minerai/data/aemo_vic1_2025/aemo_vic1_2025_5min.csv.gz"), "vic1", Optional.empty());
            case "deLuDayAhead2025" ->
                EnergyChartsDayAheadReader.read(
                        List.of(open("/io/minerai/data/de_lu_dayahead/de_lu_dayahead_2025.csv.gz")),
                        List.of("de_lu_2025"),
                        "DE-LU");
            case "pjmHubLmp2025" ->
                PjmLmpReader.read(
                        open(
                                "/io/minerai/data/pjm_hub_lmp_hourly_2025summer/pjm_hub_lmp_hourly_2025-05_2025-07.csv.gz"),
                        "pjm");
            default -> throw new IllegalArgumentException(dataset);
        };
    }
}
