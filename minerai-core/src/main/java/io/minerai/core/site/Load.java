package io.minerai.core.site;

import io.minerai.core.ai.Cooling;
import io.minerai.core.ai.PueCurve;
import java.util.Optional;

/** A power-consuming asset. Firm loads always run; the others may be curtailed. */
public sealed interface Load extends Asset permits MinerFleet, GpuCloud, ColocationLease {
    /** Power drawn at the meter when fully running (IT power x PUE), MW. */
    double facilityPowerMw();

    /**
     * Facility power / IT power: the PUE of every interval when the load has no {@link #pueCurve()}; with one, the
     * design PUE behind {@link #facilityPowerMw()}, while each interval's PUE follows the ambient temperature.
     */
    double pue();

    /** How the hall removes heat. */
    Cooling cooling();

    /** The PUE as a function of the ambient temperature; empty = the constant {@link #pue()}. */
    Optional<PueCurve> pueCurve();

    /** Power at the meter when fully running at the highest PUE the load can have, MW. */
    default double peakFacilityPowerMw() {
        return pueCurve().map(c -> facilityPowerMw() * (c.maxPue() / pue())).orElse(facilityPowerMw());
    }

    /** Whether the load must run in every interval (tenants, firm cloud contracts). */
    boolean firm();
}
