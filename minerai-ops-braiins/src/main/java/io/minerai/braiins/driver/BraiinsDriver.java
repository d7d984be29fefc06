package io.minerai.braiins.driver;

import braiins.bos.v1.Actions;
import braiins.bos.v1.ActionsServiceGrpc;
import braiins.bos.v1.Authentication.LoginRequest;
import braiins.bos.v1.Authentication.LoginResponse;
import braiins.bos.v1.AuthenticationServiceGrpc;
import braiins.bos.v1.Common.SaveAction;
import braiins.bos.v1.Configuration.GetConstraintsRequest;
import braiins.bos.v1.ConfigurationServiceGrpc;
import braiins.bos.v1.Miner.GetMinerDetailsRequest;
import braiins.bos.v1.Miner.GetMinerDetailsResponse;
import braiins.bos.v1.Miner.GetMinerStatsRequest;
import braiins.bos.v1.Miner.GetMinerStatsResponse;
import braiins.bos.v1.Miner.MinerStatus;
import braiins.bos.v1.MinerServiceGrpc;
import braiins.bos.v1.Performance.GetTunerStateRequest;
import braiins.bos.v1.Performance.GetTunerStateResponse;
import braiins.bos.v1.Performance.SetPowerTargetRequest;
import braiins.bos.v1.PerformanceServiceGrpc;
import braiins.bos.v1.Units.Power;
import io.grpc.Channel;
import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.AbstractBlockingStub;
import io.grpc.stub.MetadataUtils;
import io.minerai.ops.device.AckStatus;
import io.minerai.ops.device.Capabilities;
import io.minerai.ops.device.CommandResult;
import io.minerai.ops.device.DesiredState;
import io.minerai.ops.device.DeviceDriver;
import io.minerai.ops.device.DeviceException;
import io.minerai.ops.device.DeviceMode;
import io.minerai.ops.device.DeviceTelemetry;
import java.time.Clock;
import java.time.Duration;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Braiins OS (23.03+) over its public gRPC API, with the client generated from the published bos-plus-api protos
 * (vendored under {@code src/main/protobuf}, release 1.11.0). Calls, fields and behaviours from the protos and the
 * repository's README:
 *
 * <ul>
 *   <li>Auth: {@code AuthenticationService/Login(username, password)} answers a session token ({@code token}, and in
 *       the legacy way the {@code authorization} response header, which the driver falls back to), sent as the {@code
 *       authorization} metadata of every call. Sessions expire after {@code timeout_s} (3600 s) without activity: an
 *       {@code UNAUTHENTICATED} answer logs in again once.
 *   <li>Reads: {@code MinerService/GetMinerDetails} ({@code status}: NORMAL = running, PAUSED = asleep; NOT_STARTED,
 *       SUSPENDED and RESTRICTED are reported UNKNOWN), {@code MinerService/GetMinerStats} ({@code
 *       power_stats.approximated_consumption.watt}, {@code miner_stats.real_hashrate.last_5s} in GH/s) and {@code
 *       PerformanceService/GetTunerState} (the power target in force).
 *   <li>Sleep / wake: {@code ActionsService/PauseMining} and {@code ResumeMining} (they answer {@code
 *       already_paused}/{@code already_mining}).
 *   <li>Power target: {@code PerformanceService/SetPowerTarget} with {@code SAVE_ACTION_SAVE_AND_APPLY}, within the
 *       range the device reports in {@code ConfigurationService/GetConstraints} ({@code
 *       tuner_constraints.power_target.min/max}); below the minimum the answer is UNSUPPORTED (the controller sleeps
 *       the miner). The tuner then moves to the target: ACCEPTED until the measured power is there. The operator's
 *       target before the first change is restored on {@code run}.
 *   <li>Status codes: UNAUTHENTICATED / PERMISSION_DENIED = denied, UNAVAILABLE = unreachable, DEADLINE_EXCEEDED =
 *       timeout, UNIMPLEMENTED (older firmware) / INVALID_ARGUMENT / OUT_OF_RANGE / FAILED_PRECONDITION = unsupported.
 * </ul>
 */
