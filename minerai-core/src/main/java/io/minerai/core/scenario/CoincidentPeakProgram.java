package io.minerai.core.scenario;

/**
 * ERCOT's transmission charge on coincident peaks. The 4CP rule in force: the site's tag is its average grid import in
 * the four monthly 15-minute system peaks of June to September; the charge is tag x tariff (16 TAC §25.192). The 12CP
 * what-if (PUCT Project 58484 staff proposal): twelve monthly peaks on 30-minute intervals, with a minimum billing
 * demand for large loads.
 *
 * @param tariffUsdPerKwYear transmission rate per kW of tag per year
 * @param peaks where ERCOT system load (and so the peaks) comes from
 * @param rule how the optimiser responds: with known peaks (hindsight) or a peak-alert rule
 * @param variant the 4CP rule in force or the 12CP what-if
 * @param minimumBillingMw minimum billing demand (12CP what-if), MW; 0 for none
 */
public record CoincidentPeakProgram(
        double tariffUsdPerKwYear, PeakSource peaks, PeakRule rule, Variant variant, double minimumBillingMw) {

    /** The 4CP rule in force, no minimum billing demand. */
    public CoincidentPeakProgram(double tariffUsdPerKwYear, PeakSource peaks, PeakRule rule) {
        this(tariffUsdPerKwYear, peaks, rule, Variant.FOUR_CP, 0);
    }

    /** The same program with another peak source. */
    public CoincidentPeakProgram withPeaks(PeakSource newPeaks) {
        return new CoincidentPeakProgram(tariffUsdPerKwYear, newPeaks, rule, variant, minimumBillingMw);
    }

    /** Which coincident-peak rule. */
    public enum Variant {
        /** Four monthly 15-minute peaks, June to September (in force). */
        FOUR_CP,
        /** Twelve monthly 30-minute peaks with a minimum billing demand (what-if). */
        TWELVE_CP
    }

    /** Where the ERCOT system load behind the peaks comes from. */
    public sealed interface PeakSource {
        /**
         * ERCOT system load approximated by total generation in the bundled 15-minute fuel mix (all fuels, net of storage
         * charging; DC-tie flows are not included), so its peaks approximate the official 4CP intervals.
         *
         * @param year year of the bundled data, 0 = the run's own year
         */
        record ErcotFuelMix(int year) implements PeakSource {}

        /**
         * A user CSV of system load.
         *
         * @param path file path, relative to the scenario file's folder
         * @param timeColumn ISO-8601 interval-start timestamp column
         * @param loadColumn system load column, MW
         */
        record Csv(String path, String timeColumn, String loadColumn) implements PeakSource {}
    }

    /** How the optimiser decides around the peaks (settlement always charges the actual peaks). */
    public sealed interface PeakRule {
        /** The peaks are known in advance (an upper bound on what 4CP avoidance earns). */
        record Hindsight() implements PeakRule {}

        /**
         * Curtail all curtailable load in June-September whenever system load is within {@code withinFraction} of the
         * month's running peak so far (a rule an operator can follow in real time).
         *
         * @param withinFraction e.g. 0.03 for "within 3 %"
         */
        record Alert(double withinFraction) implements PeakRule {}
    }
}
