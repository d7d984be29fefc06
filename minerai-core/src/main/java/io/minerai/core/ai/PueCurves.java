package io.minerai.core.ai;

import java.util.List;

/**
 * Default PUE-vs-ambient-temperature curves per cooling kind, used by a load that follows the ambient temperature
 * without a table of its own (scenario {@code pueFollowsAmbient: true}). The levels are anchored on public figures; the
 * shapes (flat while outdoor air or dry coolers reject the heat, rising as mechanical cooling takes over) are an
 * ASSUMPTION of minerai, not a measurement of any site: give a site's own table ({@code pueCurve}) where known.
 *
 * <ul>
 *   <li>Air (computer-room air handlers with economisers and chillers): 1.30 at 10 C and below, 1.40 at 20 C, 1.55 at 30
 *       C, 1.70 at 40 C. Anchors: Uptime Institute's industry average annual PUE 1.58 in 2023 (journal.uptimeinstitute
 *       .com, "Large data centers are mostly more efficient, analysis confirms", 2024-02-07); new large builds about 1.3
 *       (Uptime Institute Global Data Center Survey 2024); cooler weather lowers PUE and hot weather raises it (Google,
 *       U. Hoelzle on Q4 2008 PUE, reported by Data Center Knowledge 2009-01-28).
 *   <li>Direct-to-chip liquid (cold plates, dry coolers, residual air): 1.10 at 10 C and below, 1.13 at 20 C, 1.20 at
 *       30 C, 1.28 at 40 C. Anchors: hyperscale facilities 1.1-1.2 (Uptime Institute benchmarks); direct-to-chip
 *       performance per watt 15-37 % above air "depending on external conditions" (LiquidStack in Facilities Dive,
 *       2025).
 *   <li>Immersion (dielectric tanks, dry coolers): 1.03 at 10 C and below, 1.04 at 20 C, 1.06 at 30 C, 1.09 at 40 C.
 *       Anchors: vendors' claims of a PUE near 1.02-1.03 and, for two-phase immersion with a dry tower, below 1.01
 *       (Electronics Cooling, "Bitcoin, 2-phase immersion cooling and the implications for HPC", 2014-02).
 * </ul>
 */
public final class PueCurves {
    private PueCurves() {}

    /** ASSUMPTION (see the class comment for the anchors). */
    public static final PueCurve AIR = curve(1.30, 1.40, 1.55, 1.70);

    /** ASSUMPTION (see the class comment for the anchors). */
    public static final PueCurve LIQUID = curve(1.10, 1.13, 1.20, 1.28);

    /** ASSUMPTION (see the class comment for the anchors). */
    public static final PueCurve IMMERSION = curve(1.03, 1.04, 1.06, 1.09);

    /** The default curve of a cooling kind. */
    public static PueCurve defaultFor(Cooling cooling) {
        return switch (cooling) {
            case AIR -> AIR;
            case LIQUID -> LIQUID;
            case IMMERSION -> IMMERSION;
        };
    }

    private static PueCurve curve(double at10, double at20, double at30, double at40) {
        return new PueCurve(List.of(
                new PueCurve.Point(10, at10),
                new PueCurve.Point(20, at20),
                new PueCurve.Point(30, at30),
                new PueCurve.Point(40, at40)));
    }
}
