package io.minerai.core.site;

/** Where a capacity-factor profile (0..1 per interval) comes from. Resolved to a series by minerai-data. */
public sealed interface ProfileSource {

    /**
     * The shape of ERCOT-wide output of one fuel from the bundled 15-minute fuel mix, normalised by its rolling
     * 30-day maximum and scaled so that maximum equals {@code peakCapacityFactor}. A proxy for a West Texas plant's
     * profile when no plant data is at hand.
     *
     * @param fuel fuel column of the fuel-mix report: Solar, Wind or Hydro
     * @param peakCapacityFactor capacity factor assigned to the rolling maximum
     * @param year year of the bundled data to take the shape from (mapped by day of year), 0 = the run's own year
     */
    record ErcotFuelShape(String fuel, double peakCapacityFactor, int year) implements ProfileSource {}

    /**
     * A user CSV with a timestamp column and a capacity-factor column (0..1).
     *
     * @param path file path, relative paths resolve against the scenario file's folder
     * @param timeColumn name of the timestamp column
     * @param column name of the capacity-factor column
     */
    record Csv(String path, String timeColumn, String column) implements ProfileSource {}

    /**
     * A constant capacity factor (e.g. run-of-river hydro).
     *
     * @param capacityFactor 0..1
     */
    record Constant(double capacityFactor) implements ProfileSource {}
}
