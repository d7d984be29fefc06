package io.minerai.dispatch;

/**
 * The allocation-free inner loop of the merit-order policy, on primitive arrays. Build once per site, then {@link
 * #run} any number of intervals. See {@link MeritOrderPolicy} for the semantics.
 *
 * <p>Per interval it forms up to three supply tiers and sorts them by cost: own generation that could not be exported
 * anyway (cost 0), own generation that could be exported ({@code max(price, 0)}: exported only at non-negative
 * prices), and grid import up to the import cap ({@code price + adders}). Firm loads take the cheapest energy first;
 * then curtailable loads, in descending value per MWh, take energy while their value is strictly above the tier's cost.
 * The curtailable order depends only on the day's hashprice, so it is re-sorted only when the hashprice changes.
 */
public final class MeritOrderKernel {
    private static final int GEN_SPILLABLE = 0;
    private static final int GEN_EXPORTABLE = 1;
    private static final int IMPORT = 2;
    private final int loadCount;
    private final double[] maxMw;
    private final int[] firmLoads;
    private final int[] curtailable;
    private final double[] minerValueCoef;
    private final double[] fixedValueUsdPerMwh;
    private final boolean[] isMiner;
    private final double importCapMw;
    private final double exportCapMw;
    private final double adderUsdPerMwh;
    private final double firmMw;
    private final double curtailableMw;
    private final double[] holdPremiumUsdPerMwh;
    private final int[] holdLoads;

    /**
     * @param maxMw facility power of each load when fully running
     * @param firm whether each load is firm
     * @param minerValueCoef for miner fleets: value per MWh = coef x hashprice (USD/TH/s/day); 0 otherwise
     * @param isMiner whether each load's value follows the hashprice
     * @param fixedValueUsdPerMwh for other curtailable loads: constant value per MWh
     * @param importCapMw import cap
     * @param exportCapMw usable export cap (0 when export is not allowed)
     * @param adderUsdPerMwh tariff adders per imported MWh
     */
    public MeritOrderKernel(
            double[] maxMw,
            boolean[] firm,
            double[] minerValueCoef,
            boolean[] isMiner,
            double[] fixedValueUsdPerMwh,
            double importCapMw,
            double exportCapMw,
            double adderUsdPerMwh) {
        this(
                maxMw,
                firm,
                minerValueCoef,
                isMiner,
                fixedValueUsdPerMwh,
                new double[maxMw.length],
                importCapMw,
                exportCapMw,
                adderUsdPerMwh);
    }

    /**
     * A kernel whose loads may carry a hold premium: a load that ran in the previous decided interval is worth its
     * value plus {@code holdPremiumUsdPerMwh x its previous running fraction} per MWh, the cost of stopping it (a
     * training job's work since its last checkpoint and its restart, spread over one interval). The first interval of
     * a {@link #run} counts every load as running before it.
     *
     * @param holdPremiumUsdPerMwh per load, 0 for none
     */
    public MeritOrderKernel(
            double[] maxMw,
            boolean[] firm,
            double[] minerValueCoef,
            boolean[] isMiner,
            double[] fixedValueUsdPerMwh,
            double[] holdPremiumUsdPerMwh,
            double importCapMw,
            double exportCapMw,
            double adderUsdPerMwh) {
        this.loadCount = maxMw.length;
        this.holdPremiumUsdPerMwh = holdPremiumUsdPerMwh.clone();
        int nh = 0;
        for (int l = 0; l < loadCount; l++) {
            if (holdPremiumUsdPerMwh[l] != 0 && !firm[l]) {
                nh++;
            }
        }
        this.holdLoads = new int[nh];
        nh = 0;
        for (int l = 0; l < loadCount; l++) {
            if (holdPremiumUsdPerMwh[l] != 0 && !firm[l]) {
                holdLoads[nh++] = l;
            }
        }
        this.maxMw = maxMw.clone();
        this.minerValueCoef = minerValueCoef.clone();
        this.isMiner = isMiner.clone();
        this.fixedValueUsdPerMwh = fixedValueUsdPerMwh.clone();
        this.importCapMw = importCapMw;
        this.exportCapMw = exportCapMw;
        this.adderUsdPerMwh = adderUsdPerMwh;
        int nf = 0;
        double f = 0;
        for (int l = 0; l < loadCount; l++) {
            if (firm[l]) {
                nf++;
                f += maxMw[l];
            }
        }
        this.firmMw = f;
        double c = 0;
        for (int l = 0; l < loadCount; l++) {
            if (!firm[l]) {
                c += maxMw[l];
            }
        }
        this.curtailableMw = c;
        this.firmLoads = new int[nf];
        this.curtailable = new int[loadCount - nf];
        int a = 0;
        int b = 0;
        for (int l = 0; l < loadCount; l++) {
            if (firm[l]) {
                firmLoads[a++] = l;
            } else {
                curtailable[b++] = l;
            }
        }
    }

