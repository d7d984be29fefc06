package io.minerai.core.scenario;

/** Where daily Bitcoin network data (price, hashrate, subsidy, fees) comes from. */
public sealed interface BitcoinSource {

    /** The bundled Coin Metrics community data (2024-01-01 .. 2025-12-29), one publisher for every column. */
    record CoinMetricsBundled() implements BitcoinSource {}

    /**
     * A CSV in Coin Metrics' column layout (time, BlkCnt, FeeTotNtv, HashRate, IssTotNtv, PriceUSD).
     *
     * @param path CSV path; relative paths resolve against the scenario file's folder
     */
    record CoinMetricsCsv(String path) implements BitcoinSource {}
}
