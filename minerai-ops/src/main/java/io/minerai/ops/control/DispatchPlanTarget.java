package io.minerai.ops.control;

import io.minerai.dispatch.Dispatch;
import io.minerai.ops.device.DeviceSpec;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Follows a plan made ahead by a dispatch policy or the optimiser (a {@link Dispatch} over a grid): the target in
 * each interval is the plan's total load there, scaled by {@code deviceMwPerPlanMw} (the plan counts facility load,
 * e.g. with PUE; the controller counts device load). Outside the plan's grid, or in an interval the plan skipped, it
 * falls back to {@code fallback} (e.g. {@link MeritOrderTarget} on the live price).
 *
 * @param plan the plan
 * @param deviceMwPerPlanMw device MW per MW of the plan (1 / PUE for a plan in facility MW)
 * @param fallback target outside the plan
 */
public record DispatchPlanTarget(Dispatch plan, double deviceMwPerPlanMw, TargetSource fallback)
        implements TargetSource {
    @Override
    public double targetLoadMw(Instant nowUtc, OptionalDouble priceUsdPerMwh, List<DeviceSpec> devices) {
        int t = plan.grid().indexContaining(nowUtc);
        if (t < 0 || !plan.dispatched()[t]) {
            return fallback.targetLoadMw(nowUtc, priceUsdPerMwh, devices);
        }
        return plan.totalLoadMw(t) * deviceMwPerPlanMw;
    }
}
