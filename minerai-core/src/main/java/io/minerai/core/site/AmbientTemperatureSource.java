package io.minerai.core.site;

import java.util.Optional;

/**
 * Where the site's ambient (outdoor dry-bulb) temperature per interval comes from, for loads whose PUE follows it.
 * Resolved to a series on the run's grid by minerai-data. No weather data is bundled.
 */
public sealed interface AmbientTemperatureSource {

    /**
     * A user CSV with a timestamp column and a temperature column in degrees Celsius (e.g. an export of NOAA's
     * Integrated Surface Database or of Open-Meteo's historical weather API).
     *
     * @param path file path, relative paths resolve against the scenario file's folder
     * @param timeColumn timestamp column (interval start, ISO-8601 with an offset, or local time in {@code zone})
     * @param valueColumn temperature column, degrees Celsius
     * @param zone zone of timestamps written without an offset (e.g. America/Chicago); empty = such stamps are errors
     */
    record Csv(String path, String timeColumn, String valueColumn, Optional<String> zone)
            implements AmbientTemperatureSource {}
}
