package io.minerai.dispatch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The summary document every surface writes (the CLI's summary.json and --format json, the server's run summaries):
 * the flat fields of earlier releases in their order ({@link LegacySummary}), so existing scripts keep working,
 * followed by the nested parts of {@link DispatchSummary}: {@code run}, {@code gaps}, {@code energy}, {@code streams}
 * (every stream of the run with its id, label, direction, program, signed total in USD and in the market currency),
 * {@code costs}, {@code bitcoin}, {@code gpu}, {@code averages} and {@code programs} (each program's facts).
 */
public final class SummaryDocument {
    private SummaryDocument() {}

    /** The summary as an ordered map: the legacy flat fields, then the nested parts. */
    public static Map<String, Object> of(DispatchSummary s) {
        Map<String, Object> m = new LinkedHashMap<>(LegacySummary.fields(s));
        m.put("run", s.run());
        m.put("gaps", s.gaps());
        m.put("energy", s.energy());
        List<Map<String, Object>> streams = new ArrayList<>();
        for (DispatchSummary.StreamTotal st : s.streams()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("id", st.stream().id());
            e.put("label", st.stream().label());
            e.put("direction", st.stream().direction().name().toLowerCase(Locale.ROOT));
            e.put("program", st.stream().program());
            e.put("totalUsd", st.totalUsd());
            e.put("total" + camel(s.run().marketCurrency()), st.totalMarketCurrency());
            st.stream().legacyName().ifPresent(n -> e.put("legacyName", n));
            e.put("description", st.stream().description());
            streams.add(e);
        }
        m.put("streams", streams);
        m.put("costs", s.costs());
        m.put("bitcoin", s.bitcoin());
        m.put("gpu", s.gpu());
        m.put("averages", s.averages());
        m.put("programs", s.programs());
        return m;
    }

    private static String camel(String currencyCode) {
        String c = currencyCode.toLowerCase(Locale.ROOT);
        return Character.toUpperCase(c.charAt(0)) + c.substring(1);
    }
}
