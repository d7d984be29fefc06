package io.minerai.data.csv;

import io.minerai.core.validation.Problem;
import io.minerai.core.validation.ValidationException;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects every problem of an import, capped so that a file with a million bad lines still gives a readable message:
 * after {@link #DEFAULT_CAP} problems the rest are only counted. The count is always the true one, also when the
 * problems of one file are gathered into the collector of a larger input ({@link #addAll(ValidationException)}).
 */
public final class ProblemCollector {
    /** Problems kept in full before the rest are only counted. */
    public static final int DEFAULT_CAP = 100;

    private final List<Problem> kept = new ArrayList<>();
    private final int cap;
    private int total;

    public ProblemCollector() {
        this(DEFAULT_CAP);
    }

    public ProblemCollector(int cap) {
        if (cap < 1) {
            throw new IllegalArgumentException("cap must be >= 1, was " + cap);
        }
        this.cap = cap;
    }

    /** Adds a problem at {@code path} (e.g. {@code prices.csv:14:SettlementPointPrice}). */
    public void add(String path, String message) {
        total++;
        if (kept.size() < cap) {
            kept.add(new Problem(path, message));
        }
    }

    /** Adds problems found elsewhere. */
    public void addAll(List<Problem> problems) {
        for (Problem p : problems) {
            add(p.path(), p.message());
        }
    }

    /** Adds the problems of a rejected input, counting those it only counted too. */
    public void addAll(ValidationException e) {
        addAll(e.problems());
        total += e.omitted();
    }

    /** A view that prefixes paths with a file name. */
    public FileProblems forFile(String fileName) {
        return new FileProblems(fileName, this);
    }

    public boolean isEmpty() {
        return total == 0;
    }

    /** Number of problems added, including those only counted. */
    public int total() {
        return total;
    }

    /** The problems kept: all of them, or the first {@code cap} when {@link #total()} is larger. */
    public List<Problem> list() {
        return List.copyOf(kept);
    }

    /** Throws a {@link ValidationException} with the problems kept and the true total, if there is any. */
    public void throwIfAny(String what) {
        if (total > 0) {
            throw new ValidationException(what, list(), total);
        }
    }
}
