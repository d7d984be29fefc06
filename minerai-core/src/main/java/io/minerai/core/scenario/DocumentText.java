package io.minerai.core.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.minerai.core.validation.Problem;
import io.minerai.core.validation.ValidationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

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
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ValidationException(what, new Problem("", "file not found: " + file.toAbsolutePath()));
        } catch (IOException e) {
            throw new ValidationException(what, new Problem("", "cannot read: " + e.getMessage()));
        }
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
            root = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null
                    ? ""
                    : "line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr();
            throw new ValidationException(what, new Problem(where, "not valid YAML/JSON: " + e.getOriginalMessage()));
        }
        if (root == null || !root.isObject()) {
            throw new ValidationException(what, new Problem("", "must be a YAML/JSON object with " + expected));
        }
        return root;
    }
}
