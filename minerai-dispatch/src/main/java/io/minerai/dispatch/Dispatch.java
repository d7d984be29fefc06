package io.minerai.dispatch;

import io.minerai.core.time.TimeGrid;
import java.util.List;

/**
 * The physical decisions of a policy over a grid: which intervals were dispatched and, in each, the running fraction of
 * every load and the power flows. Arrays are owned by this object; callers must not modify them.
 *
 * <p>In a dispatched interval the site balance holds: {@code sum(load) + export + spill = import + generation}.
 * Skipped intervals (no price or no Bitcoin data) have all flows zero and are not settled.
 *
 * @param policyName which policy decided
 * @param grid the run's grid
 * @param loads the loads, in site order
 * @param dispatched per interval: true when decided, false when skipped for missing data
 * @param runFraction running fraction of load {@code l} in interval {@code t} at index {@code t * loads.size() + l}
 * @param generationMw on-site generation available per interval
 * @param importMw grid import per interval
 * @param exportMw export per interval
 * @param spillMw on-site generation neither used nor exported per interval
 * @param reserves ancillary-service offers from curtailable running load (none for policies that offer none)
 * @param deferrable deferrable GPU jobs and their power (none for policies without them); their power counts as load
 * @param pue each load's PUE per interval when some load's PUE follows the ambient temperature ({@link
 *     PueProfile#NONE} otherwise): a load's power is its running fraction x its full power x the profile's factor
 */
public record Dispatch(
        String policyName,
        TimeGrid grid,
        List<LoadInfo> loads,
        boolean[] dispatched,
        double[] runFraction,
        double[] generationMw,
        double[] importMw,
        double[] exportMw,
        double[] spillMw,
        ReserveOffers reserves,
        DeferrableWork deferrable,
        PueProfile pue) {

    /** A dispatch whose loads have a constant PUE. */
    public Dispatch(
            String policyName,
            TimeGrid grid,
            List<LoadInfo> loads,
            boolean[] dispatched,
            double[] runFraction,
            double[] generationMw,
            double[] importMw,
            double[] exportMw,
            double[] spillMw,
            ReserveOffers reserves,
            DeferrableWork deferrable) {
        this(
                policyName,
                grid,
                loads,
                dispatched,
                runFraction,
                generationMw,
                importMw,
                exportMw,
                spillMw,
                reserves,
                deferrable,
                PueProfile.NONE);
    }

    public Dispatch {
        loads = List.copyOf(loads);
        int n = grid.count();
        if (dispatched.length != n
                || generationMw.length != n
                || importMw.length != n
                || exportMw.length != n
                || spillMw.length != n
                || runFraction.length != (long) n * loads.size()) {
            throw new IllegalArgumentException("dispatch arrays do not match the grid of " + n + " intervals");
        }
        if (reserves.offerMw().length != (long) n * reserves.products().size()
                || deferrable.powerMw().length != (long) n * deferrable.jobs().size()) {
            throw new IllegalArgumentException("reserve or deferrable arrays do not match the grid of " + n);
        }
    }

    /** A dispatch without reserve offers or deferrable jobs. */
    public Dispatch(
            String policyName,
            TimeGrid grid,
            List<LoadInfo> loads,
            boolean[] dispatched,
            double[] runFraction,
            double[] generationMw,
            double[] importMw,
            double[] exportMw,
            double[] spillMw) {
        this(
                policyName,
                grid,
                loads,
                dispatched,
                runFraction,
                generationMw,
                importMw,
                exportMw,
                spillMw,
                ReserveOffers.none(),
                DeferrableWork.none());
    }

    /** Running fraction of load {@code l} in interval {@code t}. */
    public double fraction(int t, int l) {
        return runFraction[t * loads.size() + l];
    }

    /** Power drawn by load {@code l} in interval {@code t}, MW (at the interval's PUE). */
    public double loadMw(int t, int l) {
        return fraction(t, l) * loads.get(l).maxPowerMw() * pue.scale(t, l);
    }

    /** Power load {@code l} would draw fully running in interval {@code t}, MW (at the interval's PUE). */
    public double fullLoadMw(int t, int l) {
        return loads.get(l).maxPowerMw() * pue.scale(t, l);
    }

    /** Total load in interval {@code t} (site loads and deferrable jobs), MW. */
    public double totalLoadMw(int t) {
        double s = 0;
        for (int l = 0; l < loads.size(); l++) {
            s += loadMw(t, l);
        }
        if (!deferrable.jobs().isEmpty()) {
            s += deferrable.totalMw(t);
        }
        return s;
    }

    public int dispatchedCount() {
        int c = 0;
        for (boolean b : dispatched) {
            if (b) {
                c++;
            }
        }
        return c;
    }
}
