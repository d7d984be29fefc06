package io.minerai.ops.signal;

import static org.assertj.core.api.Assertions.assertThat;

import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;

class MoquetteSmokeTest {
    @Test
    void pahoTalksToMoquette() throws Exception {
        Properties p = new Properties();
        p.setProperty("host", "127.0.0.1");
        int free;
        try (var ss = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            free = ss.getLocalPort();
        }
        p.setProperty("port", Integer.toString(free));
        p.setProperty("persistence_enabled", "false");
        p.setProperty("allow_anonymous", "true");
        p.setProperty("telemetry_enabled", "false");
        Server s = new Server();
        s.startServer(new MemoryConfig(p));
        try {
            int port = free;
            System.out.println("getPort=" + s.getPort() + " free=" + free);
            MqttClient c = new MqttClient("tcp://127.0.0.1:" + port, "t1", new MemoryPersistence());
            c.connect(new MqttConnectOptions());
            var q = new ArrayBlockingQueue<String>(4);
            c.subscribe("a/b", 1, (t, m) -> q.add(new String(m.getPayload(), StandardCharsets.UTF_8)));
            c.publish("a/b", "hi".getBytes(StandardCharsets.UTF_8), 1, false);
            assertThat(q.poll(10, TimeUnit.SECONDS)).isEqualTo("hi");
            c.disconnect();
            c.close();
        } finally {
            s.stopServer();
        }
    }
}