    public int loadCount() {
        return loadCount;
    }

    /**
     * Runs intervals {@code [from, to)}. Skipped intervals ({@code dispatched[t] == false}) get zero flows.
     *
     * @param priceUsdPerMwh real-time price per interval
     * @param hashpriceUsdPerThDay hashprice per interval
     * @param generationMw available on-site generation per interval
     * @param dispatched which intervals to decide
     * @param runFraction out: fraction per load, index {@code t * loadCount + l}
     * @param importMw out
     * @param exportMw out
     * @param spillMw out
     */
    public void run(
            int from,
            int to,
            double[] priceUsdPerMwh,
            double[] hashpriceUsdPerThDay,
            double[] generationMw,
            boolean[] dispatched,
            double[] runFraction,
            double[] importMw,
            double[] exportMw,
            double[] spillMw) {
        run(
                from,
                to,
                priceUsdPerMwh,
                hashpriceUsdPerThDay,
                generationMw,
                dispatched,
                NO_LIMITS,
                runFraction,
                importMw,
                exportMw,
                spillMw);
    }

    private static final double[] NO_LIMITS = new double[0];

    /**
     * Runs intervals {@code [from, to)} with a per-interval import limit below the import cap (e.g. an emergency
     * program's firm service level during its events, known ahead): firm loads still run (they may take the import
     * above the limit, which their program then penalises); curtailable loads may only use import up to the limit.
     *
     * @param importLimitMw per interval, the most curtailable load may import up to (with firm load), MW; {@code
     *     Double.POSITIVE_INFINITY} for none; an empty array for no limits at all
     */
    public void run(
            int from,
            int to,
            double[] priceUsdPerMwh,
            double[] hashpriceUsdPerThDay,
            double[] generationMw,
            boolean[] dispatched,
            double[] importLimitMw,
            double[] runFraction,
            double[] importMw,
            double[] exportMw,
            double[] spillMw) {
        run(
                from,
                to,
                priceUsdPerMwh,
                hashpriceUsdPerThDay,
                generationMw,
                dispatched,
                importLimitMw,
                NO_SCALE,
                runFraction,
                importMw,
                exportMw,
                spillMw);
    }

    private static final double[] NO_SCALE = new double[0];

