package io.minerai.server.run;

import io.minerai.core.scenario.Scenario;
import io.minerai.core.scenario.ScenarioPaths;
import io.minerai.core.validation.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * File references in scenarios run by the server. The server never reads a path a user names: a scenario may use the
 * bundled sources or uploaded datasets, referred to as {@code dataset:<id>}; at run time each referenced dataset is
 * written into the run's private folder and the scenario is pointed at that copy.
 */
public final class ScenarioFiles {
    private static final Pattern REF = Pattern.compile("dataset:(\\d{1,18})");

    private ScenarioFiles() {}

    /** Every file path of the scenario that is not a dataset reference, as problems with field paths. */
    public static List<Problem> problems(Scenario s) {
        String hint = "the server reads no files named in a scenario: upload the file (POST /api/datasets) and refer"
                + " to it as dataset:<id>, or use a bundled source";
        List<Problem> out = new ArrayList<>();
        for (ScenarioPaths.FileRef f : ScenarioPaths.files(s)) {
            if (!isRef(f.path())) {
                out.add(new Problem(f.field(), hint));
            }
        }
        return out;
    }

    /** Dataset ids the scenario refers to. */
    public static List<Long> references(Scenario s) {
        List<Long> ids = new ArrayList<>();
        for (ScenarioPaths.FileRef f : ScenarioPaths.files(s)) {
            id(f.path()).ifPresent(ids::add);
        }
        return ids;
    }

    /**
     * Writes each referenced dataset into {@code workDir} and returns the scenario pointing at those copies (by
     * relative name, resolved against {@code workDir}); every other part of the scenario is kept as it is.
     */
    public static Scenario materialize(Scenario s, LongFunction<String> content, Path workDir) {
        return ScenarioPaths.rewrite(s, ref -> write(ref, content, workDir));
    }

    private static String write(String ref, LongFunction<String> content, Path workDir) {
        long id = id(ref).orElseThrow(() -> new IllegalArgumentException("not a dataset reference: " + ref));
        String name = "dataset-" + id + ".csv";
        try {
            Files.writeString(workDir.resolve(name), content.apply(id), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write dataset " + id + " for the run", e);
        }
        return name;
    }

    private static boolean isRef(String path) {
        return REF.matcher(path).matches();
    }

    private static Optional<Long> id(String path) {
        Matcher m = REF.matcher(path);
        return m.matches() ? Optional.of(Long.parseLong(m.group(1))) : Optional.empty();
    }
}
