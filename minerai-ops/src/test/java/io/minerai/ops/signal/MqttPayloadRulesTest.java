package io.minerai.ops.signal;

import static org.assertj.core.api.Assertions.assertThat;

import io.minerai.ops.sim.FakeClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The MQTT curtailment rules that need no broker: out-of-order and stale messages are rejected, and a raised target
 * waits for the debounce and the minimum curtailed time. Payloads are handed in as the broker would deliver them.
 */
class MqttPayloadRulesTest {
    final FakeClock clock = new FakeClock(Instant.parse("2024-08-19T20:00:00Z"));
    final MqttCurtailmentSignal signal = new MqttCurtailmentSignal(
            new MqttCurtailmentSignal.Settings(
                    "tcp://127.0.0.1:1", // never connected in this test
                    "maestro/target",
                    "t",
                    "",
                    "",
                    Duration.ofSeconds(90),
                    Duration.ofSeconds(5),
                    Duration.ofMinutes(10)),
            clock);

    void publish(double target, Instant timestamp) {
        signal.onMessage(("{\"target\":" + target + ",\"timestamp\":" + timestamp.getEpochSecond() + "}")
                .getBytes(StandardCharsets.UTF_8));
    }

    double value() {
        return signal.latest(clock.instant()).orElseThrow().value();
    }

    @Test
    void outOfOrderAndStaleMessagesAreRejected() {
        publish(100, clock.instant());
        clock.advance(Duration.ofSeconds(30));
        publish(0, clock.instant());
        assertThat(value()).isZero();
        // a redelivered older "100" (QoS 1 after a reconnect) must not lift the curtailment
        publish(100, clock.instant().minusSeconds(30));
        assertThat(signal.rejectedCount()).isEqualTo(1);
        assertThat(signal.lastRejection()).contains("out of order");
        // a message stamped 10 minutes ago (a retained one) is stale and does not refresh the signal
        Instant before = signal.latest(clock.instant()).orElseThrow().receivedAtUtc();
        clock.advance(Duration.ofSeconds(60));
        publish(0, clock.instant().minusSeconds(600));
        assertThat(signal.rejectedCount()).isEqualTo(2);
        assertThat(signal.lastRejection()).contains("stale");
        assertThat(signal.latest(clock.instant()).orElseThrow().receivedAtUtc()).isEqualTo(before);
        signal.close();
    }

    @Test
    void aRaiseWaitsForTheMinimumCurtailedTime() {
        publish(100, clock.instant());
        clock.advance(Duration.ofSeconds(30));
        publish(0, clock.instant()); // curtailed from now
        for (int i = 0; i < 10; i++) { // the publisher says 100 again every 30 s for 5 minutes
            clock.advance(Duration.ofSeconds(30));
            publish(100, clock.instant());
            assertThat(value()).as("within the 10-minute minimum").isZero();
        }
        for (int i = 0; i < 10; i++) {
            clock.advance(Duration.ofSeconds(30));
            publish(100, clock.instant());
        }
        assertThat(value()).as("after the minimum and the debounce").isEqualTo(100);
        signal.close();
    }
}
