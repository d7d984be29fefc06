package io.minerai.optimize;

import io.minerai.core.ai.AiEconomics;
import io.minerai.core.ai.PowerCapCurve;
import io.minerai.core.scenario.OptimizeSettings.FleetControl;
import io.minerai.core.scenario.OptimizeSettings.GpuJob;
import io.minerai.core.site.ColocationLease;
import io.minerai.core.site.GpuCloud;
import io.minerai.core.site.Ppa;
import io.minerai.dispatch.ContractAllowance;
import io.minerai.dispatch.GpuModel;
import io.minerai.solver.LpModel;
import java.util.List;
import java.util.Optional;

/**
 * The named steps of the formulation. Notation per interval t of h hours: import m_t, export e_t, spill s_t,
 * running fraction x_lt of curtailable load l (full power P_l), power y_jt of deferrable job j, reserve offer r_kt of
 * product k; planned price p_t, adders a, available generation g_t, firm load F.
 */
public final class Steps {
    private Steps() {}

    /** The default order: every step of the full model. */
    public static List<FormulationStep> all() {
        return List.of(
                new Variables(),
                new SiteBalance(),
                new ImportExportLimits(),
                new ImportLimits(),
                new FleetLimits(),
                new Reserves(),
                new CoincidentPeakCharges(),
                new PpaTerms(),
                new GpuWork(),
                new GpuCapLevels(),
                new GpuContracts(),
                new Objective());
    }

    /**
     * Variables: m_t >= 0; where g_t > 0 also e_t >= 0 and 0 <= s_t <= g_t; 0 <= x_lt <= 1 for each curtailable load;
     * 0 <= y_jt <= job's max power inside its window. Skipped intervals (missing data) get no variables.
     */
    public static final class Variables implements FormulationStep {
        @Override
        public String name() {
            return "variables";
        }

        @Override
        public void apply(ModelContext c) {
            LpModel.Builder b = c.b;
            int fImport = b.family("import");
            int fExport = b.family("export");
            int fSpill = b.family("spill");
            int loads = c.loads();
            int[] fLoad = new int[loads];
            for (int l = 0; l < loads; l++) {
                fLoad[l] = b.family("run " + c.terms.loads().get(l).name());
            }
            int jobs = c.jobs();
            int[] fJob = new int[jobs];
            int[] first = new int[jobs];
            int[] end = new int[jobs];
            for (int j = 0; j < jobs; j++) {
                GpuJob job = c.terms.jobs().get(j);
                fJob[j] = b.family("job " + job.name());
                first[j] = SiteTerms.jobFirstInterval(job, c.data.grid());
                end[j] = SiteTerms.jobEndInterval(job, c.data.grid());
            }
            for (int i = 0; i < c.n; i++) {
                if (!c.dispatched(i)) {
                    continue;
                }
                int t = c.from + i;
                c.importCol[i] = b.addColumn(fImport, t, 0, Double.POSITIVE_INFINITY, 0);
                double g = c.data.generationMw()[t];
                if (g > 0) {
                    c.exportCol[i] = b.addColumn(fExport, t, 0, Double.POSITIVE_INFINITY, 0);
                    c.spillCol[i] = b.addColumn(fSpill, t, 0, g, 0);
                }
                for (int l = 0; l < loads; l++) {
                    if (!c.terms.firm()[l] && c.terms.maxMw()[l] > 0) {
                        c.loadCol[i * loads + l] = b.addColumn(fLoad[l], t, 0, 1, 0);
                    }
                }
                for (int j = 0; j < jobs; j++) {
                    if (t >= first[j] && t < end[j]) {
                        double mw = c.terms.jobs().get(j).maxPowerMw();
                        c.jobCol[i * jobs + j] = b.addColumn(fJob[j], t, 0, mw, 0);
                    }
                }
            }
        }
    }

    /** Site balance: sum_l P_l x_lt + sum_j y_jt + e_t + s_t - m_t = g_t - F. Firm loads always run. */
    public static final class SiteBalance implements FormulationStep {
        @Override
        public String name() {
            return "site balance";
        }

        @Override
        public void apply(ModelContext c) {
            LpModel.Builder b = c.b;
            int f = b.family(name());
            int loads = c.loads();
            int jobs = c.jobs();
            for (int i = 0; i < c.n; i++) {
                if (!c.dispatched(i)) {
                    continue;
                }
                int t = c.from + i;
                double rhs = c.data.generationMw()[t] - c.terms.firmMw(t);
                b.beginRow(f, t, rhs, rhs);
                for (int l = 0; l < loads; l++) {
                    int col = c.loadCol[i * loads + l];
                    if (col >= 0) {
                        b.entry(col, c.terms.mw(t, l));
                    }
                }
                for (int j = 0; j < jobs; j++) {
                    int col = c.jobCol[i * jobs + j];
                    if (col >= 0) {
                        b.entry(col, 1);
                    }
                }
                if (c.exportCol[i] >= 0) {
                    b.entry(c.exportCol[i], 1);
                    b.entry(c.spillCol[i], 1);
                }
                b.entry(c.importCol[i], -1);
                b.endRow();
            }
        }
    }

