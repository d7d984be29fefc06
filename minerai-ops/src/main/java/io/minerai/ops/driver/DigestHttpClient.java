package io.minerai.ops.driver;

import io.minerai.ops.device.AckStatus;
import io.minerai.ops.device.DeviceException;
import io.minerai.ops.proto.Digest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * A small HTTP client that answers Digest challenges (the JDK client only does Basic), for the Antminer web CGI.
 * Long timeouts by default: {@code set_miner_conf.cgi} has been seen to take about 21 s (256foundation/asic-rs#251).
 */
public final class DigestHttpClient {
    private final HttpClient http;
    private final URI base;
    private final String user;
    private final String password;
    private final Duration timeout;
    private volatile @org.jspecify.annotations.Nullable Map<String, String> challenge;

    public DigestHttpClient(URI base, String user, String password, Duration connectTimeout, Duration timeout) {
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .build();
        this.base = base;
        this.user = user;
        this.password = password;
        this.timeout = timeout;
    }

    /** GET (body empty) or POST (JSON body); returns the body of a 2xx reply. */
    public String send(String method, String path, String body) throws DeviceException {
        Map<String, String> known = challenge;
        HttpResponse<String> r = once(
                method,
                path,
                body,
                known == null
                        ? null
                        : Digest.authorization(
                                user,
                                password,
                                known,
                                method,
                                path,
                                UUID.randomUUID().toString()));
        if (r.statusCode() == 401) {
            String header = r.headers().firstValue("WWW-Authenticate").orElse("");
            if (!header.regionMatches(true, 0, "Digest", 0, 6)) {
                throw new DeviceException(AckStatus.DENIED, base + path + ": 401 without a Digest challenge");
            }
            Map<String, String> p = Digest.params(header);
            this.challenge = p; // reused for the next requests until the server issues a new nonce
            String auth = Digest.authorization(
                    user, password, p, method, path, UUID.randomUUID().toString());
            r = once(method, path, body, auth);
            if (r.statusCode() == 401) {
                throw new DeviceException(AckStatus.DENIED, base + path + ": wrong user or password");
            }
        }
        if (r.statusCode() == 403) {
            throw new DeviceException(AckStatus.DENIED, base + path + ": 403 " + r.body());
        }
        if (r.statusCode() / 100 != 2) {
            throw new DeviceException(AckStatus.FAILED, base + path + ": HTTP " + r.statusCode());
        }
        return r.body();
    }

    private HttpResponse<String> once(
            String method, String path, String body, @org.jspecify.annotations.Nullable String auth)
            throws DeviceException {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout);
        if (auth != null) {
            b.header("Authorization", auth);
        }
        if (method.equals("POST")) {
            b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        } else {
            b.GET();
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpConnectTimeoutException e) {
            throw new DeviceException(AckStatus.UNREACHABLE, base + path + ": connect timeout", e);
        } catch (HttpTimeoutException e) {
            throw new DeviceException(AckStatus.TIMEOUT, base + path + ": no reply within " + timeout, e);
        } catch (IOException e) {
            throw new DeviceException(AckStatus.UNREACHABLE, base + path + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeviceException(AckStatus.FAILED, "interrupted", e);
        }
    }
}
