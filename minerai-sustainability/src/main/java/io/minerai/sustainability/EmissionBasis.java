package io.minerai.sustainability;

/** What a set of emission factors counts. */
public enum EmissionBasis {
    /**
     * Only the stack emissions of burning fuel at the power plant (CO2, CH4, N2O). This is what a GHG Protocol Scope 2
     * inventory and EPA eGRID count; upstream emissions of fuels belong to Scope 3 category 3.
     */
    COMBUSTION,
    /** Cradle-to-grave: fuel supply chain, construction, operation and decommissioning per kWh generated. */
    LIFECYCLE,
    /** Factors supplied by the user (a CSV); what they count is whatever their source says. */
    AS_SUPPLIED
}
