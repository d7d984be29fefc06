package io.minerai.solver;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Locates why a model is infeasible: solves an elastic copy in which every row may be violated at a cost of one per
 * unit, and reports the rows that still need violating, grouped by constraint family with their intervals. The result
 * names the family and interval at fault, e.g. "site balance in 2 intervals, first 2024-07-01T20:00Z (short by 3.2)".
 */
public final class Infeasibility {
    private Infeasibility() {}

    /**
     * A row the elastic model had to violate.
     *
     * @param row row index in the original model
     * @param family constraint family
     * @param interval interval index or {@link LpModel#NO_INTERVAL}
     * @param violation by how much (in the row's units)
     */
    public record RowViolation(int row, String family, int interval, double violation) {}

    /** The violated rows, or an empty list when the elastic model could not be solved either. */
    public static List<RowViolation> violatedRows(LpModel m, LpSolver solver) {
        int nr = m.rowCount();
        int nc = m.columnCount();
        LpModel.Builder b = LpModel.builder(nc + 2 * nr, nr, m.nonZeroCount() + 2 * nr);
        for (int j = 0; j < nc; j++) {
            int col = b.addColumn(b.family(m.columnFamily(j)), m.columnInterval(j), m.colLower(j), m.colUpper(j), 0);
            b.setInteger(col, false);
        }
        int slackFamily = b.family("elastic slack");
        int[] slackUp = new int[nr];
        int[] slackDown = new int[nr];
        for (int i = 0; i < nr; i++) {
            slackUp[i] = b.addColumn(slackFamily, m.rowInterval(i), 0, Double.POSITIVE_INFINITY, -1);
            slackDown[i] = b.addColumn(slackFamily, m.rowInterval(i), 0, Double.POSITIVE_INFINITY, -1);
        }
        for (int i = 0; i < nr; i++) {
            b.beginRow(b.family(m.rowFamily(i)), m.rowInterval(i), m.rowLower(i), m.rowUpper(i));
            for (int k = m.rowStart(i); k < m.rowStart(i + 1); k++) {
                b.entry(m.entryColumn(k), m.entryValue(k));
            }
            b.entry(slackUp[i], 1);
            b.entry(slackDown[i], -1);
            b.endRow();
        }
        SolveOutcome o = solver.solve(b.build(), SolveOptions.DEFAULT);
        if (o.solution().isEmpty()) {
            return List.of();
        }
        double[] x = o.solution().get().values();
        List<RowViolation> out = new ArrayList<>();
        for (int i = 0; i < nr; i++) {
            double v = x[slackUp[i]] + x[slackDown[i]];
            if (v > 1e-6) {
                out.add(new RowViolation(i, m.rowFamily(i), m.rowInterval(i), v));
            }
        }
        return out;
    }

    /**
     * A message naming each violated family, how many intervals it fails in and the first of them.
     *
     * @param intervalLabel turns an interval index into text (e.g. its UTC start)
     */
    public static String describe(List<RowViolation> rows, IntFunction<String> intervalLabel) {
        if (rows.isEmpty()) {
            return "the constraints contradict each other (the backend could not locate where)";
        }
        Map<String, List<RowViolation>> byFamily = new LinkedHashMap<>();
        for (RowViolation r : rows) {
            byFamily.computeIfAbsent(r.family(), k -> new ArrayList<>()).add(r);
        }
        List<String> parts = new ArrayList<>();
        byFamily.forEach((family, list) -> {
            RowViolation first = list.get(0);
            String where = first.interval() == LpModel.NO_INTERVAL
                    ? ""
                    : String.format(
                            Locale.ROOT,
                            " in %d interval%s, first %s",
                            list.size(),
                            list.size() == 1 ? "" : "s",
                            intervalLabel.apply(first.interval()));
            parts.add(String.format(
                    Locale.ROOT, "constraint '%s' cannot hold%s (short by %.4g)", family, where, first.violation()));
        });
        return String.join("; ", parts);
    }
}
