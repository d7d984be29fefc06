package io.minerai.core.scenario;

import java.time.LocalDate;
import java.util.Optional;

/**
 * An emergency demand-reduction service (Texas SB 6 for loads of 75 MW and more; ERCOT procures it competitively, for
 * emergencies only, with 24-hour notice): the site is paid for committed MW in every interval the service is in force,
 * and in an event it must hold its grid import at or below its firm service level; import above that level in an
 * event is non-performance, charged per MWh.
 *
 * @param committedMw MW committed (reported; the site's import cap minus the firm service level when not given)
 * @param firmServiceLevelMw the most the site may import during an event, MW
 * @param availabilityUsdPerMwHour payment per committed MW per hour in force
 * @param penaltyUsdPerMwh charge per MWh imported above the firm service level during an event
 * @param noticeHours hours of notice before an event (SB 6: 24); the merit-order policy and the optimiser know events
 *     this far ahead
 * @param from first day in force (default: SB 6's effective date, 2025-06-20)
 * @param events when events happen
 */
public record DemandReductionProgram(
        double committedMw,
        double firmServiceLevelMw,
        double availabilityUsdPerMwHour,
        double penaltyUsdPerMwh,
        double noticeHours,
        LocalDate from,
        EventSource events) {

    /** The program's id in ledgers, streams and problems. */
    public static final String PROGRAM = "ercot-sb6-demand-reduction";

    /** When events happen. */
    public sealed interface EventSource {
        /**
         * A CSV of events, one row each: start and end instants (ISO-8601 with offset).
         *
         * @param path file path, relative to the scenario file's folder
         * @param startColumn event start column
         * @param endColumn event end column (exclusive)
         */
        record Csv(String path, String startColumn, String endColumn) implements EventSource {}

        /**
         * A stated proxy, not ERCOT's deployment record: an event in every interval whose real-time price is at or above
         * the threshold.
         *
         * @param thresholdUsdPerMwh price threshold
         */
        record PriceAtLeast(double thresholdUsdPerMwh) implements EventSource {}
    }

    /** The committed MW, or the reduction from {@code importCapMw} to the firm service level when none is given. */
    public double committedMw(double importCapMw) {
        return committedMw > 0 ? committedMw : Math.max(0, importCapMw - firmServiceLevelMw);
    }

    /** The file the events come from, if any. */
    public Optional<String> eventsPath() {
        return events instanceof EventSource.Csv c ? Optional.of(c.path()) : Optional.empty();
    }
}
