package io.minerai.ops.control;

/**
 * Merit-order allocation of a load ceiling to devices. Pure: reads {@link FleetState}'s known/worst-case arrays and
 * writes its {@code want} arrays.
 *
 * <p>Two budgets are shared in merit order (highest value per MWh first): the economic ceiling, and the hard cap
 * minus the worst case of every device whose state is unknown. Known devices get full power while both budgets allow,
 * then a power target for the first device that only partly fits (if it takes targets), sleep for the rest; so the
 * least valuable load is curtailed first and restored last. Unknown devices cannot be planned: they keep their share
 * of the economic budget if they would have been run, and are told to sleep only when they could break the hard cap,
 * or in the safe state (an economic ceiling alone never makes the controller command a device it cannot see). A device
 * that answers but whose state is unknown is woken when the plan wants it (it is counted at rated power already) and
 * told to sleep otherwise, so a device that comes back in an unknown state is brought back.
 */
public final class Planner {
    private Planner() {}

    /**
     * Fills {@code want}/{@code wantTargetW}.
     *
     * @param f fleet state with this step's known / worstCase arrays
     * @param ceilingW the load allowed now, W (already capped at the site cap)
     * @param capW the hard site cap, W: unknown devices are told to sleep when they alone could break it
     * @param safe whether the site is in its safe state (unknown devices are then told to sleep as well)
     * @return the budget left unallocated, W (negative when the ceiling cannot be met even with every known device
     *     asleep)
     */
    public static double allocate(FleetState f, double ceilingW, double capW, boolean safe) {
        double unknownW = 0;
        double knownBaseW = 0;
        for (int i = 0; i < f.n; i++) {
            if (f.known[i]) {
                knownBaseW += f.curtailedW[i];
            } else {
                unknownW += f.worstCaseW[i];
            }
        }
        // Hard budget: what known devices may add above their floor without the worst case breaking the cap.
        double capLeft = capW - unknownW - knownBaseW;
        // Economic budget: the ceiling, shared in merit order by known devices and unknown ones assumed running.
        double budget = ceilingW - knownBaseW;
        boolean shedUnknown = safe || capLeft < 0;
        for (int k = 0; k < f.n; k++) {
            int i = f.meritOrder[k];
            f.wantTargetW[i] = Double.NaN;
            if (!f.known[i]) {
                boolean wanted = f.ratedW[i] <= budget + 1e-9;
                if (wanted) {
                    budget -= f.ratedW[i]; // presumably running, and wanted: it keeps its share
                }
                if (f.readable[i] && f.canSleep[i]) {
                    // It answers but its state is unknown (e.g. asleep, read by a reply that does not say): it is
                    // counted at rated power already, so waking it cannot break the cap; sleep it if it is not wanted.
                    f.want[i] = wanted && !shedUnknown ? Want.RUN : Want.SLEEP;
                } else {
                    f.want[i] = shedUnknown && f.canSleep[i] ? Want.SLEEP : Want.KEEP;
                }
                continue;
            }
            double room = Math.min(budget, capLeft);
            double inc = f.ratedW[i] - f.curtailedW[i];
            if (inc <= room + 1e-9) {
                f.want[i] = Want.RUN;
                budget -= inc;
                capLeft -= inc;
            } else if (f.canTarget[i] && room > 0 && room >= f.minTargetW[i] - f.curtailedW[i]) {
                double t = Math.min(Math.floor(f.curtailedW[i] + room), f.maxTargetW[i]);
                t = Math.max(t, f.minTargetW[i]);
                f.want[i] = Want.TARGET;
                f.wantTargetW[i] = t;
                budget -= t - f.curtailedW[i];
                capLeft -= t - f.curtailedW[i];
            } else {
                f.want[i] = f.canSleep[i] ? Want.SLEEP : Want.RUN;
            }
        }
        return budget;
    }
}
