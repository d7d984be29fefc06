package io.minerai.report.html;

import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * One section of an {@link HtmlReport}: an anchor id, a title (the report renders it as the section heading and in the
 * table of contents) and a body written through an {@link HtmlWriter}, which escapes text and embeds images, so a
 * section cannot break the page or pull in external files. Other result kinds add their own sections (a policy vs
 * optimal comparison, a sustainability section...) by implementing this interface or calling {@link #of}.
 */
public interface ReportSection {
    /** Allowed anchor ids: lower-case letters, digits and dashes, starting with a letter. */
    Pattern ID = Pattern.compile("[a-z][a-z0-9-]*");

    /** Anchor id, unique within a report, matching {@link #ID}. */
    String id();

    /** Heading. */
    String title();

    /** Writes the section body (the report writes the heading). */
    void render(HtmlWriter html);

    /** A section from a lambda. */
    static ReportSection of(String id, String title, Consumer<HtmlWriter> body) {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("section id must match " + ID + ", was '" + id + "'");
        }
        return new ReportSection() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String title() {
                return title;
            }

            @Override
            public void render(HtmlWriter html) {
                body.accept(html);
            }
        };
    }
}
