package io.minerai.data.specs;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.minerai.data.csv.ProblemCollector;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;

/**
 * GPU datasheet figures from the bundled community JSON (winston-zhang-orz/gpu-specs, Apache-2.0; 14 GPUs: H100 PCIe,
 * L40S, L4, A100 PCIe/SXM4 40/80 GB, A10, T4, Quadro RTX 5000, V100 PCIe/SXM2, V100S, RTX 4090). Not in it: H100
 * SXM, H200, B200. {@code null} and {@code ?} are unknown; problems name the JSON path ({@code specs.json:h100.power_consumption}).
 */
public final class GpuSpecs {
    /** Classpath location of the bundled JSON. */
    public static final String BUNDLED_RESOURCE = "/io/minerai/data/gpu_specs/specs.json";

    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<GpuSpec> specs;

    private GpuSpecs(List<GpuSpec> specs) {
        this.specs = List.copyOf(specs);
    }

    /** The bundled specs, parsed once and cached. */
    public static GpuSpecs bundled() {
        return Bundled.SPECS;
    }

    /** Reads a JSON object of GPUs keyed by id (an {@code _header} entry is skipped). */
    public static GpuSpecs read(InputStream in, String fileName) {
        ProblemCollector problems = new ProblemCollector();
        JsonNode root;
        try (in) {
            root = JSON.readTree(in);
        } catch (JacksonException e) {
            problems.add(
                    fileName + ":" + e.getLocation().getLineNr() + ":"
                            + e.getLocation().getColumnNr(),
                    "not valid JSON: " + e.getOriginalMessage());
            problems.throwIfAny("GPU specs " + fileName);
            throw new IllegalStateException("unreachable");
        } catch (IOException e) {
            problems.add(fileName, "could not be read: " + e.getMessage());
            problems.throwIfAny("GPU specs " + fileName);
            throw new IllegalStateException("unreachable");
        }
        if (root == null || !root.isObject()) {
            problems.add(fileName, "expected a JSON object of GPUs keyed by id");
            problems.throwIfAny("GPU specs " + fileName);
        }
        List<GpuSpec> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().startsWith("_")) {
                continue;
            }
            GpuSpec s = gpu(e.getKey(), e.getValue(), fileName + ":" + e.getKey(), problems);
            if (s != null) {
                out.add(s);
            }
        }
        problems.throwIfAny("GPU specs " + fileName);
        return new GpuSpecs(out);
    }

    private static @Nullable GpuSpec gpu(String key, JsonNode n, String path, ProblemCollector problems) {
        if (!n.isObject()) {
            problems.add(path, "expected an object");
            return null;
        }
        int before = problems.total();
        String name = text(n, "name");
        if (name.isEmpty()) {
            problems.add(path + ".name", "missing; a GPU name is required");
        }
        OptionalDouble power = number(n, "power_consumption", path, problems);
        if (power.isEmpty() && problems.total() == before) {
            problems.add(path + ".power_consumption", "missing; the power in W is required");
        } else if (power.isPresent() && !(power.getAsDouble() > 0)) {
            problems.add(path + ".power_consumption", "must be > 0, was " + power.getAsDouble());
        }
        List<Double> memory = new ArrayList<>();
        String mem = text(n, "gpu_memory");
        if (!mem.isEmpty() && !mem.equals("?")) {
            for (String part : mem.split("/")) {
                try {
                    memory.add(Double.parseDouble(part.strip()));
                } catch (NumberFormatException ex) {
                    problems.add(path + ".gpu_memory", "not a number or numbers separated by '/': '" + mem + "'");
                    break;
                }
            }
        }
        OptionalDouble bandwidth = number(n, "memory_bandwidth", path, problems);
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            if (f.getValue().isNumber()) {
                metrics.put(f.getKey(), f.getValue().asDouble());
            }
        }
        List<String> sources = new ArrayList<>();
        n.path("sources").forEach(s -> sources.add(s.asText()));
        if (problems.total() > before) {
            return null;
        }
        return new GpuSpec(
                key,
                name,
                text(n, "manufacturer"),
                text(n, "architecture"),
                power.orElseThrow(),
                memory,
                bandwidth,
                text(n, "interconnect"),
                metrics,
                sources);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? "" : v.asText().strip();
    }

    /** A number; null or "?" = unknown; a numeric string is accepted; anything else is a problem. */
    private static OptionalDouble number(JsonNode n, String field, String path, ProblemCollector problems) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return OptionalDouble.empty();
        }
        if (v.isNumber()) {
            return OptionalDouble.of(v.asDouble());
        }
        String s = v.asText().strip();
        if (s.equals("?") || s.isEmpty()) {
            return OptionalDouble.empty();
        }
        try {
            return OptionalDouble.of(Double.parseDouble(s));
        } catch (NumberFormatException e) {
            problems.add(path + "." + field, "not a number: '" + s + "'");
            return OptionalDouble.empty();
        }
    }

    private static final class Bundled {
        static final GpuSpecs SPECS = load();

        private static GpuSpecs load() {
            InputStream in = GpuSpecs.class.getResourceAsStream(BUNDLED_RESOURCE);
            if (in == null) {
                throw new IllegalStateException("bundled resource missing: " + BUNDLED_RESOURCE);
            }
            return read(in, "specs.json");
        }
    }

    /** Every GPU in file order. */
    public List<GpuSpec> all() {
        return specs;
    }

    /** A GPU by key or name, ignoring case. */
    public Optional<GpuSpec> find(String keyOrName) {
        String want = keyOrName.strip().toLowerCase(Locale.ROOT);
        return specs.stream()
                .filter(s -> s.key().toLowerCase(Locale.ROOT).equals(want)
                        || s.name().toLowerCase(Locale.ROOT).equals(want))
                .findFirst();
    }
}
