package io.minerai.core.validation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Collects every problem of an input instead of stopping at the first, and apart from them the warnings: values that
 * are possible but unusual (a slipped digit or unit), which are shown to the user but do not stop a run.
 */
public final class Problems {
    private final List<Problem> list = new ArrayList<>();
    private final List<Problem> warnings = new ArrayList<>();

    public void add(String path, String message) {
        list.add(new Problem(path, message));
    }

    public void addAll(List<Problem> problems) {
        list.addAll(problems);
    }

    /** A warning: the input is accepted, but the user should look at this. */
    public void warn(String path, String message) {
        warnings.add(new Problem(path, message));
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    public int size() {
        return list.size();
    }

    /** The problems (errors). */
    public List<Problem> list() {
        return Collections.unmodifiableList(list);
    }

    /** The warnings, in the order found. */
    public List<Problem> warnings() {
        return Collections.unmodifiableList(warnings);
    }

    /** Throws {@link ValidationException} carrying every problem if there is any. */
    public void throwIfAny(String what) {
        if (!list.isEmpty()) {
            throw new ValidationException(what, List.copyOf(list));
        }
    }
}
