package io.minerai.data.market;

import io.minerai.core.market.MarketProduct;
import io.minerai.data.aemo.AemoPriceAndDemandReader;
import io.minerai.data.aemo.OpenElectricityReader;
import io.minerai.data.energycharts.EnergyChartsDayAheadReader;
import io.minerai.data.entsoe.EntsoeDayAheadExtractReader;
import io.minerai.data.pjm.PjmCapacityPrices;
import io.minerai.data.pjm.PjmLmpReader;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Loads each {@link BundledMarketDataset} once per JVM, on first use (thread-safe lazy holders). */
public final class BundledMarketData {
    static final String AEMO_VIC1_2025_RESOURCE = "/io/minerai/data/aemo_vic1_2025/aemo_vic1_2025_5min.csv.gz";

    static final String AEMO_NSW1_2025_HOURLY_RESOURCE =
            "/io/minerai/data/aemo_nsw1_2025_hourly/aemo_nsw1_2025_hourly_openelectricity.csv.gz";

    static final String DE_LU_2024_RESOURCE = "/io/minerai/data/de_lu_dayahead/de_lu_dayahead_2024_hourly.csv.gz";
    static final String DE_LU_2025_RESOURCE = "/io/minerai/data/de_lu_dayahead/de_lu_dayahead_2025.csv.gz";
    static final String NO2_2024_RESOURCE =
            "/io/minerai/data/nordic_no2_dayahead_2024_hourly/no2_dayahead_2024_hourly.csv.gz";

    static final String PJM_LMP_RESOURCE =
            "/io/minerai/data/pjm_hub_lmp_hourly_2025summer/pjm_hub_lmp_hourly_2025-05_2025-07.csv.gz";
    static final String PJM_RPM_RESOURCE =
            "/io/minerai/data/pjm_rpm_bra_clearing_prices/pjm_rpm_bra_clearing_prices.csv";

    private BundledMarketData() {}

    static MarketDataset load(BundledMarketDataset d) {
        return switch (d) {
            case AEMO_VIC1_2025 -> AemoVic1.DATA;
            case AEMO_NSW1_2025_HOURLY -> AemoNsw1Hourly.DATA;
            case PJM_HUB_LMP_2025_SUMMER -> PjmLmp.DATA;
            case PJM_RPM_BRA -> PjmRpm.DATA;
            case DE_LU_DAYAHEAD -> DeLu.DATA;
            case NO2_DAYAHEAD_2024 -> No2.DATA;
        };
    }

    static InputStream resource(String name) {
        InputStream in = BundledMarketData.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("bundled resource missing from the jar: " + name);
        }
        return in;
    }

    private static final class AemoVic1 {
        static final MarketDataset DATA = new AemoDataset(
                "bundled " + BundledMarketDataset.AEMO_VIC1_2025.id(),
                AemoPriceAndDemandReader.read(
                        resource(AEMO_VIC1_2025_RESOURCE), "aemo_vic1_2025_5min.csv", Optional.empty()));
    }

    private static final class AemoNsw1Hourly {
        static final MarketDataset DATA = new OpenElectricityDataset(
                "bundled " + BundledMarketDataset.AEMO_NSW1_2025_HOURLY.id(),
                OpenElectricityReader.read(
                        resource(AEMO_NSW1_2025_HOURLY_RESOURCE),
                        "aemo_nsw1_2025_hourly_openelectricity.csv",
                        OpenElectricityReader.HOURLY));
    }

    private static final class DeLu {
        static final MarketDataset DATA = FixedDataset.of(
                "bundled " + BundledMarketDataset.DE_LU_DAYAHEAD.id(),
                Map.of(
                        "DE-LU",
                        Map.of(
                                MarketProduct.DAY_AHEAD_ENERGY_PRICE,
                                EuropeanDayAhead.energyCharts(
                                        "bundled " + BundledMarketDataset.DE_LU_DAYAHEAD.id(),
                                        "DE-LU",
                                        EnergyChartsDayAheadReader.read(
                                                List.of(resource(DE_LU_2024_RESOURCE), resource(DE_LU_2025_RESOURCE)),
                                                List.of("de_lu_dayahead_2024_hourly.csv", "de_lu_dayahead_2025.csv"),
                                                "DE-LU day-ahead")))));
    }

    private static final class No2 {
        static final MarketDataset DATA = FixedDataset.of(
                "bundled " + BundledMarketDataset.NO2_DAYAHEAD_2024.id(),
                Map.of(
                        "NO2",
                        Map.of(
                                MarketProduct.DAY_AHEAD_ENERGY_PRICE,
                                EuropeanDayAhead.entsoe(
                                        "bundled " + BundledMarketDataset.NO2_DAYAHEAD_2024.id(),
                                        "NO2",
                                        EntsoeDayAheadExtractReader.read(
                                                resource(NO2_2024_RESOURCE),
                                                "no2_dayahead_2024_hourly.csv",
                                                "NO2 day-ahead")))));
    }

    private static final class PjmLmp {
        static final MarketDataset DATA = PjmDatasets.lmps(
                "bundled " + BundledMarketDataset.PJM_HUB_LMP_2025_SUMMER.id(),
                PjmLmpReader.read(resource(PJM_LMP_RESOURCE), "pjm_hub_lmp_hourly_2025-05_2025-07.csv"));
    }

    /** The bundled PJM RPM clearing price table (delivery years 2023/24 .. 2027/28). */
    public static PjmCapacityPrices pjmCapacityPrices() {
        return PjmRpm.PRICES;
    }

    private static final class PjmRpm {
        static final PjmCapacityPrices PRICES =
                PjmCapacityPrices.read(resource(PJM_RPM_RESOURCE), "pjm_rpm_bra_clearing_prices.csv");
        static final MarketDataset DATA =
                PjmDatasets.capacity("bundled " + BundledMarketDataset.PJM_RPM_BRA.id(), PRICES);
    }
}
