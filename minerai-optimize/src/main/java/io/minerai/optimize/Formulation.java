package io.minerai.optimize;

import io.minerai.solver.LpModel;
import io.minerai.solver.Solution;
import java.util.List;

/** Builds the model of a window of intervals by running the named steps in order, and reads solutions back. */
public final class Formulation {
    private final List<FormulationStep> steps;

    public Formulation(List<FormulationStep> steps) {
        this.steps = List.copyOf(steps);
    }

    /** Every step. */
    public static Formulation full() {
        return new Formulation(Steps.all());
    }

    public List<FormulationStep> steps() {
        return steps;
    }

    /** Builds the model of intervals {@code [from, to)}. */
    public Built build(ModelData data, SiteTerms terms, int from, int to, InitialState initial) {
        ModelContext c = new ModelContext(data, terms, from, to, initial);
        for (FormulationStep s : steps) {
            s.apply(c);
        }
        return new Built(c.b.build(), c);
    }

    /** Builds the model of the whole grid from a free start. */
    public Built build(ModelData data, SiteTerms terms) {
        return build(
                data,
                terms,
                0,
                data.grid().count(),
                InitialState.free(
                        terms.loadCount(),
                        terms.jobs().size(),
                        data.peakCharges().size()));
    }

    /**
     * A built model and the column layout needed to read its solution.
     *
     * @param model the LP/MILP
     * @param context the layout
     */
    public record Built(LpModel model, ModelContext context) {

        /** Writes the solution's decisions for the window into full-grid arrays. */
        public void read(Solution s, DispatchArrays out) {
            ModelContext c = context;
            int loads = c.loads();
            int jobs = c.jobs();
            int products = c.data.reserves().size();
            double[] x = s.values();
            for (int i = 0; i < c.n; i++) {
                int t = c.from + i;
                if (!c.dispatched(i)) {
                    continue;
                }
                out.dispatched[t] = true;
                out.generationMw[t] = c.data.generationMw()[t];
                out.importMw[t] = clamp(x[c.importCol[i]], 0, c.terms.importCapMw());
                out.exportMw[t] = c.exportCol[i] >= 0 ? Math.max(0, x[c.exportCol[i]]) : 0;
                out.spillMw[t] = c.spillCol[i] >= 0 ? Math.max(0, x[c.spillCol[i]]) : 0;
                for (int l = 0; l < loads; l++) {
                    int col = c.loadCol[i * loads + l];
                    out.runFraction[t * loads + l] =
                            col >= 0 ? clamp(x[col], 0, 1) : (c.terms.firm()[l] ? 1 : 0);
                }
                for (int j = 0; j < jobs; j++) {
                    int col = c.jobCol[i * jobs + j];
                    out.jobMw[t * jobs + j] = col >= 0 ? Math.max(0, x[col]) : 0;
                }
                for (int k = 0; k < products; k++) {
                    out.reserveMw[t * products + k] = Math.max(0, c.reserveMw(x, i, k));
                }
            }
        }

        /** The state after the last interval of {@code [from, upTo)} for the next window. */
        public InitialState stateAfter(Solution s, int upTo, InitialState start) {
            ModelContext c = context;
            int loads = c.loads();
            double[] x = s.values();
            double[] frac = start.previousFraction().clone();
            int[] blocks = start.previousBlocks().clone();
            double[] done = start.jobDoneMwh().clone();
            double[] tags = start.peakTagMw().clone();
            int last = upTo - 1 - c.from;
            if (last >= 0 && last < c.n && c.dispatched(last)) {
                for (int l = 0; l < loads; l++) {
                    int col = c.loadCol[last * loads + l];
                    frac[l] = col >= 0 ? x[col] : Double.NaN;
                    int bc = c.blockCol.length > 0 ? c.blockCol[last * loads + l] : -1;
                    blocks[l] = bc >= 0 ? (int) Math.round(x[bc]) : -1;
                }
            }
            for (int j = 0; j < c.jobs(); j++) {
                for (int i = 0; i < Math.min(c.n, upTo - c.from); i++) {
                    int col = c.jobCol[i * c.jobs() + j];
                    if (col >= 0) {
                        done[j] += x[col] * c.hours();
                    }
                }
            }
            for (int p = 0; p < tags.length && p < c.data.peakCharges().size(); p++) {
                var charge = c.data.peakCharges().get(p).charge();
                for (int i = 0; i < Math.min(c.n, upTo - c.from); i++) {
                    if (c.importCol[i] >= 0 && charge.isPeak(c.from + i)) {
                        tags[p] += Math.max(0, x[c.importCol[i]]) / charge.peaksPerTag();
                    }
                }
            }
            return new InitialState(frac, blocks, done, tags);
        }

        private static double clamp(double v, double lo, double hi) {
            return v < lo ? lo : (v > hi ? hi : v);
        }
    }
}
