package io.minerai.report.chart;

/** Makes AWT headless before any chart is drawn, unless the caller chose otherwise. */
final class Headless {
    private Headless() {}

    static void ensure() {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }
}
