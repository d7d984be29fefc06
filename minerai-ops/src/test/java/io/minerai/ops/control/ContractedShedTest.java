package io.minerai.ops.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.minerai.core.audit.AuditEntry;
import io.minerai.ops.audit.InMemoryAuditLog;
import io.minerai.ops.device.Capabilities;
import io.minerai.ops.device.DeviceKind;
import io.minerai.ops.device.DeviceMode;
import io.minerai.ops.device.DeviceSpec;
import io.minerai.ops.meter.MeterReading;
import io.minerai.ops.meter.SiteMeter;
import io.minerai.ops.signal.MqttCurtailmentSignal;
import io.minerai.ops.signal.SignalKind;
import io.minerai.ops.signal.SignalSource;
import io.minerai.ops.sim.FakeClock;
import io.minerai.ops.sim.FakeFleet;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * A contracted shed over MQTT, computed by hand: five 3 kW miners running (15 kW), the contract sheds 7 kW. The
 * controller sleeps the least valuable, gives the middle one a power target for what is left, keeps the two most
 * valuable running, holds the shed for the program's minimum time and audits it all. Once with the devices' own
 * figures, once with a site meter that sees 1 kW of auxiliaries and 10 % cooling.
 */
class ContractedShedTest {
    static final Duration STEP = Duration.ofSeconds(30);
    final FakeClock clock = new FakeClock(Instant.parse("2024-08-19T20:00:00Z"));

    /** Values 90, 80, 70, 60, 50 USD/MWh; the 70 one takes power targets from 1.5 kW. */
    static List<DeviceSpec> fleet() {
        return List.of(
                miner("m90", 90, Capabilities.SLEEP_ONLY),
                miner("m80", 80, Capabilities.SLEEP_ONLY),
                miner("m70", 70, Capabilities.sleepAndTarget(1500, 3000)),
                miner("m60", 60, Capabilities.SLEEP_ONLY),
                miner("m50", 50, Capabilities.SLEEP_ONLY));
    }

    static DeviceSpec miner(String id, double value, Capabilities caps) {
        return new DeviceSpec(id, DeviceKind.MINER, 3000, 100, 100, value, caps);
    }

    /** A price the test refreshes every step: 20 USD/MWh, every miner earns more. */
    static final class Price implements SignalSource {
        Instant at = Instant.EPOCH;

        @Override
        public String name() {
            return "price";
        }

        @Override
        public SignalKind kind() {
            return SignalKind.PRICE_USD_PER_MWH;
        }

        @Override
        public Duration staleAfter() {
            return Duration.ofMinutes(5);
        }

        @Override
        public Optional<io.minerai.ops.signal.SignalValue> latest(Instant nowUtc) {
            return Optional.of(new io.minerai.ops.signal.SignalValue(20, at));
        }
    }

    /** Metered = 1 kW + 1.1 x the devices' true power, read when the controller asks. */
    static final class Meter implements SiteMeter {
        final FakeFleet fleet;
        final FakeClock clock;

        Meter(FakeFleet fleet, FakeClock clock) {
            this.fleet = fleet;
            this.clock = clock;
        }

        @Override
        public String name() {
            return "meter";
        }

        @Override
        public Duration staleAfter() {
            return Duration.ofMinutes(2);
        }

        @Override
        public boolean poll() {
            return true;
        }

        @Override
        public Optional<MeterReading> latest() {
            return Optional.of(new MeterReading(1000 + 1.1 * fleet.trueSitePowerW(), clock.instant()));
        }

        @Override
        public @Nullable String lastError() {
            return null;
        }
    }

    MqttCurtailmentSignal signal(double contractedShedKw) {
        return new MqttCurtailmentSignal(
                new MqttCurtailmentSignal.Settings(
                        "tcp://127.0.0.1:1", // never connected: payloads are handed in as the broker delivers them
                        "dr/curtail",
                        "t",
                        "",
                        "",
                        Duration.ofSeconds(90),
                        Duration.ofSeconds(5),
                        Duration.ofMinutes(10),
                        contractedShedKw),
                clock);
    }

