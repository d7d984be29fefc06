/**
 * Optimal dispatch: the site as a linear (or mixed-integer) program built in named steps ({@link
 * io.minerai.optimize.FormulationStep}), solved through minerai-solver, turned back into the same {@link
 * io.minerai.dispatch.Dispatch} shape every policy produces and settled by the same {@link
 * io.minerai.dispatch.Settlement}. Also the rolling horizon with its forecast modes, the value of foresight, the
 * policy-vs-optimal comparison and marginal values of capacity.
 */
@NullMarked
package io.minerai.optimize;

import org.jspecify.annotations.NullMarked;