    /** Import/export limits: m_t <= import cap; e_t <= export cap (0 when export is not allowed). */
    public static final class ImportExportLimits implements FormulationStep {
        @Override
        public String name() {
            return "import/export limits";
        }

        @Override
        public void apply(ModelContext c) {
            for (int i = 0; i < c.n; i++) {
                if (c.importCol[i] >= 0) {
                    c.b.setBounds(c.importCol[i], 0, c.terms.importCapMw());
                }
                if (c.exportCol[i] >= 0) {
                    c.b.setBounds(c.exportCol[i], 0, c.terms.exportCapMw());
                }
            }
        }
    }

    /**
     * Fleet limits per controlled miner fleet: with B blocks, x_t = n_t / B with integer 0 <= n_t <= B; minimum on and
     * off times by counting started (u) and stopped (v) blocks: n_t - n_{t-1} = u_t - v_t, n_t >= sum of u over the
     * last MU intervals, B - n_t >= sum of v over the last MD intervals; at most R MW restored per interval: P (x_t -
     * x_{t-1}) <= R.
     */
    public static final class FleetLimits implements FormulationStep {
        @Override
        public String name() {
            return "fleet limits";
        }

        @Override
        public void apply(ModelContext c) {
            int loads = c.loads();
            c.blockCol = ModelContext.filled(c.n * loads);
            for (int l = 0; l < loads; l++) {
                Optional<FleetControl> oc = c.terms.controls().get(l);
                if (oc.isEmpty()) {
                    continue;
                }
                FleetControl ctl = oc.get();
                if (ctl.blockCount() > 0) {
                    blocks(c, l, ctl);
                }
                if (ctl.maxRestoreMwPerInterval() > 0) {
                    restore(c, l, ctl.maxRestoreMwPerInterval());
                }
            }
        }

        private static void blocks(ModelContext c, int l, FleetControl ctl) {
            LpModel.Builder b = c.b;
            int loads = c.loads();
            String name = c.terms.loads().get(l).name();
            int blocksCount = ctl.blockCount();
            int fBlocks = b.family("blocks " + name);
            int fLink = b.family("fleet blocks");
            int[] u = ModelContext.filled(c.n);
            int[] v = ModelContext.filled(c.n);
            boolean timing = ctl.minOnIntervals() > 1 || ctl.minOffIntervals() > 1;
            int fStart = b.family("blocks started " + name);
            int fStop = b.family("blocks stopped " + name);
            int fChange = b.family("fleet block change");
            int fOn = b.family("min on time");
            int fOff = b.family("min off time");
            for (int i = 0; i < c.n; i++) {
                int x = c.loadCol[i * loads + l];
                if (x < 0) {
                    continue;
                }
                int t = c.from + i;
                int nb = b.addColumn(fBlocks, t, 0, blocksCount, 0);
                b.setInteger(nb, true);
                c.blockCol[i * loads + l] = nb;
                b.beginRow(fLink, t, 0, 0);
                b.entry(x, 1).entry(nb, -1.0 / blocksCount);
                b.endRow();
                if (timing) {
                    u[i] = b.addColumn(fStart, t, 0, blocksCount, 0);
                    v[i] = b.addColumn(fStop, t, 0, blocksCount, 0);
                    int prev = i > 0 ? c.blockCol[(i - 1) * loads + l] : -1;
                    int prevKnown = c.initial.previousBlocks()[l];
                    if (prev >= 0) {
                        b.beginRow(fChange, t, 0, 0);
                        b.entry(nb, 1).entry(prev, -1).entry(u[i], -1).entry(v[i], 1);
                        b.endRow();
                    } else if (i == 0 && prevKnown >= 0) {
                        b.beginRow(fChange, t, prevKnown, prevKnown);
                        b.entry(nb, 1).entry(u[i], -1).entry(v[i], 1);
                        b.endRow();
                    }
                }
            }
            if (!timing) {
                return;
            }
            for (int i = 0; i < c.n; i++) {
                int nb = c.blockCol[i * loads + l];
                if (nb < 0) {
                    continue;
                }
                int t = c.from + i;
                if (ctl.minOnIntervals() > 1) {
                    b.beginRow(fOn, t, 0, Double.POSITIVE_INFINITY);
                    b.entry(nb, 1);
                    for (int k = Math.max(0, i - ctl.minOnIntervals() + 1); k <= i; k++) {
                        if (u[k] >= 0) {
                            b.entry(u[k], -1);
                        }
                    }
                    b.endRow();
                }
                if (ctl.minOffIntervals() > 1) {
                    b.beginRow(fOff, t, Double.NEGATIVE_INFINITY, blocksCount);
                    b.entry(nb, 1);
                    for (int k = Math.max(0, i - ctl.minOffIntervals() + 1); k <= i; k++) {
                        if (v[k] >= 0) {
                            b.entry(v[k], 1);
                        }
                    }
                    b.endRow();
                }
            }
        }

