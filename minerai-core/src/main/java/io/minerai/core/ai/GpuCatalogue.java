package io.minerai.core.ai;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The GPU generations a scenario or plan may name, looked up by name or alias ignoring case, spaces and hyphens
 * ({@code h100-sxm}, {@code H100 SXM} and {@code H100SXM} are the same).
 *
 * @param generations the generations, in catalogue order
 */
public record GpuCatalogue(List<GpuGeneration> generations) {
    public GpuCatalogue {
        generations = List.copyOf(generations);
        Map<String, String> seen = new HashMap<>();
        for (GpuGeneration g : generations) {
            List<String> names = new ArrayList<>(g.aliases());
            names.add(g.name());
            for (String n : names) {
                String prev = seen.put(key(n), g.name());
                if (prev != null && !prev.equals(g.name())) {
                    throw new IllegalArgumentException("GPU name " + n + " is used by " + prev + " and " + g.name());
                }
            }
        }
    }

    /** An empty catalogue: every GPU model is unlisted. */
    public static final GpuCatalogue EMPTY = new GpuCatalogue(List.of());

    /** The generation with this name or alias. */
    public Optional<GpuGeneration> find(String model) {
        String k = key(model);
        for (GpuGeneration g : generations) {
            if (key(g.name()).equals(k)) {
                return Optional.of(g);
            }
            for (String a : g.aliases()) {
                if (key(a).equals(k)) {
                    return Optional.of(g);
                }
            }
        }
        return Optional.empty();
    }

    /** The catalogue names, for messages. */
    public List<String> names() {
        return generations.stream().map(GpuGeneration::name).toList();
    }

    private static String key(String s) {
        return s.toLowerCase(Locale.ROOT).replace(" ", "").replace("-", "").replace("_", "");
    }
}
