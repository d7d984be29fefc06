package io.minerai.core.scenario;

/**
 * A flexible-compute demand-response contract with the site's utility, in the style of Google's agreements with
 * Indiana Michigan Power and the Tennessee Valley Authority for machine-learning workloads (announced 2025-08-04; the
 * I&M contract was filed with the Indiana Utility Regulatory Commission on 2025-07-30): the site commits MW of GPU load
 * it can curtail and is paid for them (availability, per MW-month or per MW-hour); when the utility calls an event, the
 * site must hold its grid import at or below a firm level for the event; if it does not, it pays back part of its
 * annual payment (the claw-back). GPU clouds answer events with their cap levels (and pausing), miners by curtailing.
 *
 * <p>Claw-back per event (a run of consecutive event intervals): {@code clawbackFraction x min(1, average MW above the
 * firm level over the event / committed MW) x the annual availability payment}, at most the annual payment in a
 * calendar year. The contract's own figures are not public: the rates and the fraction are the user's (ASSUMPTION in
 * the bundled example).
 *
 * @param committedMw curtailable MW committed, paid availability
 * @param firmLevelMw the most the site may import during an event, MW
 * @param availability the availability payment per committed MW
 * @param clawbackFraction share of the annual availability payment repaid for an event missed by the whole committed
 *     MW, in [0, 1]
 * @param noticeHours notice before an event; the merit-order policy and the optimiser know events this far ahead
 * @param events when events happen (a CSV of event windows)
 */
public record FlexibleComputeProgram(
        double committedMw,
        double firmLevelMw,
        Availability availability,
        double clawbackFraction,
        double noticeHours,
        DemandReductionProgram.EventSource.Csv events) {

    /** The program's id in ledgers, streams and problems. */
    public static final String PROGRAM = "flexible-compute";

    /** The availability payment, per committed MW, as the contract states it. */
    public sealed interface Availability {
        /** The rate as written. */
        double rate();

        /** Per MW-hour equivalent: a MW-month is 730 hours (8,760 / 12). */
        double usdPerMwHour();

        /**
         * Per committed MW per hour.
         *
         * @param rate $/MW-h
         */
        record PerMwHour(double rate) implements Availability {
            @Override
            public double usdPerMwHour() {
                return rate;
            }
        }

        /**
         * Per committed MW per month.
         *
         * @param rate $/MW-month
         */
        record PerMwMonth(double rate) implements Availability {
            @Override
            public double usdPerMwHour() {
                return rate * 12.0 / 8760.0;
            }
        }
    }

    /** The availability payment for a year of 8,760 hours, USD: committed MW x $/MW-h x 8,760. */
    public double annualAvailabilityUsd() {
        return committedMw * availability.usdPerMwHour() * 8760.0;
    }
}
