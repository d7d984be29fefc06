package io.minerai.portfolio;

import com.fasterxml.jackson.databind.JsonNode;
import io.minerai.core.scenario.FieldReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Lists of names or numbers in a portfolio document, each element checked with its path. */
final class Lists {
    private Lists() {}

    static List<String> names(FieldReader r, String name) {
        List<String> out = new ArrayList<>();
        Optional<JsonNode> v = r.raw(name);
        if (v.isEmpty()) {
            return out;
        }
        if (!v.get().isArray()) {
            r.problems().add(r.fieldPath(name), "must be a list of names like [a, b]");
            return out;
        }
        for (int i = 0; i < v.get().size(); i++) {
            JsonNode e = v.get().get(i);
            if (!e.isTextual() || e.asText().isBlank()) {
                r.problems().add(r.fieldPath(name) + "[" + i + "]", "must be a name");
                continue;
            }
            out.add(e.asText().trim());
        }
        return out;
    }

    static List<Double> numbers(FieldReader r, String name, double min) {
        List<Double> out = new ArrayList<>();
        Optional<JsonNode> v = r.raw(name);
        if (v.isEmpty()) {
            return out;
        }
        if (!v.get().isArray()) {
            r.problems().add(r.fieldPath(name), "must be a list of numbers like [0, 12]");
            return out;
        }
        for (int i = 0; i < v.get().size(); i++) {
            JsonNode e = v.get().get(i);
            String p = r.fieldPath(name) + "[" + i + "]";
            if (!e.isNumber()) {
                r.problems().add(p, "must be a number, was '" + e.asText() + "'");
                continue;
            }
            if (e.asDouble() < min) {
                r.problems().add(p, "must be >= " + min + ", was " + e.asDouble());
                continue;
            }
            out.add(e.asDouble());
        }
        return out;
    }
}
