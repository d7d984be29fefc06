package io.minerai.data.csv;

import de.siegmar.fastcsv.reader.CsvRecord;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/**
 * One data line of a CSV file with typed accessors. Every parse failure is recorded in the file's problems with file,
 * line and column, and the accessor returns a neutral value ({@code NaN}, {@link Integer#MIN_VALUE} or {@code null}
 * documented per method) so the reader can go on and report every problem of the file.
 */
public final class CsvRow {
    private final CsvHeader header;
    private final CsvRecord record;
    private final FileProblems problems;

    CsvRow(CsvHeader header, CsvRecord record, FileProblems problems) {
        this.header = header;
        this.record = record;
        this.problems = problems;
    }

    /** Line number in the file, 1-based (the header is line 1). */
    public long line() {
        return record.getStartingLineNumber();
    }

    public FileProblems problems() {
        return problems;
    }

    /** Column name for messages. */
    public String columnName(int col) {
        return col < header.size() ? header.names().get(col).strip() : "column " + (col + 1);
    }

    /** The raw text of a cell, stripped; empty when the line is shorter. */
    public String text(int col) {
        return col < record.getFieldCount() ? record.getField(col).strip() : "";
    }

    public boolean isBlank(int col) {
        return text(col).isEmpty();
    }

    /** Records a problem at this line and column. */
    public void problem(int col, String message) {
        problems.at(line(), columnName(col), message);
    }

    /** Records a problem with the whole line. */
    public void lineProblem(String message) {
        problems.atLine(line(), message);
    }

    /**
     * A decimal number; {@code NaN} when the cell is empty (missing, not an error) or malformed (a problem is recorded).
     */
    public double numberOrNaN(int col) {
        String s = text(col);
        if (s.isEmpty()) {
            return Double.NaN;
        }
        double v = parseDecimal(s);
        if (Double.isNaN(v)) {
            problem(col, "not a number: '" + s + "'");
        }
        return v;
    }

    /**
     * {@code value} (read from {@code col}) when it lies in {@code [min, max]}; otherwise {@code NaN} with a problem
     * recorded. {@code NaN} passes through (already missing or reported).
     */
    public double within(int col, double value, double min, double max, String unit) {
        if (!Double.isNaN(value) && (value < min || value > max)) {
            problem(
                    col,
                    "must be " + fmt(min) + " .. " + fmt(max) + (unit.isEmpty() ? "" : " " + unit) + ", was "
                            + text(col));
            return Double.NaN;
        }
        return value;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** A required decimal number; {@code NaN} with a problem recorded when empty or malformed. */
    public double requiredNumber(int col) {
        if (isBlank(col)) {
            problem(col, "empty; a number is required");
            return Double.NaN;
        }
        return numberOrNaN(col);
    }

    /** A required integer; {@link Integer#MIN_VALUE} with a problem recorded when empty or malformed. */
    public int requiredInt(int col) {
        String s = text(col);
        if (s.isEmpty()) {
            problem(col, "empty; a whole number is required");
            return Integer.MIN_VALUE;
        }
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            problem(col, "not a whole number: '" + s + "'");
            return Integer.MIN_VALUE;
        }
    }

    /** A required date in the given format; {@code null} with a problem recorded when empty or malformed. */
    public @Nullable LocalDate requiredDate(int col, DateTimeFormatter format, String pattern) {
        String s = text(col);
        if (s.isEmpty()) {
            problem(col, "empty; a date " + pattern + " is required");
            return null;
        }
        try {
            return LocalDate.parse(s, format);
        } catch (DateTimeParseException e) {
            problem(col, "not a valid date " + pattern + ": '" + s + "'");
            return null;
        }
    }

    /**
     * Parses a plain decimal ({@code -12.5}, {@code 1e3}, {@code 554813968.8209385165149}); {@code NaN} for anything
     * else, including {@code NaN}, {@code Infinity} and Java suffixes such as {@code 1d}.
     */
    public static double parseDecimal(String s) {
        if (s.isEmpty()) {
            return Double.NaN;
        }
        char last = s.charAt(s.length() - 1);
        if (!(last >= '0' && last <= '9') && last != '.') {
            return Double.NaN;
        }
        char first = s.charAt(0);
        if (!(first >= '0' && first <= '9') && first != '-' && first != '+' && first != '.') {
            return Double.NaN;
        }
        try {
            double v = Double.parseDouble(s);
            return Double.isFinite(v) ? v : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
