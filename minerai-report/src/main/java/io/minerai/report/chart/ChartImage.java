package io.minerai.report.chart;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * A rendered chart: PNG bytes plus what a report says about it. Render once, then write the file and embed the same
 * bytes in HTML.
 *
 * @param fileName file name for the PNG, e.g. {@code price_dispatch.png}
 * @param title short title (the chart's own title says site and period)
 * @param caption one or two sentences on how to read it
 * @param png PNG bytes (owned by this object; do not modify)
 * @param widthPx image width
 * @param heightPx image height
 */
@SuppressWarnings("ArrayRecordComponent") // the PNG is owned by the image; equals/hashCode compare its contents
public record ChartImage(String fileName, String title, String caption, byte[] png, int widthPx, int heightPx) {

    static {
        Headless.ensure();
    }

    /** Renders {@code chart} to PNG (headless). */
    public static ChartImage render(Chart<?, ?> chart, String fileName, String title, String caption) {
        Headless.ensure();
        int w = chart.getWidth();
        int h = chart.getHeight();
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            chart.paint(g, w, h);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 17);
        try {
            if (!ImageIO.write(img, "png", out)) {
                throw new IllegalStateException("no PNG writer available");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode chart " + fileName, e);
        }
        return new ChartImage(fileName, title, caption, out.toByteArray(), w, h);
    }

    /** Writes the PNG into {@code dir} under {@link #fileName()} and returns its path. */
    public Path writeTo(Path dir) throws IOException {
        Path p = dir.resolve(fileName);
        Files.write(p, png);
        return p;
    }

    /** A {@code data:image/png;base64,...} URI of the PNG, for self-contained HTML. */
    public String dataUri() {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChartImage c
                && fileName.equals(c.fileName)
                && title.equals(c.title)
                && caption.equals(c.caption)
                && Arrays.equals(png, c.png)
                && widthPx == c.widthPx
                && heightPx == c.heightPx;
    }

    @Override
    public int hashCode() {
        return 31 * fileName.hashCode() + Arrays.hashCode(png);
    }

    @Override
    public String toString() {
        return "ChartImage[" + fileName + ", " + widthPx + "x" + heightPx + ", " + png.length + " bytes]";
    }
}
