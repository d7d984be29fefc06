package io.minerai.solver;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A linear (or mixed-integer) program on flat arrays, always maximised: {@code max c·x + offset} subject to {@code
 * rowLower <= A x <= rowUpper}, {@code colLower <= x <= colUpper}, some columns integer. The matrix is stored row by
 * row (compressed sparse rows), so building a model with a hundred thousand columns allocates a handful of arrays, not
 * one object per variable.
 *
 * <p>Every column and row carries a family (e.g. "import", "site balance") and an interval index, so messages about a
 * model can say which constraint family in which interval is at fault. Immutable once built; arrays are owned by the
 * model and must not be modified.
 */
public final class LpModel {
    /** Interval index of rows and columns that belong to no interval. */
    public static final int NO_INTERVAL = -1;

    private final List<String> families;
    private final double[] colLower;
    private final double[] colUpper;
    private final double[] objective;
    private final boolean[] integer;
    private final int[] colFamily;
    private final int[] colInterval;
    private final double[] rowLower;
    private final double[] rowUpper;
    private final int[] rowStart;
    private final int[] colIndex;
    private final double[] value;
    private final int[] rowFamily;
    private final int[] rowInterval;
    private final double objectiveOffset;

    private LpModel(LpModel m, double[] colLower, double[] colUpper) {
        this.families = m.families;
        this.colLower = colLower;
        this.colUpper = colUpper;
        this.objective = m.objective;
        this.integer = m.integer;
        this.colFamily = m.colFamily;
        this.colInterval = m.colInterval;
        this.rowLower = m.rowLower;
        this.rowUpper = m.rowUpper;
        this.rowStart = m.rowStart;
        this.colIndex = m.colIndex;
        this.value = m.value;
        this.rowFamily = m.rowFamily;
        this.rowInterval = m.rowInterval;
        this.objectiveOffset = m.objectiveOffset;
    }

    /** The same model with other column bounds (arrays are copied). */
    public LpModel withColumnBounds(double[] lower, double[] upper) {
        if (lower.length != colLower.length || upper.length != colUpper.length) {
            throw new IllegalArgumentException("bounds for " + lower.length + " columns, model has " + colLower.length);
        }
        return new LpModel(this, lower.clone(), upper.clone());
    }

    private LpModel(Builder b) {
        this.families = List.copyOf(b.families);
        int nc = b.cols;
        int nr = b.rows;
        int nz = b.nz;
        this.colLower = Arrays.copyOf(b.colLower, nc);
        this.colUpper = Arrays.copyOf(b.colUpper, nc);
        this.objective = Arrays.copyOf(b.objective, nc);
        this.integer = Arrays.copyOf(b.integer, nc);
        this.colFamily = Arrays.copyOf(b.colFamily, nc);
        this.colInterval = Arrays.copyOf(b.colInterval, nc);
        this.rowLower = Arrays.copyOf(b.rowLower, nr);
        this.rowUpper = Arrays.copyOf(b.rowUpper, nr);
        this.rowStart = Arrays.copyOf(b.rowStart, nr + 1);
        this.rowStart[nr] = nz;
        this.colIndex = Arrays.copyOf(b.colIndex, nz);
        this.value = Arrays.copyOf(b.value, nz);
        this.rowFamily = Arrays.copyOf(b.rowFamily, nr);
        this.rowInterval = Arrays.copyOf(b.rowInterval, nr);
        this.objectiveOffset = b.objectiveOffset;
    }

    public static Builder builder() {
        return new Builder(1024, 1024, 4096);
    }

    /** A builder with room reserved for about the given sizes (it grows as needed). */
    public static Builder builder(int colsHint, int rowsHint, int nonZerosHint) {
        return new Builder(colsHint, rowsHint, nonZerosHint);
    }

    public int columnCount() {
        return colLower.length;
    }

    public int rowCount() {
        return rowLower.length;
    }

    public int nonZeroCount() {
        return value.length;
    }

    public double colLower(int j) {
        return colLower[j];
    }

    public double colUpper(int j) {
        return colUpper[j];
    }

    public double objective(int j) {
        return objective[j];
    }

    public boolean isInteger(int j) {
        return integer[j];
    }

    public boolean hasIntegers() {
        for (boolean b : integer) {
            if (b) {
                return true;
            }
        }
        return false;
    }

    public double rowLower(int i) {
        return rowLower[i];
    }

    public double rowUpper(int i) {
        return rowUpper[i];
    }

    /** First entry of row {@code i} in {@link #entryColumn}/{@link #entryValue}; the row ends at {@code rowStart(i+1)}. */
    public int rowStart(int i) {
        return rowStart[i];
    }

    public int entryColumn(int k) {
        return colIndex[k];
    }

    public double entryValue(int k) {
        return value[k];
    }

    public double objectiveOffset() {
        return objectiveOffset;
    }

    public String rowFamily(int i) {
        return families.get(rowFamily[i]);
    }

    public int rowInterval(int i) {
        return rowInterval[i];
    }

    public String columnFamily(int j) {
        return families.get(colFamily[j]);
    }

    public int columnInterval(int j) {
        return colInterval[j];
    }

    /** "family" or "family[interval]" of a row, for messages. */
    public String rowLabel(int i) {
        return label(rowFamily(i), rowInterval[i]);
    }

    /** "family" or "family[interval]" of a column, for messages. */
    public String columnLabel(int j) {
        return label(columnFamily(j), colInterval[j]);
    }

    private static String label(String family, int interval) {
        return interval == NO_INTERVAL ? family : family + "[" + interval + "]";
    }

    /** Objective value of a point, including the offset. */
    public double objectiveValue(double[] x) {
        double s = objectiveOffset;
        for (int j = 0; j < x.length; j++) {
            s += objective[j] * x[j];
        }
        return s;
    }

