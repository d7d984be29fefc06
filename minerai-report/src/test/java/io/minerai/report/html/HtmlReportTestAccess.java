package io.minerai.report.html;

/** Lets tests in other packages use {@link HtmlReportTest}'s self-containment check. */
public final class HtmlReportTestAccess {
    private HtmlReportTestAccess() {}

    public static void assertSelfContained(String html) {
        HtmlReportTest.assertSelfContained(html);
    }
}
