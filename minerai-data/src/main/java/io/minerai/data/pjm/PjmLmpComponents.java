package io.minerai.data.pjm;

import io.minerai.data.series.IntervalSeries;
import java.util.Objects;

/**
 * One pricing node's hourly LMPs in one market, USD/MWh, on UTC hour starts.
 *
 * @param totalLmp total LMP = system energy + congestion + marginal loss
 * @param systemEnergyPrice the system energy component
 * @param congestionPrice the congestion component
 * @param marginalLossPrice the marginal loss component
 */
public record PjmLmpComponents(
        IntervalSeries totalLmp,
        IntervalSeries systemEnergyPrice,
        IntervalSeries congestionPrice,
        IntervalSeries marginalLossPrice) {
    public PjmLmpComponents {
        Objects.requireNonNull(totalLmp, "totalLmp");
        Objects.requireNonNull(systemEnergyPrice, "systemEnergyPrice");
        Objects.requireNonNull(congestionPrice, "congestionPrice");
        Objects.requireNonNull(marginalLossPrice, "marginalLossPrice");
    }
}
