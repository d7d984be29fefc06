package io.minerai.data.pjm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.minerai.core.validation.Problem;
import io.minerai.core.validation.ValidationException;
import io.minerai.data.TestFiles;
import io.minerai.data.series.IntervalSeries;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PjmLmpReaderTest {
    /** The header of PJM Data Miner 2's da_hrl_lmps export (zhyg1212/cr-cvar-shp-experiments, da_hrl_lmps.csv). */
    static final String DA_HEADER = "datetime_beginning_utc,datetime_beginning_ept,pnode_id,pnode_name,voltage,"
            + "equipment,type,zone,system_energy_price_da,total_lmp_da,congestion_price_da,marginal_loss_price_da,"
            + "row_is_current,version_nbr";

    static final String RT_HEADER = DA_HEADER.replace("_da", "_rt");

    @Test
    void raw_data_miner_exports_day_ahead_and_real_time(@TempDir Path dir) throws Exception {
        // real rows of the public exports (da_hrl_lmps.csv lines 4 and 16, rt_hrl_lmps.csv line 4), verbatim
        Files.writeString(
                dir.resolve("da_hrl_lmps.csv"),
                DA_HEADER + "\n"
                        + "5/1/2025 4:00:00 AM,5/1/2025 12:00:00 AM,51288,WESTERN HUB,,,HUB,,30.98,25.504584,"
                        + "-5.394061,-0.081355,True,1\n"
                        + "5/1/2025 5:00:00 AM,5/1/2025 1:00:00 AM,51288,WESTERN HUB,,,HUB,,29.68,26.809791,"
                        + "-2.926145,0.055936,True,1\n",
                StandardCharsets.UTF_8);
        Files.writeString(
                dir.resolve("rt_hrl_lmps.csv"),
                RT_HEADER + "\n"
                        + "5/1/2025 4:00:00 AM,5/1/2025 12:00:00 AM,51288,WESTERN HUB,,,HUB,,23.710000,24.784737,"
                        + "0.949912,0.123992,True,1\n",
                StandardCharsets.UTF_8);
        PjmLmps lmps = PjmLmpReader.read(List.of(dir));
        assertThat(lmps.nodes()).containsExactly("WESTERN HUB");
        assertThat(lmps.findNode("51288")).contains("WESTERN HUB");
        PjmLmpComponents da = lmps.lmps("western hub", PjmMarket.DA).orElseThrow();
        assertThat(da.totalLmp().start(0)).isEqualTo(Instant.parse("2025-05-01T04:00:00Z"));
        assertThat(da.totalLmp().end(0)).isEqualTo(Instant.parse("2025-05-01T05:00:00Z"));
        assertThat(da.totalLmp().value(1)).isEqualTo(26.809791);
        assertThat(da.systemEnergyPrice().value(0)).isEqualTo(30.98);
        assertThat(da.congestionPrice().value(0)).isEqualTo(-5.394061);
        assertThat(da.marginalLossPrice().value(0)).isEqualTo(-0.081355);
        assertThat(da.totalLmp().unit()).isEqualTo("USD/MWh");
        assertThat(lmps.lmps("WESTERN HUB", PjmMarket.RT)
                        .orElseThrow()
                        .totalLmp()
                        .value(0))
                .isEqualTo(24.784737);
    }

    @Test
    void superseded_versions_are_skipped_and_bad_rows_refused() {
        // synthetic values around the 2025-11-02 fall-back: 05:00Z and 06:00Z are both 01:00 local (EDT, then EST)
        PjmLmps ok = PjmLmpReader.read(
                TestFiles.lines(
                        DA_HEADER,
                        "11/2/2025 5:00:00 AM,11/2/2025 1:00:00 AM,1,HUB A,,,HUB,,1,10,0,0,True,1",
                        "11/2/2025 6:00:00 AM,11/2/2025 1:00:00 AM,1,HUB A,,,HUB,,1,99,0,0,False,1",
                        "11/2/2025 6:00:00 AM,11/2/2025 1:00:00 AM,1,HUB A,,,HUB,,1,11,0,0,True,2"),
                "da.csv");
        IntervalSeries total = ok.lmps("HUB A", PjmMarket.DA).orElseThrow().totalLmp();
        assertThat(total.size()).isEqualTo(2);
        assertThat(total.value(1)).isEqualTo(11);

        assertThatThrownBy(() -> PjmLmpReader.read(
                        TestFiles.lines(
                                DA_HEADER,
                                "5/1/2025 4:00:00 AM,5/1/2025 1:00:00 AM,1,HUB A,,,HUB,,1,10,0,0,True,1",
                                "5/1/2025 4:30:00 AM,5/1/2025 12:30:00 AM,1,HUB A,,,HUB,,1,10,0,0,True,1",
                                "2025-05-01 05:00,5/1/2025 1:00:00 AM,1,HUB A,,,HUB,,1,x,0,0,Maybe,1",
                                "5/1/2025 4:00:00 AM,5/1/2025 12:00:00 AM,1,HUB A,,,HUB,,1,12,0,0,True,1"),
                        "da.csv"))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.problems())
                                .extracting(Problem::toString)
                                .containsExactlyInAnyOrder(
                                        "da.csv:2:datetime_beginning_ept: '5/1/2025 1:00:00 AM' is not the hour beginning"
                                                + " 2025-05-01T04:00:00Z in America/New_York (2025-05-01T00:00)",
                                        "da.csv:3:datetime_beginning_utc: '5/1/2025 4:30:00 AM' is not the beginning of an"
                                                + " hour",
                                        "da.csv:4:row_is_current: must be True or False, was 'Maybe'",
                                        "da.csv:4:total_lmp_da: not a number: 'x'",
                                        "da.csv:4:datetime_beginning_utc: not a UTC timestamp (M/d/yyyy h:mm:ss AM,"
                                                + " yyyy-MM-ddTHH:mm:ss or ...Z): '2025-05-01 05:00'",
                                        "da.csv:5:datetime_beginning_utc: duplicate interval starting 2025-05-01T04:00:00Z"
                                                + " (also at da.csv:2)"));
        assertThatThrownBy(() ->
                        PjmLmpReader.read(TestFiles.lines("datetime_beginning_utc,pnode_name,lmp", "x,y,1"), "odd.csv"))
                .hasMessageContaining("odd.csv:1:total_lmp_da: a Data Miner export needs total_lmp_da (da_hrl_lmps)"
                        + " or total_lmp_rt (rt_hrl_lmps)");
    }

    /** Golden: the figures of the shared SOURCE.md (pjm_hub_lmp_hourly_2025summer). */
    @Test
    void bundled_hub_lmps_match_their_source_checks() {
        PjmLmps lmps = PjmLmpReader.read(
                getClass()
                        .getResourceAsStream("/io/minerai/data/pjm_hub_lmp_hourly_2025summer/"
                                + "pjm_hub_lmp_hourly_2025-05_2025-07.csv.gz"),
                "pjm.csv");
        assertThat(lmps.nodes()).containsExactlyInAnyOrder("WESTERN HUB", "DOMINION HUB");
        assertThat(lmps.findNode("35010337")).contains("DOMINION HUB");
        // min / max / mean USD/MWh as quoted (2 decimals) in SOURCE.md
        check(lmps, "WESTERN HUB", PjmMarket.DA, 13.56, 550.23, 48.11);
        check(lmps, "WESTERN HUB", PjmMarket.RT, -1.09, 1903.83, 48.95);
        check(lmps, "DOMINION HUB", PjmMarket.DA, 12.96, 498.07, 47.71);
        check(lmps, "DOMINION HUB", PjmMarket.RT, -5.47, 1741.77, 47.35);
        // total = energy + congestion + loss, to the rounding of the published components (largest deviation in
        // this file: 0.005001)
        for (String node : lmps.nodes()) {
            for (PjmMarket m : PjmMarket.values()) {
                PjmLmpComponents c = lmps.lmps(node, m).orElseThrow();
                for (int i = 0; i < c.totalLmp().size(); i++) {
                    double sum = c.systemEnergyPrice().value(i)
                            + c.congestionPrice().value(i)
                            + c.marginalLossPrice().value(i);
                    assertThat(c.totalLmp().value(i)).isCloseTo(sum, within(0.0051));
                }
            }
        }
    }

    private static void check(PjmLmps lmps, String node, PjmMarket m, double min, double max, double mean) {
        IntervalSeries s = lmps.lmps(node, m).orElseThrow().totalLmp();
        assertThat(s.size()).as(node + " " + m).isEqualTo(2209);
        assertThat(s.gaps()).isEmpty();
        assertThat(s.start(0)).isEqualTo(Instant.parse("2025-05-01T04:00:00Z"));
        assertThat(s.start(2208)).isEqualTo(Instant.parse("2025-08-01T04:00:00Z"));
        assertThat(s.minPresent()).isCloseTo(min, within(0.005));
        assertThat(s.maxPresent()).isCloseTo(max, within(0.005));
        assertThat(s.meanPresent()).isCloseTo(mean, within(0.005));
    }
}
