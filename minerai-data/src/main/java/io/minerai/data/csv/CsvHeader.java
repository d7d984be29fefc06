package io.minerai.data.csv;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The header line of a CSV file. Column names match after trimming, folding non-breaking spaces and ignoring case, so
 * {@code "Hashrate (T) "} finds {@code "Hashrate (T)"}.
 *
 * @param names column names as written in the file
 */
public record CsvHeader(List<String> names) {

    public CsvHeader {
        names = List.copyOf(names);
    }

    /** Number of columns. */
    public int size() {
        return names.size();
    }

    /** Index of {@code column}, if present. */
    public Optional<Integer> find(String column) {
        String want = normalise(column);
        for (int i = 0; i < names.size(); i++) {
            if (normalise(names.get(i)).equals(want)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /**
     * Index of {@code column}; when absent adds a problem at {@code file:1:column} listing the columns present and
     * returns -1.
     */
    public int require(String column, FileProblems problems) {
        Optional<Integer> i = find(column);
        if (i.isPresent()) {
            return i.get();
        }
        problems.at(1, column, "missing column " + column + "; the header has " + describe());
        return -1;
    }

    /** Indexes of several columns, -1 for each absent one (each absence reported). */
    public int[] requireAll(List<String> columns, FileProblems problems) {
        int[] out = new int[columns.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = require(columns.get(i), problems);
        }
        return out;
    }

    /** The columns present, for messages. */
    public String describe() {
        List<String> shown = new ArrayList<>();
        for (String n : names) {
            if (!n.isBlank()) {
                shown.add(n.strip());
            }
        }
        return shown.isEmpty() ? "no named columns" : String.join(", ", shown);
    }

    static String normalise(String s) {
        return s.replace('\u00a0', ' ').strip().toLowerCase(Locale.ROOT);
    }
}
