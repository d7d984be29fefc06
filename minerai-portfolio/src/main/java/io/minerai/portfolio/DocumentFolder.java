package io.minerai.portfolio;

import io.minerai.core.scenario.DocumentText;
import io.minerai.core.validation.Problem;
import io.minerai.core.validation.ValidationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the files a portfolio names are found: a folder on disk (names relative to the portfolio file) or the folder
 * of the bundled example on the classpath.
 */
public sealed interface DocumentFolder {
    /** The text of the named document, or empty when it does not exist. */
    Optional<String> text(String name);

    /** How to show the named document in messages (an absolute path or the bundled resource). */
    String describe(String name);

    /** The folder a scenario's relative data paths resolve against. */
    Path baseDirOf(String name);

    /** A folder on disk. */
    record OnDisk(Path dir) implements DocumentFolder {
        public Path resolve(String name) {
            return dir.resolve(name).toAbsolutePath().normalize();
        }

        @Override
        public Optional<String> text(String name) {
            Path p = resolve(name);
            if (!Files.isRegularFile(p)) {
                return Optional.empty();
            }
            try {
                return Optional.of(DocumentText.readFile(p, "document"));
            } catch (ValidationException e) {
                return Optional.empty();
            }
        }

        @Override
        public String describe(String name) {
            return resolve(name).toString();
        }

        @Override
        public Path baseDirOf(String name) {
            Path parent = resolve(name).getParent();
            return parent == null ? dir : parent;
        }
    }

    /** A folder of bundled resources, e.g. {@code /io/minerai/portfolio/example/}. */
    record Bundled(String resourceDir) implements DocumentFolder {
        @Override
        public Optional<String> text(String name) {
            String r = resourceDir + name;
            if (DocumentFolder.class.getResource(r) == null) {
                return Optional.empty();
            }
            return Optional.of(DocumentText.resource(DocumentFolder.class, r));
        }

        @Override
        public String describe(String name) {
            return "bundled " + resourceDir + name;
        }

        @Override
        public Path baseDirOf(String name) {
            return Path.of(".").toAbsolutePath().normalize();
        }
    }

    /** The text of a document that must exist. */
    default String require(String name, String path) {
        return text(name)
                .orElseThrow(() ->
                        new ValidationException("portfolio", new Problem(path, "file not found: " + describe(name))));
    }
}
