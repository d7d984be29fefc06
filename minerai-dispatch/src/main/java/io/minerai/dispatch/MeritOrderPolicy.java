package io.minerai.dispatch;

import io.minerai.core.inputs.GpuInputs;
import io.minerai.core.inputs.ScenarioInputs;
import io.minerai.core.site.GpuCloud;
import io.minerai.core.site.Load;
import io.minerai.core.site.MinerFleet;
import io.minerai.core.site.Site;
import io.minerai.core.time.TimeGrid;
import io.minerai.core.time.TimeSeries;
import java.util.ArrayList;
import java.util.List;

/**
 * The merit-order policy, the reference semantics of the foundation issue:
 *
 * <ul>
 *   <li>Interval t of h hours; price p_t = real-time price at the site's settlement point; day d = UTC date of the
 *       interval start; hashprice of day d = (subsidy + fees that day) x BTC price / network hashrate.
 *   <li>A miner fleet at fraction x draws x x count x W / 1e6 x PUE MW and earns x x count x TH/s x hashprice x (1 -
 *       pool fee) x h / 24; its value per MWh is that per facility MWh. An interruptible GPU cloud's value per MWh is
 *       price x utilisation x 1000 / (kW per GPU x PUE).
 *   <li>Imported energy costs p_t + adders. Own generation is worth p_t where it could be exported (and only when p_t
 *       is not negative, since nobody exports at a loss), else 0 (surplus is spilled).
 *   <li>Firm loads (colocation, firm GPU cloud) always run. Curtailable loads run in descending value per MWh while
 *       their value is strictly above the marginal cost of the energy they would use, up to the import cap; the last
 *       one may run partially.
 *   <li>Intervals without a price, Bitcoin data or a generation profile value are skipped, counted and reported;
 *       likewise intervals without an ambient temperature when a load's PUE follows it.
 *   <li>A load whose PUE follows the ambient temperature ({@link PueProfile}) draws IT power x the interval's PUE and
 *       its value per MWh is its IT earnings per facility MWh of that interval, so a hot interval makes it both
 *       larger and less valuable per MWh.
 * </ul>
 *
 * The PPA does not change these decisions: it is settled financially (see {@link Settlement}).
 */
public final class MeritOrderPolicy implements DispatchPolicy {
    public static final String NAME = "merit-order";

    private final java.util.List<io.minerai.dispatch.program.ImportLimitProgram> limits;

    /** The policy of the foundation issue: no import limits beyond the import cap. */
    public MeritOrderPolicy() {
        this(java.util.List.of());
    }

    /**
     * The policy honouring programs that limit import in some intervals (e.g. demand-reduction events, known ahead):
     * curtailable load stays within the lowest limit in force.
     */
    public MeritOrderPolicy(java.util.List<io.minerai.dispatch.program.ImportLimitProgram> limits) {
        this.limits = java.util.List.copyOf(limits);
    }

