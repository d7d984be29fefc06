package io.minerai.data.aemo;

import io.minerai.data.series.IntervalSeries;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What was read from an OpenElectricity export: per region, per metric, the published buckets on UTC.
 *
 * @param source the file or folder read
 * @param bucket the bucket length (1 hour for the hourly exports)
 * @param series by region id (upper case), then metric
 */
public record OpenElectricityData(
        String source, Duration bucket, Map<String, Map<OpenElectricityReader.Metric, IntervalSeries>> series) {
    public OpenElectricityData {
        Map<String, Map<OpenElectricityReader.Metric, IntervalSeries>> copy = new LinkedHashMap<>();
        series.forEach((k, v) -> copy.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        series = Collections.unmodifiableMap(copy);
    }

    /** Region ids found. */
    public List<String> regions() {
        return List.copyOf(series.keySet());
    }

    /** The series of a region (ignoring case) and metric, if present. */
    public Optional<IntervalSeries> series(String region, OpenElectricityReader.Metric metric) {
        Map<OpenElectricityReader.Metric, IntervalSeries> m =
                series.get(region.strip().toUpperCase(Locale.ROOT));
        return m == null ? Optional.empty() : Optional.ofNullable(m.get(metric));
    }
}
