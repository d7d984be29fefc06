/**
 * Solver adapter: our own LP/MILP model on flat arrays ({@link io.minerai.solver.LpModel}), a solver interface with
 * typed outcomes ({@link io.minerai.solver.LpSolver}, {@link io.minerai.solver.SolveOutcome}) and its backends
 * (OR-Tools: GLOP, PDLP, HiGHS, SCIP, CP-SAT; ojAlgo in pure Java). The only package of minerai that imports a solver
 * API.
 */
@NullMarked
package io.minerai.solver;

import org.jspecify.annotations.NullMarked;
