package io.minerai.core.site;

import java.util.List;

/**
 * The site's connection to the grid.
 *
 * @param settlementPoint market settlement point whose price the site pays, e.g. HB_WEST or LZ_WEST
 * @param importCapMw maximum import
 * @param exportAllowed whether on-site generation may be exported
 * @param exportCapMw maximum export when allowed
 * @param tariffAdders charges per imported MWh on top of the wholesale price
 */
public record GridConnection(
        String settlementPoint,
        double importCapMw,
        boolean exportAllowed,
        double exportCapMw,
        List<TariffAdder> tariffAdders) {

    public GridConnection {
        tariffAdders = List.copyOf(tariffAdders);
    }

    /** Sum of all adders. */
    public double totalAdderUsdPerMwh() {
        double s = 0;
        for (TariffAdder a : tariffAdders) {
            s += a.usdPerMwh();
        }
        return s;
    }

    /** Export capacity that can actually be used (0 when export is not allowed). */
    public double effectiveExportCapMw() {
        return exportAllowed ? exportCapMw : 0;
    }
}
