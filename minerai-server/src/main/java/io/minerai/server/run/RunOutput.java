package io.minerai.server.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.minerai.dispatch.ledger.Ledger;
import java.util.Optional;

/**
 * What a finished run stores.
 *
 * @param summary the run's totals as a JSON object (field names carry units)
 * @param ledger the per-interval decision ledger, for runs that dispatch
 * @param solverSeconds time spent deciding (solver or dispatch policy), seconds
 */
public record RunOutput(JsonNode summary, Optional<Ledger> ledger, double solverSeconds) {
    public RunOutput {
        if (!summary.isObject()) {
            throw new IllegalArgumentException("a run summary must be a JSON object");
        }
    }
}
