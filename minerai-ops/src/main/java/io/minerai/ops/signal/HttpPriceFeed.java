package io.minerai.ops.signal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A price feed fetched over HTTP: the URL serves {@code time,priceUsdPerMwh} CSV (as {@link ReplayPriceFeed#readCsv})
 * and is fetched again on every {@link #poll()}. A failed fetch keeps the previous prices, and a source that stops
 * adding rows makes the latest price age, so either way the signal goes stale and the site fails safe. No automatic
 * retries: the caller polls at its own pace (ERCOT's API, for one, counts bandwidth and answers 429 without
 * Retry-After).
 */
public final class HttpPriceFeed implements SignalSource {
    private final URI url;
    private final Duration staleAfter;
    private final Duration timeout;
    private final HttpClient http;
    private volatile @Nullable ReplayPriceFeed data;
    private volatile @Nullable String lastError;

    public HttpPriceFeed(URI url, Duration staleAfter, Duration timeout) {
        this.url = url;
        this.staleAfter = staleAfter;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** Fetches the CSV once; returns whether it succeeded. */
    public boolean poll() {
        try {
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(url).timeout(timeout).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                lastError = "HTTP " + r.statusCode();
                return false;
            }
            data = ReplayPriceFeed.parseCsv(url.toString(), List.of(r.body().split("\\R")), staleAfter);
            lastError = null;
            return true;
        } catch (IOException | RuntimeException e) {
            lastError = e.getMessage();
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public @Nullable String lastError() {
        return lastError;
    }

    @Override
    public String name() {
        return "price:" + url.getHost();
    }

    @Override
    public SignalKind kind() {
        return SignalKind.PRICE_USD_PER_MWH;
    }

    @Override
    public Duration staleAfter() {
        return staleAfter;
    }

    @Override
    public Optional<SignalValue> latest(Instant nowUtc) {
        ReplayPriceFeed d = data;
        return d == null ? Optional.empty() : d.latest(nowUtc);
    }
}
