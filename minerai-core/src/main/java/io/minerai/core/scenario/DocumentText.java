package io.minerai.core.scenario;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.minerai.core.text.InvalidUtf8Exception;
import io.minerai.core.text.StrictUtf8;
import io.minerai.core.validation.Problem;
import io.minerai.core.validation.ValidationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The first two steps every minerai document reader shares (scenarios, plans, site inventories): getting the text of
 * a file or a bundled resource, and parsing YAML or JSON (JSON is YAML) into a tree whose root is an object. Errors
 * are {@link ValidationException}s naming the input: a missing or unreadable file with its absolute path, a syntax
 * error with its line and column. Binding the tree against a schema is each reader's own job ({@link FieldReader}).
 */
public final class DocumentText {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private DocumentText() {}

    /**
     * The text of a document file (UTF-8).
     *
     * @param kind what the document is, e.g. "scenario", used to name it in errors
     */
    public static String readFile(Path file, String kind) {
        String what = kind + " " + file;
        try {
            return withoutBom(StrictUtf8.decode(Files.readAllBytes(file)));
        } catch (InvalidUtf8Exception e) {
            throw new ValidationException(what, new Problem("line " + e.line() + ", column " + e.column(), e.reason()));
        } catch (NoSuchFileException e) {
            throw new ValidationException(what, new Problem("", "file not found: " + file.toAbsolutePath()));
        } catch (IOException e) {
            throw new ValidationException(what, new Problem("", "cannot read: " + e.getMessage()));
        }
    }

    private static String withoutBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /**
     * The text of a resource bundled on the classpath next to {@code anchor}; a missing one is a packaging bug
     * ({@link IllegalStateException}).
     */
    public static String resource(Class<?> anchor, String absoluteName) {
        try (InputStream in = anchor.getResourceAsStream(absoluteName)) {
            if (in == null) {
                throw new IllegalStateException("bundled resource missing: " + absoluteName);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Parses YAML or JSON text whose root must be an object.
     *
     * @param what how to name the input in errors, e.g. "scenario site.yaml"
     * @param expected what the root object should hold, for the error when it is not an object, e.g. "fields"
     */
    public static JsonNode parseObject(String text, String what, String expected) {
        JsonNode root;
        try {
            List<Problem> duplicates = duplicateKeys(text);
            if (!duplicates.isEmpty()) {
                throw new ValidationException(what, duplicates);
            }
            root = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null
                    ? ""
                    : "line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr();
            throw new ValidationException(what, new Problem(where, "not valid YAML/JSON: " + e.getOriginalMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException("reading text from memory failed", e);
        }
        if (root == null || !root.isObject()) {
            throw new ValidationException(what, new Problem("", "must be a YAML/JSON object with " + expected));
        }
        return root;
    }

    /**
     * Keys given twice in one object, each a problem at the key's path naming both lines. YAML and JSON parsers keep
     * the last value silently, so a key repeated further down a long file would override the first without a word.
     */
    private static List<Problem> duplicateKeys(String text) throws IOException {
        List<Problem> out = new ArrayList<>();
        Deque<Map<String, Integer>> objects = new ArrayDeque<>();
        try (JsonParser p = YAML.getFactory().createParser(text)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                switch (t) {
                    case START_OBJECT -> objects.push(new HashMap<>());
                    case END_OBJECT -> objects.pop();
                    case FIELD_NAME -> {
                        Map<String, Integer> keys = objects.peek();
                        int line = p.currentTokenLocation().getLineNr();
                        Integer first = keys == null ? null : keys.putIfAbsent(p.currentName(), line);
                        if (first != null) {
                            out.add(new Problem(
                                    path(p.getParsingContext()),
                                    "duplicate key: given on line " + first + " and again on line " + line
                                            + "; give each key once"));
                        }
                    }
                    default -> {}
                }
            }
        }
        return out;
    }

    /** The dotted path of the parser's position, e.g. {@code site.minerFleets[0].name}. */
    private static String path(JsonStreamContext ctx) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = ctx; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.push("[" + Math.max(0, c.getCurrentIndex()) + "]");
            } else if (c.inObject()) {
                String name = c.getCurrentName();
                parts.push((c.getParent() != null && c.getParent().inRoot() ? "" : ".") + (name == null ? "" : name));
            }
        }
        return String.join("", parts);
    }
}
