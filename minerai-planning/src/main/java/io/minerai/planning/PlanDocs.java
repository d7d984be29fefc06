package io.minerai.planning;

import io.minerai.core.scenario.FieldSpec;
import io.minerai.core.scenario.ObjectSpec;

/** Generates the plan file reference (the generated part of docs/PLANNING.md) from {@link PlanSchema}. */
public final class PlanDocs {
    /** Marks the start of the generated reference in docs/PLANNING.md. */
    public static final String BEGIN = "<!-- BEGIN generated plan reference -->";
    /** Marks its end. */
    public static final String END = "<!-- END generated plan reference -->";

    private PlanDocs() {}

    /** The reference, between {@link #BEGIN} and {@link #END}. */
    public static String markdown() {
        StringBuilder sb = new StringBuilder();
        sb.append(BEGIN).append('\n');
        sb.append(
                "<!-- Generated from io.minerai.planning.PlanSchema by `./minerai plan --print-reference`; do not edit by hand"
                        + " (a test fails when it is stale). -->\n\n");
        sb.append("A plan file is one YAML (or JSON) document with a single top-level field `plan`. Unknown fields are"
                + " errors; every problem is reported at once with its path, e.g."
                + " `plan.leases[0].startMonth: lease starts in month 3 but hall 'h' is only ready in month 7`.\n\n");
        for (ObjectSpec o : PlanSchema.all()) {
            object(sb, o, "###");
        }
        sb.append(END).append('\n');
        return sb.toString();
    }

    private static void object(StringBuilder sb, ObjectSpec o, String level) {
        sb.append(level)
                .append(" `")
                .append(o.name())
                .append("`\n\n")
                .append(o.description())
                .append("\n\n");
        if (o.isUnion()) {
            sb.append("Tagged by `").append(o.tagField().orElseThrow()).append("`:\n\n");
            o.variants().forEach((k, v) -> object(sb, v, level + "#"));
            return;
        }
        sb.append("| field | kind | unit | required / default | range | meaning |\n");
        sb.append("|---|---|---|---|---|---|\n");
        for (FieldSpec f : o.fields()) {
            String kind = switch (f.kind()) {
                case ENUM ->
                    "one of "
                            + String.join(
                                    ", ",
                                    f.allowed().stream().map(a -> "`" + a + "`").toList());
                case LIST -> f.element().map(e -> "list of `" + e.name() + "`").orElse("list of names or numbers");
                case OBJECT -> "`" + f.element().map(ObjectSpec::name).orElse("?") + "`";
                default -> f.kind().label();
            };
            String req = f.required()
                    ? "required"
                    : f.defaultValue().map(d -> "`" + d + "`").orElse("optional");
            sb.append("| `")
                    .append(f.name())
                    .append("` | ")
                    .append(kind)
                    .append(" | ")
                    .append(f.unit())
                    .append(" | ")
                    .append(req)
                    .append(" | ")
                    .append(f.rangeText())
                    .append(" | ")
                    .append(f.description().replace("|", "\\|"))
                    .append(" |\n");
        }
        sb.append('\n');
    }
}
