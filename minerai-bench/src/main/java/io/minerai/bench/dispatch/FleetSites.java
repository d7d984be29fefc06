package io.minerai.bench.dispatch;

import io.minerai.core.site.MinerFleet;
import io.minerai.core.site.Site;
import java.util.ArrayList;
import java.util.List;

/** Sites with many fleets for benchmarks (synthetic fleet mixes, labelled as such). */
final class FleetSites {
    private FleetSites() {}

    /** The site's fleets replaced by {@code n} synthetic fleets of 15..35 J/TH with the same total machine power. */
    static Site withFleets(Site site, int n) {
        double totalW = site.minerFleets().stream()
                .mapToDouble(f -> f.unitCount() * f.unitPowerW())
                .sum();
        List<MinerFleet> fleets = new ArrayList<>();
        for (int f = 0; f < n; f++) {
            double jPerTh = 15 + 20.0 * f / Math.max(1, n - 1);
            double unitW = 100 * jPerTh;
            int units = (int) Math.round(totalW / n / unitW);
            fleets.add(new MinerFleet("synthetic-" + f, "synthetic", units, 100, unitW, 1.1, 0.02, 0, 3));
        }
        return new Site(
                site.name(),
                site.grid(),
                fleets,
                site.gpuClouds(),
                site.colocationLeases(),
                site.generators(),
                site.ppa(),
                site.opex());
    }
}
