package io.minerai.server.run;

/**
 * A kind of run the server can execute (backtest; optimize and plan when their engines land). Register a new kind in
 * {@link RunKinds}; the API, queue, store and dashboard need no change.
 */
public interface RunKind {
    /** The name used in {@code POST /api/runs} ({@code "kind": "backtest"}). */
    String name();

    /** One sentence for the OpenAPI description and the dashboard. */
    String description();

    /**
     * Executes a run. Report progress through the context and call {@link RunContext#checkCancelled()} between steps;
     * throw to fail the run. Nothing is stored until this returns: the store writes the output atomically.
     *
     * @throws Exception any failure; its message becomes the run's failure reason
     */
    RunOutput execute(RunContext context) throws Exception;
}
