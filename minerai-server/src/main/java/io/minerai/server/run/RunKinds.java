package io.minerai.server.run;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The run kinds a server offers, by name. */
public final class RunKinds {
    private final Map<String, RunKind> kinds = new LinkedHashMap<>();

    /** Adds a kind; names are unique. */
    public RunKinds register(RunKind kind) {
        if (kinds.putIfAbsent(kind.name(), kind) != null) {
            throw new IllegalArgumentException("run kind " + kind.name() + " is already registered");
        }
        return this;
    }

    /** The standard kinds on the bundled data and uploaded datasets (minerai-data's resolver). */
    public static RunKinds standard() {
        return standard(io.minerai.data.resolve.InputResolver::resolve);
    }

    /**
     * The standard kinds: {@code backtest} (merit-order dispatch over the scenario's period), {@code optimize}
     * (optimal dispatch with a solver), {@code compare} (policy vs optimal), {@code plan} (the planning Monte Carlo of a plan document) and {@code
     * portfolio} (the bundled company portfolio).
     */
    public static RunKinds standard(InputsResolver resolver) {
        return new RunKinds()
                .register(new BacktestKind(resolver))
                .register(new OptimizeKind(resolver))
                .register(new CompareKind(resolver))
                .register(new PlanKind())
                .register(new PortfolioKind(java.time.Clock.systemUTC()));
    }

    public Optional<RunKind> get(String name) {
        return Optional.ofNullable(kinds.get(name));
    }

    public Collection<RunKind> all() {
        return kinds.values();
    }
}
