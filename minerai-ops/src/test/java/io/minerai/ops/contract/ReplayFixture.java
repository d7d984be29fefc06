package io.minerai.ops.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.minerai.ops.device.DeviceMode;
import io.minerai.ops.emulator.CgminerApiEmulator;
import io.minerai.ops.emulator.LoopbackServer;
import io.minerai.ops.proto.LenientJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;

/**
 * One documented-reply fixture ({@code src/test/resources/fixtures/*.json}) served over loopback: a cgminer-style TCP
 * server for {@code replies}, a Whatsminer v3 length-prefixed server for {@code v3}, an HTTP server (no auth) for
 * {@code web}. Every file must say where its reply shapes come from ({@code source}).
 */
public final class ReplayFixture implements AutoCloseable {
    /**
     * What a driver must read from the fixture.
     *
     * @param mode device mode
     * @param powerW wall power (NaN: the replies carry none)
     * @param hashrateThPerS hashrate
     */
    public record Expected(DeviceMode mode, double powerW, double hashrateThPerS) {}

    private final String name;
    private final JsonNode doc;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final List<AutoCloseable> open = new ArrayList<>();
    private @Nullable InetSocketAddress rpc;
    private @Nullable InetSocketAddress v3;
    private @Nullable URI web;

    private ReplayFixture(String name, JsonNode doc) {
        this.name = name;
        this.doc = doc;
    }

    /** Loads {@code fixtures/<name>.json} from the test class path and starts its servers. */
    public static ReplayFixture start(String name) {
        try (InputStream in = ReplayFixture.class.getResourceAsStream("/fixtures/" + name + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            JsonNode doc = new ObjectMapper().readTree(in);
            if (doc.path("source").asText("").isBlank()) {
                throw new IllegalArgumentException("fixture " + name + " does not say where its replies come from");
            }
            ReplayFixture f = new ReplayFixture(name, doc);
            f.serve();
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String name() {
        return name;
    }

    public Expected expected() {
        JsonNode e = doc.path("expect");
        return new Expected(
                DeviceMode.valueOf(e.path("mode").asText()),
                e.path("powerW").asDouble(Double.NaN),
                e.path("hashrateThPerS").asDouble());
    }

    public InetSocketAddress rpc() {
        return java.util.Objects.requireNonNull(rpc, name + " has no cgminer replies");
    }

    public InetSocketAddress v3() {
        return java.util.Objects.requireNonNull(v3, name + " has no v3 replies");
    }

    public URI web() {
        return java.util.Objects.requireNonNull(web, name + " has no web replies");
    }

    private void serve() throws IOException {
        if (doc.has("replies")) {
            JsonNode replies = doc.get("replies");
            LoopbackServer s = new LoopbackServer(name + "-rpc", sock -> cgminer(replies, sock), executor);
            open.add(s);
            rpc = s.address();
        }
        if (doc.has("v3")) {
            JsonNode replies = doc.get("v3");
            LoopbackServer s = new LoopbackServer(name + "-v3", sock -> whatsminer(replies, sock), executor);
            open.add(s);
            v3 = s.address();
        }
        if (doc.has("web")) {
            JsonNode pages = doc.get("web");
            HttpServer h = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 20);
            h.setExecutor(executor);
            h.createContext("/", x -> {
                JsonNode page = pages.get(x.getRequestURI().getPath());
                byte[] body = (page == null ? "not found" : page.toString()).getBytes(StandardCharsets.UTF_8);
                x.sendResponseHeaders(page == null ? 404 : 200, body.length);
                try (OutputStream o = x.getResponseBody()) {
                    o.write(body);
                }
            });
            h.start();
            open.add(() -> h.stop(0));
            web = URI.create("http://127.0.0.1:" + h.getAddress().getPort());
        }
    }

    private static void cgminer(JsonNode replies, java.net.Socket s) throws IOException {
        String raw = CgminerApiEmulator.readRequest(s.getInputStream());
        JsonNode req = LenientJson.parse(raw);
        String key = req.path("command").asText("") + (req.path("new_api").asBoolean(false) ? "+new_api" : "");
        JsonNode reply = replies.get(key);
        String out = reply != null
                ? reply.toString()
                : "{\"STATUS\":[{\"STATUS\":\"E\",\"When\":0,\"Code\":14,\"Msg\":\"Invalid command\"}],\"id\":1}";
        s.getOutputStream().write((out + "\0").getBytes(StandardCharsets.UTF_8));
    }

    private static void whatsminer(JsonNode replies, java.net.Socket s) throws IOException {
        InputStream in = s.getInputStream();
        byte[] len = in.readNBytes(4);
        int n = ByteBuffer.wrap(len).order(ByteOrder.LITTLE_ENDIAN).getInt();
        JsonNode req = LenientJson.parse(new String(in.readNBytes(n), StandardCharsets.UTF_8));
        String cmd = req.path("cmd").asText("");
        String param = req.path("param").isTextual() ? req.path("param").asText() : "";
        JsonNode reply = replies.get(param.isEmpty() ? cmd : cmd + ":" + param);
        if (reply == null) {
            reply = replies.get(cmd);
        }
        byte[] out = (reply != null ? reply.toString() : "{\"code\":-1,\"msg\":\"not in fixture\"}")
                .getBytes(StandardCharsets.UTF_8);
        OutputStream os = s.getOutputStream();
        os.write(ByteBuffer.allocate(4)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putInt(out.length)
                .array());
        os.write(out);
    }

    @Override
    public void close() {
        for (AutoCloseable c : open) {
            try {
                c.close();
            } catch (Exception e) {
                // closing anyway
            }
        }
        executor.shutdownNow();
    }
}
