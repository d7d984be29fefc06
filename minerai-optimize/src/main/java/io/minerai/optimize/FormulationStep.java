package io.minerai.optimize;

/**
 * One named step of building the model (variables, site balance, limits, reserves, 4CP, PPA, GPU work, objective), in
 * the spirit of PyPSA/linopy. Each step adds its columns, rows, bounds and objective terms to a {@link ModelContext}
 * and is tested on its own.
 */
public interface FormulationStep {
    /** Name used in the docs and in messages, e.g. "site balance". */
    String name();

    void apply(ModelContext ctx);
}
