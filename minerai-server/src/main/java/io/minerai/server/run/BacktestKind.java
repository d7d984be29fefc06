package io.minerai.server.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.minerai.core.inputs.ScenarioInputs;
import io.minerai.dispatch.DispatchResult;
import io.minerai.optimize.ScenarioSettlement;
import io.minerai.server.Json;
import java.util.Optional;

/** The {@code backtest} run: the merit-order policy over the scenario's period on its data, settled into a ledger. */
public final class BacktestKind implements RunKind {
    public static final String NAME = "backtest";
    private final InputsResolver resolver;

    public BacktestKind(InputsResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Merit-order dispatch of the scenario's site over its period on historical prices and Bitcoin data.";
    }

    @Override
    public RunOutput execute(RunContext ctx) {
        ctx.progress(0.05, "resolving inputs");
        ScenarioInputs inputs = resolver.resolve(ctx.scenario(), ctx.workDir());
        ctx.checkCancelled();
        ctx.progress(0.4, "dispatching");
        long t0 = System.nanoTime();
        DispatchResult result = ScenarioSettlement.meritOrder(ctx.scenario(), inputs, ctx.workDir());
        double solverSeconds = (System.nanoTime() - t0) / 1e9;
        ctx.checkCancelled();
        ctx.progress(0.8, "storing results");
        JsonNode summary = Json.MAPPER.valueToTree(io.minerai.dispatch.SummaryDocument.of(result.summary()));
        return new RunOutput(summary, Optional.of(result.ledger()), solverSeconds);
    }
}
