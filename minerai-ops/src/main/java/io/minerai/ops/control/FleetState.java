package io.minerai.ops.control;

import io.minerai.ops.device.DeviceSpec;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The controller's per-device working state, kept in flat arrays so a step allocates almost nothing. Index {@code i}
 * is the device's position in the fleet. Package-private fields: the controller writes them, the planner reads them.
 */
public final class FleetState {
    final int n;
    final double[] ratedW;
    final double[] curtailedW;
    final double[] minTargetW;
    final double[] maxTargetW;
    final boolean[] canTarget;
    final boolean[] canSleep;
    /** Device indices by value per MWh, highest first (ties by index). */
    final int[] meritOrder;

    // Per step, from telemetry and pending commands.
    /** A fresh reading tells the state. */
    final boolean[] known;
    /** A fresh reading exists (the device answers), whatever its mode says. */
    final boolean[] readable;
    /** Known, asleep, and nothing upward pending or unresolved. */
    final boolean[] asleep;
    /** Known and running (at full power or under a target). */
    final boolean[] running;
    /** Power limit in force, NaN when none / not reported. */
    final double[] limitW;
    /** The most the device may draw now, W: rated when unknown, plus anything upward that may still land. */
    final double[] worstCaseW;
    /** Declared lost (no fresh reading for {@code lostAfter}). */
    final boolean[] lost;

    // Plan.
    final Want[] want;
    final double[] wantTargetW;

    FleetState(List<DeviceSpec> specs) {
        n = specs.size();
        ratedW = new double[n];
        curtailedW = new double[n];
        minTargetW = new double[n];
        maxTargetW = new double[n];
        canTarget = new boolean[n];
        canSleep = new boolean[n];
        for (int i = 0; i < n; i++) {
            DeviceSpec s = specs.get(i);
            ratedW[i] = s.ratedPowerW();
            curtailedW[i] = s.capabilities().canSleep() ? s.curtailedPowerW() : s.ratedPowerW();
            canTarget[i] = s.capabilities().canSetPowerTarget();
            canSleep[i] = s.capabilities().canSleep();
            minTargetW[i] = s.minTargetW();
            maxTargetW[i] =
                    canTarget[i] ? Math.min(s.ratedPowerW(), s.capabilities().maxPowerTargetW()) : s.ratedPowerW();
        }
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        Arrays.sort(
                idx,
                Comparator.comparingDouble((Integer i) -> -specs.get(i).valueUsdPerMwh())
                        .thenComparingInt(i -> i));
        meritOrder = new int[n];
        for (int i = 0; i < n; i++) {
            meritOrder[i] = idx[i];
        }
        known = new boolean[n];
        readable = new boolean[n];
        asleep = new boolean[n];
        running = new boolean[n];
        limitW = new double[n];
        worstCaseW = new double[n];
        lost = new boolean[n];
        want = new Want[n];
        Arrays.fill(want, Want.KEEP);
        wantTargetW = new double[n];
    }

    /** Sum of worst-case power over the fleet, W. */
    double worstCaseTotalW() {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += worstCaseW[i];
        }
        return s;
    }
}
