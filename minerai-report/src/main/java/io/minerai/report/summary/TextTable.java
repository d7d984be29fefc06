package io.minerai.report.summary;

import java.util.ArrayList;
import java.util.List;

/**
 * A small table of already-formatted cells, rendered as aligned plain text or (by the HTML report) as an HTML table.
 * The first column is a label column; the others align as given.
 *
 * @param title table title
 * @param headers column headers, units included
 * @param numeric per column: true to right-align (numbers), false to left-align
 * @param rows cells, one list per row, as many cells as headers
 * @param emphasis per row: true for total rows (rendered bold in HTML, after a rule in text)
 * @param notes footnotes printed under the table
 */
public record TextTable(
        String title,
        List<String> headers,
        List<Boolean> numeric,
        List<List<String>> rows,
        List<Boolean> emphasis,
        List<String> notes) {

    public TextTable {
        headers = List.copyOf(headers);
        numeric = List.copyOf(numeric);
        rows = rows.stream().map(List::copyOf).toList();
        emphasis = List.copyOf(emphasis);
        notes = List.copyOf(notes);
        if (numeric.size() != headers.size()) {
            throw new IllegalArgumentException(
                    title + ": " + numeric.size() + " alignments for " + headers.size() + " columns");
        }
        if (emphasis.size() != rows.size()) {
            throw new IllegalArgumentException(title + ": emphasis flags do not match the rows");
        }
        for (List<String> r : rows) {
            if (r.size() != headers.size()) {
                throw new IllegalArgumentException(
                        title + ": row " + r + " has " + r.size() + " cells, expected " + headers.size());
            }
        }
    }

    /** A builder for a table with these headers; the first column left-aligned, the rest right-aligned. */
    public static Builder builder(String title, String... headers) {
        return new Builder(title, List.of(headers));
    }

    /** Aligned plain text: title, header, a rule, rows (totals after a rule), notes. Ends with a newline. */
    public String render() {
        int n = headers.size();
        int[] width = new int[n];
        for (int c = 0; c < n; c++) {
            width[c] = headers.get(c).length();
            for (List<String> r : rows) {
                width[c] = Math.max(width[c], r.get(c).length());
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append(title).append('\n');
        appendRow(sb, headers, width);
        int total = 0;
        for (int w : width) {
            total += w;
        }
        total += 2 * (n - 1) + 2;
        String rule = "  " + "-".repeat(Math.max(0, total - 2)) + "\n";
        sb.append(rule);
        for (int i = 0; i < rows.size(); i++) {
            if (emphasis.get(i) && i > 0 && !emphasis.get(i - 1)) {
                sb.append(rule);
            }
            appendRow(sb, rows.get(i), width);
        }
        for (String note : notes) {
            sb.append("  ").append(note).append('\n');
        }
        return sb.toString();
    }

    private void appendRow(StringBuilder sb, List<String> cells, int[] width) {
        StringBuilder line = new StringBuilder("  ");
        for (int c = 0; c < cells.size(); c++) {
            if (c > 0) {
                line.append("  ");
            }
            String cell = cells.get(c);
            String pad = " ".repeat(width[c] - cell.length());
            if (numeric.get(c)) {
                line.append(pad).append(cell);
            } else {
                line.append(cell).append(pad);
            }
        }
        int end = line.length();
        while (end > 0 && line.charAt(end - 1) == ' ') {
            end--;
        }
        line.setLength(end);
        sb.append(line).append('\n');
    }

    /** Collects rows. */
    public static final class Builder {
        private final String title;
        private final List<String> headers;
        private final List<Boolean> numeric = new ArrayList<>();
        private final List<List<String>> rows = new ArrayList<>();
        private final List<Boolean> emphasis = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();

        private Builder(String title, List<String> headers) {
            this.title = title;
            this.headers = headers;
            for (int i = 0; i < headers.size(); i++) {
                numeric.add(i > 0);
            }
        }

        /** Marks column {@code c} as text (left-aligned). */
        public Builder textColumn(int c) {
            numeric.set(c, false);
            return this;
        }

        public Builder row(String... cells) {
            rows.add(List.of(cells));
            emphasis.add(false);
            return this;
        }

        /** A total row. */
        public Builder totalRow(String... cells) {
            rows.add(List.of(cells));
            emphasis.add(true);
            return this;
        }

        public Builder note(String note) {
            notes.add(note);
            return this;
        }

        public TextTable build() {
            return new TextTable(title, headers, numeric, rows, emphasis, notes);
        }
    }
}
