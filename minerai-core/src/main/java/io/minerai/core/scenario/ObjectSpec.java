package io.minerai.core.scenario;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Metadata of one object of the scenario file: its fields, or, for a tagged union, the tag field and the spec of each
 * variant (e.g. {@code source: ercot-bundled | ercot-spp-csv | csv}).
 *
 * @param name type name used in the docs
 * @param description what the object is
 * @param fields fields in documentation order (for a union: fields common to all variants, including the tag)
 * @param tagField name of the tag field of a union, empty otherwise
 * @param variants variant specs by tag value (empty for plain objects)
 */
public record ObjectSpec(
        String name,
        String description,
        List<FieldSpec> fields,
        Optional<String> tagField,
        Map<String, ObjectSpec> variants) {

    public ObjectSpec {
        fields = List.copyOf(fields);
        variants = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(variants));
    }

    public static ObjectSpec of(String name, String description, FieldSpec... fields) {
        return new ObjectSpec(name, description, List.of(fields), Optional.empty(), Map.of());
    }

    /** A union tagged by {@code tagField}; variants keep their insertion order. */
    public static ObjectSpec union(String name, String description, String tagField, Map<String, ObjectSpec> variants) {
        FieldSpec tag = FieldSpec.builder(tagField, FieldKind.ENUM)
                .required()
                .allowed(variants.keySet().toArray(String[]::new))
                .description("Which kind of " + name + " this is; selects the other fields.")
                .build();
        Map<String, ObjectSpec> withTag = new LinkedHashMap<>();
        variants.forEach((k, v) -> {
            FieldSpec variantTag = FieldSpec.builder(tagField, FieldKind.ENUM)
                    .required()
                    .allowed(k)
                    .description("Always '" + k + "' for this kind.")
                    .build();
            List<FieldSpec> fs = new java.util.ArrayList<>();
            fs.add(variantTag);
            fs.addAll(v.fields());
            withTag.put(k, new ObjectSpec(v.name(), v.description(), fs, Optional.empty(), Map.of()));
        });
        return new ObjectSpec(name, description, List.of(tag), Optional.of(tagField), withTag);
    }

    public Optional<FieldSpec> field(String fieldName) {
        for (FieldSpec f : fields) {
            if (f.name().equals(fieldName)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    public boolean isUnion() {
        return tagField.isPresent();
    }
}
