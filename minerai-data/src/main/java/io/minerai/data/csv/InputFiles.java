package io.minerai.data.csv;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Expands a user's path into the data files to read: a file is itself, a folder is its {@code .csv} and {@code
 * .csv.gz} files in name order (not recursive). A missing path or an empty folder is a problem, not an exception.
 */
public final class InputFiles {
    private InputFiles() {}

    /** The files under {@code path}, in name order; problems are added under the path's file name. */
    public static List<Path> expand(Path path, ProblemCollector problems) {
        return expand(path, problems, List.of(".csv", ".csv.gz"));
    }

    /** The files under {@code path} whose names end with one of {@code suffixes} (a file given directly is kept). */
    public static List<Path> expand(Path path, ProblemCollector problems, List<String> suffixes) {
        String name = path.getFileName() == null
                ? path.toString()
                : path.getFileName().toString();
        if (Files.isDirectory(path)) {
            List<Path> files;
            try (Stream<Path> s = Files.list(path)) {
                files = s.filter(f -> Files.isRegularFile(f) && hasSuffix(f, suffixes))
                        .sorted()
                        .toList();
            } catch (IOException e) {
                problems.add(name, "folder could not be listed: " + e.getMessage());
                return List.of();
            }
            if (files.isEmpty()) {
                problems.add(name, "folder has no " + String.join(", ", suffixes) + " files: " + path.toAbsolutePath());
            }
            return files;
        }
        if (!Files.exists(path)) {
            problems.add(name, "file not found: " + path.toAbsolutePath());
            return List.of();
        }
        return new ArrayList<>(List.of(path));
    }

    /** The name a file's problems are located by. */
    public static String displayName(Path file) {
        return file.getFileName() == null ? file.toString() : file.getFileName().toString();
    }

    private static boolean hasSuffix(Path f, List<String> suffixes) {
        String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
        return suffixes.stream().anyMatch(n::endsWith);
    }
}
