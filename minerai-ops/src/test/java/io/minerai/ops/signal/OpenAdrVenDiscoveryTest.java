package io.minerai.ops.signal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.minerai.ops.emulator.VtnStub;
import io.minerai.ops.sim.FakeClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * OpenADR 3.x as the spec has it: the token URL discovered at {@code GET /auth/server} (the stub's is not {@code
 * /auth/token}), events read page by page (a VTN caps a page at 50), and USAGE reports sent back while an event is on.
 */
class OpenAdrVenDiscoveryTest {
    final FakeClock clock = new FakeClock(Instant.parse("2024-08-19T20:00:00Z"));

    static ObjectNode limitEvent(String name, Instant start, String duration, double kw) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode e = f.objectNode();
        e.put("programID", "grid-1");
        e.put("eventName", name);
        e.putArray("payloadDescriptors")
                .addObject()
                .put("payloadType", "IMPORT_CAPACITY_LIMIT")
                .put("units", "KW");
        e.putObject("intervalPeriod").put("start", start.toString()).put("duration", duration);
        e.putArray("intervals")
                .addObject()
                .put("id", 0)
                .putArray("payloads")
                .addObject()
                .put("type", "IMPORT_CAPACITY_LIMIT")
                .putArray("values")
                .add(kw);
        return e;
    }

    @Test
    void discoversTheTokenUrlReadsEveryPageAndReportsUsage() throws Exception {
        try (VtnStub vtn = new VtnStub("site", "secret", clock)) {
            // 120 past events, then the one in force now: on the third page
            for (int i = 0; i < 120; i++) {
                vtn.addEvent(limitEvent("old-" + i, clock.instant().minus(Duration.ofDays(2 + i)), "PT1H", 100));
            }
            vtn.addEvent(limitEvent("now", clock.instant().minus(Duration.ofMinutes(10)), "PT1H", 400));
            OpenAdrVen ven = new OpenAdrVen(
                    new OpenAdrVen.Settings(
                            vtn.baseUrl(),
                            "grid-1",
                            "site",
                            "secret",
                            "site-ven",
                            Duration.ofMinutes(5),
                            Duration.ofSeconds(5)),
                    2.0,
                    clock);
            assertThat(ven.poll()).as(String.valueOf(ven.lastError())).isTrue();
            assertThat(ven.ceilingMw(clock.instant())).isEqualTo(0.4); // the 400 kW limit on page 3
            OpenAdrReporter reporter = new OpenAdrReporter(ven, Duration.ofMinutes(5));
            reporter.report(clock.instant(), 0.35);
            reporter.report(clock.instant().plusSeconds(30), 0.35); // not due yet
            assertThat(reporter.sent()).isEqualTo(1);
            JsonNode r = vtn.reports().get(0);
            assertThat(r.path("resources")
                            .get(0)
                            .path("intervals")
                            .get(0)
                            .path("payloads")
                            .get(0)
                            .path("type")
                            .asText())
                    .isEqualTo("USAGE");
            assertThat(r.path("resources")
                            .get(0)
                            .path("intervals")
                            .get(0)
                            .path("payloads")
                            .get(0)
                            .path("values")
                            .get(0)
                            .asDouble())
                    .isEqualTo(350.0); // kW
        }
    }
}
