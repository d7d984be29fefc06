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
 * An MQTT curtailment target (MQTT 3.1.1, QoS 1, clean session off, automatic reconnect) as a {@link SignalSource}.
 * Without a contracted shed it is of kind {@link SignalKind#LOAD_PERCENT} (the message's {@code target} is the load
 * allowed, % of the site cap; 0 sleeps the whole site). With a contracted shed ({@link Settings#contractedShedKw()}
 * above 0) it is of kind {@link SignalKind#SHED_KW}: a message {@code {"shedKw":N}} asks to shed N kW below the site's
 * pre-event power and {@code {"target":p}} sheds {@code 100 - p} % of the contracted kW ({@code target 0}: all of it,
 * {@code 100}: none), so a 0/100 publisher drives a contracted curtailment unchanged.
 *
 * <p>The publisher repeats the message (every 30 s in the MaestroOS contract); every accepted message refreshes the
 * signal, so silence makes it stale and the controller curtails (the fail-safe watchdog of block/proto-fleet's edge
 * detector). A deeper curtailment applies at once; a lighter one only after it has held for the debounce time (5 s
 * there) and after the site has been curtailed for at least {@code minCurtailed} (a program's minimum curtailment
 * time). Rejected messages are counted, not used: bad JSON, out of range, timestamp skew beyond 24 h, a timestamp
 * older than the last accepted one (out of order: QoS 1 redelivers after a reconnect, two brokers interleave), a
 * timestamp older than {@code staleAfter} (a stale message, e.g. a retained one, must not make a silent publisher look
 * alive) and a {@code shedKw} message on a signal without a contracted shed.
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
     * @param contractedShedKw the kW a curtailment sheds under the site's demand-response contract; 0 for none (the
     *     target is then a share of the site cap)
     */
    public record Settings(
            String brokerUri,
            String topic,
            String clientId,
            String username,
            String password,
            Duration staleAfter,
            Duration upDebounce,
            Duration minCurtailed,
            double contractedShedKw) {
        public Settings {
            if (!(contractedShedKw >= 0) || Double.isInfinite(contractedShedKw)) {
                throw new IllegalArgumentException("contractedShedKw must be a number >= 0, was " + contractedShedKw);
            }
        }

        /** Without a contracted shed: targets are a share of the site cap. */
        public Settings(
                String brokerUri,
                String topic,
                String clientId,
                String username,
                String password,
                Duration staleAfter,
                Duration upDebounce,
                Duration minCurtailed) {
            this(brokerUri, topic, clientId, username, password, staleAfter, upDebounce, minCurtailed, 0);
        }

        /** Without a minimum curtailed time. */
        public Settings(
                String brokerUri,
                String topic,
                String clientId,
                String username,
                String password,
                Duration staleAfter,
                Duration upDebounce) {
            this(brokerUri, topic, clientId, username, password, staleAfter, upDebounce, Duration.ZERO, 0);
        }
    }

    private final Settings s;
    private final Clock clock;
    private final MqttClient client;
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private @Nullable SignalValue current;
    /** The lighter value waiting for its debounce (NaN: none). */
    private double pendingUpValue = Double.NaN;

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
        double v;
        switch (p.demand()) {
            case CurtailmentPayload.Demand.TargetPercent t ->
                v = shedMode() ? (100 - t.percent()) / 100.0 * s.contractedShedKw() : t.percent();
            case CurtailmentPayload.Demand.ShedKw k -> {
                if (!shedMode()) {
                    reject(
                            "'shedKw' message, but this signal has no contracted shed (set signals.mqtt.contractedShedKw)");
                    return;
                }
                v = k.shedKw();
            }
        }
        lastTimestamp = p.timestamp();
        accepted.incrementAndGet();
        SignalValue cur = current;
        if (cur == null || !lighter(v, cur.value())) {
            if (curtails(v) && (cur == null || lighter(cur.value(), v))) {
                curtailedSince = now; // a new (or deeper) curtailment starts its minimum time
            }
            current = new SignalValue(v, now); // deeper (or first, or same): at once
            pendingUpValue = Double.NaN;
            pendingUpSince = null;
            return;
        }
        // Lighter: debounce.
        if (pendingUpSince == null || pendingUpValue != v) {
            pendingUpValue = v;
            pendingUpSince = now;
        }
        current = new SignalValue(cur.value(), now); // the repeat still proves the publisher is alive
    }

    /** Whether this signal sheds a contracted number of kW (kind {@link SignalKind#SHED_KW}). */
    private boolean shedMode() {
        return s.contractedShedKw() > 0;
    }

    /** Whether value {@code a} asks for less curtailment than {@code b}. */
    private boolean lighter(double a, double b) {
        return shedMode() ? a < b : a > b;
    }

    /** Whether a value curtails at all. */
    private boolean curtails(double v) {
        return shedMode() ? v > 0 : v < 100;
    }

    @Override
    public String name() {
        return "mqtt:" + s.topic();
    }

    @Override
    public SignalKind kind() {
        return shedMode() ? SignalKind.SHED_KW : SignalKind.LOAD_PERCENT;
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
            SignalValue raised = new SignalValue(pendingUpValue, cur.receivedAtUtc());
            current = raised;
            pendingUpSince = null;
            pendingUpValue = Double.NaN;
            if (!curtails(raised.value())) {
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
