package io.minerai.ops.driver.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.minerai.ops.device.AckStatus;
import io.minerai.ops.device.DeviceException;
import io.minerai.ops.proto.LenientJson;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * JSON requests to one device's web API with the JDK client: connect and read timeouts, at most 1 MiB of reply, and
 * failures as {@link DeviceException}s whose status says how (unreachable, timeout, failed). HTTP error statuses are
 * returned, not thrown: what they mean differs per firmware.
 *
 * @param base e.g. {@code http://10.0.1.12:4028}
 * @param deviceId for messages
 * @param http the client (its connect timeout set)
 * @param readTimeout per request
 */
public record JsonHttp(URI base, String deviceId, HttpClient http, Duration readTimeout) {
    /** Largest reply accepted. */
    public static final int MAX_REPLY_CHARS = 1 << 20;

    /**
     * One answer.
     *
     * @param status HTTP status
     * @param body the JSON body (a missing node when empty or not JSON)
     * @param text the raw body
     */
    public record Reply(int status, JsonNode body, String text) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    public static JsonHttp of(URI base, String deviceId, Duration connectTimeout, Duration readTimeout) {
        HttpClient c = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        return new JsonHttp(base, deviceId, c, readTimeout);
    }

    public Reply get(String path, Map<String, String> headers) throws DeviceException {
        return send("GET", path, null, headers);
    }

    public Reply post(String path, JsonNode body, Map<String, String> headers) throws DeviceException {
        return send("POST", path, body, headers);
    }

    /** POST with no body. */
    public Reply post(String path, Map<String, String> headers) throws DeviceException {
        return send("POST", path, null, headers);
    }

    private Reply send(String method, String path, @Nullable JsonNode body, Map<String, String> headers)
            throws DeviceException {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(base.resolve(path)).timeout(readTimeout).header("Accept", "application/json");
        headers.forEach(b::header);
        if (body != null) {
            b.header("Content-Type", "application/json");
            b.method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> r;
        try {
            r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpConnectTimeoutException e) {
            throw new DeviceException(
                    AckStatus.UNREACHABLE, deviceId + ": " + method + " " + path + ": connect timed out", e);
        } catch (HttpTimeoutException e) {
            throw new DeviceException(
                    AckStatus.TIMEOUT, deviceId + ": " + method + " " + path + ": no reply within " + readTimeout, e);
        } catch (ConnectException e) {
            throw new DeviceException(AckStatus.UNREACHABLE, deviceId + ": " + method + " " + path + ": " + e, e);
        } catch (IOException e) {
            throw new DeviceException(
                    AckStatus.UNREACHABLE, deviceId + ": " + method + " " + path + ": connection failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeviceException(AckStatus.TIMEOUT, deviceId + ": interrupted", e);
        }
        String text = r.body() == null ? "" : r.body();
        if (text.length() > MAX_REPLY_CHARS) {
            throw new DeviceException(AckStatus.FAILED, deviceId + ": " + path + ": reply larger than 1 MiB");
        }
        JsonNode n = MissingNode.getInstance();
        if (!text.isBlank()) {
            try {
                n = LenientJson.parse(text);
            } catch (IllegalArgumentException e) {
                n = MissingNode.getInstance();
            }
        }
        return new Reply(r.statusCode(), n, text);
    }
}
