package io.minerai.ops.proto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.minerai.ops.driver.MinerReadings;
import io.minerai.ops.gpu.GpuReading;
import io.minerai.ops.gpu.NvidiaSmi;
import io.minerai.ops.gpu.PrometheusText;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Real reply samples quoted in shared/reference/PROTOCOLS.md, parsed by the production code. */
class RealSamplesTest {
    /** Antminer S9 bmminer 1.0.0 summary (cryptoGlance/cryptoGlance-web-app#49), with its trailing NUL. */
    static final String S9_SUMMARY =
            "{\"STATUS\":[{\"STATUS\":\"S\",\"When\":1477449270,\"Code\":11,\"Msg\":\"Summary\","
                    + "\"Description\":\"bmminer 1.0.0\"}],\"SUMMARY\":[{\"Elapsed\":50731,\"GHS 5s\":\"7903.729\",\"GHS av\":7902.75,"
                    + "\"Found Blocks\":0,\"Getworks\":1021,\"Accepted\":5077,\"Rejected\":9,\"Hardware Errors\":390,\"Utility\":6.0,"
                    + "\"Discarded\":26418,\"Stale\":0,\"Get Failures\":0,\"Local Work\":1484228,\"Remote Failures\":0,"
                    + "\"Network Blocks\":71,\"Total MH\":400918103643.0,\"Work Utility\":111767.14,\"Difficulty Accepted\":94354432.0,"
                    + "\"Difficulty Rejected\":147456.0,\"Difficulty Stale\":0.0,\"Best Share\":31539419,\"Device Hardware%\":0.0004,"
                    + "\"Device Rejected%\":0.156,\"Pool Rejected%\":0.156,\"Pool Stale%\":0.0,\"Last getwork\":1477449269}],"
                    + "\"id\":1}\0";

