package io.minerai.store;

import java.util.Locale;
import java.util.Optional;

/** The per-interval columns of a stored decision ledger, by API name (units in the name) and SQL column. */
public enum LedgerColumn {
    DISPATCHED("dispatched", "CASE WHEN dispatched THEN 1.0 ELSE 0.0 END"),
    PRICE("priceUsdPerMwh", "price_usd_per_mwh"),
    HASHPRICE("hashpriceUsdPerPhDay", "hashprice_usd_per_ph_day"),
    GENERATION("generationMw", "generation_mw"),
    IMPORT("importMw", "import_mw"),
    EXPORT("exportMw", "export_mw"),
    SPILL("spillMw", "spill_mw"),
    MINING("miningMw", "mining_mw"),
    AI_CLOUD("aiCloudMw", "ai_cloud_mw"),
    COLOCATION("colocationMw", "colocation_mw"),
    REVENUE_MINING("revenueMiningUsd", "revenue_mining_usd"),
    REVENUE_AI_CLOUD("revenueAiCloudUsd", "revenue_ai_cloud_usd"),
    REVENUE_COLOCATION("revenueColocationUsd", "revenue_colocation_usd"),
    REVENUE_EXPORT("revenueExportUsd", "revenue_export_usd"),
    REVENUE_PPA_SELLBACK("revenuePpaSellbackUsd", "revenue_ppa_sellback_usd"),
    REVENUE_ANCILLARY("revenueAncillaryUsd", "revenue_ancillary_usd"),
    POWER_COST("powerCostUsd", "power_cost_usd"),
    NET("netUsd", "net_usd"),
    BTC_MINED("btcMined", "btc_mined"),
    MINER_ENERGY_COST("minerEnergyCostUsd", "miner_energy_cost_usd"),
    ENERGY_COST("energyCostUsdPerMwh", "energy_cost_usd_per_mwh");

    private final String apiName;
    private final String sql;

    LedgerColumn(String apiName, String sql) {
        this.apiName = apiName;
        this.sql = sql;
    }

    /** Name in the API, e.g. {@code priceUsdPerMwh}. */
    public String apiName() {
        return apiName;
    }

    /** SQL expression (a fixed whitelist; user input never reaches SQL text). */
    String sql() {
        return sql;
    }

    /** Whether a downsampled bucket sums this column (money, BTC) rather than averaging it (power, prices). */
    public boolean additive() {
        return apiName.endsWith("Usd") || this == BTC_MINED;
    }

    public static Optional<LedgerColumn> byApiName(String name) {
        for (LedgerColumn c : values()) {
            if (c.apiName.equals(name) || c.name().equals(name.toUpperCase(Locale.ROOT))) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