    static void publish(MqttCurtailmentSignal s, String body, Instant at) {
        s.onMessage(("{" + body + ",\"timestamp\":" + at.getEpochSecond() + "}").getBytes(StandardCharsets.UTF_8));
    }

    record Run(SiteController controller, FakeFleet fleet, InMemoryAuditLog audit, Price price) {
        ControllerStatus step(FakeClock clock) {
            Instant now = clock.advance(STEP);
            price.at = now;
            return controller.step(now);
        }
    }

    Run start(MqttCurtailmentSignal mqtt, boolean withMeter) {
        return start(mqtt, withMeter, clock);
    }

    /** Five running miners, a fresh price, the MQTT signal and (optionally) the meter, on this clock. */
    static Run start(MqttCurtailmentSignal mqtt, boolean withMeter, FakeClock clock) {
        FakeFleet fleet = new FakeFleet(fleet(), DeviceMode.RUNNING, FakeFleet.Faults.NONE, 1, STEP);
        InMemoryAuditLog audit = new InMemoryAuditLog();
        Price price = new Price();
        price.at = clock.instant();
        SiteController c = new SiteController(
                new SiteController.Wiring(
                        ControllerConfig.defaults(0.025).withSafeStateMinHold(Duration.ZERO),
                        fleet,
                        List.of(price, mqtt),
                        new MeritOrderTarget(0),
                        audit,
                        ControllerObserver.NONE,
                        withMeter
                                ? Optional.of(new MeterLoop(new Meter(fleet, clock), 0.1, Duration.ofMinutes(5)))
                                : Optional.empty()),
                clock.instant());
        return new Run(c, fleet, audit, price);
    }

    @Test
    void shedsTheContractedKwFromTheDevicesFiguresAndKeepsTheRestRunning() {
        MqttCurtailmentSignal mqtt = signal(7);
        assertThat(mqtt.kind()).isEqualTo(SignalKind.SHED_KW);
        Run r = start(mqtt, false);
        for (int s = 0; s < 4; s++) { // the publisher says "no curtailment" every 30 s
            publish(mqtt, "\"target\":100", clock.instant());
            r.step(clock);
        }
        assertThat(r.fleet().trueSitePowerW()).isEqualTo(15_000);

        publish(mqtt, "\"target\":0", clock.instant()); // curtail: the whole contracted 7 kW
        Instant eventAt = clock.instant();
        for (int s = 0; s < 4; s++) {
            r.step(clock);
            publish(mqtt, "\"target\":0", clock.instant());
        }
        // Baseline 15 kW (5 x 3 kW, the devices' own figures), ceiling 8 kW. Floors 5 x 100 W; the 7.5 kW above them
        // go in merit order: m90 +2.9 kW, m80 +2.9 kW, m70 gets the 1.7 kW left as a 1.8 kW target, m60 and m50 sleep.
        FakeFleet f = r.fleet();
        assertThat(f.trueMode(0)).isEqualTo(DeviceMode.RUNNING);
        assertThat(f.truePowerW(0)).isEqualTo(3000);
        assertThat(f.truePowerW(1)).isEqualTo(3000);
        assertThat(f.truePowerW(2)).isEqualTo(1800);
        assertThat(f.trueMode(3)).isEqualTo(DeviceMode.SLEEPING);
        assertThat(f.trueMode(4)).isEqualTo(DeviceMode.SLEEPING);
        assertThat(f.trueSitePowerW()).isEqualTo(8_000); // exactly 7 kW below 15 kW
        AuditEntry start = only(r.audit(), "shed-start");
        assertThat(start.details())
                .containsEntry("shedKw", "7.0")
                .containsEntry("baselineKw", "15.0")
                .containsEntry("ceilingKw", "8.0")
                .containsEntry("source", "devices")
                .containsEntry("signal", "mqtt:dr/curtail");
        assertThat(only(r.audit(), "shed-reached").details()).containsEntry("siteKw", "8.0");

        // The publisher lifts it after 2 minutes: the 10-minute program minimum holds the shed.
        for (int s = 0; s < 30; s++) {
            publish(mqtt, "\"target\":100", clock.instant());
            r.step(clock);
            if (Duration.between(eventAt, clock.instant()).compareTo(Duration.ofMinutes(10)) < 0) {
                assertThat(f.trueSitePowerW())
                        .as("held within the minimum time")
                        .isEqualTo(8_000);
            }
        }
        AuditEntry end = only(r.audit(), "shed-end");
        assertThat(Duration.between(eventAt, end.timeUtc())).isGreaterThanOrEqualTo(Duration.ofMinutes(10));
        assertThat(f.trueSitePowerW()).as("restored after the event").isEqualTo(15_000);
    }

