package io.minerai.core.validation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Collects every problem of an input instead of stopping at the first. */
public final class Problems {
    private final List<Problem> list = new ArrayList<>();

    public void add(String path, String message) {
        list.add(new Problem(path, message));
    }

    public void addAll(List<Problem> problems) {
        list.addAll(problems);
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    public int size() {
        return list.size();
    }

    public List<Problem> list() {
        return Collections.unmodifiableList(list);
    }

    /** Throws {@link ValidationException} carrying every problem if there is any. */
    public void throwIfAny(String what) {
        if (!list.isEmpty()) {
            throw new ValidationException(what, List.copyOf(list));
        }
    }
}
