package io.minerai.dispatch;

import io.minerai.dispatch.ledger.Direction;
import io.minerai.dispatch.ledger.Stream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Totals of a settled dispatch over its period, in nested parts. Money in USD (the engine's currency; a stream settled
 * in another market currency also carries its total in that currency), energy in MWh, over dispatched intervals only.
 * The flat field names of earlier releases stay available through {@link LegacySummary}.
 *
 * @param run what ran: policy, period, step, market currency
 * @param gaps intervals skipped for missing data, by reason
 * @param energy energy flows
 * @param streams every stream's signed total, in ledger order; they add up to {@code netUsd}
 * @param netUsd the sum of every stream: revenues minus costs and charges, before site opex and depreciation
 * @param costs site opex and the net after it
 * @param bitcoin BTC mined and the cost per BTC in three definitions
 * @param gpu the GPU side's delivery
 * @param averages time-weighted mean price and hashprice
 * @param programs facts of each market program by program id (e.g. {@code ercot-4cp} -> {@code tagMw})
 * @param loads totals per load
 */
public record DispatchSummary(
        RunInfo run,
        Gaps gaps,
        EnergyTotals energy,
        List<StreamTotal> streams,
        double netUsd,
        SiteCosts costs,
        BitcoinTotals bitcoin,
        GpuTotals gpu,
        Averages averages,
        Map<String, Map<String, Double>> programs,
        List<LoadSummary> loads) {

    public DispatchSummary {
        streams = List.copyOf(streams);
        loads = List.copyOf(loads);
        Map<String, Map<String, Double>> copy = new LinkedHashMap<>();
        programs.forEach((k, v) -> copy.put(k, java.util.Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        programs = java.util.Collections.unmodifiableMap(copy);
    }

    /**
     * What ran.
     *
     * @param policy policy that decided
     * @param startUtc period start (ISO-8601)
     * @param endUtc period end, exclusive (ISO-8601)
     * @param stepMinutes interval length
     * @param intervals intervals in the period's grid
     * @param marketCurrency currency of the market's prices (ISO 4217)
     * @param fxSource the exchange rate used to settle them in USD
     */
    public record RunInfo(
            String policy,
            String startUtc,
            String endUtc,
            long stepMinutes,
            int intervals,
            String marketCurrency,
            String fxSource) {}

    /**
     * Intervals skipped for missing data.
     *
     * @param missingIntervals skipped for any reason
     * @param missingPriceIntervals skipped for a missing price
     * @param missingBitcoinIntervals skipped for missing Bitcoin data
     * @param missingGenerationIntervals skipped for a missing generation profile value
     */
    public record Gaps(
            int missingIntervals,
            int missingPriceIntervals,
            int missingBitcoinIntervals,
            int missingGenerationIntervals) {}

    /**
     * Energy flows over the dispatched intervals, MWh.
     *
     * @param energyImportedMwh grid import
     * @param energyExportedMwh export of own generation
     * @param energyGeneratedMwh on-site generation available
     * @param energySpilledMwh on-site generation neither used nor exported
     * @param minerEnergyMwh drawn by miner fleets
     * @param aiCloudEnergyMwh drawn by GPU clouds and deferrable GPU jobs
     * @param colocationEnergyMwh drawn by colocation tenants
     * @param totalLoadEnergyMwh drawn by all loads
     * @param ppaEnergySoldBackMwh PPA energy sold back
     */
    public record EnergyTotals(
            double energyImportedMwh,
            double energyExportedMwh,
            double energyGeneratedMwh,
            double energySpilledMwh,
            double minerEnergyMwh,
            double aiCloudEnergyMwh,
            double colocationEnergyMwh,
            double totalLoadEnergyMwh,
            double ppaEnergySoldBackMwh) {}

    /**
     * One stream's total.
     *
     * @param stream the stream
     * @param totalUsd signed total, USD
     * @param totalMarketCurrency signed total in the market's currency (equal to {@code totalUsd} for a market in USD)
     */
    public record StreamTotal(Stream stream, double totalUsd, double totalMarketCurrency) {
        public String id() {
            return stream.id();
        }

        public Direction direction() {
            return stream.direction();
        }
    }

    /**
     * Site costs outside the streams.
     *
     * @param siteOpexUsd site cash opex over the dispatched hours (fixed per month + variable per MWh)
     * @param netAfterOpexUsd net minus site opex
     */
    public record SiteCosts(double siteOpexUsd, double netAfterOpexUsd) {}

    /**
     * The mining side.
     *
     * @param btcMined BTC mined after pool fees
     * @param minerUptimeFraction miner energy / miner energy at full power
     * @param minerCurtailedEnergyMwh miner energy not drawn
     * @param minerEnergyCostUsd miners' share of the energy cost
     * @param miningOpexUsd site cash opex allocated to mining by energy share
     * @param minerDepreciationUsd depreciation of the mining machines over the dispatched hours
     * @param energyCostPerBtcUsd miners' energy cost / BTC
     * @param cashCostPerBtcUsd (miners' energy cost + mining opex) / BTC
     * @param allInCostPerBtcUsd (miners' energy cost + mining opex + depreciation) / BTC
     * @param btcPerMwh BTC mined per MWh the miners drew
     */
    public record BitcoinTotals(
            double btcMined,
            double minerUptimeFraction,
            double minerCurtailedEnergyMwh,
            double minerEnergyCostUsd,
            double miningOpexUsd,
            double minerDepreciationUsd,
            double energyCostPerBtcUsd,
            double cashCostPerBtcUsd,
            double allInCostPerBtcUsd,
            double btcPerMwh) {}

    /**
     * The GPU side: its uptime and the compute it delivered, beside the mining side's BTC per MWh (docs/AI_COMPUTE.md).
     * Ratios are 0 when their denominator is.
     *
     * @param aiCloudUptimeFraction GPU cloud energy / energy at full power
     * @param gpuHoursDelivered GPU-hours delivered: GPUs x utilisation x share running x hours, plus deferrable jobs'
     *     GPU-hours (the ledger's {@code gpu_hours})
     * @param computeDeliveredExaflopHours useful compute at {@code computePrecision}, exaFLOP-hours (10^18 FLOP/s for an
     *     hour): dense throughput at each cap level, after checkpoint writes and work lost to pauses (the ledger's
     *     {@code compute_exaflop_hours})
     * @param computePrecision the precision compute is counted in, e.g. {@code bf16-dense}
     * @param gpuHoursPerMwh GPU-hours per MWh the GPU side drew (facility energy)
     * @param exaflopHoursPerMwh exaFLOP-hours per MWh the GPU side drew
     * @param revenueUsdPerGpuHour GPU side's earnings (AI cloud minus training loss and SLA penalties) per GPU-hour
     * @param energyKwhPerGpuHour facility energy per GPU-hour, kWh
     * @param gpuHoursPerPowerCostUsd GPU-hours per dollar of the GPU side's energy cost (its energy x the interval's
     *     average cost of energy)
     * @param exaflopHoursPerPowerCostUsd exaFLOP-hours per dollar of that energy cost
     * @param btcPerMwh BTC mined per MWh the miners drew, for comparison on one page
     */
    public record GpuTotals(
            double aiCloudUptimeFraction,
            double gpuHoursDelivered,
            double computeDeliveredExaflopHours,
            String computePrecision,
            double gpuHoursPerMwh,
            double exaflopHoursPerMwh,
            double revenueUsdPerGpuHour,
            double energyKwhPerGpuHour,
            double gpuHoursPerPowerCostUsd,
            double exaflopHoursPerPowerCostUsd,
            double btcPerMwh) {}

    /**
     * Time-weighted means over the dispatched intervals.
     *
     * @param averagePriceUsdPerMwh real-time price
     * @param averageHashpriceUsdPerPhDay hashprice
     */
    public record Averages(double averagePriceUsdPerMwh, double averageHashpriceUsdPerPhDay) {}

    /** The signed total of a stream, USD, 0 when the run had no such stream. */
    public double streamTotalUsd(String id) {
        for (StreamTotal s : streams) {
            if (s.id().equals(id)) {
                return s.totalUsd();
            }
        }
        return 0;
    }

    /** A cost stream's total as a positive amount paid, USD (0 when the run had no such stream). */
    public double costUsd(String id) {
        return 0 - streamTotalUsd(id);
    }

    /** A program's fact, 0 when the program did not run or has no such fact. */
    public double programFactOrZero(String program, String name) {
        double v = programFact(program, name);
        return Double.isNaN(v) ? 0 : v;
    }

    /** A program's fact, NaN when the program did not run or has no such fact. */
    public double programFact(String program, String name) {
        Map<String, Double> f = programs.get(program);
        Double v = f == null ? null : f.get(name);
        return v == null ? Double.NaN : v;
    }

    public String policy() {
        return run.policy();
    }

    public int intervals() {
        return run.intervals();
    }

    public int missingIntervals() {
        return gaps.missingIntervals();
    }

    public double btcMined() {
        return bitcoin.btcMined();
    }

    /** What the site paid for power, USD, as a positive amount (the power cost stream with its sign turned). */
    public double powerCostUsd() {
        return 0 - streamTotalUsd("power_cost");
    }
}
