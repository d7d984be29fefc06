package io.minerai.core.validation;

import java.util.List;

/** An input was rejected; carries every problem found, each with its path. */
public final class ValidationException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<Problem> problems;

    public ValidationException(String what, List<Problem> problems) {
        super(format(what, problems));
        this.problems = List.copyOf(problems);
    }

    public ValidationException(String what, Problem problem) {
        this(what, List.of(problem));
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String format(String what, List<Problem> problems) {
        StringBuilder sb = new StringBuilder();
        sb.append(what)
                .append(" has ")
                .append(problems.size())
                .append(problems.size() == 1 ? " problem:" : " problems:");
        for (Problem p : problems) {
            sb.append("\n  - ").append(p);
        }
        return sb.toString();
    }
}