    /**
     * Runs intervals {@code [from, to)} where the loads' facility power changes from interval to interval (a PUE that
     * follows the ambient temperature, {@link PueProfile}): load {@code l} fully running draws {@code maxMw[l] x
     * facilityScale[t * loadCount + l]} and its value per MWh (hold premium included) is divided by the same factor,
     * since what it earns follows its IT power. The order is re-sorted whenever a factor changes. With every factor
     * exactly 1 the results are bit for bit those of the run without factors.
     *
     * @param facilityScale per interval and load, the factor; an empty array for none
     */
    public void run(
            int from,
            int to,
            double[] priceUsdPerMwh,
            double[] hashpriceUsdPerThDay,
            double[] generationMw,
            boolean[] dispatched,
            double[] importLimitMw,
            double[] facilityScale,
            double[] runFraction,
            double[] importMw,
            double[] exportMw,
            double[] spillMw) {
        final int nc = curtailable.length;
        final boolean scaled = facilityScale.length > 0;
        final double[] mw = scaled ? new double[loadCount] : maxMw;
        final double[] scaleNow = scaled ? new double[loadCount] : NO_SCALE;
        final double[] scaleSorted = scaled ? new double[loadCount] : NO_SCALE;
        double firmNeedMw = firmMw;
        double curtailableNowMw = curtailableMw;
        final boolean limited = importLimitMw.length > 0;
        final int[] order = curtailable.clone();
        final double[] value = new double[loadCount];
        final double[] tierCost = new double[3];
        final double[] tierCap = new double[3];
        final int[] tierKind = new int[3];
        double lastHashprice = Double.NaN;
        final int nh = holdLoads.length;
        final double[] held = new double[nh];
        java.util.Arrays.fill(held, 1.0);
        final double[] heldSorted = new double[nh];
        for (int t = from; t < to; t++) {
            final int base = t * loadCount;
            if (!dispatched[t]) {
                for (int l = 0; l < loadCount; l++) {
                    runFraction[base + l] = 0;
                }
                importMw[t] = 0;
                exportMw[t] = 0;
                spillMw[t] = 0;
                continue;
            }
            final double hp = hashpriceUsdPerThDay[t];
            boolean resort = hp != lastHashprice;
            for (int k = 0; k < nh && !resort; k++) {
                resort = held[k] != heldSorted[k];
            }
            if (scaled && !java.util.Arrays.equals(facilityScale, base, base + loadCount, scaleNow, 0, loadCount)) {
                // a factor changed (hourly temperatures on a 5-minute grid: one interval in twelve); the same
                // summation order as the constructor's, so factors of exactly 1 change no bit
                double f = 0;
                for (int k = 0; k < firmLoads.length; k++) {
                    int l = firmLoads[k];
                    scaleNow[l] = facilityScale[base + l];
                    mw[l] = maxMw[l] * scaleNow[l];
                    f += mw[l];
                }
                double c = 0;
                for (int k = 0; k < nc; k++) {
                    int l = curtailable[k];
                    scaleNow[l] = facilityScale[base + l];
                    mw[l] = maxMw[l] * scaleNow[l];
                    c += mw[l];
                    resort |= scaleNow[l] != scaleSorted[l];
                }
                firmNeedMw = f;
                curtailableNowMw = c;
            }
            if (resort) {
                lastHashprice = hp;
                if (nh > 0) {
                    System.arraycopy(held, 0, heldSorted, 0, nh);
                }
                if (scaled) {
                    System.arraycopy(scaleNow, 0, scaleSorted, 0, loadCount);
                }
                sortByValue(order, value, hp, heldSorted, scaleSorted);
            }
            final double p = priceUsdPerMwh[t];
            final double gen = generationMw[t];
            // tiers: 0 = generation that cannot be exported, 1 = exportable generation, 2 = grid import
            double free = gen - exportCapMw;
            if (free < 0) {
                free = 0;
            }
            tierCap[0] = free;
            tierCost[0] = 0;
            tierKind[0] = GEN_SPILLABLE;
            tierCap[1] = gen - free;
            tierCost[1] = p > 0 ? p : 0;
            tierKind[1] = GEN_EXPORTABLE;
            tierCap[2] = importCapMw;
            tierCost[2] = p + adderUsdPerMwh;
            tierKind[2] = IMPORT;
            sort3(tierCost, tierCap, tierKind);
            int tier = 0;
            // firm loads first: they always run (validation guarantees they fit under the import cap)
            double need = firmNeedMw;
            while (need > 0 && tier < 3) {
                double take = need < tierCap[tier] ? need : tierCap[tier];
                tierCap[tier] -= take;
                need -= take;
                if (tierCap[tier] <= 0) {
                    tier++;
                }
            }
            for (int k = 0; k < firmLoads.length; k++) {
                runFraction[base + firmLoads[k]] = 1.0;
            }
            double withheld = 0;
            if (limited && importLimitMw[t] < importCapMw) {
                for (int i = 0; i < 3; i++) {
                    if (tierKind[i] == IMPORT) {
                        double usedByFirm = importCapMw - tierCap[i];
                        double allowed = Math.max(0, importLimitMw[t] - usedByFirm);
                        if (allowed < tierCap[i]) {
                            withheld = tierCap[i] - allowed;
                            tierCap[i] = allowed;
                        }
                    }
                }
            }
            // fast paths: every curtailable load runs fully, or none runs
            if (nc > 0) {
                final double vMin = value[order[nc - 1]];
                double avail = 0;
                for (int i = tier; i < 3 && tierCost[i] < vMin; i++) {
                    avail += tierCap[i];
                }
                if (avail >= curtailableNowMw) {
                    double need2 = curtailableNowMw;
                    for (int i = tier; i < 3 && need2 > 0; i++) {
                        double take = need2 < tierCap[i] ? need2 : tierCap[i];
                        tierCap[i] -= take;
                        need2 -= take;
                    }
                    for (int c = 0; c < nc; c++) {
                        runFraction[base + curtailable[c]] = 1.0;
                    }
                    finishInterval(t, p, tierCap, tierKind, withheld, importMw, exportMw, spillMw);
                    for (int h = 0; h < nh; h++) {
                        held[h] = 1.0;
                    }
                    continue;
                }
            }
            int k = 0;
            for (; k < nc && tier < 3; k++) {
                final int l = order[k];
                final double v = value[l];
                final double want = mw[l];
                double got = 0;
                while (tier < 3 && v > tierCost[tier]) {
                    final double room = tierCap[tier];
                    final double missingMw = want - got;
                    if (missingMw <= room) {
                        tierCap[tier] = room - missingMw;
                        got = want;
                        break;
                    }
                    got += room;
                    tierCap[tier] = 0;
                    tier++;
                }
                runFraction[base + l] = got >= want ? 1.0 : (want > 0 ? got / want : 0);
                if (got < want) {
                    k++;
                    break;
                }
            }
            for (; k < nc; k++) {
                runFraction[base + order[k]] = 0;
            }
            finishInterval(t, p, tierCap, tierKind, withheld, importMw, exportMw, spillMw);
            for (int h = 0; h < nh; h++) {
                held[h] = runFraction[base + holdLoads[h]];
            }
        }
    }