    @Test
    void withAMeterTheShedIsMeasuredOnMeteredPower() {
        MqttCurtailmentSignal mqtt = signal(20);
        Run r = start(mqtt, true);
        for (int s = 0; s < 4; s++) {
            publish(mqtt, "\"target\":100", clock.instant());
            r.step(clock);
        }
        // The dispatch names its own amount, 7 kW, whatever the contract says.
        for (int s = 0; s < 5; s++) {
            publish(mqtt, "\"shedKw\":7", clock.instant());
            r.step(clock);
        }
        // Baseline metered 1 + 1.1 x 15 = 17.5 kW, ceiling 10.5 kW. Overhead 1 kW, so the devices may draw
        // (10.5 - 1) / 1.1 = 8.636 kW: 0.5 kW of floors, m90 and m80 run (+5.8 kW), m70 gets floor(0.1 + 2.336) kW =
        // 2436 W; m60 and m50 sleep. Devices 8,636 W, metered 1 + 1.1 x 8.636 = 10.4996 kW: 7.0004 kW below.
        FakeFleet f = r.fleet();
        assertThat(f.truePowerW(2)).isEqualTo(2436);
        assertThat(f.trueMode(3)).isEqualTo(DeviceMode.SLEEPING);
        assertThat(f.trueMode(4)).isEqualTo(DeviceMode.SLEEPING);
        assertThat(f.trueSitePowerW()).isEqualTo(8_636);
        assertThat(1000 + 1.1 * f.trueSitePowerW()).isLessThanOrEqualTo(17_500 - 7_000);
        assertThat(only(r.audit(), "shed-start").details())
                .containsEntry("baselineKw", "17.5")
                .containsEntry("ceilingKw", "10.5")
                .containsEntry("source", "meter");

        // A deeper dispatch applies at once and is measured from the same baseline: 17.5 - 12 = 5.5 kW metered,
        // devices (5.5 - 1) / 1.1 = 4.09 kW: floors 0.5 kW, m90 +2.9 kW, then 0.69 kW left (m80 sleeps; m70 cannot
        // go below 1.5 kW, so it sleeps too).
        for (int s = 0; s < 5; s++) {
            publish(mqtt, "\"shedKw\":12", clock.instant());
            r.step(clock);
        }
        assertThat(only(r.audit(), "shed-change").details())
                .containsEntry("shedKw", "12.0")
                .containsEntry("baselineKw", "17.5");
        assertThat(f.trueSitePowerW()).isEqualTo(3000 + 4 * 100);
        assertThat(f.trueMode(1)).isEqualTo(DeviceMode.SLEEPING);
        assertThat(f.trueMode(2)).isEqualTo(DeviceMode.SLEEPING);
    }

    @Test
    void aShedMessageWithoutAContractIsRejectedAndTheTargetKeepsItsMeaning() {
        MqttCurtailmentSignal mqtt = signal(0);
        assertThat(mqtt.kind()).isEqualTo(SignalKind.LOAD_PERCENT);
        publish(mqtt, "\"target\":100", clock.instant());
        publish(mqtt, "\"shedKw\":7", clock.instant());
        assertThat(mqtt.rejectedCount()).isEqualTo(1);
        assertThat(mqtt.lastRejection()).contains("contractedShedKw");
        assertThat(mqtt.latest(clock.instant()).orElseThrow().value()).isEqualTo(100);
    }

    static AuditEntry only(InMemoryAuditLog audit, String action) {
        List<AuditEntry> found =
                audit.all().stream().filter(e -> e.action().equals(action)).toList();
        assertThat(found).as(action).hasSize(1);
        return found.get(0);
    }
}
