package io.minerai.server;

import io.minerai.core.validation.Problem;
import java.util.List;

/**
 * An error answered as {@code application/problem+json} (RFC 9457) with a status, a title, a detail and, for invalid
 * input, every problem with its field path.
 */
public final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String title;
    private final transient List<Problem> errors;

    public ApiException(int status, String title, String detail, List<Problem> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public ApiException(int status, String title, String detail) {
        this(status, title, detail, List.of());
    }

    public static ApiException notFound(String what) {
        return new ApiException(404, "Not found", what + " does not exist");
    }

    public static ApiException badRequest(String detail) {
        return new ApiException(400, "Bad request", detail);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String detail() {
        String m = getMessage();
        return m == null ? title : m;
    }

    public List<Problem> errors() {
        return errors;
    }
}
