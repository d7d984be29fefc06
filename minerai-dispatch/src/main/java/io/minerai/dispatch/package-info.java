/**
 * Dispatch: which loads run at which power in each interval, and what that earns. A {@link
 * io.minerai.dispatch.DispatchPolicy} decides the physical dispatch ({@link io.minerai.dispatch.Dispatch}); {@link
 * io.minerai.dispatch.Settlement} turns it into money per interval ({@link io.minerai.dispatch.DispatchLedger}) and
 * {@link io.minerai.dispatch.DispatchSummary} sums it up. The merit-order policy is the reference semantics of the
 * foundation issue; optimisers produce the same {@code Dispatch} shape so every result is settled the same way.
 */
@NullMarked
package io.minerai.dispatch;

import org.jspecify.annotations.NullMarked;