    /** Activity {@code A_i · x} of row {@code i}. */
    public double rowActivity(int i, double[] x) {
        double s = 0;
        for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
            s += value[k] * x[colIndex[k]];
        }
        return s;
    }

    /**
     * The largest violation of any bound or row by a point, scaled by {@code 1 + |bound|}; 0 when feasible. Used by
     * tests and as a guard against solver tolerances.
     */
    public double maxViolation(double[] x) {
        double worst = 0;
        for (int j = 0; j < colLower.length; j++) {
            worst = Math.max(worst, (colLower[j] - x[j]) / (1 + Math.abs(colLower[j])));
            worst = Math.max(worst, (x[j] - colUpper[j]) / (1 + Math.abs(colUpper[j])));
        }
        for (int i = 0; i < rowLower.length; i++) {
            double a = rowActivity(i, x);
            worst = Math.max(worst, (rowLower[i] - a) / (1 + Math.abs(rowLower[i])));
            worst = Math.max(worst, (a - rowUpper[i]) / (1 + Math.abs(rowUpper[i])));
        }
        return worst;
    }

    /** Grows flat arrays as columns, rows and entries are added. Not thread-safe. */
    public static final class Builder {
        private final List<String> families = new ArrayList<>();
        private final java.util.Map<String, Integer> familyIndex = new java.util.HashMap<>();
        private int cols;
        private int rows;
        private int nz;
        private double[] colLower;
        private double[] colUpper;
        private double[] objective;
        private boolean[] integer;
        private int[] colFamily;
        private int[] colInterval;
        private double[] rowLower;
        private double[] rowUpper;
        private int[] rowStart;
        private int[] rowFamily;
        private int[] rowInterval;
        private int[] colIndex;
        private double[] value;
        private double objectiveOffset;
        private boolean rowOpen;

        private Builder(int c, int r, int z) {
            colLower = new double[Math.max(c, 16)];
            colUpper = new double[colLower.length];
            objective = new double[colLower.length];
            integer = new boolean[colLower.length];
            colFamily = new int[colLower.length];
            colInterval = new int[colLower.length];
            rowLower = new double[Math.max(r, 16)];
            rowUpper = new double[rowLower.length];
            rowStart = new int[rowLower.length + 1];
            rowFamily = new int[rowLower.length];
            rowInterval = new int[rowLower.length];
            colIndex = new int[Math.max(z, 16)];
            value = new double[colIndex.length];
        }

        /** Index of a family name, registering it on first use. */
        public int family(String name) {
            Integer k = familyIndex.get(name);
            if (k != null) {
                return k;
            }
            families.add(name);
            familyIndex.put(name, families.size() - 1);
            return families.size() - 1;
        }

        public int columnCount() {
            return cols;
        }

        public int rowCount() {
            return rows;
        }

        /**
         * Adds one column.
         *
         * @return its index
         */
        public int addColumn(int family, int interval, double lower, double upper, double objectiveCoef) {
            if (cols == colLower.length) {
                int n = cols * 2;
                colLower = Arrays.copyOf(colLower, n);
                colUpper = Arrays.copyOf(colUpper, n);
                objective = Arrays.copyOf(objective, n);
                integer = Arrays.copyOf(integer, n);
                colFamily = Arrays.copyOf(colFamily, n);
                colInterval = Arrays.copyOf(colInterval, n);
            }
            colLower[cols] = lower;
            colUpper[cols] = upper;
            objective[cols] = objectiveCoef;
            colFamily[cols] = family;
            colInterval[cols] = interval;
            return cols++;
        }

        public void setInteger(int col, boolean isInteger) {
            integer[col] = isInteger;
        }

        public void setBounds(int col, double lower, double upper) {
            colLower[col] = lower;
            colUpper[col] = upper;
        }

        public double colLower(int col) {
            return colLower[col];
        }

        public double colUpper(int col) {
            return colUpper[col];
        }

        public void addObjective(int col, double coef) {
            objective[col] += coef;
        }

        public void addObjectiveOffset(double v) {
            objectiveOffset += v;
        }

        /**
         * Opens a row {@code lower <= sum <= upper}; add its entries with {@link #entry}, then {@link #endRow}.
         *
         * @return its index
         */
        public int beginRow(int family, int interval, double lower, double upper) {
            if (rowOpen) {
                throw new IllegalStateException("row " + (rows - 1) + " is still open");
            }
            if (rows == rowLower.length) {
                int n = rows * 2;
                rowLower = Arrays.copyOf(rowLower, n);
                rowUpper = Arrays.copyOf(rowUpper, n);
                rowStart = Arrays.copyOf(rowStart, n + 1);
                rowFamily = Arrays.copyOf(rowFamily, n);
                rowInterval = Arrays.copyOf(rowInterval, n);
            }
            rowLower[rows] = lower;
            rowUpper[rows] = upper;
            rowStart[rows] = nz;
            rowFamily[rows] = family;
            rowInterval[rows] = interval;
            rowOpen = true;
            return rows++;
        }

        /** Adds {@code coef x col} to the open row (zero coefficients are dropped). */
        public Builder entry(int col, double coef) {
            if (!rowOpen) {
                throw new IllegalStateException("no open row");
            }
            if (coef == 0) {
                return this;
            }
            if (nz == colIndex.length) {
                int n = nz * 2;
                colIndex = Arrays.copyOf(colIndex, n);
                value = Arrays.copyOf(value, n);
            }
            colIndex[nz] = col;
            value[nz] = coef;
            nz++;
            return this;
        }

        public void endRow() {
            rowOpen = false;
        }

        public LpModel build() {
            if (rowOpen) {
                throw new IllegalStateException("row " + (rows - 1) + " is still open");
            }
            return new LpModel(this);
        }
    }
}
