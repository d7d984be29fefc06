package io.minerai.data.specs;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.minerai.core.ai.Cooling;
import io.minerai.core.ai.GpuCatalogue;
import io.minerai.core.ai.GpuGeneration;
import io.minerai.core.ai.PowerCapCurve;
import io.minerai.core.ai.PricePath;
import io.minerai.data.csv.ProblemCollector;
import java.io.IOException;
import java.io.InputStream;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads the GPU catalogue JSON (the bundled {@code gpu-catalogue.json}, see its SOURCE.md, or a user's file of the same
 * shape): every generation's power, cooling, throughput, memory, capex, dated rental price, price decline, capex decline and power-cap
 * curve, each figure with a source. Every problem is reported at once with its JSON path, e.g. {@code
 * gpu-catalogue.json:generations[2].coolings[0]: must be one of air, liquid, immersion, was 'water'}; a figure without
 * a source is a problem too, so the catalogue cannot grow an uncited number.
 */
public final class GpuCatalogueReader {
    /** Classpath location of the bundled catalogue. */
    public static final String BUNDLED_RESOURCE = "/io/minerai/data/gpu_catalogue/gpu-catalogue.json";

    /** Figures that must each carry a source. */
    static final List<String> CITED_FIELDS = List.of(
            "gpuTdpW",
            "systemItKw",
            "coolings",
            "bf16DenseTflops",
            "fp8DenseTflops",
            "memoryGb",
            "capexUsdPerGpu",
            "capexDeclinePerYear",
            "rentalPriceUsdPerGpuHour",
            "priceDeclinePerYear",
            "availableFrom");

    private static final ObjectMapper JSON = new ObjectMapper();

    private GpuCatalogueReader() {}

    /** The bundled catalogue, read once. */
    public static GpuCatalogue bundled() {
        return Bundled.CATALOGUE;
    }

    /** Reads a catalogue; throws a validation exception listing every problem. */
    public static GpuCatalogue read(InputStream in, String fileName) {
        ProblemCollector problems = new ProblemCollector();
        JsonNode root;
        try (in) {
            root = JSON.readTree(in);
        } catch (JacksonException e) {
            problems.add(
                    fileName + ":" + e.getLocation().getLineNr() + ":"
                            + e.getLocation().getColumnNr(),
                    "not valid JSON: " + e.getOriginalMessage());
            problems.throwIfAny("GPU catalogue " + fileName);
            throw new IllegalStateException("unreachable");
        } catch (IOException e) {
            problems.add(fileName, "could not be read: " + e.getMessage());
            problems.throwIfAny("GPU catalogue " + fileName);
            throw new IllegalStateException("unreachable");
        }
        if (root == null || !root.isObject() || !root.path("generations").isArray()) {
            problems.add(fileName, "expected an object with a list 'generations'");
            problems.throwIfAny("GPU catalogue " + fileName);
            throw new IllegalStateException("unreachable");
        }
        PowerCapCurve defaultCurve = PowerCapCurve.RUN_STOP;
        JsonNode dc = root.get("defaultPowerCap");
        if (dc != null) {
            PowerCapCurve c = curve(dc, fileName + ":defaultPowerCap", problems);
            if (c != null) {
                defaultCurve = c;
            }
        }
        List<GpuGeneration> out = new ArrayList<>();
        JsonNode gens = root.get("generations");
        for (int i = 0; i < gens.size(); i++) {
            GpuGeneration g = generation(gens.get(i), fileName + ":generations[" + i + "]", defaultCurve, problems);
            if (g != null) {
                out.add(g);
            }
        }
        problems.throwIfAny("GPU catalogue " + fileName);
        try {
            return new GpuCatalogue(out);
        } catch (IllegalArgumentException e) {
            problems.add(fileName + ":generations", String.valueOf(e.getMessage()));
            problems.throwIfAny("GPU catalogue " + fileName);
            throw new IllegalStateException("unreachable");
        }
    }

