package io.minerai.report.html;

import java.io.IOException;
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

    private static final String CSS = """
            :root { --fg: #212529; --muted: #6c757d; --rule: #dee2e6; --bg-alt: #f8f9fa; --accent: #f7931a; }
            * { box-sizing: border-box; }
            body { margin: 0; color: var(--fg); background: #fff; line-height: 1.5;
                   font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", Arial, sans-serif; }
            header { padding: 28px 40px 16px; border-bottom: 4px solid var(--accent); background: var(--bg-alt); }
            h1 { margin: 0 0 4px; font-size: 28px; }
            .subtitle { margin: 0; color: var(--muted); font-size: 16px; }
            nav { padding: 12px 40px; border-bottom: 1px solid var(--rule); font-size: 14px; }
            nav ol { display: flex; flex-wrap: wrap; gap: 4px 22px; margin: 6px 0 0; padding-left: 18px; }
            nav a { color: #1c7ed6; text-decoration: none; }
            main { max-width: 1280px; padding: 8px 40px 40px; }
            section { margin-top: 28px; }
            section.appendix { border-top: 1px solid var(--rule); }
            h2 { font-size: 22px; margin: 18px 0 10px; }
            h3 { font-size: 17px; margin: 18px 0 8px; }
            p { max-width: 960px; }
            .note { color: var(--muted); font-size: 13px; margin: 4px 0 14px; }
            .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(200px, 1fr)); gap: 12px; margin: 12px 0;
         max-width: 1200px; }
            .card { border: 1px solid var(--rule); border-radius: 6px; padding: 10px 14px; }
            .card .label { color: var(--muted); font-size: 13px; }
            .card .value { font-size: 22px; font-weight: 600; font-variant-numeric: tabular-nums; }
            .card .detail { color: var(--muted); font-size: 12px; }
            .table-wrap { overflow-x: auto; }
            table { border-collapse: collapse; margin: 8px 0 2px; font-size: 14px; }
            caption { text-align: left; font-weight: 600; padding: 4px 0; }
            th, td { padding: 4px 10px; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; }
            th { background: var(--bg-alt); font-weight: 600; }
            td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            tr.total td { font-weight: 600; border-top: 2px solid #adb5bd; }
            tbody tr:nth-child(even) td { background: #fcfcfd; }
            figure { margin: 18px 0 26px; }
            figure img { max-width: 100%; height: auto; border: 1px solid var(--rule); }
            figcaption { font-size: 14px; color: #343a40; max-width: 1100px; }
            .file { color: var(--muted); font-size: 12px; }
            dl { max-width: 1000px; }
            dt { font-weight: 600; margin-top: 8px; }
            dd { margin: 2px 0 6px 18px; }
            pre { background: var(--bg-alt); padding: 10px; overflow-x: auto; font-size: 13px; }
            footer { padding: 16px 40px; color: var(--muted); font-size: 12px; border-top: 1px solid var(--rule); }
            @media print { nav { display: none; } figure, table { page-break-inside: avoid; } }
            """;
}
