package io.minerai.dispatch.program;

/**
 * A program that limits the site's grid import in some intervals, e.g. an emergency demand-reduction service (Texas
 * SB 6) during its events: the site must keep its import at or below the limit while the event lasts. The optimiser
 * honours every such program in the terms (its "import limits" step); settlement may pay for the commitment and
 * penalise non-performance in the program's own settler.
 */
public interface ImportLimitProgram {
    /** Program id, e.g. {@code ercot-sb6-demand-reduction}; names the constraint in messages. */
    String program();

    /**
     * The most the site may import in interval {@code t} of the run's grid, MW; {@link Double#POSITIVE_INFINITY} where
     * the program sets no limit (no event).
     */
    double maxImportMw(int t);
}
