package io.minerai.core.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** The bundled default scenario: a West Texas mining + AI site over calendar 2024 on real ERCOT data. */
public final class DefaultScenario {
    /** Classpath location of the default scenario file. */
    public static final String RESOURCE = "/io/minerai/core/scenario/default-west-texas-2024.yaml";

    private DefaultScenario() {}

    /** The file's text (YAML with comments citing every figure). */
    public static String text() {
        try (InputStream in = Objects.requireNonNull(
                DefaultScenario.class.getResourceAsStream(RESOURCE), "missing resource " + RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The parsed default scenario. */
    public static Scenario load() {
        return ScenarioReader.parse(text(), "default scenario");
    }
}
