package io.minerai.core.validation;

import java.util.List;
import java.util.Locale;

/**
 * An input was rejected; carries the problems found, each with its path, and the true number of problems. A reader
 * may list only the first problems of a huge file ({@link #problems()}) but still counts every one ({@link #total()}),
 * so the message says "has 105,408 problems" and how many are left out.
 */
public final class ValidationException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<Problem> problems;
    private final int total;

    /** Every problem is listed. */
    public ValidationException(String what, List<Problem> problems) {
        this(what, problems, problems.size());
    }

    public ValidationException(String what, Problem problem) {
        this(what, List.of(problem));
    }

    /**
     * Only the first problems are listed.
     *
     * @param listed the problems listed (at most {@code total})
     * @param total how many problems were found in all
     */
    public ValidationException(String what, List<Problem> listed, int total) {
        super(format(what, listed, total));
        if (total < listed.size()) {
            throw new IllegalArgumentException("total " + total + " < listed " + listed.size());
        }
        this.problems = List.copyOf(listed);
        this.total = total;
    }

    /** The problems listed: all of them, or the first ones when {@link #omitted()} is above 0. */
    public List<Problem> problems() {
        return problems;
    }

    /** How many problems were found, listed or not. */
    public int total() {
        return total;
    }

    /** How many problems were counted but are not listed. */
    public int omitted() {
        return total - problems.size();
    }

    private static String format(String what, List<Problem> listed, int total) {
        StringBuilder sb = new StringBuilder();
        sb.append(what)
                .append(" has ")
                .append(String.format(Locale.ROOT, "%,d", total))
                .append(total == 1 ? " problem" : " problems");
        if (total > listed.size()) {
            sb.append(
                    listed.size() == 1
                            ? " (only the first is listed)"
                            : String.format(Locale.ROOT, " (the first %,d are listed)", listed.size()));
        }
        sb.append(':');
        for (Problem p : listed) {
            sb.append("\n  - ").append(p);
        }
        if (total > listed.size()) {
            sb.append(String.format(Locale.ROOT, "\n  ... and %,d more problems", total - listed.size()));
        }
        return sb.toString();
    }
}
