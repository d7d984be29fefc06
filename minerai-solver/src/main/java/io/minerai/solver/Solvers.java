package io.minerai.solver;

import java.util.List;
import java.util.Locale;

/** Backends by name, for configuration and the CLI. */
public final class Solvers {
    /** Names accepted by {@link #byName}. */
    public static final List<String> NAMES = List.of("glop", "highs_lp", "pdlp", "highs", "scip", "sat", "ojalgo");

    private Solvers() {}

    /** The backend with this name (case-insensitive). */
    public static LpSolver byName(String name) {
        String n = name.toLowerCase(Locale.ROOT).replace('-', '_');
        if (n.equals(OjAlgoSolver.NAME)) {
            return new OjAlgoSolver();
        }
        if (n.equals("cp_sat")) {
            n = "sat";
        }
        for (OrToolsSolver.Backend b : OrToolsSolver.Backend.values()) {
            if (b.id().equals(n)) {
                return new OrToolsSolver(b);
            }
        }
        throw new IllegalArgumentException("unknown solver '" + name + "'; known: " + String.join(", ", NAMES));
    }

    /** The default LP backend (GLOP: fastest on our stacked year model, see docs/PERFORMANCE.md). */
    public static LpSolver defaultLp() {
        return new OrToolsSolver(OrToolsSolver.Backend.GLOP);
    }

    /** The default MILP backend. */
    public static LpSolver defaultMip() {
        return new OrToolsSolver(OrToolsSolver.Backend.SCIP);
    }
}
