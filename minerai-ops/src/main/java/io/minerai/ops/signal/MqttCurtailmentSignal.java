package io.minerai.ops.signal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.jspecify.annotations.Nullable;

/**
 * An MQTT curtailment target (MQTT 3.1.1, QoS 1, clean session off, automatic reconnect) as a {@link SignalSource}
 * of kind {@link SignalKind#LOAD_PERCENT}. The publisher repeats the message (every 30 s in the MaestroOS contract);
 * every accepted message refreshes the signal, so silence makes it stale and the controller curtails (the fail-safe
 * watchdog of block/proto-fleet's edge detector). A lower target applies at once; a higher one only after it has held
 * for the debounce time (5 s there) and after the site has been curtailed for at least {@code minCurtailed} (a
 * program's minimum curtailment time). Rejected messages are counted, not used: bad JSON, out of range, timestamp skew
 * beyond 24 h, a timestamp older than the last accepted one (out of order: QoS 1 redelivers after a reconnect, two
 * brokers interleave) and a timestamp older than {@code staleAfter} (a stale message, e.g. a retained one, must not
 * make a silent publisher look alive).
 */
public final class MqttCurtailmentSignal implements SignalSource, AutoCloseable {
    /**
     * Settings.
     *
     * @param brokerUri e.g. {@code tcp://127.0.0.1:1883} or {@code ssl://broker:8883}
     * @param topic e.g. {@code maestro/target}
     * @param clientId MQTT client id
     * @param username user name, empty for none
     * @param password password, empty for none
     * @param staleAfter silence after which the signal is stale
     * @param upDebounce how long a raised target must hold before it applies
     * @param minCurtailed once lowered, a target is raised no sooner than this after the lowering (0 = no minimum)
     */
    public record Settings(
            String brokerUri,
            String topic,
            String clientId,
            String username,
            String password,
            Duration staleAfter,
            Duration upDebounce,
            Duration minCurtailed) {
        /** Without a minimum curtailed time. */
        public Settings(
                String brokerUri,
                String topic,
                String clientId,
                String username,
                String password,
                Duration staleAfter,
                Duration upDebounce) {
            this(brokerUri, topic, clientId, username, password, staleAfter, upDebounce, Duration.ZERO);
        }
    }

    private final Settings s;
    private final Clock clock;
    private final MqttClient client;
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private @Nullable SignalValue current;
    private double pendingUpPercent = Double.NaN;
    private @Nullable Instant pendingUpSince;
    private @Nullable String lastRejection;
    private @Nullable Instant lastTimestamp;
    private @Nullable Instant curtailedSince;

    public MqttCurtailmentSignal(Settings s, Clock clock) {
        this.s = s;
        this.clock = clock;
        try {
            this.client = new MqttClient(s.brokerUri(), s.clientId(), new MemoryPersistence());
        } catch (MqttException e) {
            throw new IllegalArgumentException("bad MQTT broker URI " + s.brokerUri() + ": " + e.getMessage(), e);
        }
    }

    /** Connects and subscribes; reconnects by itself afterwards. */
    public void start() throws MqttException {
        MqttConnectOptions o = new MqttConnectOptions();
        o.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        o.setCleanSession(false);
        o.setAutomaticReconnect(true);
        o.setConnectionTimeout(10);
        o.setKeepAliveInterval(30);
        if (!s.username().isEmpty()) {
            o.setUserName(s.username());
            o.setPassword(s.password().toCharArray());
        }
        client.setCallback(new MqttCallbackExtended() {
            @Override
            public void connectComplete(boolean reconnect, String serverUri) {
                if (reconnect) {
                    try {
                        client.subscribe(s.topic(), 1);
                    } catch (MqttException e) {
                        // the next reconnect tries again; the signal goes stale meanwhile
                    }
                }
            }

            @Override
            public void connectionLost(Throwable cause) {}

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                onMessage(message.getPayload());
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {}
        });
        client.connect(o);
        client.subscribe(s.topic(), 1);
    }

    /** Handles one payload (public for tests and for bridges that receive it another way). */
    public synchronized void onMessage(byte[] payload) {
        Instant now = clock.instant();
        CurtailmentPayload p;
        try {
            p = CurtailmentPayload.parse(payload, now);
        } catch (IllegalArgumentException e) {
            reject(e.getMessage());
            return;
        }
        if (Duration.between(p.timestamp(), now).compareTo(s.staleAfter()) > 0) {
            reject("stale: timestamp " + p.timestamp() + " is older than " + s.staleAfter() + " at " + now);
            return;
        }
        Instant last = lastTimestamp;
        if (last != null && p.timestamp().isBefore(last)) {
            reject("out of order: timestamp " + p.timestamp() + " is before the last accepted " + last);
            return;
        }
        lastTimestamp = p.timestamp();
        accepted.incrementAndGet();
        SignalValue cur = current;
        if (cur == null || p.targetPercent() <= cur.value()) {
            if (p.targetPercent() < 100 && (cur == null || p.targetPercent() < cur.value())) {
                curtailedSince = now; // a new (or deeper) curtailment starts its minimum time
            }
            current = new SignalValue(p.targetPercent(), now); // down (or first, or same): at once
            pendingUpPercent = Double.NaN;
            pendingUpSince = null;
            return;
        }
        // Up: debounce.
        if (pendingUpSince == null || pendingUpPercent != p.targetPercent()) {
            pendingUpPercent = p.targetPercent();
            pendingUpSince = now;
        }
        current = new SignalValue(cur.value(), now); // the repeat still proves the publisher is alive
    }

    @Override
    public String name() {
        return "mqtt:" + s.topic();
    }

    @Override
    public SignalKind kind() {
        return SignalKind.LOAD_PERCENT;
    }

    @Override
    public Duration staleAfter() {
        return s.staleAfter();
    }

    private void reject(@Nullable String why) {
        rejected.incrementAndGet();
        lastRejection = why;
    }

    @Override
    public synchronized Optional<SignalValue> latest(Instant nowUtc) {
        Instant since = pendingUpSince;
        SignalValue cur = current;
        Instant curtailed = curtailedSince;
        boolean minTimeOver = curtailed == null || !nowUtc.isBefore(curtailed.plus(s.minCurtailed()));
        if (cur != null && since != null && minTimeOver && !nowUtc.isBefore(since.plus(s.upDebounce()))) {
            SignalValue raised = new SignalValue(pendingUpPercent, cur.receivedAtUtc());
            current = raised;
            pendingUpSince = null;
            pendingUpPercent = Double.NaN;
            if (raised.value() >= 100) {
                curtailedSince = null;
            }
        }
        return Optional.ofNullable(current);
    }

    public long acceptedCount() {
        return accepted.get();
    }

    public long rejectedCount() {
        return rejected.get();
    }

    public synchronized @Nullable String lastRejection() {
        return lastRejection;
    }

    public boolean connected() {
        return client.isConnected();
    }

    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect(1000);
            }
            client.close();
        } catch (MqttException e) {
            // closing anyway
        }
    }
}
