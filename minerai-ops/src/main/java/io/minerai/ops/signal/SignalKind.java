package io.minerai.ops.signal;

/** What a signal's value means. */
public enum SignalKind {
    /** Energy price, USD/MWh; handed to the target source. */
    PRICE_USD_PER_MWH,
    /** Allowed load as a percentage of the site cap, 0..100 (MQTT curtailment target). */
    LOAD_PERCENT,
    /** Allowed load, MW (OpenADR import capacity limit, dispatch setpoint). */
    LOAD_CEILING_MW,
    /**
     * Load to shed, kW below the site's power when the shed began (contracted curtailment); 0 ends the event. The
     * controller keeps the site at least this far below that pre-event level, shedding the least valuable load first.
     */
    SHED_KW
}
