package io.minerai.core.scenario;

import java.util.Optional;

/** Generates the scenario format reference (docs/SCENARIO.md) from {@link ScenarioSchema}. */
public final class ScenarioDocs {
    private ScenarioDocs() {}

    public static String markdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("# Scenario file reference\n\n");
        sb.append("<!-- Generated from io.minerai.core.scenario.ScenarioSchema by `./minerai docs scenario`;"
                + " do not edit by hand (a test fails when it is stale). -->\n\n");
        sb.append("A scenario is one YAML (or JSON) file shared by the library, the CLI and the REST API."
                + " Units are in the field names. Unknown fields are errors, so a misspelt optional field never"
                + " silently takes its default. Validation reports every problem at once, each with its path,"
                + " e.g. `site.minerFleets[2].unitPowerW: must be > 0 and <= 1000000 W, was -3`. A key given twice, bytes that are not"
                + " UTF-8 and a time with a fraction of a second are errors too.\n\n");
        sb.append("Ranges: a value outside a field's range is an error; a value outside its usual range (\"usually\")"
                + " is accepted with a warning, which `validate` and every run print, since it is more likely a slipped"
                + " digit or unit than a real site. Every number lies between -1e12 and 1e12, so no total of a run can"
                + " overflow. A fleet or GPU cloud drawing more than twice what the import cap and on-site generation"
                + " can supply is warned about too.\n\n");
        sb.append(
                "The bundled default is [minerai-core/src/main/resources/io/minerai/core/scenario/default-west-texas-2024.yaml]"
                        + "(../minerai-core/src/main/resources/io/minerai/core/scenario/default-west-texas-2024.yaml).\n\n");
        for (ObjectSpec o : ScenarioSchema.all()) {
            SchemaDocs.object(sb, o, "##");
        }
        return sb.toString();
    }

    /** Convenience for tools: the spec of a top-level object by name. */
    public static Optional<ObjectSpec> find(String name) {
        return ScenarioSchema.all().stream().filter(o -> o.name().equals(name)).findFirst();
    }
}
