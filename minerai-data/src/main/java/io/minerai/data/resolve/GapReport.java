package io.minerai.data.resolve;

import io.minerai.core.inputs.ScenarioInputs;
import io.minerai.core.time.TimeSeries;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Per input series of a run: how many intervals are missing and in which runs, so a user sees what the data lacks
 * (nothing is ever filled in). The CLI prints {@link #format(int)}.
 *
 * @param intervals intervals of the run's grid
 * @param entries one per input series, in the order price, day-ahead price, Bitcoin, capacity factors, ancillary,
 *     ambient temperature
 */
public record GapReport(int intervals, List<Entry> entries) {

    public GapReport {
        entries = List.copyOf(entries);
    }

    /** The report of every series of {@code inputs}. */
    public static GapReport of(ScenarioInputs inputs) {
        List<Entry> out = new ArrayList<>();
        out.add(Entry.of("price", inputs.priceUsdPerMwh()));
        inputs.dayAheadPriceUsdPerMwh().ifPresent(s -> out.add(Entry.of("day-ahead price", s)));
        out.add(Entry.of("btcPerThDay", inputs.btcPerThDay()));
        out.add(Entry.of("btcPriceUsd", inputs.btcPriceUsd()));
        List<TimeSeries> cf = inputs.generatorCapacityFactor();
        for (int i = 0; i < cf.size(); i++) {
            out.add(Entry.of("generator[" + i + "] " + cf.get(i).name(), cf.get(i)));
        }
        for (Map.Entry<String, TimeSeries> e : inputs.ancillaryPricesUsdPerMwH().entrySet()) {
            out.add(Entry.of("ancillary " + e.getKey(), e.getValue()));
        }
        inputs.ambientTemperatureC().ifPresent(s -> out.add(Entry.of("ambient temperature", s)));
        return new GapReport(inputs.grid().count(), out);
    }

    /** Whether no input misses any interval. */
    public boolean isComplete() {
        return entries.stream().allMatch(e -> e.missing() == 0);
    }

    /**
     * A plain-text report: one line per input with its missing count and share, then up to {@code maxRunsPerInput}
     * gap runs each (UTC, end exclusive).
     */
    public String format(int maxRunsPerInput) {
        StringBuilder sb = new StringBuilder();
        sb.append(
                String.format(Locale.ROOT, "Data gaps (%d intervals; missing values are never filled):%n", intervals));
        int width = entries.stream().mapToInt(e -> e.input().length()).max().orElse(5);
        for (Entry e : entries) {
            sb.append(String.format(
                    Locale.ROOT,
                    "  %-" + width + "s  %s%n",
                    e.input(),
                    e.missing() == 0
                            ? "complete"
                            : String.format(
                                    Locale.ROOT,
                                    "%d missing (%.2f %%) in %d gap%s",
                                    e.missing(),
                                    100.0 * e.missing() / intervals,
                                    e.gaps().size(),
                                    e.gaps().size() == 1 ? "" : "s")));
            for (int k = 0; k < Math.min(maxRunsPerInput, e.gaps().size()); k++) {
                TimeSeries.Gap g = e.gaps().get(k);
                sb.append(String.format(
                        Locale.ROOT,
                        "  %-" + width + "s    %s .. %s (%d interval%s)%n",
                        "",
                        g.fromUtc(),
                        g.toUtc(),
                        g.intervals(),
                        g.intervals() == 1 ? "" : "s"));
            }
            if (e.gaps().size() > maxRunsPerInput) {
                sb.append(String.format(
                        Locale.ROOT,
                        "  %-" + width + "s    ... %d more%n",
                        "",
                        e.gaps().size() - maxRunsPerInput));
            }
        }
        return sb.toString();
    }

    /**
     * One input series.
     *
     * @param input label, e.g. {@code price}, {@code generator[0] capacity factor solar}
     * @param missing missing intervals
     * @param gaps runs of missing intervals
     */
    public record Entry(String input, int missing, List<TimeSeries.Gap> gaps) {
        public Entry {
            gaps = List.copyOf(gaps);
        }

        static Entry of(String input, TimeSeries s) {
            return new Entry(input, s.missingCount(), s.gaps());
        }
    }
}
