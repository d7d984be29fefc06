package io.minerai.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link LpSolver} passes: hand-checked LPs and MILPs, typed outcomes for infeasible, unbounded,
 * badly scaled and not-a-number models, and agreement with a feasible point on random LPs.
 */
abstract class LpSolverContract {

    abstract LpSolver solver();

    /** Absolute tolerance on objectives of the hand-checked models (first-order methods are less exact). */
    double tolerance() {
        return 1e-6;
    }

    static LpModel twoVariableLp() {
        // max 3x + 2y + 5  s.t.  x + y <= 4,  x + 3y <= 6,  0 <= x <= 3,  y >= 0   ->  x = 3, y = 1, objective 16
        LpModel.Builder b = LpModel.builder();
        int f = b.family("x");
        int x = b.addColumn(f, 0, 0, 3, 3);
        int y = b.addColumn(f, 1, 0, Double.POSITIVE_INFINITY, 2);
        int r = b.family("capacity");
        b.beginRow(r, 0, Double.NEGATIVE_INFINITY, 4);
        b.entry(x, 1).entry(y, 1);
        b.endRow();
        b.beginRow(r, 1, Double.NEGATIVE_INFINITY, 6);
        b.entry(x, 1).entry(y, 3);
        b.endRow();
        b.addObjectiveOffset(5);
        return b.build();
    }

    @Test
    void solvesAHandCheckedLp() {
        SolveOutcome o = solver().solve(twoVariableLp(), SolveOptions.DEFAULT);
        assertThat(o).isInstanceOf(SolveOutcome.Optimal.class);
        Solution s = o.solution().orElseThrow();
        assertThat(s.value(0)).isCloseTo(3, within(tolerance()));
        assertThat(s.value(1)).isCloseTo(1, within(tolerance()));
        assertThat(s.objectiveValue()).isCloseTo(16, within(tolerance()));
    }

    @Test
    void honoursEqualitiesAndNegativeBounds() {
        // max -x - y  s.t.  x - y = 2,  -5 <= x <= 5,  -1 <= y <= 10   ->  y = -1, x = 1, objective 0
        LpModel.Builder b = LpModel.builder();
        int f = b.family("v");
        int x = b.addColumn(f, LpModel.NO_INTERVAL, -5, 5, -1);
        int y = b.addColumn(f, LpModel.NO_INTERVAL, -1, 10, -1);
        b.beginRow(b.family("eq"), LpModel.NO_INTERVAL, 2, 2);
        b.entry(x, 1).entry(y, -1);
        b.endRow();
        Solution s = solver().solve(b.build(), SolveOptions.DEFAULT).solution().orElseThrow();
        assertThat(s.value(0)).isCloseTo(1, within(tolerance()));
        assertThat(s.value(1)).isCloseTo(-1, within(tolerance()));
        assertThat(s.objectiveValue()).isCloseTo(0, within(tolerance()));
    }

    @Test
    void solvesAKnapsackWhenIntegersAreSupported() {
        if (!solver().supportsIntegers()) {
            return;
        }
        // weights 2, 3, 1; values 5, 4, 3; capacity 5; binary -> a + b, value 9 (the LP relaxation gives 10.67)
        LpModel.Builder b = LpModel.builder();
        int f = b.family("take");
        int a = b.addColumn(f, 0, 0, 1, 5);
        int bb = b.addColumn(f, 1, 0, 1, 4);
        int c = b.addColumn(f, 2, 0, 1, 3);
        for (int j = 0; j < 3; j++) {
            b.setInteger(j, true);
        }
        b.beginRow(b.family("weight"), LpModel.NO_INTERVAL, Double.NEGATIVE_INFINITY, 5);
        b.entry(a, 2).entry(bb, 3).entry(c, 1);
        b.endRow();
        SolveOutcome o = solver().solve(b.build(), SolveOptions.DEFAULT);
        assertThat(o).isInstanceOf(SolveOutcome.Optimal.class);
        assertThat(o.solution().orElseThrow().objectiveValue()).isCloseTo(9, within(1e-6));
    }

    @Test
    void rejectsIntegersWhenUnsupported() {
        if (solver().supportsIntegers()) {
            return;
        }
        LpModel.Builder b = LpModel.builder();
        int x = b.addColumn(b.family("n"), 0, 0, 3, 1);
        b.setInteger(x, true);
        assertThat(solver().solve(b.build(), SolveOptions.DEFAULT)).isInstanceOf(SolveOutcome.Failed.class);
    }

