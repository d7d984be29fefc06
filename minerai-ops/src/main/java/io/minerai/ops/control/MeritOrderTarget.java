package io.minerai.ops.control;

import io.minerai.ops.device.DeviceSpec;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The simple dispatch rule: run every device whose value per MWh is at least the energy price (plus an optional
 * adder), sleep the rest. The target is the site load of that plan: rated power of the running devices plus the
 * asleep power of the others. Without a price it wants everything (the controller then fails safe on the stale price).
 * Stands in for minerai-dispatch's merit-order policy until an adapter to it exists.
 *
 * @param adderUsdPerMwh added to the market price (delivery charges, tariff adders)
 */
public record MeritOrderTarget(double adderUsdPerMwh) implements TargetSource {
    @Override
    public double targetLoadMw(Instant nowUtc, OptionalDouble priceUsdPerMwh, List<DeviceSpec> devices) {
        double sumW = 0;
        for (DeviceSpec d : devices) {
            boolean run =
                    priceUsdPerMwh.isEmpty() || d.valueUsdPerMwh() >= priceUsdPerMwh.getAsDouble() + adderUsdPerMwh;
            sumW += run ? d.ratedPowerW() : d.curtailedPowerW();
        }
        return sumW / 1e6;
    }
}
