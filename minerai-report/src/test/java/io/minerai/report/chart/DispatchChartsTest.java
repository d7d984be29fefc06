package io.minerai.report.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.minerai.core.site.Site;
import io.minerai.core.time.TimeSeries;
import io.minerai.dispatch.Backtest;
import io.minerai.dispatch.DispatchResult;
import io.minerai.report.TestFixtures;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DispatchChartsTest {
    private static List<ChartImage> monthCharts;

    @BeforeAll
    static void renderOnce() {
        monthCharts = DispatchCharts.renderAll(TestFixtures.monthResult(), TestFixtures.monthSite());
    }

    private static BufferedImage decode(ChartImage c) throws IOException {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(c.png()));
        assertThat(img).as(c.fileName()).isNotNull();
        return img;
    }

    @Test
    void aMonthGetsEveryChartAsAPngOfTheDeclaredSize() throws IOException {
        assertThat(monthCharts)
                .extracting(ChartImage::fileName)
                .containsExactly(
                        DispatchCharts.PRICE_DISPATCH,
                        DispatchCharts.PRICE_DISPATCH_PEAK_WEEK,
                        DispatchCharts.CUMULATIVE_REVENUE,
                        DispatchCharts.REVENUE_BY_PERIOD,
                        DispatchCharts.HASHPRICE_BREAKEVEN);
        for (ChartImage c : monthCharts) {
            BufferedImage img = decode(c);
            assertThat(img.getWidth())
                    .as(c.fileName())
                    .isEqualTo(ChartStyle.WIDTH_PX)
                    .isEqualTo(c.widthPx());
            assertThat(img.getHeight())
                    .as(c.fileName())
                    .isEqualTo(ChartStyle.HEIGHT_PX)
                    .isEqualTo(c.heightPx());
            assertThat(distinctColours(img)).as(c.fileName() + " is not blank").isGreaterThan(20);
            assertThat(c.caption()).isNotBlank();
            assertThat(c.dataUri()).startsWith("data:image/png;base64,iVBORw0KGgo");
        }
    }

    @Test
    void peakWeekTitleNamesTheSpike() {
        var chart = DispatchCharts.peakWeek(TestFixtures.monthResult(), TestFixtures.monthSite())
                .orElseThrow();
        // the synthetic spike: 2,500 $/MWh on day 20 (2024-06-21) at 20:00 UTC
        assertThat(chart.getTitle()).contains("2,500 $/MWh at 2024-06-21 20:00 UTC");
    }

    @Test
    void shortPeriodsGetIntervalChartsWithoutZoomOrHashpriceChart() throws IOException {
        List<ChartImage> charts = DispatchCharts.renderAll(TestFixtures.tinyResult(), TestFixtures.tinySite());
        assertThat(charts)
                .extracting(ChartImage::fileName)
                .containsExactly(
                        DispatchCharts.PRICE_DISPATCH,
                        DispatchCharts.CUMULATIVE_REVENUE,
                        DispatchCharts.REVENUE_BY_PERIOD);
        for (ChartImage c : charts) {
            assertThat(decode(c).getWidth()).isEqualTo(ChartStyle.WIDTH_PX);
        }
    }

    @Test
    void nothingDispatchedMeansNoCharts() {
        var g = TestFixtures.tinyGrid();
        var noPrices =
                TestFixtures.inputs(g, TimeSeries.builder("price", "USD/MWh", g).build(), List.of());
        DispatchResult r = Backtest.meritOrder(TestFixtures.tinySite(), noPrices);
        assertThat(r.ledger().dispatch().dispatchedCount()).isZero();
        assertThat(DispatchCharts.renderAll(r, TestFixtures.tinySite())).isEmpty();
    }

    @Test
    void sitesWithoutMinersGpusOrAnyLoadStillRender() {
        Site coloOnly = TestFixtures.site("Colo only", List.of(), List.of(), List.of(TestFixtures.colo()));
        Site nothing = TestFixtures.site("No loads", List.of(), List.of(), List.of());
        var g = new io.minerai.core.time.TimeGrid(Instant.parse("2024-06-01T00:00:00Z"), Duration.ofHours(1), 72);
        var flat = TestFixtures.inputs(g, TimeSeries.constant("price", "USD/MWh", g, 30), List.of());
        for (Site s : List.of(coloOnly, nothing)) {
            List<ChartImage> charts = DispatchCharts.renderAll(Backtest.meritOrder(s, flat), s);
            assertThat(charts).extracting(ChartImage::fileName).doesNotContain(DispatchCharts.HASHPRICE_BREAKEVEN);
            assertThat(charts).extracting(ChartImage::fileName).contains(DispatchCharts.PRICE_DISPATCH);
            assertThat(charts).allSatisfy(c -> assertThat(c.png().length).isGreaterThan(1000));
        }
    }

    @Test
    void periodLabelsUseWholeDaysWhenTheyCan() {
        assertThat(DispatchCharts.periodLabel(TestFixtures.monthGrid())).isEqualTo("2024-06-01 to 2024-06-30 (UTC)");
        assertThat(DispatchCharts.periodLabel(TestFixtures.tinyGrid()))
                .isEqualTo("2024-06-01 00:00 to 2024-06-01 04:00 UTC");
    }

    @Test
    void niceCeilingRoundsUp() {
        assertThat(DispatchCharts.niceCeiling(7.3)).isEqualTo(8.0);
        assertThat(DispatchCharts.niceCeiling(11)).isEqualTo(12.0);
        assertThat(DispatchCharts.niceCeiling(0)).isEqualTo(1.0);
    }

    private static int distinctColours(BufferedImage img) {
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 7) {
            for (int x = 0; x < img.getWidth(); x += 7) {
                seen.add(img.getRGB(x, y));
            }
        }
        return seen.size();
    }
}