        private static void restore(ModelContext c, int l, double maxMw) {
            LpModel.Builder b = c.b;
            int loads = c.loads();
            int f = b.family("restore limit");
            for (int i = 0; i < c.n; i++) {
                int x = c.loadCol[i * loads + l];
                if (x < 0) {
                    continue;
                }
                int t = c.from + i;
                double p = c.terms.mw(t, l);
                double pPrev = c.terms.mw(Math.max(t - 1, 0), l);
                int prev = i > 0 ? c.loadCol[(i - 1) * loads + l] : -1;
                if (prev >= 0) {
                    b.beginRow(f, t, Double.NEGATIVE_INFINITY, maxMw);
                    b.entry(x, p).entry(prev, -pPrev);
                    b.endRow();
                } else if (i == 0 && !Double.isNaN(c.initial.previousFraction()[l])) {
                    b.beginRow(
                            f,
                            t,
                            Double.NEGATIVE_INFINITY,
                            maxMw + pPrev * c.initial.previousFraction()[l]);
                    b.entry(x, p);
                    b.endRow();
                }
            }
        }
    }

    /**
     * Import limits of demand-response programs (e.g. an emergency demand-reduction service during its events): m_t <=
     * limit_t, as a tighter bound on the import column. An event the site cannot meet even with every curtailable load
     * off (firm load less generation above the limit) is refused up front, naming the program and the first interval.
     */
    public static final class ImportLimits implements FormulationStep {
        @Override
        public String name() {
            return "import limits";
        }

        @Override
        public void apply(ModelContext c) {
            double[] contractedMw = contractedFirmMw(c);
            for (ModelData.ImportLimit limit : c.data.importLimits()) {
                int failing = 0;
                int first = -1;
                double worstMw = 0;
                for (int i = 0; i < c.n; i++) {
                    int t = c.from + i;
                    double max = limit.maxImportMw()[t];
                    if (c.importCol[i] < 0 || !(max < c.terms.importCapMw())) {
                        continue;
                    }
                    double need = c.terms.firmMw(t) - c.data.generationMw()[t];
                    if (need > max + 1e-9) {
                        failing++;
                        first = first < 0 ? t : first;
                        worstMw = Math.max(worstMw, need - max);
                    }
                    // contracted GPU capacity beyond its allowance runs through the event, above the limit
                    double bound = contractedMw.length == 0 ? max : Math.max(max, need + contractedMw[t]);
                    c.b.setBounds(c.importCol[i], 0, Math.max(0, bound));
                }
                if (failing > 0) {
                    throw new io.minerai.core.validation.ValidationException(
                            "optimisation model",
                            new io.minerai.core.validation.Problem(
                                    "import limit " + limit.program(),
                                    String.format(
                                            java.util.Locale.ROOT,
                                            "firm load less generation exceeds the program's import limit in %d"
                                                    + " intervals, first %s (by up to %.3f MW): firm loads cannot be"
                                                    + " curtailed",
                                            failing,
                                            c.data.grid().start(first),
                                            worstMw)));
                }
            }
        }
    }

    /**
     * Per interval of the grid, the contracted GPU MW that must run (contracts outside their allowed events); empty
     * when the site has no contracts.
     */
    static double[] contractedFirmMw(ModelContext c) {
        double[] out = new double[0];
        double[] limit = GpuContracts.importLimit(c.data);
        List<io.minerai.core.site.Load> loads = c.terms.site().loads();
        for (int l = 0; l < loads.size(); l++) {
            if (!(loads.get(l) instanceof GpuCloud g) || !g.contract().present() || g.firm()) {
                continue;
            }
            if (out.length == 0) {
                out = new double[c.data.grid().count()];
            }
            boolean[] allowed = ContractAllowance.curtailable(limit, c.data.grid(), c.data.dispatched(), g.contract());
            for (int t = 0; t < out.length; t++) {
                if (!allowed[t]) {
                    out[t] += g.contractedMw() * c.terms.pue().scale(t, l);
                }
            }
        }
        return out;
    }

    /**
     * Reserves: offers r_kt >= 0 of each product k, valued at the plan's price (the day-ahead clearing price) x h, from
     * curtailable load that is running: sum_k r_kt <= C_t = phi x sum_l P_l x_lt (phi = share that may be offered).
     * Per-product limits: r_kt <= s_k x C_t (a maximum share), r_kt <= M_k (a maximum MW), and loads that may not
     * provide a product.
     *
     * <p>When no product has a MW limit or excluded loads, the best offer of any capacity C_t fills the products in
     * order of price up to their shares: r_kt = a_kt x C_t with a_kt from that greedy fill, worth v_t = sum_k a_kt p_kt
     * per MW. The model then has one offer column per interval worth v_t, split into products by a_kt when read back:
     * an exact reduction (without shares all goes to the best-priced product). Otherwise every product gets a column per group
     * of loads with the same eligible products (pooling such loads is exact): r_kgt with sum_k r_kgt <= phi sum_{l in g}
     * P_l x_lt per group, sum_g r_kgt <= M_k and sum_g r_kgt <= s_k C_t.
     */
    public static final class Reserves implements FormulationStep {
        @Override
        public String name() {
            return "reserves";
        }

