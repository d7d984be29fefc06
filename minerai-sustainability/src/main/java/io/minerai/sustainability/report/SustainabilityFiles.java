package io.minerai.sustainability.report;

import io.minerai.report.chart.ChartImage;
import io.minerai.report.html.HtmlReport;
import io.minerai.sustainability.SustainabilityExport;
import io.minerai.sustainability.SustainabilityResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes the sustainability exports and charts into a folder (next to the backtest's files). */
public final class SustainabilityFiles {
    public static final String JSON = "sustainability.json";
    public static final String INTERVALS_CSV = "sustainability_intervals.csv";
    public static final String MONTHS_CSV = "sustainability_months.csv";
    public static final String HTML = "sustainability.html";

    private SustainabilityFiles() {}

    /**
     * What was written.
     *
     * @param json the summary
     * @param intervalsCsv every interval
     * @param monthsCsv every month
     * @param charts PNG files
     * @param images the rendered charts, for embedding in a report
     */
    public record Written(Path json, Path intervalsCsv, Path monthsCsv, List<Path> charts, List<ChartImage> images) {
        public Written {
            charts = List.copyOf(charts);
            images = List.copyOf(images);
        }
    }

    /** Writes JSON, both CSVs and the charts into {@code dir} (created if needed), replacing files of the same names. */
    public static Written write(SustainabilityResult r, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path json = dir.resolve(JSON);
        Files.writeString(json, SustainabilityExport.json(r), StandardCharsets.UTF_8);
        Path iv = dir.resolve(INTERVALS_CSV);
        Files.writeString(iv, SustainabilityExport.intervalsCsv(r), StandardCharsets.UTF_8);
        Path mo = dir.resolve(MONTHS_CSV);
        Files.writeString(mo, SustainabilityExport.monthsCsv(r), StandardCharsets.UTF_8);
        List<ChartImage> images = SustainabilityCharts.renderAll(r);
        List<Path> pngs = new ArrayList<>();
        for (ChartImage c : images) {
            pngs.add(c.writeTo(dir));
        }
        return new Written(json, iv, mo, pngs, images);
    }

    /** A page with the sustainability section alone, for when no backtest report is written. */
    public static HtmlReport standalonePage(SustainabilityResult r, List<ChartImage> images) {
        return HtmlReport.builder()
                .title(r.siteName() + ": sustainability report")
                .subtitle(r.startUtc() + " to " + r.endUtc() + " (UTC), " + r.stepMinutes() + "-minute intervals")
                .section(SustainabilitySections.main(r, images))
                .appendix(SustainabilitySections.appendix(r))
                .build();
    }
}
