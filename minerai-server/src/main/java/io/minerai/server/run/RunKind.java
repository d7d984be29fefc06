package io.minerai.server.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.minerai.core.validation.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * A kind of run the server can execute (backtest, optimize). Register a new kind in
 * {@link RunKinds}; the API, queue, store and dashboard need no change.
 */
public interface RunKind {
    /** The name used in {@code POST /api/runs} ({@code "kind": "backtest"}). */
    String name();

    /** One sentence for the OpenAPI description and the dashboard. */
    String description();

    /**
     * Whether a run of this kind runs a stored scenario (the request then names {@code scenarioId}); a plan run takes
     * its plan document from its parameters instead.
     */
    default boolean needsScenario() {
        return true;
    }

    /**
     * Problems with a run request's parameters, each with its path (e.g. {@code parameters.forecast}); checked when the
     * run is requested, so a bad request is refused (422) rather than queued to fail. The default accepts none.
     */
    default List<Problem> checkParameters(JsonNode parameters) {
        List<Problem> out = new ArrayList<>();
        parameters.fieldNames().forEachRemaining(n -> out.add(new Problem("parameters." + n, "unknown parameter")));
        return out;
    }

    /**
     * Executes a run. Report progress through the context and call {@link RunContext#checkCancelled()} between steps;
     * throw to fail the run. Nothing is stored until this returns: the store writes the output atomically.
     *
     * @throws Exception any failure; its message becomes the run's failure reason
     */
    RunOutput execute(RunContext context) throws Exception;
}
