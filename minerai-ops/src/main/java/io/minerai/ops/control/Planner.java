package io.minerai.ops.control;

/**
 * Merit-order allocation of a load ceiling to devices. Pure: reads {@link FleetState}'s known/worst-case arrays and
 * writes its {@code want} arrays.
 *
 * <p>Devices whose state is unknown cannot be planned: they are counted at their worst case (rated power) and asked
 * to sleep only when the ceiling cannot be met with them running, or in the safe state. The remaining budget goes to
 * known devices in merit order (highest value per MWh first): full power while it fits, then a power target for the
 * first device that only partly fits (if it takes targets), sleep for the rest. So the least valuable load is
 * curtailed first and restored last.
 */
public final class Planner {
    private Planner() {}

    /**
     * Fills {@code want}/{@code wantTargetW}.
     *
     * @param f fleet state with this step's known / worstCase arrays
     * @param ceilingW the load allowed now, W (already capped at the site cap)
     * @param safe whether the site is in its safe state (unknown devices are then told to sleep as well)
     * @return the budget left unallocated, W (negative when the ceiling cannot be met even with every known device
     *     asleep)
     */
    public static double allocate(FleetState f, double ceilingW, boolean safe) {
        double fixedW = 0;
        for (int i = 0; i < f.n; i++) {
            fixedW += f.known[i] ? f.curtailedW[i] : f.worstCaseW[i];
        }
        double budget = ceilingW - fixedW;
        boolean shedUnknown = safe || budget < 0;
        for (int k = 0; k < f.n; k++) {
            int i = f.meritOrder[k];
            f.wantTargetW[i] = Double.NaN;
            if (!f.known[i]) {
                f.want[i] = shedUnknown && f.canSleep[i] ? Want.SLEEP : Want.KEEP;
                continue;
            }
            double inc = f.ratedW[i] - f.curtailedW[i];
            if (inc <= budget + 1e-9) {
                f.want[i] = Want.RUN;
                budget -= inc;
            } else if (f.canTarget[i] && budget > 0 && budget >= f.minTargetW[i] - f.curtailedW[i]) {
                double t = Math.min(Math.floor(f.curtailedW[i] + budget), f.maxTargetW[i]);
                t = Math.max(t, f.minTargetW[i]);
                f.want[i] = Want.TARGET;
                f.wantTargetW[i] = t;
                budget -= t - f.curtailedW[i];
            } else {
                f.want[i] = f.canSleep[i] ? Want.SLEEP : Want.RUN;
            }
        }
        return budget;
    }
}
