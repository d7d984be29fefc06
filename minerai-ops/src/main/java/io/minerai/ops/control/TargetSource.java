package io.minerai.ops.control;

import io.minerai.ops.device.DeviceSpec;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Where the site's wanted load comes from each interval: a dispatch policy or an optimiser's plan. The controller then
 * applies grid signals and the cap on top and picks the devices by merit.
 */
public interface TargetSource {
    /**
     * The load the plan wants now, MW at the devices (before signals and the cap).
     *
     * @param nowUtc current time
     * @param priceUsdPerMwh the latest fresh price, empty when there is none
     * @param devices the fleet
     */
    double targetLoadMw(Instant nowUtc, OptionalDouble priceUsdPerMwh, List<DeviceSpec> devices);
}
