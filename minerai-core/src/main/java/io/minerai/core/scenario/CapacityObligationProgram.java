package io.minerai.core.scenario;

import java.time.Instant;
import java.util.List;

/**
 * PJM's capacity obligation: the site's peak load contribution (PLC) is its average grid import in the five summer
 * coincident peak hours (5CP, June to September) times a scaling factor; the PLC is charged in the following delivery
 * year (1 June to 31 May) at that year's RPM clearing price per MW-day. The run charges what its own peaks set.
 *
 * @param lda locational deliverability area whose clearing price applies ({@code RTO} for the rest of the RTO)
 * @param scalingFactor PJM's obligation peak load and forecast pool requirement scaling combined (1 = none)
 * @param peaks the five peak hours
 */
public record CapacityObligationProgram(String lda, double scalingFactor, PeakHours peaks) {

    /** Where the peak hours come from. */
    public sealed interface PeakHours {
        /**
         * Peak hours as given (e.g. from PJM's published 5CP list), each an hour-beginning instant.
         *
         * @param hoursUtc the hour starts
         */
        record Listed(List<Instant> hoursUtc) implements PeakHours {
            public Listed {
                hoursUtc = List.copyOf(hoursUtc);
            }
        }

        /**
         * The five highest daily peak hours of June to September (one per day) in the market's system load ({@code
         * market.data.systemLoad}).
         */
        record FromSystemLoad() implements PeakHours {}
    }
}
