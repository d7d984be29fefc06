package io.minerai.optimize;

import io.minerai.core.site.GpuCloud;
import io.minerai.core.site.GridConnection;
import io.minerai.core.site.Site;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What one more MW is worth over the run, by finite differences of the perfect-foresight optimum: re-solve with the
 * import cap 1 MW higher, and with the GPU capacity 1 MW (facility power) larger, and compare settled nets. Finite
 * differences work for mixed-integer models too and price in every stream (4CP, reserves); LP duals of the import-cap
 * bound give the same first-order figure for LPs but not across the kinks a full MW crosses.
 *
 * @param baseNetUsd net of the perfect-foresight optimum
 * @param gridCapacityUsdPerMw net gain per MW of extra import capacity
 * @param gpuCapacityUsdPerMw net gain per MW of extra GPU capacity (empty when the site has no GPU cloud)
 * @param gpuCloud the GPU cloud grown (the first one)
 */
public record MarginalValues(
        double baseNetUsd,
        double gridCapacityUsdPerMw,
        Optional<Double> gpuCapacityUsdPerMw,
        Optional<String> gpuCloud) {

    public static MarginalValues of(OptimizationProblem p, Optimizer optimizer) {
        double base = optimizer.perfectForesight(p).netUsd();
        Site s = p.site();
        GridConnection g = s.grid();
        GridConnection bigger = new GridConnection(
                g.settlementPoint(), g.importCapMw() + 1, g.exportAllowed(), g.exportCapMw(), g.tariffAdders());
        Site moreGrid = new Site(
                s.name(),
                bigger,
                s.minerFleets(),
                s.gpuClouds(),
                s.colocationLeases(),
                s.generators(),
                s.ppa(),
                s.opex(),
                s.ambientTemperature());
        double grid = optimizer.perfectForesight(p.withSite(moreGrid)).netUsd() - base;
        if (s.gpuClouds().isEmpty()) {
            return new MarginalValues(base, grid, Optional.empty(), Optional.empty());
        }
        GpuCloud c = s.gpuClouds().get(0);
        double gpusPerMw = c.gpuCount() / c.facilityPowerMw();
        GpuCloud grown = new GpuCloud(
                c.name(),
                c.gpuModel(),
                c.gpuCount() + (int) Math.round(gpusPerMw),
                c.itKwPerGpu(),
                c.pue(),
                c.priceUsdPerGpuHour(),
                c.utilizationFraction(),
                c.firm(),
                c.cooling(),
                c.capping(),
                c.workload(),
                c.contract(),
                c.pueCurve());
        double addedMw = grown.facilityPowerMw() - c.facilityPowerMw();
        List<GpuCloud> gpus = new ArrayList<>(s.gpuClouds());
        gpus.set(0, grown);
        Site moreGpu = new Site(
                s.name(),
                g,
                s.minerFleets(),
                gpus,
                s.colocationLeases(),
                s.generators(),
                s.ppa(),
                s.opex(),
                s.ambientTemperature());
        double gpu = (optimizer.perfectForesight(p.withSite(moreGpu)).netUsd() - base) / addedMw;
        return new MarginalValues(base, grid, Optional.of(gpu), Optional.of(c.name()));
    }
}