        @Override
        public void apply(ModelContext c) {
            List<ModelData.ReserveProduct> products = c.data.reserves();
            int kk = products.size();
            c.reserveStart = new int[c.n * kk + 1];
            if (kk == 0) {
                return;
            }
            int loads = c.loads();
            boolean[] curtailable = new boolean[loads];
            for (int l = 0; l < loads; l++) {
                curtailable[l] = !c.terms.firm()[l] && c.terms.maxMw()[l] > 0;
            }
            boolean reduced = true;
            for (ModelData.ReserveProduct p : products) {
                reduced &= p.shareLimitedOnly(curtailable);
            }
            Entries e = new Entries(c.n * kk * (reduced ? 1 : Math.max(1, loads)));
            if (reduced) {
                reduced(c, products, e);
            } else {
                perGroup(c, products, curtailable, e);
            }
            c.reserveColumn = e.columns();
            c.reserveCoef = e.coefs();
        }

        private static void reduced(ModelContext c, List<ModelData.ReserveProduct> products, Entries e) {
            LpModel.Builder b = c.b;
            int kk = products.size();
            int[] fOffer = new int[kk];
            for (int k = 0; k < kk; k++) {
                fOffer[k] = b.family("reserve " + products.get(k).id());
            }
            int fMix = b.family("reserve mix");
            int fCap = b.family("reserve capacity");
            int loads = c.loads();
            double h = c.hours();
            double phi = c.terms.maxOfferFraction();
            double[] share = new double[kk];
            Integer[] order = new Integer[kk];
            for (int i = 0; i < c.n; i++) {
                if (!c.dispatched(i)) {
                    closeInterval(c, i, kk, e);
                    continue;
                }
                int t = c.from + i;
                for (int k = 0; k < kk; k++) {
                    order[k] = k;
                    share[k] = 0;
                }
                java.util.Arrays.sort(
                        order,
                        (a, z) -> Double.compare(
                                products.get(z).priceUsdPerMwh()[t],
                                products.get(a).priceUsdPerMwh()[t]));
                double left = 1;
                double value = 0;
                int used = 0;
                int only = -1;
                for (int k : order) {
                    double price = products.get(k).priceUsdPerMwh()[t];
                    if (price <= 0 || left <= 0) {
                        break;
                    }
                    share[k] = Math.min(products.get(k).maxShare(), left);
                    if (share[k] > 0) {
                        left -= share[k];
                        value += share[k] * price;
                        used++;
                        only = k;
                    }
                }
                if (used == 0) {
                    closeInterval(c, i, kk, e);
                    continue;
                }
                int family = used == 1 ? fOffer[only] : fMix;
                int col = b.addColumn(family, t, 0, Double.POSITIVE_INFINITY, value * h);
                for (int k = 0; k < kk; k++) {
                    if (share[k] > 0) {
                        e.add(col, share[k]);
                    }
                    c.reserveStart[i * kk + k + 1] = e.size;
                }
                b.beginRow(fCap, t, Double.NEGATIVE_INFINITY, 0);
                b.entry(col, 1);
                for (int l = 0; l < loads; l++) {
                    int x = c.loadCol[i * loads + l];
                    if (x >= 0) {
                        b.entry(x, -phi * c.terms.mw(c.from + i, l));
                    }
                }
                b.endRow();
            }
        }

