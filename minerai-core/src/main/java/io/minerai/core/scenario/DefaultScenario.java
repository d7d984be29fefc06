package io.minerai.core.scenario;

/**
 * The bundled scenarios of the West Texas site over calendar 2024 on real ERCOT data: the default (mining, an AI cloud of
 * two GPU generations running training and inference, a batch job, colocation, solar and a PPA) and the baseline (the
 * same site as it was the default until 2026-12-05, with one interruptible H100 rental cloud and no GPU job classes;
 * the published figures of earlier releases and the golden tests refer to it).
 */
public final class DefaultScenario {
    /** Classpath location of the default scenario file. */
    public static final String RESOURCE = "/io/minerai/core/scenario/default-west-texas-2024.yaml";

    /** Classpath location of the baseline scenario file. */
    public static final String BASELINE_RESOURCE = "/io/minerai/core/scenario/baseline-west-texas-2024.yaml";

    private DefaultScenario() {}

    /** The file's text (YAML with comments citing every figure). */
    public static String text() {
        return DocumentText.resource(DefaultScenario.class, RESOURCE);
    }

    /** The parsed default scenario. */
    public static Scenario load() {
        return ScenarioReader.parse(text(), "default scenario");
    }

    /** The baseline file's text (YAML with comments citing every figure). */
    public static String baselineText() {
        return DocumentText.resource(DefaultScenario.class, BASELINE_RESOURCE);
    }

    /** The parsed baseline scenario. */
    public static Scenario loadBaseline() {
        return ScenarioReader.parse(baselineText(), "baseline scenario");
    }
}