    private static @Nullable GpuGeneration generation(
            JsonNode n, String path, PowerCapCurve defaultCurve, ProblemCollector problems) {
        if (!n.isObject()) {
            problems.add(path, "expected an object");
            return null;
        }
        int before = problems.total();
        String name = text(n, "name", path, problems);
        List<String> aliases = new ArrayList<>();
        n.path("aliases").forEach(a -> aliases.add(a.asText()));
        double tdp = positive(n, "gpuTdpW", path, problems);
        String system = text(n, "system", path, problems);
        double perSystem = positive(n, "gpusPerSystem", path, problems);
        if (perSystem != Math.rint(perSystem)) {
            problems.add(path + ".gpusPerSystem", "must be a whole number, was " + perSystem);
        }
        double systemKw = positive(n, "systemItKw", path, problems);
        Set<Cooling> coolings = EnumSet.noneOf(Cooling.class);
        JsonNode cs = n.get("coolings");
        if (cs == null || !cs.isArray() || cs.isEmpty()) {
            problems.add(path + ".coolings", "missing; list at least one of " + Cooling.ids());
        } else {
            for (int k = 0; k < cs.size(); k++) {
                String c = cs.get(k).asText();
                var parsed = Cooling.parse(c);
                if (parsed.isPresent()) {
                    coolings.add(parsed.get());
                } else {
                    problems.add(
                            path + ".coolings[" + k + "]", "must be one of " + Cooling.ids() + ", was '" + c + "'");
                }
            }
        }
        double bf16 = positive(n, "bf16DenseTflops", path, problems);
        double fp8 = positive(n, "fp8DenseTflops", path, problems);
        double mem = positive(n, "memoryGb", path, problems);
        double capex = positive(n, "capexUsdPerGpu", path, problems);
        double capexDecline = number(n, "capexDeclinePerYear", path, problems);
        if (!Double.isNaN(capexDecline) && !(capexDecline >= 0 && capexDecline < 1)) {
            problems.add(path + ".capexDeclinePerYear", "must be in [0, 1), was " + capexDecline);
        }
        double price = positive(n, "rentalPriceUsdPerGpuHour", path, problems);
        YearMonth priceMonth = month(n, "rentalPriceMonth", path, problems);
        double decline = number(n, "priceDeclinePerYear", path, problems);
        if (!Double.isNaN(decline) && !(decline >= 0 && decline < 1)) {
            problems.add(path + ".priceDeclinePerYear", "must be in [0, 1), was " + decline);
        }
        YearMonth from = month(n, "availableFrom", path, problems);
        PowerCapCurve curve = defaultCurve;
        if (n.has("powerCap")) {
            PowerCapCurve c = curve(n.get("powerCap"), path + ".powerCap", problems);
            if (c != null) {
                curve = c;
            }
        }
        Map<String, String> sources = new LinkedHashMap<>();
        JsonNode src = n.get("sources");
        if (src != null && src.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = src.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                sources.put(e.getKey(), e.getValue().asText());
            }
        }
        for (String f : CITED_FIELDS) {
            String s = sources.getOrDefault(f, "").strip();
            if (s.isEmpty()) {
                problems.add(path + ".sources." + f, "missing: every figure needs a source or an ASSUMPTION label");
            }
        }
        if (problems.total() > before) {
            return null;
        }
        return new GpuGeneration(
                name,
                aliases,
                tdp,
                system,
                (int) perSystem,
                systemKw,
                coolings,
                bf16,
                fp8,
                mem,
                capex,
                capexDecline,
                new PricePath(price, priceMonth, decline),
                from,
                curve,
                sources);
    }

    private static @Nullable PowerCapCurve curve(JsonNode n, String path, ProblemCollector problems) {
        JsonNode pts = n.get("points");
        if (pts == null || !pts.isArray() || pts.isEmpty()) {
            problems.add(path + ".points", "missing; a list of [powerFraction, throughputFraction] pairs");
            return null;
        }
        List<PowerCapCurve.Point> points = new ArrayList<>();
        for (int k = 0; k < pts.size(); k++) {
            JsonNode p = pts.get(k);
            if (!p.isArray()
                    || p.size() != 2
                    || !p.get(0).isNumber()
                    || !p.get(1).isNumber()) {
                problems.add(
                        path + ".points[" + k + "]", "must be a pair of numbers [powerFraction, throughputFraction]");
                return null;
            }
            points.add(new PowerCapCurve.Point(p.get(0).asDouble(), p.get(1).asDouble()));
        }
        List<String> bad = PowerCapCurve.problems(points);
        if (!bad.isEmpty()) {
            for (String b : bad) {
                problems.add(path + ".points", b);
            }
            return null;
        }
        if (n.path("source").asText().isBlank()) {
            problems.add(path + ".source", "missing: the curve needs a source or an ASSUMPTION label");
        }
        return new PowerCapCurve(points);
    }

    private static String text(JsonNode n, String field, String path, ProblemCollector problems) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            problems.add(path + "." + field, "missing; text required");
            return "";
        }
        return v.asText().strip();
    }

    private static double number(JsonNode n, String field, String path, ProblemCollector problems) {
        JsonNode v = n.get(field);
        if (v == null || !v.isNumber()) {
            problems.add(path + "." + field, v == null ? "missing; a number is required" : "not a number: " + v);
            return Double.NaN;
        }
        return v.asDouble();
    }

    private static double positive(JsonNode n, String field, String path, ProblemCollector problems) {
        double d = number(n, field, path, problems);
        if (!Double.isNaN(d) && !(d > 0)) {
            problems.add(path + "." + field, "must be > 0, was " + d);
        }
        return d;
    }

    private static YearMonth month(JsonNode n, String field, String path, ProblemCollector problems) {
        JsonNode v = n.get(field);
        try {
            if (v != null && v.isTextual()) {
                return YearMonth.parse(v.asText());
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        problems.add(path + "." + field, "must be a month like 2026-06, was " + (v == null ? "missing" : v));
        return YearMonth.of(2000, 1);
    }

    private static final class Bundled {
        static final GpuCatalogue CATALOGUE = load();

        private static GpuCatalogue load() {
            InputStream in = GpuCatalogueReader.class.getResourceAsStream(BUNDLED_RESOURCE);
            if (in == null) {
                throw new IllegalStateException("bundled resource missing: " + BUNDLED_RESOURCE);
            }
            return read(in, "gpu-catalogue.json");
        }
    }
}
