package io.minerai.ops.control;

import io.minerai.ops.meter.SiteMeter;
import java.time.Duration;

/**
 * Closes the control loop on a site meter. The controller models the site as {@code metered = overhead + (1 + s) x
 * devices}: {@code overhead} is what the devices' own figures miss (auxiliaries, devices that report nothing, the
 * part of cooling and transformer losses that does not follow the load), estimated each time the meter gives a new
 * reading as {@code metered - (1 + s) x measured devices} and taken as its highest value over {@code overheadWindow}
 * (so a meter sample older or newer than the device readings errs on the safe side); {@code s} is the share of any
 * added device load that cooling and losses add on top. The cap and the grid ceilings are then met on metered power:
 * the devices may draw at most {@code (cap - overhead) / (1 + s)} in the worst case.
 *
 * @param meter the site meter
 * @param marginalLossShare {@code s}: cooling and losses added per W of device load, 0..1 (ASSUMPTION default 0.1 in
 *     the inventory: fans and pumps of an air- or immersion-cooled site plus transformer copper losses near full load;
 *     set it from your own meter data)
 * @param overheadWindow how long an overhead estimate is kept
 */
public record MeterLoop(SiteMeter meter, double marginalLossShare, Duration overheadWindow) {
    public MeterLoop {
        if (!(marginalLossShare >= 0 && marginalLossShare <= 1)) {
            throw new IllegalArgumentException("marginalLossShare must be in 0..1, was " + marginalLossShare);
        }
        if (overheadWindow.isNegative() || overheadWindow.isZero()) {
            throw new IllegalArgumentException("overheadWindow must be > 0, was " + overheadWindow);
        }
    }
}