    /** The flows follow from what is left in each tier. */
    private void finishInterval(
            int t,
            double p,
            double[] tierCap,
            int[] tierKind,
            double withheldImportMw,
            double[] importMw,
            double[] exportMw,
            double[] spillMw) {
        double genLeft = 0;
        double importLeft = 0;
        for (int i = 0; i < 3; i++) {
            if (tierKind[i] == IMPORT) {
                importLeft = tierCap[i];
            } else {
                genLeft += tierCap[i];
            }
        }
        importMw[t] = importCapMw - importLeft - withheldImportMw;
        double exp = 0;
        if (p >= 0) {
            exp = genLeft < exportCapMw ? genLeft : exportCapMw;
        }
        exportMw[t] = exp;
        spillMw[t] = genLeft - exp;
    }

    private void sortByValue(int[] order, double[] value, double hashprice, double[] held, double[] scale) {
        for (int l = 0; l < loadCount; l++) {
            value[l] = isMiner[l] ? minerValueCoef[l] * hashprice : fixedValueUsdPerMwh[l];
        }
        for (int k = 0; k < held.length; k++) {
            value[holdLoads[k]] += holdPremiumUsdPerMwh[holdLoads[k]] * held[k];
        }
        for (int l = 0; l < scale.length; l++) {
            value[l] /= scale[l];
        }
        // insertion sort, descending value, stable by load index
        for (int i = 0; i < order.length; i++) {
            order[i] = curtailable[i];
        }
        for (int i = 1; i < order.length; i++) {
            int x = order[i];
            double vx = value[x];
            int j = i - 1;
            while (j >= 0 && value[order[j]] < vx) {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = x;
        }
    }

    private static void sort3(double[] cost, double[] cap, int[] kind) {
        // stable sort of three (cost, cap, kind) triples by cost
        for (int i = 1; i < 3; i++) {
            double c = cost[i];
            double q = cap[i];
            int z = kind[i];
            int j = i - 1;
            while (j >= 0 && cost[j] > c) {
                cost[j + 1] = cost[j];
                cap[j + 1] = cap[j];
                kind[j + 1] = kind[j];
                j--;
            }
            cost[j + 1] = c;
            cap[j + 1] = q;
            kind[j + 1] = z;
        }
    }
}