    /** The policy honouring the import limits among the terms' programs. */
    public static MeritOrderPolicy under(SettlementTerms terms) {
        java.util.List<io.minerai.dispatch.program.ImportLimitProgram> l = new java.util.ArrayList<>();
        for (io.minerai.dispatch.ledger.Settler s : terms.programs()) {
            if (s instanceof io.minerai.dispatch.program.ImportLimitProgram p) {
                l.add(p);
            }
        }
        return new MeritOrderPolicy(l);
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Builds the kernel for a site whose GPU clouds run or stop (no cap levels, no job classes), hourly. */
    public static MeritOrderKernel kernel(Site site) {
        return Units.of(site, GpuInputs.NONE, 1.0).kernel(site);
    }

    @Override
    public Dispatch decide(Site site, ScenarioInputs inputs) {
        PueProfile pue = PueProfile.of(site, inputs);
        PreparedInputs in = PreparedInputs.of(site, inputs, pue);
        TimeGrid grid = inputs.grid();
        int n = grid.count();
        int loads = site.loads().size();
        Units units = Units.of(site, inputs.gpus(), grid.stepHours());
        double[] fraction = new double[n * loads];
        double[] unitFraction = units.identity() ? fraction : new double[n * units.count()];
        double[] imp = new double[n];
        double[] exp = new double[n];
        double[] spill = new double[n];
        double[] limit = new double[limits.isEmpty() ? 0 : n];
        if (!limits.isEmpty()) {
            for (int t = 0; t < n; t++) {
                double m = Double.POSITIVE_INFINITY;
                for (io.minerai.dispatch.program.ImportLimitProgram p : limits) {
                    m = Math.min(m, p.maxImportMw(t));
                }
                limit[t] = m;
            }
        }
        double[] scale = units.facilityScale(pue, n);
        units.kernel(site)
                .run(
                        0,
                        n,
                        in.priceUsdPerMwh(),
                        in.hashpriceUsdPerThDay(),
                        in.generationMw(),
                        in.dispatched(),
                        limit,
                        scale,
                        unitFraction,
                        imp,
                        exp,
                        spill);
        if (units.hasContracts() && limit.length > 0) {
            runAllowedEvents(site, grid, in, units, limit, scale, unitFraction, imp, exp, spill);
        }
        if (!units.identity()) {
            units.toLoads(unitFraction, fraction, n, loads);
        }
        double[] gen = in.generationMw().clone();
        for (int t = 0; t < n; t++) {
            if (!in.dispatched()[t]) {
                gen[t] = 0;
            }
        }
        return new Dispatch(
                NAME,
                grid,
                LoadInfo.of(site),
                in.dispatched(),
                fraction,
                gen,
                imp,
                exp,
                spill,
                ReserveOffers.none(),
                DeferrableWork.none(),
                pue);
    }

    /**
     * Re-decides the intervals in which some contracted GPU capacity may be curtailed ({@link ContractAllowance}) with
     * a kernel in which those contracted units are curtailable, worth their value plus the contract's service credit
     * per MWh (so they are cut last, and only for the event's import limit or a price above that); elsewhere they are
     * firm. One kernel per set of curtailable contracts, run over each stretch of intervals with that set.
     */
    private static void runAllowedEvents(
            Site site,
            TimeGrid grid,
            PreparedInputs in,
            Units units,
            double[] limit,
            double[] facilityScale,
            double[] unitFraction,
            double[] imp,
            double[] exp,
            double[] spill) {
        int n = grid.count();
        List<GpuCloud> clouds = site.gpuClouds();
        long[] allowed = new long[n];
        for (int k = 0; k < clouds.size(); k++) {
            if (!clouds.get(k).contract().present() || clouds.get(k).firm()) {
                continue;
            }
            boolean[] mask = ContractAllowance.curtailable(
                    limit, grid, in.dispatched(), clouds.get(k).contract());
            for (int t = 0; t < n; t++) {
                if (mask[t]) {
                    allowed[t] |= 1L << k;
                }
            }
        }
        java.util.Map<Long, MeritOrderKernel> kernels = new java.util.HashMap<>();
        int t = 0;
        while (t < n) {
            long key = allowed[t];
            int end = t + 1;
            while (end < n && allowed[end] == key) {
                end++;
            }
            if (key != 0) {
                kernels.computeIfAbsent(key, kk -> units.kernel(site, kk))
                        .run(
                                t,
                                end,
                                in.priceUsdPerMwh(),
                                in.hashpriceUsdPerThDay(),
                                in.generationMw(),
                                in.dispatched(),
                                limit,
                                facilityScale,
                                unitFraction,
                                imp,
                                exp,
                                spill);
            }
            t = end;
        }
    }

    /**
     * The site's loads as the kernel sees them: one unit per load, except a GPU cloud with cap levels or an inference
     * commitment, which is one unit per block of power of constant value ({@link GpuModel#blocks()}, falling in
     * value, so the merit order fills them in order). A training cloud's first block (the share of GPUs running)
     * carries a hold premium: its expected pause cost ({@link GpuModel#expectedPauseCostUsd()}) per MWh of that block
     * over one interval, so the merit order pauses training only when one interval's saving exceeds the work lost.
     *
     * @param loadOf per unit: its load
     * @param width per unit: its share of the load's full power
     * @param maxMw per unit: full power, MW
     * @param firm per unit
     * @param minerCoef per unit: value per MWh per unit of hashprice (miner fleets)
     * @param isMiner per unit
     * @param fixedValue per unit: value per MWh (other loads)
     * @param holdPremium per unit: hold premium per MWh
     * @param contractOf per unit: index of its GPU cloud in {@link Site#gpuClouds()} when the unit is part of the
     *     cloud's contracted capacity (firm unless the contract allows curtailing it), -1 otherwise
     * @param creditUsdPerMwh per unit: the contract's service credit per MWh of the unit not drawn
     * @param identity whether the units are the loads themselves
     */
    record Units(
            int[] loadOf,
            double[] width,
            double[] maxMw,
            boolean[] firm,
            double[] minerCoef,
            boolean[] isMiner,
            double[] fixedValue,
            double[] holdPremium,
            int[] contractOf,
            double[] creditUsdPerMwh,
            boolean identity) {

        static Units of(Site site, GpuInputs gpus, double stepHours) {
            List<Load> loads = site.loads();
            List<Integer> loadOf = new ArrayList<>();
            List<double[]> rows = new ArrayList<>(); // width, maxMw, firm, coef, isMiner, fixed, premium
            boolean identity = true;
            for (int l = 0; l < loads.size(); l++) {
                Load load = loads.get(l);
                double mw = load.facilityPowerMw();
                double firm = load.firm() ? 1 : 0;
                switch (load) {
                    case MinerFleet f -> {
                        loadOf.add(l);
                        rows.add(new double[] {1, mw, firm, f.valueUsdPerMwh(1.0), 1, 0, 0, -1, 0});
                    }
                    case GpuCloud g
                    when g.contract().present() && !g.firm() -> {
                        identity = false;
                        int cloud = site.gpuClouds().indexOf(g);
                        GpuModel m = GpuModel.of(g, gpus);
                        GpuModel.Blocks b = m.isPlain()
                                ? new GpuModel.Blocks(new double[] {g.valueUsdPerMwh()}, new double[] {1})
                                : m.blocks();
                        double c = g.contract().contractedFraction();
                        double credit = mw > 0 ? g.contract().creditUsdPerShortfallHour(mw, g.gpuCount()) / mw : 0;
                        double pauseCost = m.expectedPauseCostUsd();
                        double from = 0;
                        for (int k = 0; k < b.count(); k++) {
                            double to = from + b.widthFraction()[k];
                            double firmPart = Math.max(0, Math.min(to, c) - from);
                            double spotPart = b.widthFraction()[k] - firmPart;
                            if (firmPart > 1e-12) {
                                loadOf.add(l);
                                rows.add(new double[] {
                                    firmPart, firmPart * mw, 0, 0, 0, b.valueUsdPerMwh()[k], 0, cloud, credit
                                });
                            }
                            if (spotPart > 1e-12) {
                                double partMw = spotPart * mw;
                                double premium =
                                        k == 0 && pauseCost > 0 && partMw > 0 ? pauseCost / (partMw * stepHours) : 0;
                                loadOf.add(l);
                                rows.add(new double[] {spotPart, partMw, 0, 0, 0, b.valueUsdPerMwh()[k], premium, -1, 0
                                });
                            }
                            from = to;
                        }
                    }
                    case GpuCloud g -> {
                        GpuModel m = GpuModel.of(g, gpus);
                        if (g.firm() || m.isPlain()) {
                            loadOf.add(l);
                            rows.add(new double[] {1, mw, firm, 0, 0, g.valueUsdPerMwh(), 0, -1, 0});
                        } else {
                            GpuModel.Blocks b = m.blocks();
                            identity &= b.count() == 1;
                            double pauseCost = m.expectedPauseCostUsd();
                            for (int k = 0; k < b.count(); k++) {
                                double blockMw = b.widthFraction()[k] * mw;
                                double premium =
                                        k == 0 && pauseCost > 0 && blockMw > 0 ? pauseCost / (blockMw * stepHours) : 0;
                                loadOf.add(l);
                                rows.add(new double[] {
                                    b.widthFraction()[k], blockMw, 0, 0, 0, b.valueUsdPerMwh()[k], premium, -1, 0
                                });
                            }
                        }
                    }
                    default -> {
                        loadOf.add(l);
                        rows.add(new double[] {1, mw, firm, 0, 0, 0, 0, -1, 0});
                    }
                }
            }
            int u = rows.size();
            Units out = new Units(
                    new int[u],
                    new double[u],
                    new double[u],
                    new boolean[u],
                    new double[u],
                    new boolean[u],
                    new double[u],
                    new double[u],
                    new int[u],
                    new double[u],
                    identity);
            for (int k = 0; k < u; k++) {
                double[] r = rows.get(k);
                out.loadOf[k] = loadOf.get(k);
                out.width[k] = r[0];
                out.maxMw[k] = r[1];
                out.firm[k] = r[2] != 0;
                out.minerCoef[k] = r[3];
                out.isMiner[k] = r[4] != 0;
                out.fixedValue[k] = r[5];
                out.holdPremium[k] = r[6];
                out.contractOf[k] = (int) r[7];
                out.creditUsdPerMwh[k] = r[8];
            }
            return out;
        }

        /** Whether some unit is contracted GPU capacity. */
        boolean hasContracts() {
            for (int k : contractOf) {
                if (k >= 0) {
                    return true;
                }
            }
            return false;
        }

        int count() {
            return loadOf.length;
        }

        MeritOrderKernel kernel(Site site) {
            return kernel(site, 0L);
        }

        /**
         * The kernel in which the contracted units of the clouds in {@code curtailableClouds} (a bit per index in
         * {@link Site#gpuClouds()}) are curtailable, worth their value plus the service credit per MWh; every other
         * contracted unit is firm.
         */
        MeritOrderKernel kernel(Site site, long curtailableClouds) {
            boolean[] f = firm.clone();
            double[] v = fixedValue;
            if (curtailableClouds != 0) {
                v = fixedValue.clone();
            }
            for (int k = 0; k < f.length; k++) {
                if (contractOf[k] >= 0) {
                    boolean cut = (curtailableClouds & (1L << contractOf[k])) != 0;
                    f[k] = !cut;
                    if (cut) {
                        v[k] += creditUsdPerMwh[k];
                    }
                }
            }
            return new MeritOrderKernel(
                    maxMw,
                    f,
                    minerCoef,
                    isMiner,
                    v,
                    holdPremium,
                    site.grid().importCapMw(),
                    site.grid().effectiveExportCapMw(),
                    site.grid().totalAdderUsdPerMwh());
        }

        /** Per interval and unit, its load's facility-power factor ({@link PueProfile#scale}); empty when none. */
        double[] facilityScale(PueProfile pue, int n) {
            if (!pue.active()) {
                return new double[0];
            }
            int units = count();
            double[] out = new double[n * units];
            for (int t = 0; t < n; t++) {
                for (int k = 0; k < units; k++) {
                    out[t * units + k] = pue.scale(t, loadOf[k]);
                }
            }
            return out;
        }

        /** Sums the units' running fractions into the loads' fractions of full power. */
        void toLoads(double[] unitFraction, double[] fraction, int n, int loads) {
            int units = count();
            for (int t = 0; t < n; t++) {
                for (int k = 0; k < units; k++) {
                    fraction[t * loads + loadOf[k]] += unitFraction[t * units + k] * width[k];
                }
            }
        }
    }

    /**
     * Inputs flattened to arrays, with the dispatched mask: an interval is dispatched when it has a price, Bitcoin data
     * (when the site has miner fleets) and every generator's capacity factor. Without Bitcoin data the hashprice is 0.
     *
     * @param priceUsdPerMwh price (0 where skipped)
     * @param hashpriceUsdPerThDay hashprice (0 where skipped)
     * @param generationMw available generation (0 where skipped)
     * @param dispatched mask
     */
    public record PreparedInputs(
            double[] priceUsdPerMwh, double[] hashpriceUsdPerThDay, double[] generationMw, boolean[] dispatched) {

        public static PreparedInputs of(Site site, ScenarioInputs inputs) {
            return of(site, inputs, PueProfile.of(site, inputs));
        }

        /** As {@link #of(Site, ScenarioInputs)}; an interval the PUE profile lacks (no temperature) is skipped too. */
        public static PreparedInputs of(Site site, ScenarioInputs inputs, PueProfile pue) {
            int n = inputs.grid().count();
            double[] price = new double[n];
            double[] hp = new double[n];
            double[] gen = new double[n];
            boolean[] ok = new boolean[n];
            TimeSeries hash = inputs.hashpriceUsdPerThDay();
            List<TimeSeries> cfs = inputs.generatorCapacityFactor();
            // Bitcoin data decides only what miners earn: a site without miner fleets does not need it
            boolean needsBitcoin = !site.minerFleets().isEmpty();
            for (int t = 0; t < n; t++) {
                boolean present = !inputs.priceUsdPerMwh().isMissing(t)
                        && (!needsBitcoin || !hash.isMissing(t))
                        && pue.present(t);
                double g = 0;
                for (int k = 0; k < cfs.size() && present; k++) {
                    if (cfs.get(k).isMissing(t)) {
                        present = false;
                    } else {
                        g += site.generators().get(k).nameplateMw() * cfs.get(k).value(t);
                    }
                }
                ok[t] = present;
                if (present) {
                    price[t] = inputs.priceUsdPerMwh().value(t);
                    hp[t] = hash.isMissing(t) ? 0 : hash.value(t);
                    gen[t] = g;
                }
            }
            return new PreparedInputs(price, hp, gen, ok);
        }
    }
}
