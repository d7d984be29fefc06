package io.minerai.core.scenario;

/** The bundled default scenario: a West Texas mining + AI site over calendar 2024 on real ERCOT data. */
public final class DefaultScenario {
    /** Classpath location of the default scenario file. */
    public static final String RESOURCE = "/io/minerai/core/scenario/default-west-texas-2024.yaml";

    private DefaultScenario() {}

    /** The file's text (YAML with comments citing every figure). */
    public static String text() {
        return DocumentText.resource(DefaultScenario.class, RESOURCE);
    }

    /** The parsed default scenario. */
    public static Scenario load() {
        return ScenarioReader.parse(text(), "default scenario");
    }
}
