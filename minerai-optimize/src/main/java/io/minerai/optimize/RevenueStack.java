package io.minerai.optimize;

import io.minerai.dispatch.DispatchSummary;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Net revenue by stream of a settled run, in USD: what each of the ledger's declared streams adds (costs negative), in
 * the ledger's order. The entries sum to the summary's net, whatever markets and programs the site has.
 *
 * @param entries one per declared stream
 * @param netUsd the summary's net
 */
public record RevenueStack(List<Entry> entries, double netUsd) {
    public RevenueStack {
        entries = List.copyOf(entries);
    }

    /**
     * One stream's total.
     *
     * @param id the stream's id (as in {@code stream_<id>_usd} columns)
     * @param label its display name
     * @param totalUsd its signed total
     */
    public record Entry(String id, String label, double totalUsd) {}

    public static RevenueStack of(DispatchSummary s) {
        return new RevenueStack(
                s.streams().stream()
                        .map(t -> new Entry(t.id(), t.stream().label(), t.totalUsd()))
                        .toList(),
                s.netUsd());
    }

    /** The totals by display name, in stack order. */
    public Map<String, Double> bySource() {
        Map<String, Double> m = new LinkedHashMap<>();
        entries.forEach(e -> m.merge(e.label(), e.totalUsd(), Double::sum));
        return m;
    }

    /** The totals by stream id, in stack order. */
    public Map<String, Double> byStreamId() {
        Map<String, Double> m = new LinkedHashMap<>();
        entries.forEach(e -> m.put(e.id(), e.totalUsd()));
        return m;
    }

    /** The total of one stream, 0 when this run does not declare it. */
    public double totalUsd(String streamId) {
        return byStreamId().getOrDefault(streamId, 0.0);
    }
}
