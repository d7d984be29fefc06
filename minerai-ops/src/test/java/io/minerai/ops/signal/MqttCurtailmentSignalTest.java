package io.minerai.ops.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minerai.ops.sim.FakeClock;
import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The MQTT curtailment signal against a real broker (embedded Moquette, MQTT 3.1.1) on loopback. */
class MqttCurtailmentSignalTest {
    Server broker;
    int port;
    final FakeClock clock = new FakeClock(Instant.parse("2024-08-19T20:00:00Z"));

    @BeforeEach
    void startBroker() throws Exception {
        try (ServerSocket ss = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = ss.getLocalPort();
        }
        Properties p = new Properties();
        p.setProperty("host", "127.0.0.1");
        p.setProperty("port", Integer.toString(port));
        p.setProperty("persistence_enabled", "false");
        p.setProperty("allow_anonymous", "true");
        p.setProperty("telemetry_enabled", "false");
        broker = new Server();
        broker.startServer(new MemoryConfig(p));
    }

    @AfterEach
    void stopBroker() {
        broker.stopServer();
    }

    @Test
    void followsTargetsFailsSafeWhenSilentAndDebouncesRaises() throws Exception {
        var settings = new MqttCurtailmentSignal.Settings(
                "tcp://127.0.0.1:" + port,
                "maestro/target",
                "minerai-test",
                "",
                "",
                Duration.ofSeconds(90),
                Duration.ofSeconds(5));
        try (MqttCurtailmentSignal sig = new MqttCurtailmentSignal(settings, clock);
                Publisher pub = new Publisher(port)) {
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
        assertThat(CurtailmentPayload.parse(ok, now).targetPercent()).isEqualTo(100.0);
        assertThat(new CurtailmentPayload(0, now).toJson()).isEqualTo("{\"target\":0,\"timestamp\":1724097600}");
        assertThatThrownBy(() -> CurtailmentPayload.parse(new byte[1025], now)).hasMessageContaining("1024");
        assertThatThrownBy(() -> CurtailmentPayload.parse("{\"timestamp\":1}".getBytes(StandardCharsets.UTF_8), now))
                .hasMessageContaining("target");
    }

    private static void awaitAccepted(MqttCurtailmentSignal s, long n) throws InterruptedException {
        for (int i = 0; i < 800 && s.acceptedCount() < n; i++) {
            Thread.sleep(25); // waiting for the broker's delivery, bounded at 20 s (a loaded CI machine)
        }
        assertThat(s.acceptedCount()).isEqualTo(n);
    }

    private static void awaitRejected(MqttCurtailmentSignal s, long n) throws InterruptedException {
        for (int i = 0; i < 800 && s.rejectedCount() < n; i++) {
            Thread.sleep(25);
        }
        assertThat(s.rejectedCount()).isEqualTo(n);
    }

    /** A publisher on the same broker. */
    static final class Publisher implements AutoCloseable {
        final MqttClient c;

        Publisher(int port) throws Exception {
            c = new MqttClient("tcp://127.0.0.1:" + port, "publisher", new MemoryPersistence());
            c.connect(new MqttConnectOptions());
        }

        void send(String json) throws Exception {
            c.publish("maestro/target", json.getBytes(StandardCharsets.UTF_8), 1, false);
        }

        @Override
        public void close() throws Exception {
            c.disconnect();
            c.close();
        }
    }
}
