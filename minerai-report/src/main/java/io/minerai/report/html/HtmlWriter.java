package io.minerai.report.html;

import io.minerai.report.chart.ChartImage;
import io.minerai.report.summary.TextTable;
import java.util.List;

/**
 * Writes the body of a report section. Every text argument is escaped; the only way to add markup is through these
 * methods or {@link #rawHtml}, which callers must only feed with markup they built themselves. Images go in as data
 * URIs, so the page needs no other file.
 */
public final class HtmlWriter {
    private final StringBuilder out;

    HtmlWriter(StringBuilder out) {
        this.out = out;
    }

    /** Escapes {@code &, <, >, ", '} for text and attribute values. */
    public static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** A sub-heading. */
    public HtmlWriter heading(String text) {
        out.append("<h3>").append(escape(text)).append("</h3>\n");
        return this;
    }

    /** A paragraph of text. */
    public HtmlWriter paragraph(String text) {
        out.append("<p>").append(escape(text)).append("</p>\n");
        return this;
    }

    /** A paragraph in the muted note style. */
    public HtmlWriter note(String text) {
        out.append("<p class=\"note\">").append(escape(text)).append("</p>\n");
        return this;
    }

    /** A bulleted list. */
    public HtmlWriter bullets(List<String> items) {
        out.append("<ul>\n");
        for (String i : items) {
            out.append("  <li>").append(escape(i)).append("</li>\n");
        }
        out.append("</ul>\n");
        return this;
    }

    /** A numbered list. */
    public HtmlWriter numbered(List<String> items) {
        out.append("<ol>\n");
        for (String i : items) {
            out.append("  <li>").append(escape(i)).append("</li>\n");
        }
        out.append("</ol>\n");
        return this;
    }

    /** A list of term / explanation pairs. */
    public HtmlWriter definitions(List<Term> terms) {
        out.append("<dl>\n");
        for (Term t : terms) {
            out.append("  <dt>")
                    .append(escape(t.term()))
                    .append("</dt><dd>")
                    .append(escape(t.explanation()))
                    .append("</dd>\n");
        }
        out.append("</dl>\n");
        return this;
    }

    /**
     * A term and its explanation.
     *
     * @param term the term
     * @param explanation plain words
     */
    public record Term(String term, String explanation) {}

    /**
     * Big figures in a row of cards.
     *
     * @param figures label, value and an optional small line under the value
     */
    public HtmlWriter keyFigures(List<KeyFigure> figures) {
        out.append("<div class=\"cards\">\n");
        for (KeyFigure f : figures) {
            out.append("  <div class=\"card\"><div class=\"label\">")
                    .append(escape(f.label()))
                    .append("</div><div class=\"value\">")
                    .append(escape(f.value()))
                    .append("</div>");
            if (!f.detail().isEmpty()) {
                out.append("<div class=\"detail\">").append(escape(f.detail())).append("</div>");
            }
            out.append("</div>\n");
        }
        out.append("</div>\n");
        return this;
    }

    /**
     * A key figure.
     *
     * @param label what it is, with unit
     * @param value formatted value
     * @param detail a short line under the value ("" for none)
     */
    public record KeyFigure(String label, String value, String detail) {}

    /** A table; numeric columns right-aligned, total rows bold, notes under it. */
    public HtmlWriter table(TextTable t) {
        out.append("<div class=\"table-wrap\"><table>\n<caption>")
                .append(escape(t.title()))
                .append("</caption>\n");
        out.append("<thead><tr>");
        for (int c = 0; c < t.headers().size(); c++) {
            out.append(t.numeric().get(c) ? "<th class=\"num\">" : "<th>")
                    .append(escape(t.headers().get(c)))
                    .append("</th>");
        }
        out.append("</tr></thead>\n<tbody>\n");
        for (int r = 0; r < t.rows().size(); r++) {
            out.append(t.emphasis().get(r) ? "<tr class=\"total\">" : "<tr>");
            List<String> row = t.rows().get(r);
            for (int c = 0; c < row.size(); c++) {
                out.append(t.numeric().get(c) ? "<td class=\"num\">" : "<td>")
                        .append(escape(row.get(c)))
                        .append("</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</tbody>\n</table></div>\n");
        for (String n : t.notes()) {
            note(n);
        }
        return this;
    }

    /** A chart as an embedded PNG (data URI) with its caption; scales to the page width. */
    public HtmlWriter figure(ChartImage img) {
        out.append("<figure>\n<img src=\"")
                .append(img.dataUri())
                .append("\" width=\"")
                .append(img.widthPx())
                .append("\" height=\"")
                .append(img.heightPx())
                .append("\" alt=\"")
                .append(escape(img.title()))
                .append("\">\n<figcaption><strong>")
                .append(escape(img.title()))
                .append(".</strong> ")
                .append(escape(img.caption()))
                .append(" <span class=\"file\">(")
                .append(escape(img.fileName()))
                .append(")</span></figcaption>\n</figure>\n");
        return this;
    }

    /** Preformatted text. */
    public HtmlWriter preformatted(String text) {
        out.append("<pre>").append(escape(text)).append("</pre>\n");
        return this;
    }

    /**
     * Markup built by the caller, added as is. Never pass text from data or users through here; use the escaping
     * methods instead.
     */
    public HtmlWriter rawHtml(String html) {
        out.append(html);
        return this;
    }
}
