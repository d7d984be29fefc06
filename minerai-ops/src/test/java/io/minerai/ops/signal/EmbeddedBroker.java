package io.minerai.ops.signal;

import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/** A real MQTT 3.1.1 broker (embedded Moquette, in memory, anonymous) on a free loopback port, for tests. */
public final class EmbeddedBroker implements AutoCloseable {
    private final Server broker = new Server();
    private final int port;

    public EmbeddedBroker() throws Exception {
        try (ServerSocket ss = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = ss.getLocalPort();
        }
        Properties p = new Properties();
        p.setProperty("host", "127.0.0.1");
        p.setProperty("port", Integer.toString(port));
        p.setProperty("persistence_enabled", "false");
        p.setProperty("allow_anonymous", "true");
        p.setProperty("telemetry_enabled", "false");
        broker.startServer(new MemoryConfig(p));
    }

    /** The broker's URI, {@code tcp://127.0.0.1:<port>}. */
    public String uri() {
        return "tcp://127.0.0.1:" + port;
    }

    /** A publisher client on this broker. */
    public Publisher publisher(String topic) throws Exception {
        return new Publisher(uri(), topic);
    }

    @Override
    public void close() {
        broker.stopServer();
    }

    /** Publishes with QoS 1, as the curtailment feeds do. */
    public static final class Publisher implements AutoCloseable {
        private final MqttClient c;
        private final String topic;

        Publisher(String uri, String topic) throws Exception {
            this.topic = topic;
            c = new MqttClient(uri, "publisher", new MemoryPersistence());
            c.connect(new MqttConnectOptions());
        }

        public void send(String json) throws Exception {
            c.publish(topic, json.getBytes(StandardCharsets.UTF_8), 1, false);
        }

        @Override
        public void close() throws Exception {
            c.disconnect();
            c.close();
        }
    }

    /** Waits (bounded at 20 s, for a loaded CI machine) until the signal has accepted and rejected this many. */
    public static void awaitCounts(MqttCurtailmentSignal s, long accepted, long rejected) throws InterruptedException {
        await(() -> s.acceptedCount() >= accepted && s.rejectedCount() >= rejected);
    }

    /** Waits (bounded at 20 s) until the signal has handled (accepted or rejected) this many messages. */
    public static void awaitHandled(MqttCurtailmentSignal s, long handled) throws InterruptedException {
        await(() -> s.acceptedCount() + s.rejectedCount() >= handled);
    }

    private static void await(BooleanSupplier done) throws InterruptedException {
        for (int i = 0; i < 2000 && !done.getAsBoolean(); i++) {
            Thread.sleep(10);
        }
    }
}
