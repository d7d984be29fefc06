package io.minerai.report.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minerai.report.summary.TextTable;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReportTest {
    /** Every src/href attribute value in a page. */
    static List<String> links(String html) {
        Matcher m = Pattern.compile("(?i)\\b(?:src|href)\\s*=\\s*[\"']([^\"']*)[\"']")
                .matcher(html);
        List<String> out = new java.util.ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /** Asserts the page needs nothing but itself. */
    static void assertSelfContained(String html) {
        assertThat(links(html))
                .allSatisfy(v -> assertThat(v).matches("(?s)(#[a-z][a-z0-9-]*|data:image/png;base64,.*)"));
        String lower = html.toLowerCase(java.util.Locale.ROOT);
        assertThat(lower)
                .doesNotContain("<script")
                .doesNotContain("<link")
                .doesNotContain("<iframe")
                .doesNotContain("@import")
                .doesNotContain("url(")
                .doesNotContain("src=\"http")
                .doesNotContain("href=\"http");
    }

    @Test
    void sectionsRenderInOrderWithContentsAndEscapedText() {
        HtmlReport r = HtmlReport.builder()
                .title("Site <A> & co")
                .subtitle("sub")
                .section(ReportSection.of("first", "First", w -> w.paragraph("1 < 2 & \"quoted\"")))
                .appendix(ReportSection.of(
                        "zz-appendix",
                        "Appendix",
                        w -> w.table(TextTable.builder("T", "a", "b")
                                .row("x", "1")
                                .totalRow("total", "1")
                                .build())))
                .section(ReportSection.of("second", "Second", w -> w.bullets(List.of("<script>alert(1)</script>"))))
                .footer("foot")
                .build();
        String html = r.render();
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<title>Site &lt;A&gt; &amp; co</title>");
        assertThat(html)
                .contains("1 &lt; 2 &amp; &quot;quoted&quot;")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(html.indexOf("id=\"first\"")).isLessThan(html.indexOf("id=\"second\""));
        assertThat(html.indexOf("id=\"second\"")).isLessThan(html.indexOf("id=\"zz-appendix\""));
        assertThat(html).contains("<a href=\"#first\">First</a>").contains("<tr class=\"total\">");
        assertSelfContained(html);
    }

    @Test
    void rejectsDuplicateAndMalformedIds() {
        assertThatThrownBy(() -> HtmlReport.builder()
                        .section(ReportSection.of("a", "A", w -> {}))
                        .appendix(ReportSection.of("a", "A again", w -> {}))
                        .build())
                .hasMessageContaining("two sections have the id 'a'");
        assertThatThrownBy(() -> ReportSection.of("Bad Id", "x", w -> {})).hasMessageContaining("Bad Id");
    }

    @Test
    void theCheckCatchesExternalResources() {
        assertThat(links("<img src=\"https://cdn.example/x.png\"><a href='#ok'>"))
                .containsExactly("https://cdn.example/x.png", "#ok");
    }
}
