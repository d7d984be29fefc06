package io.minerai.ops.signal;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class HttpPriceFeedTest {
    @Test
    void fetchesKeepsTheLastGoodDataOnErrorsAndAges() throws Exception {
        AtomicReference<String> body = new AtomicReference<>("time,priceUsdPerMwh\n2024-08-20T00:00:00Z,25.5\n");
        AtomicReference<Integer> status = new AtomicReference<>(200);
        HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 5);
        s.createContext("/prices.csv", x -> {
            byte[] b = body.get().getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders(status.get(), b.length);
            x.getResponseBody().write(b);
            x.close();
        });
        s.start();
        try {
            HttpPriceFeed f = new HttpPriceFeed(
                    URI.create("http://127.0.0.1:" + s.getAddress().getPort() + "/prices.csv"),
                    Duration.ofHours(2),
                    Duration.ofSeconds(5));
            assertThat(f.latest(Instant.parse("2024-08-20T00:10:00Z"))).isEmpty();
            assertThat(f.poll()).isTrue();
            assertThat(f.latest(Instant.parse("2024-08-20T00:10:00Z"))
                            .orElseThrow()
                            .value())
                    .isEqualTo(25.5);
            status.set(503);
            assertThat(f.poll()).isFalse();
            assertThat(f.lastError()).contains("503");
            SignalValue v = f.latest(Instant.parse("2024-08-20T03:00:00Z")).orElseThrow(); // kept, and aged
            assertThat(Duration.between(v.receivedAtUtc(), Instant.parse("2024-08-20T03:00:00Z")))
                    .isGreaterThan(f.staleAfter());
            status.set(200);
            body.set("time,priceUsdPerMwh\n2024-08-20T00:00:00Z,25.5\n2024-08-20T01:00:00Z,not-a-number\n");
            assertThat(f.poll()).isFalse(); // bad rows are rejected whole, with the line
            assertThat(f.lastError()).contains(":3:priceUsdPerMwh");
        } finally {
            s.stop(0);
        }
    }
}