public final class BraiinsDriver implements DeviceDriver {
    static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    /**
     * The power range the device reports.
     *
     * @param minW lowest power target
     * @param maxW highest
     * @param defaultW the default (stock) target
     */
    record Range(double minW, double maxW, double defaultW) {}

    private final String id;
    private final Channel channel;
    private final @Nullable ManagedChannel owned;
    private final String username;
    private final String password;
    private final double ratedW;
    private final Duration deadline;
    private final Clock clock;
    private @Nullable String token;
    private @Nullable Range range;
    private @Nullable Double operatorTargetW;

    /**
     * @param id device id
     * @param channel a channel to the miner's port 50051 (plaintext), owned by the caller
     * @param username API user (root)
     * @param password its password
     * @param ratedW stock wall power
     * @param deadline per call
     * @param clock reading times
     */
    public BraiinsDriver(
            String id,
            Channel channel,
            String username,
            String password,
            double ratedW,
            Duration deadline,
            Clock clock) {
        this(id, channel, null, username, password, ratedW, deadline, clock);
    }

    private BraiinsDriver(
            String id,
            Channel channel,
            @Nullable ManagedChannel owned,
            String username,
            String password,
            double ratedW,
            Duration deadline,
            Clock clock) {
        this.id = id;
        this.channel = channel;
        this.owned = owned;
        this.username = username;
        this.password = password;
        this.ratedW = ratedW;
        this.deadline = deadline;
        this.clock = clock;
    }

    /**
     * A driver with its own plaintext HTTP/2 channel to {@code host:port} (the miner's port 50051), closed by {@link
     * #close()}.
     */
    public static BraiinsDriver connect(
            String id,
            String host,
            int port,
            String username,
            String password,
            double ratedW,
            Duration deadline,
            Clock clock) {
        ManagedChannel ch =
                NettyChannelBuilder.forAddress(host, port).usePlaintext().build();
        return new BraiinsDriver(id, ch, ch, username, password, ratedW, deadline, clock);
    }

    @Override
    public void close() {
        ManagedChannel ch = owned;
        if (ch != null) {
            ch.shutdownNow();
        }
    }

    @Override
    public String deviceId() {
        return id;
    }

    @Override
    public Capabilities capabilities() {
        Range r = range;
        return r == null
                ? Capabilities.sleepAndTarget(ratedW, ratedW)
                : Capabilities.sleepAndTarget(r.minW(), Math.min(ratedW, r.maxW()));
    }

    DeviceException mapped(String call, StatusRuntimeException e) {
        Status.Code c = e.getStatus().getCode();
        AckStatus st = switch (c) {
            case UNAUTHENTICATED, PERMISSION_DENIED -> AckStatus.DENIED;
            case UNAVAILABLE -> AckStatus.UNREACHABLE;
            case DEADLINE_EXCEEDED, CANCELLED -> AckStatus.TIMEOUT;
            case UNIMPLEMENTED, INVALID_ARGUMENT, OUT_OF_RANGE, FAILED_PRECONDITION -> AckStatus.UNSUPPORTED;
            default -> AckStatus.FAILED;
        };
        String desc = e.getStatus().getDescription();
        return new DeviceException(st, id + ": " + call + ": " + c + (desc == null ? "" : " " + desc), e);
    }

