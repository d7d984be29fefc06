package io.minerai.core.scenario;

/** Value kinds of scenario fields, as written in the file. */
public enum FieldKind {
    STRING("string"),
    NUMBER("number"),
    INTEGER("integer"),
    BOOLEAN("boolean"),
    INSTANT("date-time"),
    DURATION("duration"),
    ENUM("one of"),
    OBJECT("object"),
    LIST("list");

    private final String label;

    FieldKind(String label) {
        this.label = label;
    }

    /** How the kind is shown in the reference docs. */
    public String label() {
        return label;
    }
}