        /**
         * A column per product and group of loads with the same eligible products (loads that may provide the same
         * products pool their capacity exactly; without excluded loads there is one group and a column per product).
         */
        private static void perGroup(
                ModelContext c, List<ModelData.ReserveProduct> products, boolean[] curtailable, Entries e) {
            LpModel.Builder b = c.b;
            int kk = products.size();
            int loads = c.loads();
            List<List<Integer>> groups = new java.util.ArrayList<>();
            List<boolean[]> groupEligible = new java.util.ArrayList<>();
            for (int l = 0; l < loads; l++) {
                if (!curtailable[l]) {
                    continue;
                }
                boolean[] sig = new boolean[kk];
                for (int k = 0; k < kk; k++) {
                    sig[k] = products.get(k).eligibleLoad()[l];
                }
                int g = 0;
                while (g < groups.size() && !java.util.Arrays.equals(groupEligible.get(g), sig)) {
                    g++;
                }
                if (g == groups.size()) {
                    groups.add(new java.util.ArrayList<>());
                    groupEligible.add(sig);
                }
                groups.get(g).add(l);
            }
            int ng = groups.size();
            int[] fOffer = new int[kk];
            int[] fMax = new int[kk];
            int[] fShare = new int[kk];
            for (int k = 0; k < kk; k++) {
                String id = products.get(k).id();
                fOffer[k] = b.family("reserve " + id);
                fMax[k] = b.family("reserve max MW " + id);
                fShare[k] = b.family("reserve share " + id);
            }
            int fCap = b.family("reserve capacity");
            double h = c.hours();
            double phi = c.terms.maxOfferFraction();
            int[] col = new int[kk * Math.max(1, ng)];
            for (int i = 0; i < c.n; i++) {
                if (!c.dispatched(i)) {
                    closeInterval(c, i, kk, e);
                    continue;
                }
                int t = c.from + i;
                java.util.Arrays.fill(col, -1);
                for (int k = 0; k < kk; k++) {
                    ModelData.ReserveProduct p = products.get(k);
                    double price = p.priceUsdPerMwh()[t];
                    boolean offered = price > 0 && p.maxShare() > 0 && p.maxMw() > 0;
                    for (int g = 0; g < ng && offered; g++) {
                        if (groupEligible.get(g)[k] && running(c, i, groups.get(g))) {
                            col[k * ng + g] = b.addColumn(fOffer[k], t, 0, Double.POSITIVE_INFINITY, price * h);
                            e.add(col[k * ng + g], 1);
                        }
                    }
                    c.reserveStart[i * kk + k + 1] = e.size;
                }
                for (int g = 0; g < ng; g++) {
                    if (!any(col, g, ng, kk, true)) {
                        continue;
                    }
                    b.beginRow(fCap, t, Double.NEGATIVE_INFINITY, 0);
                    for (int k = 0; k < kk; k++) {
                        if (col[k * ng + g] >= 0) {
                            b.entry(col[k * ng + g], 1);
                        }
                    }
                    for (int l : groups.get(g)) {
                        int x = c.loadCol[i * loads + l];
                        if (x >= 0) {
                            b.entry(x, -phi * c.terms.mw(c.from + i, l));
                        }
                    }
                    b.endRow();
                }
                for (int k = 0; k < kk; k++) {
                    ModelData.ReserveProduct p = products.get(k);
                    if (!any(col, k, ng, kk, false)) {
                        continue;
                    }
                    if (p.maxMw() != Double.POSITIVE_INFINITY) {
                        b.beginRow(fMax[k], t, Double.NEGATIVE_INFINITY, p.maxMw());
                        for (int g = 0; g < ng; g++) {
                            if (col[k * ng + g] >= 0) {
                                b.entry(col[k * ng + g], 1);
                            }
                        }
                        b.endRow();
                    }
                    if (p.maxShare() < 1) {
                        b.beginRow(fShare[k], t, Double.NEGATIVE_INFINITY, 0);
                        for (int g = 0; g < ng; g++) {
                            if (col[k * ng + g] >= 0) {
                                b.entry(col[k * ng + g], 1);
                            }
                        }
                        for (int l = 0; l < loads; l++) {
                            int x = c.loadCol[i * loads + l];
                            if (x >= 0) {
                                b.entry(x, -p.maxShare() * phi * c.terms.mw(t, l));
                            }
                        }
                        b.endRow();
                    }
                }
            }
        }

        private static boolean running(ModelContext c, int i, List<Integer> group) {
            for (int l : group) {
                if (c.loadCol[i * c.loads() + l] >= 0) {
                    return true;
                }
            }
            return false;
        }

        /** Whether group {@code index} has a column for any product ({@code byGroup}), or product {@code index} for any group. */
        private static boolean any(int[] col, int index, int ng, int kk, boolean byGroup) {
            int count = byGroup ? kk : ng;
            for (int j = 0; j < count; j++) {
                if (col[byGroup ? j * ng + index : index * ng + j] >= 0) {
                    return true;
                }
            }
            return false;
        }

        private static void closeInterval(ModelContext c, int i, int kk, Entries e) {
            for (int k = 0; k < kk; k++) {
                c.reserveStart[i * kk + k + 1] = e.size;
            }
        }

        /** Growable (column, coefficient) list. */
        private static final class Entries {
            int[] cols;
            double[] coefs;
            int size;

            Entries(int capacity) {
                cols = new int[Math.max(4, capacity)];
                coefs = new double[cols.length];
            }

            void add(int col, double coef) {
                if (size == cols.length) {
                    cols = java.util.Arrays.copyOf(cols, size * 2);
                    coefs = java.util.Arrays.copyOf(coefs, size * 2);
                }
                cols[size] = col;
                coefs[size++] = coef;
            }

            int[] columns() {
                return java.util.Arrays.copyOf(cols, size);
            }

            double[] coefs() {
                return java.util.Arrays.copyOf(coefs, size);
            }
        }
    }