    private synchronized String token(boolean renew) throws DeviceException {
        String t = token;
        if (t != null && !renew) {
            return t;
        }
        AtomicReference<Metadata> headers = new AtomicReference<>();
        AtomicReference<Metadata> trailers = new AtomicReference<>();
        var stub = AuthenticationServiceGrpc.newBlockingStub(channel)
                .withInterceptors(MetadataUtils.newCaptureMetadataInterceptor(headers, trailers))
                .withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS);
        LoginResponse r;
        try {
            r = stub.login(LoginRequest.newBuilder()
                    .setUsername(username)
                    .setPassword(password)
                    .build());
        } catch (StatusRuntimeException e) {
            DeviceException m = mapped("Login", e);
            if (m.status() == AckStatus.DENIED) {
                throw new DeviceException(
                        AckStatus.DENIED,
                        id + ": Login refused: wrong username or password ("
                                + e.getStatus().getCode() + ")",
                        e);
            }
            throw m;
        }
        String fresh = r.getToken();
        Metadata h = headers.get();
        if (fresh.isEmpty() && h != null) {
            String legacy = h.get(AUTHORIZATION); // the legacy way: token in the response header
            fresh = legacy == null ? "" : legacy;
        }
        if (fresh.isEmpty()) {
            throw new DeviceException(AckStatus.FAILED, id + ": Login answered no token");
        }
        token = fresh;
        return fresh;
    }

    /** Calls with the session token, logging in again once when the session has expired. */
    private <S extends AbstractBlockingStub<S>, R> R call(String name, Function<Channel, S> newStub, Function<S, R> rpc)
            throws DeviceException {
        for (int attempt = 0; ; attempt++) {
            Metadata md = new Metadata();
            md.put(AUTHORIZATION, token(attempt > 0));
            S stub = newStub.apply(ClientInterceptors.intercept(channel, MetadataUtils.newAttachHeadersInterceptor(md)))
                    .withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS);
            try {
                return rpc.apply(stub);
            } catch (StatusRuntimeException e) {
                if (e.getStatus().getCode() == Status.Code.UNAUTHENTICATED && attempt == 0) {
                    continue;
                }
                throw mapped(name, e);
            }
        }
    }

    GetMinerDetailsResponse details() throws DeviceException {
        return call(
                "GetMinerDetails",
                MinerServiceGrpc::newBlockingStub,
                s -> s.getMinerDetails(GetMinerDetailsRequest.getDefaultInstance()));
    }

    GetTunerStateResponse tuner() throws DeviceException {
        return call(
                "GetTunerState",
                PerformanceServiceGrpc::newBlockingStub,
                s -> s.getTunerState(GetTunerStateRequest.getDefaultInstance()));
    }

    static DeviceMode mode(MinerStatus s) {
        return switch (s) {
            case MINER_STATUS_NORMAL -> DeviceMode.RUNNING;
            case MINER_STATUS_PAUSED -> DeviceMode.SLEEPING;
            default -> DeviceMode.UNKNOWN;
        };
    }

    /** The power target in force per the tuner, NaN when the tuner is not in power-target mode. */
    static double targetW(GetTunerStateResponse t) {
        return t.hasPowerTargetModeState() && t.getPowerTargetModeState().hasCurrentTarget()
                ? t.getPowerTargetModeState().getCurrentTarget().getWatt()
                : Double.NaN;
    }

    @Override
    public DeviceTelemetry readTelemetry() throws DeviceException {
        GetMinerDetailsResponse d = details();
        GetMinerStatsResponse s = call(
                "GetMinerStats",
                MinerServiceGrpc::newBlockingStub,
                x -> x.getMinerStats(GetMinerStatsRequest.getDefaultInstance()));
        double target = targetW(tuner());
        if (range == null) {
            try {
                range(); // learn the device's power range once, so capabilities() tell it
            } catch (DeviceException e) {
                // the reading stands; the range is read again before a power target
            }
        }
        return telemetry(d, s, target);
    }

    DeviceTelemetry telemetry(GetMinerDetailsResponse d, GetMinerStatsResponse s, double targetW) {
        double w = s.getPowerStats().hasApproximatedConsumption()
                ? s.getPowerStats().getApproximatedConsumption().getWatt()
                : Double.NaN;
        var rh = s.getMinerStats().getRealHashrate();
        double ghs = rh.hasLast5S()
                ? rh.getLast5S().getGigahashPerSecond()
                : rh.getLast1M().getGigahashPerSecond();
        OptionalDouble lim = targetW > 0 && targetW < ratedW ? OptionalDouble.of(targetW) : OptionalDouble.empty();
        DeviceMode mode = mode(d.getStatus());
        if (mode == DeviceMode.SLEEPING && ghs > 0) {
            mode = DeviceMode.RUNNING; // PAUSED while the boards still hash: believe the hashrate
        }
        return new DeviceTelemetry(clock.instant(), mode, w, ghs / 1000, lim);
    }

    private synchronized Range range() throws DeviceException {
        Range r = range;
        if (r == null) {
            var c = call(
                            "GetConstraints",
                            ConfigurationServiceGrpc::newBlockingStub,
                            s -> s.getConstraints(GetConstraintsRequest.getDefaultInstance()))
                    .getTunerConstraints()
                    .getPowerTarget();
            r = new Range(
                    c.getMin().getWatt(), c.getMax().getWatt(), c.getDefault().getWatt());
            range = r;
        }
        return r;
    }

    private void setTarget(long w) throws DeviceException {
        call(
                "SetPowerTarget",
                PerformanceServiceGrpc::newBlockingStub,
                s -> s.setPowerTarget(SetPowerTargetRequest.newBuilder()
                        .setSaveAction(SaveAction.SAVE_ACTION_SAVE_AND_APPLY)
                        .setPowerTarget(Power.newBuilder().setWatt(w))
                        .build()));
    }

    @Override
    public CommandResult apply(DesiredState desired) throws DeviceException {
        GetMinerDetailsResponse before = details();
        DeviceMode was = mode(before.getStatus());
        switch (desired) {
            case DesiredState.Sleep s ->
                call(
                        "PauseMining",
                        ActionsServiceGrpc::newBlockingStub,
                        x -> x.pauseMining(Actions.PauseMiningRequest.getDefaultInstance()));
            case DesiredState.Run r -> {
                Double back = operatorTargetW;
                if (back != null && Math.abs(targetW(tuner()) - back) >= 1) {
                    setTarget(Math.round(back));
                }
                if (was != DeviceMode.RUNNING) {
                    call(
                            "ResumeMining",
                            ActionsServiceGrpc::newBlockingStub,
                            x -> x.resumeMining(Actions.ResumeMiningRequest.getDefaultInstance()));
                }
            }
            case DesiredState.PowerTarget pt -> {
                Range rg = range();
                if (pt.powerW() < rg.minW()) {
                    return CommandResult.of(
                            AckStatus.UNSUPPORTED,
                            desired.label() + " below the device's lowest power target " + Math.round(rg.minW())
                                    + " W");
                }
                long w = Math.round(Math.min(pt.powerW(), Math.min(rg.maxW(), ratedW)));
                double now = targetW(tuner());
                if (operatorTargetW == null && !Double.isNaN(now)) {
                    operatorTargetW = now; // restored on run
                }
                if (Double.isNaN(now) || Math.abs(now - w) >= 1) {
                    setTarget(w);
                }
                if (was != DeviceMode.RUNNING) {
                    call(
                            "ResumeMining",
                            ActionsServiceGrpc::newBlockingStub,
                            x -> x.resumeMining(Actions.ResumeMiningRequest.getDefaultInstance()));
                }
            }
        }
        DeviceTelemetry t = readTelemetry();
        return switch (desired) {
            case DesiredState.Sleep s ->
                t.mode() == DeviceMode.SLEEPING
                        ? CommandResult.confirmed("sleep")
                        : CommandResult.of(
                                AckStatus.NOT_APPLIED,
                                "sleep answered OK, status still " + details().getStatus());
            case DesiredState.Run r ->
                t.mode() != DeviceMode.RUNNING
                        ? CommandResult.of(
                                AckStatus.NOT_APPLIED,
                                "run answered OK, status " + details().getStatus())
                        : t.hashrateThPerS() > 0
                                ? CommandResult.confirmed("run")
                                : CommandResult.of(AckStatus.ACCEPTED, "run: resuming, no hashrate yet");
            case DesiredState.PowerTarget pt -> {
                double inForce = t.powerLimitW().orElse(ratedW);
                if (inForce > pt.powerW() + 1) {
                    yield CommandResult.of(
                            AckStatus.NOT_APPLIED,
                            desired.label() + " answered OK, tuner target " + Math.round(inForce) + " W");
                }
                yield t.mode() == DeviceMode.RUNNING && t.powerW() <= pt.powerW() * 1.02 && t.hashrateThPerS() > 0
                        ? CommandResult.confirmed(desired.label())
                        : CommandResult.of(
                                AckStatus.ACCEPTED,
                                desired.label() + ": tuning, drawing " + Math.round(t.powerW()) + " W");
            }
        };
    }
}
