package io.minerai.cli;

import io.minerai.core.validation.Problem;
import java.io.PrintWriter;
import java.util.List;

/** Prints the warnings an input was accepted with, one line each on the error stream; they never stop a command. */
public final class Warnings {
    private Warnings() {}

    public static void print(PrintWriter err, List<Problem> warnings) {
        for (Problem w : warnings) {
            err.println("minerai: warning: " + w);
        }
        err.flush();
    }
}