    @Test
    void s9SummaryWithStringAndNumberHashrates() {
        CgminerReply r = CgminerReply.parse(S9_SUMMARY);
        CgminerReply.Status st = r.status();
        assertThat(st.letter()).isEqualTo("S");
        assertThat(st.code()).isEqualTo(11);
        assertThat(st.description()).isEqualTo("bmminer 1.0.0");
        assertThat(st.whenEpochSeconds()).isEqualTo(1477449270L);
        JsonNode s = r.first("SUMMARY");
        assertThat(s.get("GHS 5s").isTextual()).isTrue();
        assertThat(s.get("GHS av").isNumber()).isTrue();
        assertThat(MinerReadings.hashrateThPerS(s)).isCloseTo(7.903729, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(Lenient.number(s.get("Hardware Errors"))).isEqualTo(390.0);
    }

    @Test
    void textFormOfTheSameReply() {
        String text = "STATUS=S,When=1477449270,Code=11,Msg=Summary,Description=bmminer 1.0.0|"
                + "SUMMARY,Elapsed=50731,GHS 5s=7903.729,GHS av=7902.75,Accepted=5077|\0";
        CgminerReply r = CgminerReply.parse(text);
        assertThat(r.status().code()).isEqualTo(11);
        assertThat(r.status().msg()).isEqualTo("Summary");
        assertThat(MinerReadings.hashrateThPerS(r.first("SUMMARY")))
                .isCloseTo(7.903729, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(Lenient.number(r.first("SUMMARY").get("Accepted"))).isEqualTo(5077.0);
    }

    @Test
    void textFormEscapesAndPluralSections() {
        String text = "STATUS=S,When=1,Code=7,Msg=2 Pool(s),Description=cgminer|"
                + "POOL=0,URL=stratum+tcp://a\\,b\\|c:3333,Status=Alive|POOL=1,URL=x,Status=Dead|";
        CgminerReply r = CgminerReply.parse(text);
        List<JsonNode> pools = r.section("POOLS");
        assertThat(pools).hasSize(2);
        assertThat(pools.get(0).get("URL").asText()).isEqualTo("stratum+tcp://a,b|c:3333");
        assertThat(pools.get(1).get("Status").asText()).isEqualTo("Dead");
    }

    @Test
    void accessDeniedReply() {
        CgminerReply r = CgminerReply.parse("{\"STATUS\":[{\"STATUS\":\"E\",\"When\":1,\"Code\":45,"
                + "\"Msg\":\"Access denied to 'config' command\",\"Description\":\"bmminer 1.0.0\"}],\"id\":1}");
        assertThat(r.status().ok()).isFalse();
        assertThat(r.accessDenied()).isTrue();
    }

    @Test
    void statsElementZeroIsMetadataAndElementOneTheStats() {
        CgminerReply r =
                CgminerReply.parse("{\"STATUS\":[{\"STATUS\":\"S\",\"Code\":70}],\"STATS\":[{\"BMMiner\":\"2.0.0\","
                        + "\"Miner\":\"uart_trans.1.3\",\"Type\":\"Antminer S19j Pro\"},{\"STATS\":0,\"Elapsed\":100,"
                        + "\"GHS 5s\":\"104000.5\",\"chain_power\":\"3250 W\"}],\"id\":1}");
        assertThat(r.section("STATS").get(0).get("Type").asText()).isEqualTo("Antminer S19j Pro");
        assertThat(MinerReadings.statsPowerW(r)).isEqualTo(3250.0);
    }

    @Test
    void multiCommandReply() {
        CgminerReply r = CgminerReply.parse("{\"summary\":[{\"STATUS\":[{\"STATUS\":\"S\",\"Code\":11}],"
                + "\"SUMMARY\":[{\"MHS 5s\":\"13500000\"}]}],\"pools\":[{\"STATUS\":[{\"STATUS\":\"S\",\"Code\":7}],"
                + "\"POOLS\":[{\"POOL\":0}]}]}");
        assertThat(MinerReadings.hashrateThPerS(r.part("summary").first("SUMMARY")))
                .isEqualTo(13.5);
        assertThat(r.part("pools").status().code()).isEqualTo(7);
    }

    @Test
    void whatsminerStringStatusWithObjectMsg() {
        CgminerReply r = CgminerReply.parse(
                "{\"STATUS\":\"S\",\"When\":1700000000,\"Code\":134,"
                        + "\"Msg\":{\"salt\":\"BQ5hoXV9\",\"time\":\"4725\",\"newsalt\":\"yUKdaf1b\"},\"Description\":\"btminer\"}");
        assertThat(r.status().letter()).isEqualTo("S");
        assertThat(r.status().code()).isEqualTo(134);
        assertThat(r.status().msg()).contains("salt");
    }

    @Test
    void lenientJsonRepairsEachReportedFault() {
        assertThat(LenientJson.parse("{\"a\":1,}").get("a").asInt()).isEqualTo(1); // ,}
        assertThat(LenientJson.parse("{\"a\":[{\"x\":1}{\"x\":2}]}").get("a")).hasSize(2); // }{
        assertThat(LenientJson.parse("{\"a\":[,{\"x\":1}]}").get("a")).hasSize(1); // [,{
        assertThat(LenientJson.parse("{,\"a\":1}").get("a").asInt()).isEqualTo(1); // leading comma
        assertThat(LenientJson.parse("{\"a\":\"1\"\n,\"b\":2}").get("b").asInt())
                .isEqualTo(2); // newline
        assertThat(LenientJson.parse("{\"temp\":\"45\"\"temp0\":5}")
                        .get("temp0")
                        .asInt())
                .isEqualTo(5); // ""temp0
        assertThat(LenientJson.parse("{\"MHS 5s\":inf,\"x\":nan}").get("MHS 5s").asDouble())
                .isEqualTo(0.0);
        assertThat(LenientJson.parse("{\"a\":1}\0garbage").get("a").asInt()).isEqualTo(1); // NUL
        JsonNode cut = LenientJson.parse("{\"STATUS\":[{\"STATUS\":\"S\",\"Code\":11}],\"SUMMARY\":[{\"GHS 5s\":\"79");
        assertThat(cut.get("STATUS").get(0).get("Code").asInt()).isEqualTo(11); // truncated
        assertThatThrownBy(() -> LenientJson.parse("Socket connect failed"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void lenientNumbers() {
        assertThat(Lenient.number("7903.729")).isEqualTo(7903.729);
        assertThat(Lenient.number("3250 W")).isEqualTo(3250.0);
        assertThat(Lenient.number("[N/A]")).isNaN();
        assertThat(Lenient.number("[Not Supported]")).isNaN();
        assertThat(Lenient.number("inf")).isNaN();
    }

    /** Real nvidia-smi output with header and units (gist tuxdna/767d39ef...). */
    @Test
    void nvidiaSmiWithHeaderAndUnits() {
        String csv = "timestamp, name, pci.bus_id, driver_version, pstate, pcie.link.gen.max, pcie.link.gen.current,"
                + " temperature.gpu, utilization.gpu [%], utilization.memory [%], memory.total [MiB], memory.free [MiB],"
                + " memory.used [MiB]\n"
                + "2018/10/10 13:06:03.419, GeForce GTX 1050, 00000000:01:00.0, 396.45, P8, 3, 1, 40, 0 %, 0 %,"
                + " 4040 MiB, 4038 MiB, 2 MiB\n";
        List<Map<String, String>> rows = NvidiaSmi.parseWithHeader(csv);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)).containsEntry("name", "GeForce GTX 1050").containsEntry("pstate", "P8");
        assertThat(Lenient.number(rows.get(0).getOrDefault("memory.total", ""))).isEqualTo(4040.0);
        assertThat(Lenient.number(rows.get(0).getOrDefault("utilization.gpu", "")))
                .isEqualTo(0.0);
    }

    @Test
    void nvidiaSmiNoHeaderNoUnitsWithUnsupportedValues() {
        String csv = "0, GPU-a8affe7e-7930-ae20-3fc6-4b0edf3ebbf3, NVIDIA L40S, 23.52, 350.00, 350.00, 100.00, 350.00,"
                + " 350.00, 0, [N/A]\n";
        GpuReading g = NvidiaSmi.parseQuery(csv).get(0);
        assertThat(g.name()).isEqualTo("NVIDIA L40S");
        assertThat(g.powerDrawW()).isEqualTo(23.52);
        assertThat(g.minPowerLimitW()).isEqualTo(100.0);
        assertThat(g.temperatureC()).isNaN();
        assertThatThrownBy(() -> NvidiaSmi.parseQuery("0, x, y\n"))
                .hasMessageContaining("line 1")
                .hasMessageContaining("expected 11 columns");
    }

    /** Real DCGM exporter lines (PROTOCOLS.md §4b): labels with and without spaces, a blank sentinel. */
    @Test
    void dcgmExporterTextWithBlankSentinel() {
        String text = "# HELP DCGM_FI_DEV_SM_CLOCK SM clock frequency (in MHz).\n"
                + "# TYPE DCGM_FI_DEV_SM_CLOCK gauge\n"
                + "DCGM_FI_DEV_SM_CLOCK{gpu=\"0\",UUID=\"GPU-a8affe7e-7930-ae20-3fc6-4b0edf3ebbf3\",pci_bus_id=\"00000000:0D:00.0\","
                + "device=\"nvidia0\",modelName=\"NVIDIA L40S\",Hostname=\"ubuntu-sv16\",DCGM_FI_DRIVER_VERSION=\"580.126.09\"} 210\n"
                + "DCGM_FI_DEV_POWER_USAGE{gpu=\"0\", UUID=\"GPU-8c16e996-bd76-aa91-17e7-b48bcd0208ba\", device=\"nvidia0\"} 23.528000\n"
                + "DCGM_FI_DEV_MEMORY_TEMP{gpu=\"0\", UUID=\"GPU-604ac76c-...\",container=\"\",namespace=\"\",pod=\"\"} 9223372036854775794\n";
        List<PrometheusText.Sample> s = PrometheusText.parse(text);
        assertThat(s).hasSize(2);
        assertThat(s.get(0).label("modelName")).isEqualTo("NVIDIA L40S");
        assertThat(s.get(0).value()).isEqualTo(210.0);
        assertThat(s.get(1).label("UUID")).isEqualTo("GPU-8c16e996-bd76-aa91-17e7-b48bcd0208ba");
        assertThat(PrometheusText.sum(s, "DCGM_FI_DEV_POWER_USAGE").getAsDouble())
                .isEqualTo(23.528);
        assertThat(PrometheusText.sum(s, "DCGM_FI_DEV_MEMORY_TEMP")).isEmpty();
    }

    @Test
    void digestResponseMatchesRfc2617Example() {
        // RFC 2617 section 3.5 example: Mufasa / "Circle Of Life".
        Map<String, String> ch =
                Map.of("realm", "testrealm@host.com", "nonce", "dcd98b7102dd2f0e8b11d0f600bfb0c093", "qop", "auth");
        assertThat(Digest.response("Mufasa", "Circle Of Life", ch, "GET", "/dir/index.html", "00000001", "0a4f113b"))
                .isEqualTo("6629fae49393a05397450978507c4ef1");
    }
}
