package io.minerai.ops.signal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.minerai.ops.emulator.VtnStub;
import io.minerai.ops.proto.LenientJson;
import io.minerai.ops.sim.FakeClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenAdrTest {
    /** Spec User Guide example 7.3-1 (multi-valued price: three values split the 3 h interval into hours). */
    static final String EXAMPLE_7_3_1 = "{\"eventName\":\"multiPriceEvent\",\"programID\":\"44\","
            + "\"payloadDescriptors\":[{\"payloadType\":\"PRICE\",\"units\":\"KWH\",\"currency\":\"USD\"}],"
            + "\"intervals\":[{\"id\":0,\"intervalPeriod\":{\"start\":\"2025-06-25T00:00:00.000Z\",\"duration\":\"PT3H\"},"
            + "\"payloads\":[{\"type\":\"PRICE\",\"values\":[0.17,0.03,0.11]}]}]}";

    @Test
    void specExampleMultiValuedPriceSplitsTheInterval() {
        var ev = LenientJson.parse(EXAMPLE_7_3_1);
        assertThat(OpenAdrEvents.activeAt(ev, Instant.parse("2025-06-25T00:30:00Z"))
                        .get(0)
                        .value())
                .isEqualTo(0.17);
        assertThat(OpenAdrEvents.activeAt(ev, Instant.parse("2025-06-25T01:30:00Z"))
                        .get(0)
                        .value())
                .isEqualTo(0.03);
        var last = OpenAdrEvents.activeAt(ev, Instant.parse("2025-06-25T02:59:59Z"))
                .get(0);
        assertThat(last.value()).isEqualTo(0.11);
        assertThat(last.units()).isEqualTo("KWH");
        assertThat(last.programId()).isEqualTo("44");
        assertThat(OpenAdrEvents.activeAt(ev, Instant.parse("2025-06-25T03:00:00Z")))
                .isEmpty();
        assertThat(OpenAdrEvents.activeAt(ev, Instant.parse("2025-06-24T23:59:59Z")))
                .isEmpty();
    }

    @Test
    void timingRulesDefaultPeriodContiguousIntervalsNowAndForever() {
        var ev = LenientJson.parse("{\"programID\":\"p\",\"intervalPeriod\":{\"start\":\"2024-08-20T00:00:00Z\","
                + "\"duration\":\"PT1H\"},\"payloadDescriptors\":[{\"payLoadType\":\"IMPORT_CAPACITY_LIMIT\",\"units\":\"MW\"}],"
                + "\"intervals\":[{\"id\":0,\"payloads\":[{\"type\":\"IMPORT_CAPACITY_LIMIT\",\"values\":[5]}]},"
                + "{\"id\":1,\"payloads\":[{\"type\":\"IMPORT_CAPACITY_LIMIT\",\"values\":[2]}]}]}");
        List<OpenAdrEvents.Active> a = OpenAdrEvents.activeAt(ev, Instant.parse("2024-08-20T01:10:00Z"));
        assertThat(a).hasSize(1);
        assertThat(a.get(0).intervalId()).isEqualTo(1);
        assertThat(a.get(0).value()).isEqualTo(2.0);
        assertThat(a.get(0).units()).isEqualTo("MW"); // payLoadType spelling accepted
        var now = LenientJson.parse("{\"intervals\":[{\"id\":3,\"intervalPeriod\":{\"start\":\"0001-01-01T00:00:00Z\","
                + "\"duration\":\"P9999Y\"},\"payloads\":[{\"type\":\"SIMPLE\",\"values\":[2]}]}]}");
        assertThat(OpenAdrEvents.activeAt(now, Instant.parse("2030-01-01T00:00:00Z"))
                        .get(0)
                        .value())
                .isEqualTo(2.0);
        assertThat(OpenAdrEvents.duration(LenientJson.parse("\"P1DT2H\""))).isEqualTo(Duration.ofHours(26));
    }

    @Test
    void venPollsTheVtnStubAuthenticatesReportsAndGoesStaleWhenItIsDown() throws Exception {
        FakeClock clock = new FakeClock(Instant.parse("2024-08-20T00:30:00Z"));
        try (VtnStub vtn = new VtnStub("ven-1", "s3cret", clock)) {
            OpenAdrVen ven = new OpenAdrVen(
                    new OpenAdrVen.Settings(
                            vtn.baseUrl(),
                            "grid-1",
                            "ven-1",
                            "s3cret",
                            "site-west",
                            Duration.ofMinutes(5),
                            Duration.ofSeconds(5)),
                    10.0,
                    clock);
            assertThat(ven.latest(clock.instant())).isEmpty();
            assertThat(ven.poll()).isTrue();
            assertThat(ven.latest(clock.instant()).orElseThrow().value()).isEqualTo(10.0); // no event: the cap

            vtn.addEvent(
                    (ObjectNode)
                            LenientJson.parse(
                                    "{\"programID\":\"grid-1\",\"eventName\":\"shed\","
                                            + "\"payloadDescriptors\":[{\"payloadType\":\"IMPORT_CAPACITY_LIMIT\",\"units\":\"KW\"}],"
                                            + "\"intervalPeriod\":{\"start\":\"2024-08-20T00:00:00Z\",\"duration\":\"PT1H\"},"
                                            + "\"intervals\":[{\"id\":0,\"payloads\":[{\"type\":\"IMPORT_CAPACITY_LIMIT\",\"values\":[4000]}]}]}"));
            vtn.addEvent((ObjectNode) LenientJson.parse("{\"programID\":\"other\",\"intervalPeriod\":{\"start\":"
                    + "\"2024-08-20T00:00:00Z\",\"duration\":\"PT1H\"},\"intervals\":[{\"id\":0,\"payloads\":"
                    + "[{\"type\":\"ALERT_GRID_EMERGENCY\",\"values\":[1]}]}]}"));
            assertThat(ven.poll()).isTrue();
            assertThat(ven.ceilingMw(clock.instant())).isEqualTo(4.0); // 4000 KW; the other program is not ours
            vtn.addEvent((ObjectNode) LenientJson.parse("{\"programID\":\"grid-1\",\"intervalPeriod\":{\"start\":"
                    + "\"2024-08-20T00:00:00Z\",\"duration\":\"PT1H\"},\"intervals\":[{\"id\":0,\"payloads\":"
                    + "[{\"type\":\"SIMPLE\",\"values\":[2]}]}]}"));
            assertThat(ven.poll()).isTrue();
            assertThat(ven.ceilingMw(clock.instant())).isEqualTo(2.5); // SIMPLE 2 = 25 % of 10 MW
            OpenAdrEvents.Active first = ven.active(clock.instant()).get(0);
            assertThat(ven.report(first, 3.9, clock.instant())).isTrue();
            assertThat(vtn.reports()).hasSize(1);
            assertThat(vtn.reports()
                            .get(0)
                            .path("resources")
                            .get(0)
                            .path("intervals")
                            .get(0)
                            .path("id")
                            .asInt())
                    .isEqualTo(first.intervalId());

            vtn.down(true);
            clock.advance(Duration.ofMinutes(6));
            assertThat(ven.poll()).isFalse();
            assertThat(ven.lastError()).contains("503");
            SignalValue v = ven.latest(clock.instant()).orElseThrow();
            assertThat(Duration.between(v.receivedAtUtc(), clock.instant())).isGreaterThan(ven.staleAfter());
        }
    }

    @Test
    void wrongCredentialsFailThePoll() throws Exception {
        FakeClock clock = new FakeClock(Instant.parse("2024-08-20T00:30:00Z"));
        try (VtnStub vtn = new VtnStub("ven-1", "s3cret", clock)) {
            OpenAdrVen ven = new OpenAdrVen(
                    new OpenAdrVen.Settings(
                            vtn.baseUrl(),
                            "grid-1",
                            "ven-1",
                            "wrong",
                            "site",
                            Duration.ofMinutes(5),
                            Duration.ofSeconds(5)),
                    10.0,
                    clock);
            assertThat(ven.poll()).isFalse();
            assertThat(ven.lastError()).contains("401");
        }
    }
}
