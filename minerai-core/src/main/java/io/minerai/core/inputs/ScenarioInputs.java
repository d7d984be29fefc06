package io.minerai.core.inputs;

import io.minerai.core.bitcoin.BitcoinDay;
import io.minerai.core.time.TimeGrid;
import io.minerai.core.time.TimeSeries;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a run reads from data, already on the run's {@link TimeGrid}. Built by minerai-data's resolver from a
 * {@link io.minerai.core.scenario.Scenario}; tests may build it by hand. Missing values stay missing.
 *
 * @param grid the run's grid
 * @param priceUsdPerMwh real-time energy price at the site's settlement point
 * @param btcPerThDay expected BTC per TH/s per day of the interval's UTC day (subsidy + fees over network hashrate)
 * @param btcPriceUsd BTC price of the interval's UTC day
 * @param generatorCapacityFactor per generator of the site, in the site's order: capacity factor 0..1
 * @param dayAheadPriceUsdPerMwh day-ahead price at the site's settlement point, when the data has it
 * @param ancillaryPricesUsdPerMwH day-ahead ancillary-service clearing prices by product (e.g. RRS, ECRS, NSPIN,
 *     REGUP, REGDN) in $/MW-h, when the data has them
 * @param bitcoinDays the daily Bitcoin data behind {@code btcPerThDay} and {@code btcPriceUsd}, by UTC date
 * @param market the market's currency and exchange rate, system load and real-time ancillary prices
 * @param gpus what the GPU catalogue says about each GPU cloud (generation, cap levels); {@link GpuInputs#NONE}
 *     when built without the catalogue
 * @param ambientTemperatureC ambient dry-bulb temperature per interval, degrees Celsius, for loads whose PUE follows
 *     it (empty when the site names no temperature source)
 */
public record ScenarioInputs(
        TimeGrid grid,
        TimeSeries priceUsdPerMwh,
        TimeSeries btcPerThDay,
        TimeSeries btcPriceUsd,
        List<TimeSeries> generatorCapacityFactor,
        Optional<TimeSeries> dayAheadPriceUsdPerMwh,
        Map<String, TimeSeries> ancillaryPricesUsdPerMwH,
        Map<java.time.LocalDate, BitcoinDay> bitcoinDays,
        MarketInputs market,
        GpuInputs gpus,
        Optional<TimeSeries> ambientTemperatureC) {

    /** Inputs of a market in USD with nothing beyond energy and day-ahead ancillary prices. */
    public ScenarioInputs(
            TimeGrid grid,
            TimeSeries priceUsdPerMwh,
            TimeSeries btcPerThDay,
            TimeSeries btcPriceUsd,
            List<TimeSeries> generatorCapacityFactor,
            Optional<TimeSeries> dayAheadPriceUsdPerMwh,
            Map<String, TimeSeries> ancillaryPricesUsdPerMwH,
            Map<java.time.LocalDate, BitcoinDay> bitcoinDays) {
        this(
                grid,
                priceUsdPerMwh,
                btcPerThDay,
                btcPriceUsd,
                generatorCapacityFactor,
                dayAheadPriceUsdPerMwh,
                ancillaryPricesUsdPerMwH,
                bitcoinDays,
                MarketInputs.usd(grid),
                GpuInputs.NONE,
                Optional.empty());
    }

    public ScenarioInputs {
        generatorCapacityFactor = List.copyOf(generatorCapacityFactor);
        ancillaryPricesUsdPerMwH = Map.copyOf(ancillaryPricesUsdPerMwH);
        bitcoinDays = Map.copyOf(bitcoinDays);
        requireGrid(grid, priceUsdPerMwh);
        requireGrid(grid, btcPerThDay);
        requireGrid(grid, btcPriceUsd);
        for (TimeSeries s : generatorCapacityFactor) {
            requireGrid(grid, s);
        }
        dayAheadPriceUsdPerMwh.ifPresent(s -> requireGrid(grid, s));
        for (TimeSeries s : ancillaryPricesUsdPerMwH.values()) {
            requireGrid(grid, s);
        }
        requireGrid(grid, market.usdPerMarketUnit());
        for (TimeSeries s : market.realTimeAncillaryPricesUsdPerMwH().values()) {
            requireGrid(grid, s);
        }
        ambientTemperatureC.ifPresent(s -> requireGrid(grid, s));
    }

    /** The same inputs with other market inputs. */
    public ScenarioInputs withMarket(MarketInputs m) {
        return new ScenarioInputs(
                grid,
                priceUsdPerMwh,
                btcPerThDay,
                btcPriceUsd,
                generatorCapacityFactor,
                dayAheadPriceUsdPerMwh,
                ancillaryPricesUsdPerMwH,
                bitcoinDays,
                m,
                gpus,
                ambientTemperatureC);
    }

    /** The same inputs with other GPU catalogue information. */
    public ScenarioInputs withGpus(GpuInputs g) {
        return new ScenarioInputs(
                grid,
                priceUsdPerMwh,
                btcPerThDay,
                btcPriceUsd,
                generatorCapacityFactor,
                dayAheadPriceUsdPerMwh,
                ancillaryPricesUsdPerMwH,
                bitcoinDays,
                market,
                g,
                ambientTemperatureC);
    }

    /** The same inputs with an ambient temperature series (on the same grid). */
    public ScenarioInputs withAmbientTemperature(TimeSeries temperatureC) {
        return new ScenarioInputs(
                grid,
                priceUsdPerMwh,
                btcPerThDay,
                btcPriceUsd,
                generatorCapacityFactor,
                dayAheadPriceUsdPerMwh,
                ancillaryPricesUsdPerMwH,
                bitcoinDays,
                market,
                gpus,
                Optional.of(temperatureC));
    }

    private static void requireGrid(TimeGrid grid, TimeSeries s) {
        if (!s.grid().equals(grid)) {
            throw new IllegalArgumentException(s.name() + " is on " + s.grid() + ", expected " + grid);
        }
    }

    /** Hashprice per interval in USD per TH/s per day (missing where either input is missing). */
    public TimeSeries hashpriceUsdPerThDay() {
        TimeSeries.Builder b = TimeSeries.builder("hashprice", "USD/TH/s/day", grid);
        for (int i = 0; i < grid.count(); i++) {
            if (!btcPerThDay.isMissing(i) && !btcPriceUsd.isMissing(i)) {
                b.set(i, btcPerThDay.value(i) * btcPriceUsd.value(i));
            }
        }
        return b.build();
    }
}
