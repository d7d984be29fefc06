package io.minerai.core.site;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A site: its grid connection and every asset behind it.
 *
 * @param name site name
 * @param grid grid connection
 * @param minerFleets ASIC fleets
 * @param gpuClouds own GPU clouds
 * @param colocationLeases colocation leases
 * @param generators on-site generation
 * @param ppa optional fixed-price PPA
 * @param opex non-energy cash opex
 * @param ambientTemperature where the ambient temperature comes from, for loads whose PUE follows it; empty = none
 */
public record Site(
        String name,
        GridConnection grid,
        List<MinerFleet> minerFleets,
        List<GpuCloud> gpuClouds,
        List<ColocationLease> colocationLeases,
        List<Generator> generators,
        Optional<Ppa> ppa,
        SiteOpex opex,
        Optional<AmbientTemperatureSource> ambientTemperature) {

    /** A site without an ambient temperature source (every load's PUE constant). */
    public Site(
            String name,
            GridConnection grid,
            List<MinerFleet> minerFleets,
            List<GpuCloud> gpuClouds,
            List<ColocationLease> colocationLeases,
            List<Generator> generators,
            Optional<Ppa> ppa,
            SiteOpex opex) {
        this(name, grid, minerFleets, gpuClouds, colocationLeases, generators, ppa, opex, Optional.empty());
    }

    public Site {
        minerFleets = List.copyOf(minerFleets);
        gpuClouds = List.copyOf(gpuClouds);
        colocationLeases = List.copyOf(colocationLeases);
        generators = List.copyOf(generators);
    }

    /** All loads in a fixed order: miner fleets, GPU clouds, colocation leases. */
    public List<Load> loads() {
        List<Load> out = new ArrayList<>(minerFleets.size() + gpuClouds.size() + colocationLeases.size());
        out.addAll(minerFleets);
        out.addAll(gpuClouds);
        out.addAll(colocationLeases);
        return out;
    }

    /** All assets: loads, then generators. */
    public List<Asset> assets() {
        List<Asset> out = new ArrayList<>(loads());
        out.addAll(generators);
        return out;
    }

    /** Whether some load's PUE follows the ambient temperature. */
    public boolean pueFollowsAmbient() {
        for (Load l : loads()) {
            if (l.pueCurve().isPresent()) {
                return true;
            }
        }
        return false;
    }

    /** Power of loads that must always run, MW. */
    public double firmLoadMw() {
        double s = 0;
        for (Load l : loads()) {
            if (l.firm()) {
                s += l.facilityPowerMw();
            }
        }
        return s;
    }

    /** Power of every load running at once, MW. */
    public double totalLoadMw() {
        double s = 0;
        for (Load l : loads()) {
            s += l.facilityPowerMw();
        }
        return s;
    }
}
