package io.minerai.ops.meter;

import com.fasterxml.jackson.databind.JsonNode;
import io.minerai.ops.proto.Lenient;
import io.minerai.ops.proto.LenientJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Site power from an HTTP endpoint that answers JSON (a power partner's or a gateway's API): {@code GET url}, the power
 * at a JSON pointer (e.g. {@code /site/activePowerKw}) times a scale to watts, and optionally the meter's own sample
 * time at another pointer (ISO-8601 or unix seconds), so a gateway repeating an old value is seen as stale.
 */
public final class HttpJsonMeter implements SiteMeter {
    /**
     * Settings.
     *
     * @param url endpoint
     * @param powerPointer JSON pointer of the power value
     * @param scaleToW multiply by this to get watts (1000 for kW, 1e6 for MW)
     * @param timePointer JSON pointer of the sample time, empty for none (the read time is used)
     * @param bearerToken sent as {@code Authorization: Bearer}, empty for none
     * @param staleAfter a reading older than this is stale
     * @param timeout per request
     */
    public record Settings(
            URI url,
            String powerPointer,
            double scaleToW,
            String timePointer,
            String bearerToken,
            Duration staleAfter,
            Duration timeout) {}

    private final Settings s;
    private final Clock clock;
    private final HttpClient http;
    private @Nullable MeterReading latest;
    private @Nullable String lastError;

    public HttpJsonMeter(Settings s, Clock clock) {
        this.s = s;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(s.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public String name() {
        return "http:" + s.url().getHost() + s.url().getPath() + "#" + s.powerPointer();
    }

    @Override
    public Duration staleAfter() {
        return s.staleAfter();
    }

    @Override
    public synchronized boolean poll() {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(s.url())
                    .timeout(s.timeout())
                    .header("Accept", "application/json")
                    .GET();
            if (!s.bearerToken().isEmpty()) {
                b.header("Authorization", "Bearer " + s.bearerToken());
            }
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                return fail("HTTP " + r.statusCode());
            }
            JsonNode root = LenientJson.parse(r.body());
            JsonNode p = root.at(s.powerPointer());
            double v = Lenient.number(p.isMissingNode() ? null : p);
            if (!Double.isFinite(v)) {
                return fail("no number at " + s.powerPointer());
            }
            Instant at = clock.instant();
            if (!s.timePointer().isEmpty()) {
                JsonNode t = root.at(s.timePointer());
                if (t.isMissingNode() || t.isNull()) {
                    return fail("no sample time at " + s.timePointer());
                }
                at = t.isNumber() ? Instant.ofEpochSecond(t.asLong()) : Instant.parse(t.asText());
            }
            latest = new MeterReading(v * s.scaleToW(), at);
            lastError = null;
            return true;
        } catch (IOException | IllegalArgumentException | DateTimeParseException e) {
            return fail(e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted");
        }
    }

    private boolean fail(String why) {
        lastError = name() + ": " + why;
        return false;
    }

    @Override
    public synchronized Optional<MeterReading> latest() {
        return Optional.ofNullable(latest);
    }

    @Override
    public synchronized @Nullable String lastError() {
        return lastError;
    }
}
