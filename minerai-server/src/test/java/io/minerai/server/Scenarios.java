package io.minerai.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Scenario texts for tests: the bundled default scenario, with its period shortened where a test needs speed. */
final class Scenarios {
    static final String DEFAULT_RESOURCE = "/io/minerai/core/scenario/default-west-texas-2024.yaml";

    private Scenarios() {}

    static String defaultYaml() {
        try (InputStream in = Scenarios.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + DEFAULT_RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The default scenario over another period and step. */
    static String defaultWithPeriod(String startUtc, String endUtc, String step) {
        return defaultYaml()
                .replaceFirst("(?m)^  start: .*$", "  start: " + startUtc)
                .replaceFirst("(?m)^  end: .*$", "  end: " + endUtc)
                .replaceFirst("(?m)^  step: .*$", "  step: " + step);
    }

    /** The default scenario over three days (72 hourly intervals). */
    static String threeDays() {
        return defaultWithPeriod("2024-07-01T00:00:00Z", "2024-07-04T00:00:00Z", "1h");
    }
}
