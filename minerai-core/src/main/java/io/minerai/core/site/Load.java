package io.minerai.core.site;

/** A power-consuming asset. Firm loads always run; the others may be curtailed. */
public sealed interface Load extends Asset permits MinerFleet, GpuCloud, ColocationLease {
    /** Power drawn at the meter when fully running (IT power x PUE), MW. */
    double facilityPowerMw();

    /** Whether the load must run in every interval (tenants, firm cloud contracts). */
    boolean firm();
}
