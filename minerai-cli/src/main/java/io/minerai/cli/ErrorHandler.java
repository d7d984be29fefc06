package io.minerai.cli;

import io.minerai.core.validation.ValidationException;
import java.io.UncheckedIOException;
import picocli.CommandLine;

/**
 * Turns exceptions into a clear message and a meaningful exit code: invalid input lists every problem with its path and
 * exits 2; other failures print one line (stack trace only with {@code MINERAI_DEBUG=1}) and exit 1.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        var err = cl.getErr();
        if (ex instanceof ValidationException v) {
            err.println("minerai: " + v.getMessage());
            return ExitCodes.INVALID_INPUT;
        }
        if (ex instanceof UncheckedIOException io) {
            err.println("minerai: I/O error: " + io.getMessage());
        } else {
            err.println("minerai: " + ex.getClass().getSimpleName() + ": " + ex.getMessage());
        }
        if ("1".equals(System.getenv("MINERAI_DEBUG"))) {
            ex.printStackTrace(err);
        } else {
            err.println("minerai: (set MINERAI_DEBUG=1 for the stack trace)");
        }
        return ExitCodes.FAILED;
    }
}
