package io.minerai.core.scenario;

/**
 * Renders an {@link ObjectSpec} as a Markdown section (a heading, its description, then one table row per field: kind,
 * unit, required or default, range, meaning). Shared by every generated file-format reference (scenarios, plans), so
 * they read alike.
 */
public final class SchemaDocs {
    private SchemaDocs() {}

    /** The range column: the allowed range, then the usual one, e.g. "> 0 and <= 100000; usually <= 5000". */
    static String range(FieldSpec f) {
        String hard = f.rangeText();
        String usual = f.usualText();
        if (hard.isEmpty() || usual.isEmpty()) {
            return hard + usual;
        }
        return hard + "; " + usual;
    }

    /**
     * Appends the section of {@code o} (and of a union's variants, one level deeper).
     *
     * @param level the Markdown heading marker, e.g. "##"
     */
    public static void object(StringBuilder sb, ObjectSpec o, String level) {
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
        if (o.fields().isEmpty()) {
            sb.append("No further fields.\n\n");
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
                    .append(f.unit().isEmpty() ? "" : f.unit())
                    .append(" | ")
                    .append(req)
                    .append(" | ")
                    .append(range(f))
                    .append(" | ")
                    .append(f.description().replace("|", "\\|"))
                    .append(" |\n");
        }
        sb.append('\n');
    }
}
