package io.minerai.ops.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.minerai.ops.device.AckStatus;
import io.minerai.ops.device.Capabilities;
import io.minerai.ops.device.CommandResult;
import io.minerai.ops.device.DesiredState;
import io.minerai.ops.device.DeviceDriver;
import io.minerai.ops.device.DeviceException;
import io.minerai.ops.device.DeviceMode;
import io.minerai.ops.device.DeviceTelemetry;
import io.minerai.ops.emulator.EmulatedDevice;
import io.minerai.ops.sim.FakeClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The driver contract kit: every {@link DeviceDriver} passes these tests against its emulator, and reads its
 * documented-reply fixtures right. A driver test extends this class and says how to start a device and a driver
 * pointed at it ({@link #start}) and which fixtures it reads ({@link #documentedReplies}).
 *
 * <p>What a driver promises the controller:
 *
 * <ul>
 *   <li><b>read</b>: a reading tells the truth (mode, power within 2 %, hashing or not), timestamped by the device
 *       where the protocol has a device clock, so frozen telemetry keeps its old time;
 *   <li><b>sleep / wake / power target</b>: {@code CONFIRMED} only when the device then <em>does</em> it, {@code
 *       ACCEPTED} when it took the command and a later reading must show it; a power target never makes the device
 *       draw more than asked (below the device's lowest setting the answer is {@code UNSUPPORTED}, never a higher
 *       setting); what a driver cannot do is {@code UNSUPPORTED};
 *   <li><b>confirm by what the device reports</b>: a device whose state flag says asleep while it still works is not
 *       read as asleep and the command is not confirmed;
 *   <li><b>errors</b>: ignored commands are not confirmed, refusals and wrong credentials are {@code DENIED}, a device
 *       that does not answer is {@code UNREACHABLE}, a slow one {@code TIMEOUT}, and each carries a reason.
 * </ul>
 */
public abstract class DriverContract {
    /**
     * A device and drivers pointed at it.
     *
     * @param driver the production driver with the right credentials
     * @param device the emulated device (truth and faults)
     * @param wrongCredentials the same driver with a wrong password, when the protocol authenticates
     * @param readTimeout the driver's read timeout (the slow-device test waits a little longer)
     * @param resources what to close after the test (emulator servers)
     */
    public record Subject(
            DeviceDriver driver,
            EmulatedDevice device,
            Optional<DeviceDriver> wrongCredentials,
            Duration readTimeout,
            AutoCloseable resources) {}

    /**
     * A driver pointed at a server replaying one documented-reply fixture.
     *
     * @param fixture the fixture (its servers are closed after the test)
     * @param driver the driver
     */
    public record DocumentedCase(ReplayFixture fixture, DeviceDriver driver) {}

    protected final FakeClock clock = new FakeClock(Instant.parse("2024-08-19T20:00:00Z"));
    private final List<AutoCloseable> toClose = new ArrayList<>();

    /** Starts a running device at stock settings and a driver pointed at it. */
    protected abstract Subject start(FakeClock clock) throws Exception;

    /** The documented-reply fixtures this driver must read (at least one; none by default, which fails the kit). */
    protected List<DocumentedCase> documentedReplies(FakeClock clock) throws Exception {
        return List.of();
    }

    /** Whether the device clock reaches the reading (cgminer {@code When}, v3 {@code when}), so frozen data shows. */
    protected boolean telemetryCarriesDeviceTime() {
        return true;
    }

    /** Whether the emulator can put the device in the "flag says asleep, boards still work" state. */
    protected boolean emulatesFalseSleepClaims() {
        return true;
    }

    private Subject subject() throws Exception {
        Subject s = start(clock);
        toClose.add(s.resources());
        s.wrongCredentials().ifPresent(toClose::add);
        toClose.add(s.driver());
        return s;
    }

    @AfterEach
    void closeEverything() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    static AckStatus statusOf(DeviceDriver d, DesiredState s) {
        try {
            return d.apply(s).status();
        } catch (DeviceException e) {
            assertThat(e.getMessage()).as("a failure carries its reason").isNotBlank();
            return e.status();
        }
    }

    static DeviceException readFailure(DeviceDriver d) {
        try {
            d.readTelemetry();
        } catch (DeviceException e) {
            return e;
        }
        throw new AssertionError("the read succeeded");
    }

    private static void assertPowerTracks(DeviceTelemetry t, EmulatedDevice dev) {
        if (!Double.isNaN(t.powerW())) {
            assertThat(t.powerW())
                    .as("reported power vs what the device draws")
                    .isCloseTo(dev.truePowerW(), Offset.offset(Math.max(5, 0.02 * dev.truePowerW())));
        }
    }

    @Test
    void readTellsWhatTheDeviceDoes() throws Exception {
        Subject s = subject();
        DeviceTelemetry t = s.driver().readTelemetry();
        assertThat(s.device().trulyWorking()).isTrue();
        assertThat(t.mode()).isEqualTo(DeviceMode.RUNNING);
        assertPowerTracks(t, s.device());
        assertThat(t.observedAtUtc()).isBeforeOrEqualTo(clock.instant());
    }

    @Test
    void sleepIsConfirmedOnlyByADeviceThatSleeps() throws Exception {
        Subject s = subject();
        s.driver().readTelemetry();
        if (!s.driver().capabilities().canSleep()) {
            assertThat(statusOf(s.driver(), DesiredState.SLEEP)).isEqualTo(AckStatus.UNSUPPORTED);
            assertThat(s.device().trulyWorking()).isTrue();
            return;
        }
        CommandResult r = s.driver().apply(DesiredState.SLEEP);
        assertThat(r.status()).isIn(AckStatus.CONFIRMED, AckStatus.ACCEPTED);
        assertThat(r.detail()).isNotBlank();
        assertThat(s.device().trulyWorking()).isFalse();
        clock.advance(Duration.ofSeconds(10));
        DeviceTelemetry t = s.driver().readTelemetry();
        assertThat(t.mode()).isEqualTo(DeviceMode.SLEEPING);
        assertPowerTracks(t, s.device());
        assertThat(s.device().truePowerW()).isLessThan(0.5 * s.device().ratedW());
    }

    @Test
    void wakeRestoresFullPower() throws Exception {
        Subject s = subject();
        s.driver().readTelemetry();
        assumeTrue(s.driver().capabilities().canSleep(), "read-only driver");
        s.driver().apply(DesiredState.SLEEP);
        clock.advance(Duration.ofSeconds(10));
        CommandResult r = s.driver().apply(DesiredState.RUN);
        assertThat(r.status()).isIn(AckStatus.CONFIRMED, AckStatus.ACCEPTED);
        assertThat(s.device().trulyWorking()).isTrue();
        assertThat(s.device().truePowerW())
                .isCloseTo(s.device().ratedW(), Offset.offset(0.02 * s.device().ratedW()));
        clock.advance(Duration.ofSeconds(10));
        DeviceTelemetry t = s.driver().readTelemetry();
        assertThat(t.mode()).isEqualTo(DeviceMode.RUNNING);
        assertThat(t.powerLimitW().isEmpty()
                        || t.powerLimitW().getAsDouble() >= s.device().ratedW() - 1)
                .as("no limit below rated in force after wake: %s", t.powerLimitW())
                .isTrue();
    }

    @Test
    void aPowerTargetNeverMakesTheDeviceDrawMoreThanAsked() throws Exception {
        Subject s = subject();
        s.driver().readTelemetry();
        Capabilities caps = s.driver().capabilities();
        double before = s.device().truePowerW();
        if (!caps.canSetPowerTarget()) {
            assertThat(statusOf(
                            s.driver(),
                            new DesiredState.PowerTarget(0.8 * s.device().ratedW())))
                    .isEqualTo(AckStatus.UNSUPPORTED);
            assertThat(s.device().truePowerW()).isEqualTo(before);
            return;
        }
        assertThat(caps.minPowerTargetW()).isPositive().isLessThanOrEqualTo(caps.maxPowerTargetW());
        double target = Math.floor((caps.minPowerTargetW() + caps.maxPowerTargetW()) / 2);
        CommandResult r = s.driver().apply(new DesiredState.PowerTarget(target));
        assertThat(r.status()).as(r.detail()).isIn(AckStatus.CONFIRMED, AckStatus.ACCEPTED);
        assertThat(s.device().truePowerW()).isLessThanOrEqualTo(target + 1);
        assertThat(s.device().trulyWorking()).isTrue();
        clock.advance(Duration.ofSeconds(10));
        DeviceTelemetry t = s.driver().readTelemetry();
        assertThat(t.mode()).isEqualTo(DeviceMode.RUNNING);
        assertThat(t.powerLimitW().isPresent() ? t.powerLimitW().getAsDouble() <= target + 1 : t.powerW() <= target + 1)
                .as("the reading shows the target in force: %s", t)
                .isTrue();
        double below = Math.max(1, Math.floor(caps.minPowerTargetW() * 0.5));
        double atTarget = s.device().truePowerW();
        CommandResult low = s.driver().apply(new DesiredState.PowerTarget(below));
        assertThat(low.status())
                .as("below the lowest setting (%s W): %s", caps.minPowerTargetW(), low.detail())
                .isEqualTo(AckStatus.UNSUPPORTED);
        assertThat(low.detail()).isNotBlank();
        assertThat(s.device().truePowerW()).isLessThanOrEqualTo(atTarget + 1);
    }

    @Test
    void aDeviceThatOnlyClaimsToSleepIsNotReadAsAsleep() throws Exception {
        assumeTrue(emulatesFalseSleepClaims(), "the emulator does not model it");
        Subject s = subject();
        s.driver().readTelemetry();
        assumeTrue(s.driver().capabilities().canSleep(), "read-only driver");
        s.device().quirks().claimsSleepButRuns(true);
        AckStatus st = statusOf(s.driver(), DesiredState.SLEEP);
        assertThat(st).isNotEqualTo(AckStatus.CONFIRMED);
        assertThat(s.device().trulyWorking()).isTrue();
        clock.advance(Duration.ofSeconds(10));
        assertThat(s.driver().readTelemetry().mode()).isEqualTo(DeviceMode.RUNNING);
        s.device().quirks().clear(); // the boards stop at last
        clock.advance(Duration.ofSeconds(10));
        assertThat(s.driver().readTelemetry().mode()).isEqualTo(DeviceMode.SLEEPING);
    }

    @Test
    void anIgnoredCommandIsNotConfirmed() throws Exception {
        Subject s = subject();
        s.driver().readTelemetry();
        assumeTrue(s.driver().capabilities().canSleep(), "read-only driver");
        s.device().quirks().ignoreCommands(true);
        assertThat(statusOf(s.driver(), DesiredState.SLEEP)).isIn(AckStatus.NOT_APPLIED, AckStatus.FAILED);
        assertThat(s.device().trulyWorking()).isTrue();
        clock.advance(Duration.ofSeconds(10));
        assertThat(s.driver().readTelemetry().mode()).isEqualTo(DeviceMode.RUNNING);
    }

    @Test
    void aRefusalIsDenied() throws Exception {
        Subject s = subject();
        s.driver().readTelemetry();
        assumeTrue(s.driver().capabilities().canSleep(), "read-only driver");
        s.device().quirks().accessDenied(true);
        assertThat(statusOf(s.driver(), DesiredState.SLEEP)).isEqualTo(AckStatus.DENIED);
        assertThat(s.device().trulyWorking()).isTrue();
    }

    @Test
    void wrongCredentialsAreDeniedWithTheirReason() throws Exception {
        Subject s = subject();
        assumeTrue(s.wrongCredentials().isPresent(), "the protocol does not authenticate");
        DeviceDriver wrong = s.wrongCredentials().orElseThrow();
        assertThat(statusOf(wrong, DesiredState.SLEEP)).isEqualTo(AckStatus.DENIED);
        assertThat(s.device().trulyWorking()).isTrue();
    }

    @Test
    void aSilentDeviceIsUnreachable() throws Exception {
        Subject s = subject();
        s.driver().readTelemetry();
        s.device().quirks().dropConnections(true);
        DeviceException e = readFailure(s.driver());
        assertThat(e.status()).isEqualTo(AckStatus.UNREACHABLE);
        assertThat(e.getMessage()).isNotBlank();
        if (s.driver().capabilities().canSleep()) {
            assertThat(statusOf(s.driver(), DesiredState.SLEEP)).isEqualTo(AckStatus.UNREACHABLE);
        }
    }

    @Test
    void aSlowDeviceTimesOut() throws Exception {
        Subject s = subject();
        s.driver().readTelemetry();
        s.device().quirks().slowReply(s.readTimeout().plusMillis(400));
        DeviceException e = readFailure(s.driver());
        assertThat(e.status()).isEqualTo(AckStatus.TIMEOUT);
        s.device().quirks().clear();
    }

    @Test
    void frozenTelemetryKeepsItsOldTime() throws Exception {
        assumeTrue(telemetryCarriesDeviceTime(), "the protocol carries no device time");
        Subject s = subject();
        s.driver().readTelemetry();
        s.device().quirks().staleTelemetry(true);
        Instant frozenAt = s.driver().readTelemetry().observedAtUtc();
        clock.advance(Duration.ofMinutes(5));
        assertThat(s.driver().readTelemetry().observedAtUtc()).isEqualTo(frozenAt);
        s.device().quirks().clear();
        clock.advance(Duration.ofSeconds(1));
        assertThat(s.driver().readTelemetry().observedAtUtc()).isEqualTo(clock.instant());
    }

    @Test
    void documentedRepliesAreReadRight() throws Exception {
        List<DocumentedCase> cases = documentedReplies(clock);
        assertThat(cases)
                .as("every driver is checked against documented replies")
                .isNotEmpty();
        Set<String> names = new java.util.HashSet<>();
        for (DocumentedCase c : cases) {
            toClose.add(c.fixture());
            toClose.add(c.driver());
        }
        for (DocumentedCase c : cases) {
            names.add(c.fixture().name());
            ReplayFixture.Expected want = c.fixture().expected();
            DeviceTelemetry t = c.driver().readTelemetry();
            assertThat(t.mode()).as(c.fixture().name()).isEqualTo(want.mode());
            if (Double.isNaN(want.powerW())) {
                assertThat(t.powerW()).as(c.fixture().name() + " power").isNaN();
            } else {
                assertThat(t.powerW()).as(c.fixture().name() + " power").isCloseTo(want.powerW(), Offset.offset(0.5));
            }
            assertThat(t.hashrateThPerS())
                    .as(c.fixture().name() + " hashrate")
                    .isCloseTo(want.hashrateThPerS(), Offset.offset(1e-3));
        }
        assertThat(names).as("fixtures have distinct names").hasSize(cases.size());
    }

    /** Asserts {@code r} is a device failure with status {@code s}. */
    protected static void assertFails(ThrowingRead r, AckStatus s) {
        assertThatThrownBy(r::run)
                .isInstanceOfSatisfying(
                        DeviceException.class, e -> assertThat(e.status()).isEqualTo(s));
    }

    /** A read that may fail. */
    @FunctionalInterface
    protected interface ThrowingRead {
        void run() throws Exception;
    }
}
