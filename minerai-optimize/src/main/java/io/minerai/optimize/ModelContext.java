package io.minerai.optimize;

import io.minerai.solver.LpModel;
import java.util.Arrays;

/**
 * The model under construction for intervals {@code [from, to)} of the run's grid, with the column indices every step
 * shares. Local index {@code i = t - from}; {@code -1} marks a column that does not exist (a firm load, an interval
 * that is skipped or outside a job's window).
 */
public final class ModelContext {
    final LpModel.Builder b;
    final ModelData data;
    final SiteTerms terms;
    final int from;
    final int to;
    final int n;
    final InitialState initial;

    /** Per local interval: grid import column. */
    final int[] importCol;
    /** Per local interval: export column or -1. */
    final int[] exportCol;
    /** Per local interval: spill column or -1. */
    final int[] spillCol;
    /** Per local interval and load ({@code i * L + l}): running-fraction column or -1. */
    final int[] loadCol;
    /** Per local interval and job ({@code i * J + j}): job power column (MW) or -1. */
    final int[] jobCol;
    /**
     * Reserve offers of product k in local interval i, as columns with coefficients: the MW offered is the sum of
     * coefficient x column over entries {@code reserveStart[i * K + k] .. reserveStart[i * K + k + 1] - 1} of {@code
     * reserveColumn} and {@code reserveCoef} (one shared column with each product's share when the offer is reduced
     * exactly, one column per product, or one per product and load).
     */
    int[] reserveStart = new int[1];

    int[] reserveColumn = new int[0];
    double[] reserveCoef = new double[0];
    /** Per local interval and load: running-blocks column (integer) or -1. */
    int[] blockCol = new int[0];

    ModelContext(ModelData data, SiteTerms terms, int from, int to, InitialState initial) {
        this.data = data;
        this.terms = terms;
        this.from = from;
        this.to = to;
        this.n = to - from;
        this.initial = initial;
        int loads = terms.loadCount();
        int width = 3 + loads + terms.jobs().size() + data.reserves().size();
        this.b = LpModel.builder(n * width, n * 3, n * width * 2);
        this.importCol = filled(n);
        this.exportCol = filled(n);
        this.spillCol = filled(n);
        this.loadCol = filled(n * loads);
        this.jobCol = filled(n * terms.jobs().size());
    }

    static int[] filled(int size) {
        int[] a = new int[size];
        Arrays.fill(a, -1);
        return a;
    }

    public ModelData data() {
        return data;
    }

    public SiteTerms terms() {
        return terms;
    }

    public int from() {
        return from;
    }

    public int to() {
        return to;
    }

    public LpModel.Builder builder() {
        return b;
    }

    int loads() {
        return terms.loadCount();
    }

    int jobs() {
        return terms.jobs().size();
    }

    /** MW of product {@code k} offered in local interval {@code i} by solution values {@code x}. */
    double reserveMw(double[] x, int i, int k) {
        int products = data.reserves().size();
        double s = 0;
        for (int e = reserveStart[i * products + k]; e < reserveStart[i * products + k + 1]; e++) {
            s += reserveCoef[e] * x[reserveColumn[e]];
        }
        return s;
    }

    boolean dispatched(int i) {
        return data.dispatched()[from + i];
    }

    double hours() {
        return data.stepHours();
    }
}