    /**
     * Coincident peaks, for every coincident-peak charge in the terms (ERCOT 4CP, the 12CP what-if, PJM's five-peak
     * capacity obligation): with known peaks, each peak interval's import costs rate / peaks per tag per MW. A minimum
     * billing demand B makes the charge rate x max(tag, B) = rate x tag + rate x max(0, B - tag): an auxiliary z >= 0
     * with z + tag >= B costs rate x z, booked in the window holding the run's last peak (the tag of the peaks before a
     * rolling window is carried in). Under a peak-alert rule every curtailable load and job is off in the alert
     * intervals instead (the charge is then settled on the actual peaks).
     */
    public static final class CoincidentPeakCharges implements FormulationStep {
        @Override
        public String name() {
            return "coincident peaks";
        }

        @Override
        public void apply(ModelContext c) {
            List<ModelData.PeakCharge> charges = c.data.peakCharges();
            for (int p = 0; p < charges.size(); p++) {
                ModelData.PeakCharge pc = charges.get(p);
                io.minerai.dispatch.program.CoincidentPeakCharge charge = pc.charge();
                double perMw = charge.usdPerMwInPeak();
                for (int i = 0; i < c.n; i++) {
                    if (c.importCol[i] >= 0 && charge.isPeak(c.from + i)) {
                        c.b.addObjective(c.importCol[i], -perMw);
                    }
                }
                if (charge.minimumBillingMw() > 0 && pc.lastPeakInterval() >= c.from && pc.lastPeakInterval() < c.to) {
                    minimumBilling(c, charge, c.initial.peakTagMw(p));
                }
            }
            if (c.data.curtailInterval().length == 0) {
                return;
            }
            int loads = c.loads();
            int jobs = c.jobs();
            for (int i = 0; i < c.n; i++) {
                if (!c.dispatched(i) || !c.data.isCurtailed(c.from + i)) {
                    continue;
                }
                for (int l = 0; l < loads; l++) {
                    int x = c.loadCol[i * loads + l];
                    if (x >= 0) {
                        c.b.setBounds(x, 0, 0);
                    }
                }
                for (int j = 0; j < jobs; j++) {
                    int y = c.jobCol[i * jobs + j];
                    if (y >= 0) {
                        c.b.setBounds(y, 0, 0);
                    }
                }
            }
        }

        private static void minimumBilling(
                ModelContext c, io.minerai.dispatch.program.CoincidentPeakCharge charge, double tagBeforeMw) {
            double rhs = charge.minimumBillingMw() - tagBeforeMw;
            if (rhs <= 0) {
                return;
            }
            LpModel.Builder b = c.b;
            int last = c.from + (c.n - 1);
            int z = b.addColumn(
                    b.family("below minimum billing " + charge.program()), last, 0, Double.POSITIVE_INFINITY, 0);
            b.addObjective(z, -charge.usdPerMwOfTag());
            b.beginRow(b.family("minimum billing demand " + charge.program()), last, rhs, Double.POSITIVE_INFINITY);
            b.entry(z, 1);
            for (int i = 0; i < c.n; i++) {
                if (c.importCol[i] >= 0 && charge.isPeak(c.from + i)) {
                    b.entry(c.importCol[i], 1.0 / charge.peaksPerTag());
                }
            }
            b.endRow();
        }
    }

    /**
     * PPA: paying Q x K x h, buying imports beyond Q at p and selling unused contract energy back at p is the same as
     * buying all imports at p plus the constant Q x (p - K) x h, so the PPA adds a constant and leaves decisions alone.
     */
    public static final class PpaTerms implements FormulationStep {
        @Override
        public String name() {
            return "PPA";
        }

        @Override
        public void apply(ModelContext c) {
            if (c.terms.ppa().isEmpty()) {
                return;
            }
            Ppa ppa = c.terms.ppa().get();
            double h = c.hours();
            double s = 0;
            for (int i = 0; i < c.n; i++) {
                if (c.dispatched(i)) {
                    s += ppa.quantityMw() * (c.data.priceUsdPerMwh()[c.from + i] - ppa.priceUsdPerMwh()) * h;
                }
            }
            c.b.addObjectiveOffset(s);
        }
    }

    /**
     * GPU work: deferrable job j earns its value per MWh, and its energy due within its window holds: sum_t y_jt x h =
     * E_j (required) or <= E_j (optional). In a rolling window that ends before the deadline, enough must be done so the
     * rest still fits. Interruptible GPU clouds are curtailable loads (see the objective); firm ones always run.
     */
    public static final class GpuWork implements FormulationStep {
        @Override
        public String name() {
            return "GPU work";
        }

