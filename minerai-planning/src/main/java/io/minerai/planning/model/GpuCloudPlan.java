package io.minerai.planning.model;

import io.minerai.core.ai.PricePath;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * GPUs bought and rented out in a hall (own GPU cloud): by the hour on the spot market, or under contracts
 * ({@link GpuContract}) for part or all of them.
 *
 * @param name unique name
 * @param hall the hall hosting the GPUs; they are bought and go live when it is ready
 * @param gpuCount GPUs bought
 * @param usdPerGpu all-in cost per GPU (servers, network, racks, labour) when bought; with a catalogue capex
 *     ({@link Model#capexPriceMonth()}) the cost as of the catalogue's price month, moved along the capex decline to the
 *     month the GPUs are bought ({@link #usdPerGpuBoughtIn})
 * @param itKwPerGpu the GPU's share of its server's input power (critical IT)
 * @param lifeYears economic and depreciation life; the GPUs are sold (at their residual value) when it ends
 * @param priceUsdPerGpuHour spot rental price when the GPUs go live
 * @param priceDeclinePerYear expected yearly decline of that price as the GPUs age (0.2 = -20 %/yr)
 * @param utilizationFraction share of spot GPU-hours sold
 * @param opexUsdPerGpuMonth non-energy opex per GPU (support, network, software)
 * @param generation label of the GPU generation (e.g. GB300), for reports
 * @param residualValueByAgeYears resale value as a share of the all-in cost at age 0, 1, 2... years (linear in
 *     between, the last value held)
 * @param refreshWith name of a GPU cloud (a newer generation, in the same hall) bought when these GPUs retire; empty
 *     for none (the hall then stands empty)
 * @param model what the GPU catalogue says about the generation ({@link Model#NONE} when the cloud names none)
 */
public record GpuCloudPlan(
        String name,
        String hall,
        int gpuCount,
        double usdPerGpu,
        double itKwPerGpu,
        double lifeYears,
        double priceUsdPerGpuHour,
        double priceDeclinePerYear,
        double utilizationFraction,
        double opexUsdPerGpuMonth,
        String generation,
        List<Double> residualValueByAgeYears,
        String refreshWith,
        Model model) {

    public GpuCloudPlan {
        residualValueByAgeYears = List.copyOf(residualValueByAgeYears);
    }

    /** A cloud without a catalogue generation (every figure given in the plan). */
    public GpuCloudPlan(
            String name,
            String hall,
            int gpuCount,
            double usdPerGpu,
            double itKwPerGpu,
            double lifeYears,
            double priceUsdPerGpuHour,
            double priceDeclinePerYear,
            double utilizationFraction,
            double opexUsdPerGpuMonth,
            String generation,
            List<Double> residualValueByAgeYears,
            String refreshWith) {
        this(
                name,
                hall,
                gpuCount,
                usdPerGpu,
                itKwPerGpu,
                lifeYears,
                priceUsdPerGpuHour,
                priceDeclinePerYear,
                utilizationFraction,
                opexUsdPerGpuMonth,
                generation,
                residualValueByAgeYears,
                refreshWith,
                Model.NONE);
    }

    /**
     * What a catalogue generation ({@code gpuModel}) brings to a cloud beyond the figures it defaults (cost, kW,
     * price, decline, which land in the cloud's own fields).
     *
     * @param gpuModel the catalogue name of the generation, empty when the cloud names none
     * @param spotPricePath the catalogue's dated rental price when the plan gives no price of its own: the spot price
     *     when the GPUs go live is this price moved along the cloud's decline to that month (so a generation bought
     *     later starts lower on its path); empty when the plan gives the price at go-live
     * @param requiredCooling coolings the generation can run in (empty = any)
     * @param convertHallTo the hall's cooling is converted to this when these GPUs go live (cooling capex of that type
     *     per MW of the hall's critical IT; their PUE from then on); empty = the hall as it is
     * @param bf16DenseTflops dense BF16 throughput per GPU (catalogue), 0 when unknown (no FLOPs counted)
     * @param capexPriceMonth the month the cloud's cost per GPU is dated (the catalogue's price month) when it comes
     *     from the catalogue; empty when the plan gives the cost when bought
     * @param capexDeclinePerYear yearly decline of that cost for a later purchase (catalogue or plan), in [0, 1)
     */
    public record Model(
            String gpuModel,
            Optional<PricePath> spotPricePath,
            Set<CoolingType> requiredCooling,
            Optional<CoolingType> convertHallTo,
            double bf16DenseTflops,
            Optional<YearMonth> capexPriceMonth,
            double capexDeclinePerYear) {
        public Model {
            requiredCooling = Set.copyOf(requiredCooling);
        }

        /** A generation whose cost per GPU is the plan's (no capex path). */
        public Model(
                String gpuModel,
                Optional<PricePath> spotPricePath,
                Set<CoolingType> requiredCooling,
                Optional<CoolingType> convertHallTo,
                double bf16DenseTflops) {
            this(gpuModel, spotPricePath, requiredCooling, convertHallTo, bf16DenseTflops, Optional.empty(), 0);
        }

        /** No catalogue generation: the plan's figures, any cooling, no FLOPs. */
        public static final Model NONE = new Model("", Optional.empty(), Set.of(), Optional.empty(), 0);

        /** The same with the spot price scaled (sensitivities). */
        Model withPriceScaled(double factor) {
            return new Model(
                    gpuModel,
                    spotPricePath.map(
                            p -> new PricePath(p.priceUsdPerGpuHour() * factor, p.observedMonth(), p.declinePerYear())),
                    requiredCooling,
                    convertHallTo,
                    bf16DenseTflops,
                    capexPriceMonth,
                    capexDeclinePerYear);
        }

        /** The same without the capex path (the cost is fixed at its purchase). */
        Model withoutCapexPath() {
            return new Model(gpuModel, spotPricePath, requiredCooling, convertHallTo, bf16DenseTflops);
        }
    }

    /**
     * All-in cost per GPU bought in calendar month {@code purchase}: the plan's cost, or the catalogue's dated cost
     * moved along the capex decline, cost0 x (1 - capexDecline)^(months from its date / 12).
     */
    public double usdPerGpuBoughtIn(YearMonth purchase) {
        if (model.capexPriceMonth().isEmpty()) {
            return usdPerGpu;
        }
        double years = ChronoUnit.MONTHS.between(model.capexPriceMonth().get(), purchase) / 12.0;
        return usdPerGpu * StrictMath.pow(1 - model.capexDeclinePerYear(), years);
    }

    /**
     * This cloud as bought in calendar month {@code purchase}: its cost per GPU fixed at {@link #usdPerGpuBoughtIn}
     * (depreciation, residual values and sales follow from it); itself when its cost has no capex path.
     */
    public GpuCloudPlan boughtIn(YearMonth purchase) {
        if (model.capexPriceMonth().isEmpty()) {
            return this;
        }
        return new GpuCloudPlan(
                name,
                hall,
                gpuCount,
                usdPerGpuBoughtIn(purchase),
                itKwPerGpu,
                lifeYears,
                priceUsdPerGpuHour,
                priceDeclinePerYear,
                utilizationFraction,
                opexUsdPerGpuMonth,
                generation,
                residualValueByAgeYears,
                refreshWith,
                model.withoutCapexPath());
    }

    /**
     * The spot price when the GPUs go live in calendar month {@code goLive}: the plan's price, or the catalogue's
     * dated price moved along this cloud's decline, price0 x (1 - decline)^(months from its date / 12).
     */
    public double spotPriceAtGoLive(YearMonth goLive) {
        if (model.spotPricePath().isEmpty()) {
            return priceUsdPerGpuHour;
        }
        PricePath p = model.spotPricePath().get();
        double years = ChronoUnit.MONTHS.between(p.observedMonth(), goLive) / 12.0;
        return p.priceUsdPerGpuHour() * StrictMath.pow(1 - priceDeclinePerYear, years);
    }

    /** Critical IT load, MW. */
    public double criticalItMw() {
        return gpuCount * itKwPerGpu / 1000.0;
    }

    public double capexUsd() {
        return gpuCount * usdPerGpu;
    }

    public int lifeMonths() {
        return (int) Math.round(lifeYears * 12);
    }

    /** Resale value of one GPU at {@code ageMonths}: cost x the residual curve, linear between whole years. */
    public double residualUsdPerGpu(int ageMonths) {
        List<Double> c = residualValueByAgeYears;
        if (c.isEmpty()) {
            return 0;
        }
        double years = ageMonths / 12.0;
        int y = (int) Math.floor(years);
        if (y >= c.size() - 1) {
            return usdPerGpu * c.get(c.size() - 1);
        }
        double w = years - y;
        return usdPerGpu * (c.get(y) * (1 - w) + c.get(y + 1) * w);
    }

    /** The same cloud with another name, hall and count and no refresh (the search scales templates). */
    public GpuCloudPlan scaled(String newName, String newHall, int count) {
        return new GpuCloudPlan(
                newName,
                newHall,
                count,
                usdPerGpu,
                itKwPerGpu,
                lifeYears,
                priceUsdPerGpuHour,
                priceDeclinePerYear,
                utilizationFraction,
                opexUsdPerGpuMonth,
                generation,
                residualValueByAgeYears,
                "",
                model);
    }

    /** The same cloud with another spot price and cost per GPU (sensitivities). */
    public GpuCloudPlan withPrices(double spotUsdPerGpuHour, double costUsdPerGpu) {
        return new GpuCloudPlan(
                name,
                hall,
                gpuCount,
                costUsdPerGpu,
                itKwPerGpu,
                lifeYears,
                spotUsdPerGpuHour,
                priceDeclinePerYear,
                utilizationFraction,
                opexUsdPerGpuMonth,
                generation,
                residualValueByAgeYears,
                refreshWith,
                priceUsdPerGpuHour > 0 ? model.withPriceScaled(spotUsdPerGpuHour / priceUsdPerGpuHour) : model);
    }

    /** The same cloud without its refresh. */
    public GpuCloudPlan withoutRefresh() {
        return new GpuCloudPlan(
                name,
                hall,
                gpuCount,
                usdPerGpu,
                itKwPerGpu,
                lifeYears,
                priceUsdPerGpuHour,
                priceDeclinePerYear,
                utilizationFraction,
                opexUsdPerGpuMonth,
                generation,
                residualValueByAgeYears,
                "",
                model);
    }
}
