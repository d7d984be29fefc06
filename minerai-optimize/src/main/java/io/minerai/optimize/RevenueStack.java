package io.minerai.optimize;

import io.minerai.dispatch.DispatchSummary;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Net revenue by source of a settled run, in USD: what each stream adds (costs negative). The entries sum to the
 * summary's {@code netUsd}.
 *
 * @param miningUsd mining after pool fees
 * @param aiCloudUsd GPU cloud rentals and deferrable GPU jobs
 * @param colocationUsd colocation rent (and pass-through energy)
 * @param exportUsd own generation exported
 * @param ppaSellbackUsd PPA energy sold back (power credits)
 * @param ancillaryUsd ancillary-service capacity payments
 * @param powerCostUsd energy cost (negative)
 * @param transmissionUsd 4CP transmission charge (negative)
 */
public record RevenueStack(
        double miningUsd,
        double aiCloudUsd,
        double colocationUsd,
        double exportUsd,
        double ppaSellbackUsd,
        double ancillaryUsd,
        double powerCostUsd,
        double transmissionUsd) {

    public static RevenueStack of(DispatchSummary s) {
        return new RevenueStack(
                s.streamTotalUsd("mining"),
                s.streamTotalUsd("ai_cloud"),
                s.streamTotalUsd("colocation"),
                s.streamTotalUsd("export"),
                s.streamTotalUsd("ppa_sellback"),
                s.streamTotalUsd("ancillary"),
                0 - s.powerCostUsd(),
                0 - s.costUsd("transmission_4cp"));
    }

    public double netUsd() {
        return miningUsd
                + aiCloudUsd
                + colocationUsd
                + exportUsd
                + ppaSellbackUsd
                + ancillaryUsd
                + powerCostUsd
                + transmissionUsd;
    }

    /** The entries by display name, in stack order. */
    public Map<String, Double> bySource() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("mining", miningUsd);
        m.put("AI cloud", aiCloudUsd);
        m.put("colocation", colocationUsd);
        m.put("export", exportUsd);
        m.put("PPA sell-back", ppaSellbackUsd);
        m.put("ancillary", ancillaryUsd);
        m.put("power cost", powerCostUsd);
        m.put("4CP charge", transmissionUsd);
        return m;
    }
}
