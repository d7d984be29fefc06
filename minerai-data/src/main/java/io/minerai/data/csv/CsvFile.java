package io.minerai.data.csv;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.minerai.core.text.InvalidUtf8Exception;
import io.minerai.core.text.StrictUtf8;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * Reads a CSV file (UTF-8, optional BOM, optionally gzip-compressed) with a header line using FastCSV. Lines whose
 * field count differs from the header's are reported and skipped; unreadable input becomes a file problem instead of
 * an exception, and bytes that are not UTF-8 a problem at their line and column ({@code p.csv:14:7}).
 */
public final class CsvFile {
    private CsvFile() {}

    /**
     * Reads {@code in} (closed afterwards), calling {@code onHeader} once and then {@code onRow} per data line. When
     * {@code onHeader} returns {@code false} (e.g. required columns are missing) the rows are not read.
     *
     * @param in the bytes; gzip is detected by its magic number
     * @param problems where problems go, located in this file
     */
    public static void read(InputStream in, FileProblems problems, HeaderCheck onHeader, Consumer<CsvRow> onRow) {
        try (InputStream raw = skipUtf8Bom(decompressIfGzip(in));
                CsvReader<CsvRecord> reader = CsvReader.builder()
                        .allowExtraFields(true)
                        .allowMissingFields(true)
                        .skipEmptyLines(true)
                        .ofCsvRecord(StrictUtf8.reader(raw))) {
            CloseableIterator<CsvRecord> it = reader.iterator();
            if (!it.hasNext()) {
                problems.atFile("empty file; expected a header line");
                return;
            }
            CsvHeader header = new CsvHeader(it.next().getFields());
            if (!onHeader.accept(header)) {
                return;
            }
            while (it.hasNext()) {
                CsvRecord rec = it.next();
                if (rec.getFieldCount() != header.size()) {
                    if (!(rec.getFieldCount() > header.size() && trailingBlank(rec, header.size()))) {
                        problems.atLine(
                                rec.getStartingLineNumber(),
                                "has " + rec.getFieldCount() + " fields, the header has " + header.size());
                        continue;
                    }
                }
                onRow.accept(new CsvRow(header, rec, problems));
            }
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof InvalidUtf8Exception bad) {
                problems.atCharacter(bad.line(), bad.column(), bad.reason());
            } else {
                problems.atFile("could not be read: " + e.getMessage());
            }
        } catch (InvalidUtf8Exception e) {
            problems.atCharacter(e.line(), e.column(), e.reason());
        } catch (IOException e) {
            problems.atFile("could not be read: " + e.getMessage());
        } catch (RuntimeException e) {
            // FastCSV reports malformed CSV (e.g. an unclosed quote) as CsvParseException.
            problems.atFile("not readable as CSV: " + e.getMessage());
        }
    }

    /** Reads a file; a missing file is a problem ({@code file not found: <absolute path>}), not an exception. */
    public static void read(Path path, FileProblems problems, HeaderCheck onHeader, Consumer<CsvRow> onRow) {
        InputStream in;
        try {
            in = Files.newInputStream(path);
        } catch (NoSuchFileException e) {
            problems.atFile("file not found: " + path.toAbsolutePath());
            return;
        } catch (IOException e) {
            problems.atFile("could not be opened: " + e.getMessage());
            return;
        }
        read(in, problems, onHeader, onRow);
    }

    /** Reads a classpath resource of this module, e.g. a bundled dataset. */
    public static void readResource(
            String resource, FileProblems problems, HeaderCheck onHeader, Consumer<CsvRow> onRow) {
        InputStream in = CsvFile.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("bundled resource missing from the jar: " + resource);
        }
        read(in, problems, onHeader, onRow);
    }

    /** Reads all data rows into memory (for small files and tests). */
    public static List<CsvRow> readAll(InputStream in, FileProblems problems, HeaderCheck onHeader) {
        List<CsvRow> rows = new ArrayList<>();
        read(in, problems, onHeader, rows::add);
        return rows;
    }

    private static boolean trailingBlank(CsvRecord rec, int from) {
        for (int i = from; i < rec.getFieldCount(); i++) {
            if (!rec.getField(i).isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** Skips a UTF-8 byte order mark, which some spreadsheet programs write at the start of a CSV. */
    private static InputStream skipUtf8Bom(InputStream in) throws IOException {
        BufferedInputStream b = in instanceof BufferedInputStream bi ? bi : new BufferedInputStream(in, 1 << 16);
        b.mark(3);
        if (!(b.read() == 0xEF && b.read() == 0xBB && b.read() == 0xBF)) {
            b.reset();
        }
        return b;
    }

    static InputStream decompressIfGzip(InputStream in) throws IOException {
        BufferedInputStream b = new BufferedInputStream(in, 1 << 16);
        b.mark(2);
        int m1 = b.read();
        int m2 = b.read();
        b.reset();
        if (m1 == 0x1f && m2 == 0x8b) {
            return new GZIPInputStream(b, 1 << 16);
        }
        return b;
    }

    /** Inspects the header; returns whether the rows should be read. */
    @FunctionalInterface
    public interface HeaderCheck {
        boolean accept(CsvHeader header);
    }
}
