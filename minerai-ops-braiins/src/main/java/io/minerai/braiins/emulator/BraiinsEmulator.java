package io.minerai.braiins.emulator;

import braiins.bos.v1.Actions;
import braiins.bos.v1.ActionsServiceGrpc;
import braiins.bos.v1.Authentication;
import braiins.bos.v1.AuthenticationServiceGrpc;
import braiins.bos.v1.Configuration;
import braiins.bos.v1.ConfigurationServiceGrpc;
import braiins.bos.v1.Constraints.PowerConstraints;
import braiins.bos.v1.Miner;
import braiins.bos.v1.MinerServiceGrpc;
import braiins.bos.v1.Performance;
import braiins.bos.v1.PerformanceServiceGrpc;
import braiins.bos.v1.Units.GigaHashrate;
import braiins.bos.v1.Units.Power;
import braiins.bos.v1.Work;
import io.grpc.BindableService;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.minerai.ops.emulator.rig.EmulatedRig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jspecify.annotations.Nullable;

/**
 * The Braiins OS public gRPC API of an emulated miner, implemented on the server bases generated from the vendored
 * bos-plus-api protos, so requests and replies are the published messages. Served in-process (tests) or on a loopback
 * port with Netty (simulations).
 *
 * <p>Behaviour from the bos-plus-api README and protos: {@code Login} answers a token in its body and, the legacy way,
 * in the {@code authorization} response header; every other call needs the token in the {@code authorization}
 * metadata, and a session expires after {@code timeout_s} = 3600 s without a call ({@code UNAUTHENTICATED}); {@code
 * PauseMining}/{@code ResumeMining} answer {@code already_paused}/{@code already_mining}; {@code GetMinerStatus} is a
 * server stream that stays open; the tuner reports {@code TUNER_STATE_TUNING} while it moves to a new power target.
 * ASSUMPTIONS (the protos do not say): a wrong password is {@code UNAUTHENTICATED}; a power target outside {@code
 * GetConstraints}' range is {@code INVALID_ARGUMENT}. Quirks: a locked API answers {@code PERMISSION_DENIED}, a
 * dropped connection {@code UNAVAILABLE}, ignored commands answer OK and change nothing.
 */
public final class BraiinsEmulator implements AutoCloseable {
    static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    static final Duration SESSION = Duration.ofSeconds(3600);
    /** The API user it accepts (Braiins OS's default). */
    public static final String USERNAME = "root";

    private final EmulatedRig rig;
    private final Random random;
    private final Map<String, Instant> sessions = new HashMap<>();
    private final Server server;

    private BraiinsEmulator(EmulatedRig rig, long seed, @Nullable String inProcessName) throws IOException {
        this.rig = rig;
        this.random = new Random(seed);
        List<BindableService> services =
                List.of(new Auth(), new ActionsImpl(), new MinerImpl(), new PerformanceImpl(), new ConfigurationImpl());
        if (inProcessName != null) {
            InProcessServerBuilder b =
                    InProcessServerBuilder.forName(inProcessName).directExecutor();
            services.forEach(s -> b.addService(ServerInterceptors.intercept(s, new Gate())));
            server = b.build().start();
        } else {
            NettyServerBuilder b =
                    NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            services.forEach(s -> b.addService(ServerInterceptors.intercept(s, new Gate())));
            server = b.build().start();
        }
    }

    /** Serves the API in-process under {@code name} (connect with {@code InProcessChannelBuilder.forName(name)}). */
    public static BraiinsEmulator inProcess(EmulatedRig rig, String name, long seed) throws IOException {
        return new BraiinsEmulator(rig, seed, name);
    }

    /** Serves the API on 127.0.0.1 (ephemeral port), plaintext HTTP/2 like the miner's port 50051. */
    public static BraiinsEmulator loopback(EmulatedRig rig, long seed) throws IOException {
        return new BraiinsEmulator(rig, seed, null);
    }

    /** The loopback port (loopback servers only). */
    public int port() {
        return server.getPort();
    }

    /** Ends every session (as a firmware restart does). */
    public synchronized void endSessions() {
        sessions.clear();
    }

    @Override
    public void close() {
        server.shutdownNow();
    }

    private static final Context.Key<String> LOGIN_TOKEN = Context.key("login-token");
    private volatile boolean tokenInHeaderOnly;

    /** Answers {@code Login} with the token only in the {@code authorization} header (older firmware's way). */
    public BraiinsEmulator tokenInHeaderOnly(boolean on) {
        this.tokenInHeaderOnly = on;
        return this;
    }