        @Override
        public void apply(ModelContext c) {
            int jobs = c.jobs();
            double h = c.hours();
            LpModel.Builder b = c.b;
            int f = b.family("job energy due");
            for (int j = 0; j < jobs; j++) {
                GpuJob job = c.terms.jobs().get(j);
                int first = SiteTerms.jobFirstInterval(job, c.data.grid());
                int end = SiteTerms.jobEndInterval(job, c.data.grid());
                if (end <= c.from || first >= c.to) {
                    continue;
                }
                double remaining =
                        Math.max(0, job.requiredEnergyMwh() - c.initial.jobDoneMwh()[j]);
                int afterWindow = Math.max(0, end - Math.max(c.to, first));
                double lower = job.required() ? Math.max(0, remaining - job.maxPowerMw() * h * afterWindow) : 0;
                int lastInWindow = Math.min(end, c.to) - 1;
                b.beginRow(f, lastInWindow, lower, remaining);
                for (int i = 0; i < c.n; i++) {
                    int y = c.jobCol[i * jobs + j];
                    if (y >= 0) {
                        b.entry(y, h);
                        b.addObjective(y, job.valueUsdPerMwh() * h);
                    }
                }
                b.endRow();
            }
        }
    }

    /**
     * GPU cap levels and job classes, for each interruptible GPU cloud with cap levels, a training job or an inference
     * commitment (docs/AI_COMPUTE.md). With the curve's K levels of widths w_k and slopes s_k (throughput per power,
     * falling: the curve is concave), block shares 0 <= u_kt <= 1 with x_lt = sum_k w_k u_kt (one level: u_0t = x_lt)
     * give the throughput z_lt = sum_k s_k w_k u_kt, earning z_lt x output per hour x h (concavity makes the LP fill
     * the blocks in order, so z_lt is the curve's throughput at x_lt). Inference with commitment c: shortfall 0 <= f_lt
     * <= c, z_lt + f_lt >= c, costing f_lt x full MW x h x penalty per MWh. Training: the share running is u_0t;
     * pausing is priced by a linear term, d_lt >= u_0,t-1 - u_0t, d_lt >= 0, costing d_lt x the expected pause cost
     * (half a checkpoint interval plus the restart at full output, {@link GpuModel#expectedPauseCostUsd()}); the
     * settlement counts the exact work since the last checkpoint. The first interval of a run has no previous share.
     */
    public static final class GpuCapLevels implements FormulationStep {
        @Override
        public String name() {
            return "GPU cap levels";
        }

        @Override
        public void apply(ModelContext c) {
            int loads = c.loads();
            double h = c.hours();
            LpModel.Builder b = c.b;
            for (int l = 0; l < loads; l++) {
                java.util.Optional<GpuModel> om = c.terms.gpuModels().get(l);
                if (om.isEmpty()) {
                    continue;
                }
                GpuModel m = om.get();
                PowerCapCurve curve = m.levels();
                int k = curve.levels();
                String name = c.terms.loads().get(l).name();
                int fBlock = b.family("cap level " + name);
                int fSplit = b.family("cap levels " + name);
                int fShort = b.family("SLA shortfall " + name);
                int fShortRow = b.family("SLA commitment " + name);
                int fPause = b.family("pause " + name);
                int fPauseRow = b.family("pause cost " + name);
                double rate = m.outputUsdPerHour() * h;
                double committed = m.committedFraction();
                double penalty = m.slaPenaltyUsdPerMwh() * m.cloud().facilityPowerMw() * h;
                double pauseCost = m.expectedPauseCostUsd();
                double prevShare = c.initial.previousFraction()[l];
                int prevCol = -1;
                boolean knownPrev = !Double.isNaN(prevShare);
                if (knownPrev) {
                    prevShare = m.runningShare(prevShare);
                }
                int[] u = new int[k];
                for (int i = 0; i < c.n; i++) {
                    int x = c.loadCol[i * loads + l];
                    if (!c.dispatched(i) || x < 0) {
                        continue;
                    }
                    int t = c.from + i;
                    if (k == 1) {
                        u[0] = x;
                    } else {
                        b.beginRow(fSplit, t, 0, 0);
                        b.entry(x, 1);
                        for (int q = 0; q < k; q++) {
                            u[q] = b.addColumn(fBlock, t, 0, 1, 0);
                            b.entry(u[q], -curve.blockPowerFraction(q));
                        }
                        b.endRow();
                    }
                    for (int q = 0; q < k; q++) {
                        b.addObjective(u[q], rate * curve.blockSlope(q) * curve.blockPowerFraction(q));
                    }
                    if (committed > 0) {
                        int f = b.addColumn(fShort, t, 0, committed, -penalty);
                        b.beginRow(fShortRow, t, committed, Double.POSITIVE_INFINITY);
                        for (int q = 0; q < k; q++) {
                            b.entry(u[q], curve.blockSlope(q) * curve.blockPowerFraction(q));
                        }
                        b.entry(f, 1);
                        b.endRow();
                    }
                    if (pauseCost > 0) {
                        if (prevCol >= 0 || knownPrev) {
                            int d = b.addColumn(fPause, t, 0, Double.POSITIVE_INFINITY, -pauseCost);
                            double rhs = prevCol >= 0 ? 0 : prevShare;
                            b.beginRow(fPauseRow, t, rhs, Double.POSITIVE_INFINITY);
                            b.entry(d, 1);
                            b.entry(u[0], 1);
                            if (prevCol >= 0) {
                                b.entry(prevCol, -1);
                            }
                            b.endRow();
                        }
                        prevCol = u[0];
                    }
                }
            }
        }
    }