    @Test
    void reportsInfeasibleModels() {
        LpModel.Builder b = LpModel.builder();
        int x = b.addColumn(b.family("x"), 0, 0, 3, 1);
        b.beginRow(b.family("need"), 7, 5, Double.POSITIVE_INFINITY);
        b.entry(x, 1);
        b.endRow();
        LpModel m = b.build();
        SolveOutcome o = solver().solve(m, SolveOptions.DEFAULT);
        assertThat(o).isInstanceOf(SolveOutcome.Infeasible.class);
        var rows = Infeasibility.violatedRows(m, solver());
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.family()).isEqualTo("need");
            assertThat(r.interval()).isEqualTo(7);
            assertThat(r.violation()).isCloseTo(2, within(1e-4));
        });
        assertThat(Infeasibility.describe(rows, i -> "t" + i))
                .contains("'need'")
                .contains("first t7");
    }

    @Test
    void reportsUnboundedModels() {
        LpModel.Builder b = LpModel.builder();
        int x = b.addColumn(b.family("x"), 0, 0, Double.POSITIVE_INFINITY, 1);
        b.beginRow(b.family("r"), 0, 1, Double.POSITIVE_INFINITY);
        b.entry(x, 1);
        b.endRow();
        SolveOutcome o = solver().solve(b.build(), SolveOptions.DEFAULT);
        assertThat(o).isInstanceOfAny(SolveOutcome.Unbounded.class, SolveOutcome.Failed.class);
        assertThat(o.solution()).isEmpty();
    }

    @Test
    void rejectsBadlyScaledAndNotANumberModelsNamingFamilyAndInterval() {
        LpModel.Builder b = LpModel.builder();
        int x = b.addColumn(b.family("import"), 3, 0, 10, 1);
        b.beginRow(b.family("site balance"), 3, 0, 5);
        b.entry(x, 1e13);
        b.endRow();
        SolveOutcome o = solver().solve(b.build(), SolveOptions.DEFAULT);
        assertThat(o).isInstanceOf(SolveOutcome.Failed.class);
        assertThat(o.describe()).contains("badly scaled").contains("site balance[3]");

        LpModel.Builder n = LpModel.builder();
        n.addColumn(n.family("mining"), 9, 0, 1, Double.NaN);
        SolveOutcome o2 = solver().solve(n.build(), SolveOptions.DEFAULT);
        assertThat(o2).isInstanceOf(SolveOutcome.Failed.class);
        assertThat(o2.describe()).contains("mining[9]").contains("not a number");
    }

    @Test
    void randomFeasibleLpsGiveFeasiblePointsAtLeastAsGoodAsAKnownOne() {
        SplittableRandom rnd = new SplittableRandom(42);
        for (int trial = 0; trial < 20; trial++) {
            int n = 2 + rnd.nextInt(6);
            int rows = 1 + rnd.nextInt(5);
            // x0 in the box is feasible by construction: rows are built around it
            double[] x0 = new double[n];
            LpModel.Builder b = LpModel.builder();
            int f = b.family("x");
            for (int j = 0; j < n; j++) {
                x0[j] = rnd.nextDouble(0, 5);
                b.addColumn(f, j, 0, 10, rnd.nextDouble(-3, 3));
            }
            for (int i = 0; i < rows; i++) {
                double[] a = new double[n];
                double act = 0;
                for (int j = 0; j < n; j++) {
                    a[j] = rnd.nextDouble(-2, 2);
                    act += a[j] * x0[j];
                }
                b.beginRow(b.family("r"), i, act - rnd.nextDouble(0, 3), act + rnd.nextDouble(0, 3));
                for (int j = 0; j < n; j++) {
                    b.entry(j, a[j]);
                }
                b.endRow();
            }
            LpModel m = b.build();
            SolveOutcome o = solver().solve(m, SolveOptions.DEFAULT);
            assertThat(o).as("trial %d", trial).isInstanceOf(SolveOutcome.Optimal.class);
            Solution s = o.solution().orElseThrow();
            assertThat(m.maxViolation(s.values())).as("trial %d", trial).isLessThan(1e-5);
            assertThat(s.objectiveValue()).isGreaterThanOrEqualTo(m.objectiveValue(x0) - 1e-6);
            assertThat(s.objectiveValue()).isCloseTo(m.objectiveValue(s.values()), within(1e-4));
        }
    }
}
