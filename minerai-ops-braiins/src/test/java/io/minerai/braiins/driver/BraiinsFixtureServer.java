package io.minerai.braiins.driver;

import braiins.bos.v1.Actions;
import braiins.bos.v1.ActionsServiceGrpc;
import braiins.bos.v1.Authentication;
import braiins.bos.v1.AuthenticationServiceGrpc;
import braiins.bos.v1.Configuration;
import braiins.bos.v1.ConfigurationServiceGrpc;
import braiins.bos.v1.Miner;
import braiins.bos.v1.MinerServiceGrpc;
import braiins.bos.v1.Performance;
import braiins.bos.v1.PerformanceServiceGrpc;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.StreamObserver;
import io.minerai.ops.fixtures.Fixtures;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * An in-process gRPC server that answers with documented replies (proto3 JSON parsed into the generated messages),
 * one per RPC name ({@code GetMinerDetails}...), and records each call with the authorization it carried.
 */
public final class BraiinsFixtureServer implements AutoCloseable {
    final AtomicReference<String> details = new AtomicReference<>("miner-details-v25_07.json");
    final AtomicReference<String> stats = new AtomicReference<>("miner-stats-v25_07.json");
    final AtomicReference<String> tuner = new AtomicReference<>("tuner-state-v25_07.json");
    final List<String> calls = new CopyOnWriteArrayList<>();
    final List<Message> requests = new CopyOnWriteArrayList<>();
    private final Server server;
    private final Function<String, String> replies;

    private <B extends Message.Builder> B parse(String rpc, B b) {
        String json = replies.apply(rpc);
        try {
            JsonFormat.parser().merge(json, b);
            return b;
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new IllegalStateException(rpc + ": " + e.getMessage(), e);
        }
    }

    /** Serves the fixtures of {@code fixtures/braiins} (the files named by the fields above). */
    BraiinsFixtureServer(String name) throws Exception {
        this(name, null);
    }

    /**
     * @param name in-process server name
     * @param replies RPC name to reply JSON; null for the {@code fixtures/braiins} files
     */
    public BraiinsFixtureServer(String name, @Nullable Function<String, String> replies) throws Exception {
        this.replies = replies != null ? replies : this::fromFiles;
        ServerInterceptor record = new ServerInterceptor() {
            @Override
            public <Q, A> ServerCall.Listener<Q> interceptCall(
                    ServerCall<Q, A> call, Metadata h, ServerCallHandler<Q, A> next) {
                String auth = h.get(BraiinsDriver.AUTHORIZATION);
                calls.add(call.getMethodDescriptor().getBareMethodName() + " " + (auth == null ? "-" : auth));
                return next.startCall(call, h);
            }
        };
        server = InProcessServerBuilder.forName(name)
                .directExecutor()
                .addService(ServerInterceptors.intercept(
                        new AuthenticationServiceGrpc.AuthenticationServiceImplBase() {
                            @Override
                            public void login(
                                    Authentication.LoginRequest req, StreamObserver<Authentication.LoginResponse> out) {
                                requests.add(req);
                                out.onNext(parse("Login", Authentication.LoginResponse.newBuilder())
                                        .build());
                                out.onCompleted();
                            }
                        },
                        record))
                .addService(ServerInterceptors.intercept(
                        new MinerServiceGrpc.MinerServiceImplBase() {
                            @Override
                            public void getMinerDetails(
                                    Miner.GetMinerDetailsRequest req,
                                    StreamObserver<Miner.GetMinerDetailsResponse> out) {
                                out.onNext(parse("GetMinerDetails", Miner.GetMinerDetailsResponse.newBuilder())
                                        .build());
                                out.onCompleted();
                            }

                            @Override
                            public void getMinerStats(
                                    Miner.GetMinerStatsRequest req, StreamObserver<Miner.GetMinerStatsResponse> out) {
                                out.onNext(parse("GetMinerStats", Miner.GetMinerStatsResponse.newBuilder())
                                        .build());
                                out.onCompleted();
                            }
                        },
                        record))
                .addService(ServerInterceptors.intercept(
                        new PerformanceServiceGrpc.PerformanceServiceImplBase() {
                            @Override
                            public void getTunerState(
                                    Performance.GetTunerStateRequest req,
                                    StreamObserver<Performance.GetTunerStateResponse> out) {
                                out.onNext(parse("GetTunerState", Performance.GetTunerStateResponse.newBuilder())
                                        .build());
                                out.onCompleted();
                            }

                            @Override
                            public void setPowerTarget(
                                    Performance.SetPowerTargetRequest req,
                                    StreamObserver<Performance.SetPowerTargetResponse> out) {
                                requests.add(req);
                                out.onNext(Performance.SetPowerTargetResponse.newBuilder()
                                        .setPowerTarget(req.getPowerTarget())
                                        .build());
                                out.onCompleted();
                            }
                        },
                        record))
                .addService(ServerInterceptors.intercept(
                        new ConfigurationServiceGrpc.ConfigurationServiceImplBase() {
                            @Override
                            public void getConstraints(
                                    Configuration.GetConstraintsRequest req,
                                    StreamObserver<Configuration.GetConstraintsResponse> out) {
                                out.onNext(parse("GetConstraints", Configuration.GetConstraintsResponse.newBuilder())
                                        .build());
                                out.onCompleted();
                            }
                        },
                        record))
                .addService(ServerInterceptors.intercept(
                        new ActionsServiceGrpc.ActionsServiceImplBase() {
                            @Override
                            public void pauseMining(
                                    Actions.PauseMiningRequest req, StreamObserver<Actions.PauseMiningResponse> out) {
                                out.onNext(Actions.PauseMiningResponse.getDefaultInstance());
                                out.onCompleted();
                            }
                        },
                        record))
                .build()
                .start();
    }

    private String fromFiles(String rpc) {
        String file = switch (rpc) {
            case "Login" -> "login.json";
            case "GetMinerDetails" -> details.get();
            case "GetMinerStats" -> stats.get();
            case "GetTunerState" -> tuner.get();
            case "GetConstraints" -> "constraints.json";
            default -> throw new IllegalArgumentException(rpc);
        };
        return Fixtures.reply("braiins", file).toString();
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