    /**
     * Contracted GPU capacity (issue 16): a cloud whose contract holds share c of its power firm runs at x_lt >= c in
     * every interval, except where the contract lets it be curtailed ({@link ContractAllowance}: program events within
     * the year's allowance); there a shortfall 0 <= k_lt <= c with x_lt + k_lt >= c costs k_lt x the service credit
     * per hour of the whole cloud short x h. In a peak-alert interval (which stops curtailable load) the contracted
     * part still runs: x_lt = c.
     */
    public static final class GpuContracts implements FormulationStep {
        @Override
        public String name() {
            return "GPU contracts";
        }

        @Override
        public void apply(ModelContext c) {
            int loads = c.loads();
            double h = c.hours();
            LpModel.Builder b = c.b;
            double[] limit = importLimit(c.data);
            for (int l = 0; l < loads; l++) {
                if (!(c.terms.site().loads().get(l) instanceof GpuCloud g)
                        || !g.contract().present()
                        || g.firm()) {
                    continue;
                }
                double share = g.contract().contractedFraction();
                double perHour = g.contract().creditUsdPerShortfallHour(g.facilityPowerMw(), g.gpuCount());
                boolean[] allowed =
                        ContractAllowance.curtailable(limit, c.data.grid(), c.data.dispatched(), g.contract());
                String name = c.terms.loads().get(l).name();
                int fShort = b.family("contract shortfall " + name);
                int fRow = b.family("contracted capacity " + name);
                for (int i = 0; i < c.n; i++) {
                    int x = c.loadCol[i * loads + l];
                    if (!c.dispatched(i) || x < 0) {
                        continue;
                    }
                    int t = c.from + i;
                    if (!allowed[t]) {
                        b.setBounds(x, share, c.data.isCurtailed(t) ? share : 1);
                    } else {
                        int k = b.addColumn(fShort, t, 0, share, -perHour * h);
                        b.beginRow(fRow, t, share, Double.POSITIVE_INFINITY);
                        b.entry(x, 1);
                        b.entry(k, 1);
                        b.endRow();
                    }
                }
            }
        }

        /** Per interval the lowest import limit of the programs ({@code +inf} outside events); empty for none. */
        static double[] importLimit(ModelData data) {
            if (data.importLimits().isEmpty()) {
                return new double[0];
            }
            double[] m = new double[data.grid().count()];
            java.util.Arrays.fill(m, Double.POSITIVE_INFINITY);
            for (ModelData.ImportLimit il : data.importLimits()) {
                for (int t = 0; t < m.length; t++) {
                    m[t] = Math.min(m[t], il.maxImportMw()[t]);
                }
            }
            return m;
        }
    }

    /**
     * Objective (maximised net, USD): sum_t [ -(p_t + a) m_t h + p_t e_t h + sum_miners x_lt x TH/s after fee x
     * hashprice_t x h / 24 + sum_gpu x_lt x revenue per hour x h ] + firm revenues (firm GPU clouds, colocation rent).
     * Pass-through colocation energy is reimbursed at the interval's average cost, which is not linear; it is settled
     * afterwards and left out of the objective.
     */
    public static final class Objective implements FormulationStep {
        @Override
        public String name() {
            return "objective";
        }

        @Override
        public void apply(ModelContext c) {
            LpModel.Builder b = c.b;
            int loads = c.loads();
            double h = c.hours();
            double adders = c.terms.adderUsdPerMwh();
            List<ColocationLease> leases = c.terms.site().colocationLeases();
            List<GpuCloud> gpus = c.terms.site().gpuClouds();
            double constant = 0;
            for (int i = 0; i < c.n; i++) {
                if (!c.dispatched(i)) {
                    continue;
                }
                int t = c.from + i;
                double p = c.data.priceUsdPerMwh()[t];
                b.addObjective(c.importCol[i], -(p + adders) * h);
                if (c.exportCol[i] >= 0) {
                    b.addObjective(c.exportCol[i], p * h);
                }
                double hp = c.data.hashpriceUsdPerThDay()[t];
                for (int l = 0; l < loads; l++) {
                    int x = c.loadCol[i * loads + l];
                    double perHour = c.terms.minerThPerSAfterFee()[l] * hp / 24.0
                            + c.terms.usdPerHour()[l];
                    if (x >= 0) {
                        b.addObjective(x, perHour * h);
                    } else if (c.terms.firm()[l]) {
                        constant += perHour * h;
                    }
                }
                for (ColocationLease lease : leases) {
                    constant += AiEconomics.colocationRentAccruedUsd(
                            lease.criticalItMw(),
                            lease.priceUsdPerKwMonth(),
                            c.data.grid().start(t),
                            h);
                }
            }
            if (gpus.isEmpty() && leases.isEmpty()) {
                return;
            }
            b.addObjectiveOffset(constant);
        }
    }
}