    /** Checks the session token, applies the quirks, and keeps sessions alive on use. */
    private final class Gate implements ServerInterceptor {
        @Override
        public <Q, A> ServerCall.Listener<Q> interceptCall(
                ServerCall<Q, A> call, Metadata headers, ServerCallHandler<Q, A> next) {
            if (rig.quirks().dropConnections() || !rig.reachable()) {
                call.close(Status.UNAVAILABLE.withDescription("connection refused"), new Metadata());
                return new ServerCall.Listener<>() {};
            }
            rig.replyDelay();
            String method = call.getMethodDescriptor().getFullMethodName();
            if (method.equals("braiins.bos.v1.AuthenticationService/Login")) {
                String token = nextToken();
                ServerCall<Q, A> withHeader = new io.grpc.ForwardingServerCall.SimpleForwardingServerCall<>(call) {
                    @Override
                    public void sendHeaders(Metadata h) {
                        h.put(AUTHORIZATION, token); // the legacy way: the token in the response header
                        super.sendHeaders(h);
                    }
                };
                return Contexts.interceptCall(
                        Context.current().withValue(LOGIN_TOKEN, token), withHeader, headers, next);
            } else {
                String token = headers.get(AUTHORIZATION);
                if (!touch(token)) {
                    call.close(
                            Status.UNAUTHENTICATED.withDescription("invalid or expired session token"), new Metadata());
                    return new ServerCall.Listener<>() {};
                }
                boolean write = method.contains("/Pause") || method.contains("/Resume") || method.contains("/Set");
                if (write && rig.quirks().accessDenied()) {
                    call.close(Status.PERMISSION_DENIED.withDescription("API access denied"), new Metadata());
                    return new ServerCall.Listener<>() {};
                }
            }
            return next.startCall(call, headers);
        }
    }

    private synchronized boolean touch(@Nullable String token) {
        if (token == null) {
            return false;
        }
        Instant now = rig.clock().instant();
        Instant last = sessions.get(token);
        if (last == null || !now.isBefore(last.plus(SESSION))) {
            sessions.remove(token);
            return false;
        }
        sessions.put(token, now);
        return true;
    }

    private synchronized String nextToken() {
        return Long.toString(random.nextLong() & Long.MAX_VALUE, 36);
    }

    private synchronized void openSession(String token) {
        sessions.put(token, rig.clock().instant());
    }

    private final class Auth extends AuthenticationServiceGrpc.AuthenticationServiceImplBase {
        @Override
        public void login(Authentication.LoginRequest req, StreamObserver<Authentication.LoginResponse> out) {
            if (!req.getUsername().equals(USERNAME)
                    || !req.getPassword().equals(rig.spec().password())) {
                out.onError(Status.UNAUTHENTICATED
                        .withDescription("invalid credentials")
                        .asRuntimeException());
                return;
            }
            String token = LOGIN_TOKEN.get();
            openSession(token);
            out.onNext(Authentication.LoginResponse.newBuilder()
                    .setToken(tokenInHeaderOnly ? "" : token)
                    .setTimeoutS((int) SESSION.toSeconds())
                    .build());
            out.onCompleted();
        }
    }

    private boolean apply() {
        return !rig.quirks().ignoreCommands();
    }

    private final class ActionsImpl extends ActionsServiceGrpc.ActionsServiceImplBase {
        @Override
        public void pauseMining(Actions.PauseMiningRequest req, StreamObserver<Actions.PauseMiningResponse> out) {
            boolean already = rig.asleep();
            if (apply()) {
                rig.sleep();
            }
            out.onNext(Actions.PauseMiningResponse.newBuilder()
                    .setAlreadyPaused(already)
                    .build());
            out.onCompleted();
        }

        @Override
        public void resumeMining(Actions.ResumeMiningRequest req, StreamObserver<Actions.ResumeMiningResponse> out) {
            boolean already = !rig.asleep();
            if (apply()) {
                rig.wake();
            }
            out.onNext(Actions.ResumeMiningResponse.newBuilder()
                    .setAlreadyMining(already)
                    .build());
            out.onCompleted();
        }
    }

    private Miner.MinerStatus status(EmulatedRig.Reading rd) {
        return switch (rd.phase()) {
            case SLEEPING -> Miner.MinerStatus.MINER_STATUS_PAUSED;
            case STARTING, RUNNING, TUNING -> Miner.MinerStatus.MINER_STATUS_NORMAL;
            case REBOOTING -> Miner.MinerStatus.MINER_STATUS_NOT_STARTED;
        };
    }

