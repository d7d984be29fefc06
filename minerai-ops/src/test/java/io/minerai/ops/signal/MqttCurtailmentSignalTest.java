package io.minerai.ops.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minerai.ops.sim.FakeClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The MQTT curtailment signal against a real broker (embedded Moquette, MQTT 3.1.1) on loopback. */
class MqttCurtailmentSignalTest {
    EmbeddedBroker broker;
    final FakeClock clock = new FakeClock(Instant.parse("2024-08-19T20:00:00Z"));

    @BeforeEach
    void startBroker() throws Exception {
        broker = new EmbeddedBroker();
    }

    @AfterEach
    void stopBroker() {
        broker.close();
    }

    @Test
    void followsTargetsFailsSafeWhenSilentAndDebouncesRaises() throws Exception {
        var settings = new MqttCurtailmentSignal.Settings(
                broker.uri(), "maestro/target", "minerai-test", "", "", Duration.ofSeconds(90), Duration.ofSeconds(5));
        try (MqttCurtailmentSignal sig = new MqttCurtailmentSignal(settings, clock);
                EmbeddedBroker.Publisher pub = broker.publisher("maestro/target")) {
            sig.start();
            assertThat(sig.latest(clock.instant())).isEmpty(); // nothing yet: the controller treats it as stale

            pub.send("{\"target\":100,\"timestamp\":" + clock.instant().getEpochSecond() + "}");
            awaitAccepted(sig, 1);
            assertThat(sig.latest(clock.instant()).orElseThrow().value()).isEqualTo(100.0);

            // Down applies at once.
            pub.send("{\"target\":0,\"timestamp\":" + clock.instant().getEpochSecond() + "}");
            awaitAccepted(sig, 2);
            assertThat(sig.latest(clock.instant()).orElseThrow().value()).isZero();

            // Up waits 5 s.
            pub.send("{\"target\":100,\"timestamp\":" + clock.instant().getEpochSecond() + "}");
            awaitAccepted(sig, 3);
            assertThat(sig.latest(clock.instant()).orElseThrow().value()).isZero();
            clock.advance(Duration.ofSeconds(5));
            assertThat(sig.latest(clock.instant()).orElseThrow().value()).isEqualTo(100.0);

            // Bad payloads are rejected and do not refresh the signal.
            Instant before = sig.latest(clock.instant()).orElseThrow().receivedAtUtc();
            clock.advance(Duration.ofSeconds(30));
            pub.send("{\"target\":150,\"timestamp\":" + clock.instant().getEpochSecond() + "}");
            pub.send("{\"target\":0,\"timestamp\":" + (clock.instant().getEpochSecond() - 90_000) + "}");
            pub.send("not json");
            awaitRejected(sig, 3);
            assertThat(sig.latest(clock.instant()).orElseThrow().receivedAtUtc())
                    .isEqualTo(before);

            // Silence: the value ages past staleAfter (the controller then curtails).
            clock.advance(Duration.ofSeconds(91));
            SignalValue v = sig.latest(clock.instant()).orElseThrow();
            assertThat(Duration.between(v.receivedAtUtc(), clock.instant())).isGreaterThan(sig.staleAfter());
        }
    }

    @Test
    void payloadRules() {
        Instant now = Instant.parse("2024-08-19T20:00:00Z");
        byte[] ok = "{\"target\":100,\"timestamp\":1724097600}".getBytes(StandardCharsets.UTF_8);
        assertThat(CurtailmentPayload.parse(ok, now).demand())
                .isEqualTo(new CurtailmentPayload.Demand.TargetPercent(100));
        byte[] shed = "{\"shedKw\":250.5,\"timestamp\":1724097600}".getBytes(StandardCharsets.UTF_8);
        assertThat(CurtailmentPayload.parse(shed, now).demand()).isEqualTo(new CurtailmentPayload.Demand.ShedKw(250.5));
        assertThat(new CurtailmentPayload(new CurtailmentPayload.Demand.ShedKw(40), now).toJson())
                .isEqualTo("{\"shedKw\":40,\"timestamp\":1724097600}");
        assertThatThrownBy(() -> CurtailmentPayload.parse(
                        "{\"target\":0,\"shedKw\":5,\"timestamp\":1724097600}".getBytes(StandardCharsets.UTF_8), now))
                .hasMessageContaining("both");
        assertThatThrownBy(() -> CurtailmentPayload.parse(
                        "{\"shedKw\":-5,\"timestamp\":1724097600}".getBytes(StandardCharsets.UTF_8), now))
                .hasMessageContaining("'shedKw' must be in 0..");
        assertThat(new CurtailmentPayload(0, now).toJson()).isEqualTo("{\"target\":0,\"timestamp\":1724097600}");
        assertThatThrownBy(() -> CurtailmentPayload.parse(new byte[1025], now)).hasMessageContaining("1024");
        assertThatThrownBy(() -> CurtailmentPayload.parse("{\"timestamp\":1}".getBytes(StandardCharsets.UTF_8), now))
                .hasMessageContaining("target");
    }

    private static void awaitAccepted(MqttCurtailmentSignal s, long n) throws InterruptedException {
        EmbeddedBroker.awaitCounts(s, n, 0);
        assertThat(s.acceptedCount()).isEqualTo(n);
    }

    private static void awaitRejected(MqttCurtailmentSignal s, long n) throws InterruptedException {
        EmbeddedBroker.awaitCounts(s, 0, n);
        assertThat(s.rejectedCount()).isEqualTo(n);
    }
}
