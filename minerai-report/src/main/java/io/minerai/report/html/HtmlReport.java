package io.minerai.report.html;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One self-contained HTML page: inline CSS, images as data URIs, no scripts, no links to other files. Built from
 * {@link ReportSection}s: main sections first, then appendix sections (provenance, method...), each with an anchor in
 * the table of contents.
 *
 * <pre>{@code
 * HtmlReport report = HtmlReport.builder()
 *         .title("West Texas site: backtest 2024")
 *         .subtitle("merit-order policy, hourly, 2024-01-01 to 2024-12-31 (UTC)")
 *         .sections(DispatchSections.main(ctx))
 *         .section(myComparisonSection)
 *         .appendices(DispatchSections.appendices(ctx))
 *         .build();
 * report.writeTo(dir.resolve("report.html"));
 * }</pre>
 */
public final class HtmlReport {
    private final String title;
    private final String subtitle;
    private final List<ReportSection> sections;
    private final List<ReportSection> appendices;
    private final String footer;

    private HtmlReport(Builder b) {
        this.title = b.title;
        this.subtitle = b.subtitle;
        this.sections = List.copyOf(b.sections);
        this.appendices = List.copyOf(b.appendices);
        this.footer = b.footer;
        Set<String> ids = new HashSet<>();
        for (ReportSection s : all()) {
            if (!ReportSection.ID.matcher(s.id()).matches()) {
                throw new IllegalArgumentException(
                        "section id must match " + ReportSection.ID + ", was '" + s.id() + "'");
            }
            if (!ids.add(s.id())) {
                throw new IllegalArgumentException("two sections have the id '" + s.id() + "'");
            }
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public String title() {
        return title;
    }

    /** Main sections then appendices, in page order. */
    public List<ReportSection> all() {
        List<ReportSection> out = new ArrayList<>(sections);
        out.addAll(appendices);
        return out;
    }

    /** The whole page. */
    public String render() {
        StringBuilder sb = new StringBuilder(1 << 16);
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>")
                .append(HtmlWriter.escape(title))
                .append("</title>\n<style>\n")
                .append(CSS)
                .append("</style>\n</head>\n<body>\n<header>\n<h1>")
                .append(HtmlWriter.escape(title))
                .append("</h1>\n");
        if (!subtitle.isEmpty()) {
            sb.append("<p class=\"subtitle\">")
                    .append(HtmlWriter.escape(subtitle))
                    .append("</p>\n");
        }
        sb.append("</header>\n<nav><strong>Contents</strong><ol>\n");
        for (ReportSection s : sections) {
            toc(sb, s);
        }
        for (ReportSection s : appendices) {
            toc(sb, s);
        }
        sb.append("</ol></nav>\n<main>\n");
        HtmlWriter w = new HtmlWriter(sb);
        for (ReportSection s : sections) {
            section(sb, w, s, false);
        }
        for (ReportSection s : appendices) {
            section(sb, w, s, true);
        }
        sb.append("</main>\n");
        if (!footer.isEmpty()) {
            sb.append("<footer>").append(HtmlWriter.escape(footer)).append("</footer>\n");
        }
        sb.append("</body>\n</html>\n");
        return sb.toString();
    }

    /** Writes the page to {@code file} (UTF-8), replacing it. */
    public void writeTo(Path file) throws IOException {
        Files.writeString(file, render(), StandardCharsets.UTF_8);
    }

    private static void toc(StringBuilder sb, ReportSection s) {
        sb.append("  <li><a href=\"#")
                .append(s.id())
                .append("\">")
                .append(HtmlWriter.escape(s.title()))
                .append("</a></li>\n");
    }

    private static void section(StringBuilder sb, HtmlWriter w, ReportSection s, boolean appendix) {
        sb.append("<section id=\"")
                .append(s.id())
                .append(appendix ? "\" class=\"appendix\">\n" : "\">\n")
                .append("<h2>")
                .append(HtmlWriter.escape(s.title()))
                .append("</h2>\n");
        s.render(w);
        sb.append("</section>\n");
    }

    /** Collects the parts of a report. */
    public static final class Builder {
        private String title = "minerai report";
        private String subtitle = "";
        private String footer = "";
        private final List<ReportSection> sections = new ArrayList<>();
        private final List<ReportSection> appendices = new ArrayList<>();

        private Builder() {}

        public Builder title(String title) {
            this.title = title;
            return this;
        }

        public Builder subtitle(String subtitle) {
            this.subtitle = subtitle;
            return this;
        }

        /** Small print at the bottom of the page. */
        public Builder footer(String footer) {
            this.footer = footer;
            return this;
        }

        /** Appends a main section. */
        public Builder section(ReportSection section) {
            sections.add(section);
            return this;
        }

        /** Appends main sections. */
        public Builder sections(List<? extends ReportSection> more) {
            sections.addAll(more);
            return this;
        }

        /** Appends an appendix section (after every main section). */
        public Builder appendix(ReportSection section) {
            appendices.add(section);
            return this;
        }

        /** Appends appendix sections. */
        public Builder appendices(List<? extends ReportSection> more) {
            appendices.addAll(more);
            return this;
        }

        public HtmlReport build() {
            return new HtmlReport(this);
        }
    }

    private static final String CSS = loadCss();

    private static String loadCss() {
        try (InputStream in = HtmlReport.class.getResourceAsStream("report.css")) {
            if (in == null) {
                throw new IllegalStateException("report.css is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read report.css", e);
        }
    }
}