    private final class MinerImpl extends MinerServiceGrpc.MinerServiceImplBase {
        @Override
        public void getMinerDetails(
                Miner.GetMinerDetailsRequest req, StreamObserver<Miner.GetMinerDetailsResponse> out) {
            EmulatedRig.Reading rd = rig.reading();
            out.onNext(Miner.GetMinerDetailsResponse.newBuilder()
                    .setUid(rig.id())
                    .setHostname(rig.id())
                    .setStatus(status(rd))
                    .setStickerHashrate(GigaHashrate.newBuilder()
                            .setGigahashPerSecond(rig.spec().hashrateThPerS() * 1000))
                    .setBosminerUptimeS(rd.sleeping() ? 0 : 3600)
                    .build());
            out.onCompleted();
        }

        @Override
        public void getMinerStats(Miner.GetMinerStatsRequest req, StreamObserver<Miner.GetMinerStatsResponse> out) {
            EmulatedRig.Reading rd = rig.reading();
            GigaHashrate h = GigaHashrate.newBuilder()
                    .setGigahashPerSecond(rd.hashrateThPerS() * 1000)
                    .build();
            out.onNext(Miner.GetMinerStatsResponse.newBuilder()
                    .setMinerStats(Work.WorkSolverStats.newBuilder()
                            .setRealHashrate(
                                    Work.RealHashrate.newBuilder().setLast5S(h).setLast1M(h))
                            .setNominalHashrate(GigaHashrate.newBuilder()
                                    .setGigahashPerSecond(rig.spec().hashrateThPerS() * 1000)))
                    .setPowerStats(Miner.MinerPowerStats.newBuilder()
                            .setApproximatedConsumption(Power.newBuilder().setWatt(Math.round(rd.powerW()))))
                    .build());
            out.onCompleted();
        }

        @Override
        public void getMinerStatus(Miner.GetMinerStatusRequest req, StreamObserver<Miner.GetMinerStatusResponse> out) {
            // a server stream that stays open: the first status now, more only on changes (never completed here)
            out.onNext(Miner.GetMinerStatusResponse.newBuilder()
                    .setStatus(status(rig.reading()))
                    .build());
        }
    }

    private final class PerformanceImpl extends PerformanceServiceGrpc.PerformanceServiceImplBase {
        @Override
        public void getTunerState(
                Performance.GetTunerStateRequest req, StreamObserver<Performance.GetTunerStateResponse> out) {
            EmulatedRig.Reading rd = rig.reading();
            out.onNext(Performance.GetTunerStateResponse.newBuilder()
                    .setOverallTunerState(
                            rd.phase() == EmulatedRig.Phase.TUNING
                                    ? Performance.TunerState.TUNER_STATE_TUNING
                                    : Performance.TunerState.TUNER_STATE_STABLE)
                    .setPowerTargetModeState(Performance.PowerTargetModeState.newBuilder()
                            .setCurrentTarget(Power.newBuilder().setWatt(Math.round(rig.targetW()))))
                    .build());
            out.onCompleted();
        }

        @Override
        public void setPowerTarget(
                Performance.SetPowerTargetRequest req, StreamObserver<Performance.SetPowerTargetResponse> out) {
            long w = req.getPowerTarget().getWatt();
            if (w < rig.spec().minTargetW() || w > rig.spec().ratedW()) {
                out.onError(Status.INVALID_ARGUMENT
                        .withDescription("power target " + w + " W outside "
                                + Math.round(rig.spec().minTargetW()) + ".."
                                + Math.round(rig.spec().ratedW()) + " W")
                        .asRuntimeException());
                return;
            }
            if (apply()) {
                rig.setPowerTargetW(w);
            }
            out.onNext(Performance.SetPowerTargetResponse.newBuilder()
                    .setPowerTarget(Power.newBuilder().setWatt(w))
                    .build());
            out.onCompleted();
        }
    }

    private final class ConfigurationImpl extends ConfigurationServiceGrpc.ConfigurationServiceImplBase {
        @Override
        public void getConstraints(
                Configuration.GetConstraintsRequest req, StreamObserver<Configuration.GetConstraintsResponse> out) {
            out.onNext(Configuration.GetConstraintsResponse.newBuilder()
                    .setTunerConstraints(Performance.TunerConstraints.newBuilder()
                            .setPowerTarget(PowerConstraints.newBuilder()
                                    .setMin(Power.newBuilder()
                                            .setWatt(Math.round(rig.spec().minTargetW())))
                                    .setMax(Power.newBuilder()
                                            .setWatt(Math.round(rig.spec().ratedW())))
                                    .setDefault(Power.newBuilder()
                                            .setWatt(Math.round(rig.spec().ratedW())))))
                    .build());
            out.onCompleted();
        }
    }
}
