package io.minerai.ops.signal;

/** What a signal's value means. */
public enum SignalKind {
    /** Energy price, USD/MWh; handed to the target source. */
    PRICE_USD_PER_MWH,
    /** Allowed load as a percentage of the site cap, 0..100 (MQTT curtailment target). */
    LOAD_PERCENT,
    /** Allowed load, MW (OpenADR import capacity limit, dispatch setpoint). */
    LOAD_CEILING_MW
}
