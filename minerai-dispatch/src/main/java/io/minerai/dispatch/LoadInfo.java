package io.minerai.dispatch;

import io.minerai.core.site.ColocationLease;
import io.minerai.core.site.GpuCloud;
import io.minerai.core.site.Load;
import io.minerai.core.site.MinerFleet;
import io.minerai.core.site.Site;
import java.util.List;

/**
 * A load as dispatch sees it.
 *
 * @param name asset name
 * @param loadClass revenue class
 * @param firm whether it always runs
 * @param maxPowerMw facility power when fully running
 */
public record LoadInfo(String name, LoadClass loadClass, boolean firm, double maxPowerMw) {

    public static LoadInfo of(Load load) {
        LoadClass c = switch (load) {
            case MinerFleet f -> LoadClass.MINING;
            case GpuCloud g -> LoadClass.AI_CLOUD;
            case ColocationLease l -> LoadClass.COLOCATION;
        };
        return new LoadInfo(load.name(), c, load.firm(), load.facilityPowerMw());
    }

    /** The site's loads in {@link Site#loads()} order. */
    public static List<LoadInfo> of(Site site) {
        return site.loads().stream().map(LoadInfo::of).toList();
    }
}
