package io.minerai.ops.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.minerai.core.audit.AuditEntry;
import io.minerai.ops.device.DeviceMode;
import io.minerai.ops.signal.EmbeddedBroker;
import io.minerai.ops.signal.MqttCurtailmentSignal;
import io.minerai.ops.sim.FakeClock;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A contracted shed driven through a real MQTT broker (embedded Moquette on loopback) by the feed in {@code
 * fixtures/mqtt-maestro-fixed-kw.json}: the published {@code {"target":0|100,"timestamp":unix}} wire form of
 * block/proto-fleet's MaestroOS-style ingest, with the contracted kW configured on our side as proto-fleet configures
 * {@code contracted_curtailment_kw} on a {@code fixed_kw} source. The five 3 kW miners of {@link ContractedShedTest}
 * (15 kW) shed exactly the contracted 7 kW (two sleep, one takes a power target; by hand there), keep it through the
 * program's 10-minute minimum although the publisher lifts it after 2.5 minutes, reject a redelivered older message,
 * and come back after the event.
 */
class ContractedShedOverBrokerTest {
    static final Duration STEP = Duration.ofSeconds(30);

    @Test
    void theMaestroFeedShedsTheContractedKwThroughABroker() throws Exception {
        JsonNode fx;
        try (InputStream in = getClass().getResourceAsStream("/fixtures/mqtt-maestro-fixed-kw.json")) {
            fx = JsonMapper.builder().build().readTree(in);
        }
        assertThat(fx.path("source").asText()).contains("proto-fleet");
        Instant t0 = Instant.parse(fx.path("startUtc").asText());
        FakeClock clock = new FakeClock(t0);
        TreeMap<Integer, List<String>> feed = new TreeMap<>();
        int offAt = -1; // the ON -> OFF edge: the first target 0
        for (JsonNode m : fx.path("messages")) {
            int at = m.path("atSeconds").asInt();
            String payload = m.path("payload").asText();
            feed.computeIfAbsent(at, k -> new ArrayList<>()).add(payload);
            if (offAt < 0 && payload.contains("\"target\":0,")) {
                offAt = at;
            }
        }
        assertThat(offAt).isEqualTo(120);
        Instant eventAt = t0.plusSeconds(offAt);
        String topic = fx.path("topic").asText();
        Duration minCurtailed =
                Duration.ofSeconds(fx.path("minCurtailedSeconds").asLong());

        try (EmbeddedBroker broker = new EmbeddedBroker();
                EmbeddedBroker.Publisher pub = broker.publisher(topic);
                MqttCurtailmentSignal mqtt = new MqttCurtailmentSignal(
                        new MqttCurtailmentSignal.Settings(
                                broker.uri(),
                                topic,
                                "site-controller",
                                "",
                                "",
                                Duration.ofSeconds(90),
                                Duration.ofSeconds(5),
                                minCurtailed,
                                fx.path("contractedShedKw").asDouble()),
                        clock)) {
            mqtt.start();
            ContractedShedTest.Run r = ContractedShedTest.start(mqtt, false, clock);
            long sent = 0;
            Instant reachedAt = null;
            Instant liftedAt = null;
            for (int t = 0; t <= feed.lastKey(); t += (int) STEP.toSeconds()) {
                Instant now = clock.instant();
                for (String payload : feed.getOrDefault(t, List.of())) {
                    pub.send(payload);
                    sent++;
                }
                EmbeddedBroker.awaitHandled(mqtt, sent);
                assertThat(mqtt.acceptedCount() + mqtt.rejectedCount())
                        .as("delivered by the broker")
                        .isEqualTo(sent);
                r.price().at = now;
                r.controller().step(now);
                double siteW = r.fleet().trueSitePowerW();
                if (!now.isBefore(eventAt) && reachedAt == null && siteW == 8_000) {
                    reachedAt = now;
                }
                if (reachedAt != null && now.isBefore(eventAt.plus(minCurtailed))) {
                    assertThat(siteW).as("held at %s (minimum time)", now).isEqualTo(8_000);
                }
                if (reachedAt != null && liftedAt == null && siteW > 8_000) {
                    liftedAt = now;
                }
                clock.advance(STEP);
            }
            assertThat(mqtt.rejectedCount()).as("the redelivered older message").isEqualTo(1);
            assertThat(mqtt.lastRejection()).contains("out of order");
            assertThat(reachedAt).as("7 kW shed").isNotNull();
            assertThat(Duration.between(eventAt, reachedAt)).isLessThanOrEqualTo(Duration.ofMinutes(2));
            assertThat(liftedAt).as("load raised again").isNotNull();
            assertThat(liftedAt).isAfterOrEqualTo(eventAt.plus(minCurtailed));
            assertThat(r.fleet().trueSitePowerW())
                    .as("restored after the event")
                    .isEqualTo(15_000);
            assertThat(r.fleet().trueMode(4)).isEqualTo(DeviceMode.RUNNING);

            AuditEntry start = ContractedShedTest.only(r.audit(), "shed-start");
            assertThat(start.details())
                    .containsEntry("signal", "mqtt:" + topic)
                    .containsEntry("shedKw", "7.0")
                    .containsEntry("baselineKw", "15.0")
                    .containsEntry("ceilingKw", "8.0");
            assertThat(start.timeUtc()).isEqualTo(eventAt);
            ContractedShedTest.only(r.audit(), "shed-reached");
            AuditEntry end = ContractedShedTest.only(r.audit(), "shed-end");
            assertThat(end.timeUtc()).isEqualTo(eventAt.plus(minCurtailed));
        }
    }
}
