package io.minerai.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Dataset uploads: validated by minerai-data's readers, size-limited, sniffed, and all-or-nothing. */
class UploadTest {
    static final String PATH = "/api/datasets?kind=coinmetrics-csv&name=btc&source=Coin%20Metrics%20community%20data";
    static MineraiServer server;
    static Client operator;

    @BeforeAll
    static void start() {
        // a small upload limit (64 KiB) so the oversized case is cheap
        server = TestServers.start(TestServers.config().withLimits(64 * 1024, 64 * 1024));
        Client admin = new Client(server.port(), TestServers.ADMIN);
        String t = admin.postJson("/api/tokens", "{\"name\":\"uploader\",\"role\":\"operator\"}")
                .json()
                .path("token")
                .asText();
        operator = admin.as(t);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** The first {@code rows} days of the bundled Coin Metrics file (real data, CC BY-NC 4.0). */
    static String coinMetrics(int rows) {
        try (InputStream in = new GZIPInputStream(UploadTest.class.getResourceAsStream(
                "/io/minerai/data/btc_coinmetrics/btc_daily_coinmetrics.csv.gz"))) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i <= rows; i++) {
                sb.append(lines[i]).append('\n');
            }
            return sb.toString();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    long stored() {
        return server.store().datasets().count();
    }

    @Test
    void aValidCsvIsStoredWithItsProvenance() {
        long before = stored();
        String csv = coinMetrics(10);
        var r = operator.post(PATH + "&filename=..%2F..%2Fetc%2Fbtc.csv", "text/csv", csv);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        var d = r.json();
        assertThat(d.path("rowCount").asInt()).isEqualTo(10);
        assertThat(d.path("source").asText()).isEqualTo("Coin Metrics community data");
        assertThat(d.path("uploadedBy").asText()).isEqualTo("uploader");
        assertThat(d.path("firstTimeUtc").asText()).isEqualTo("2024-01-01T00:00:00Z");
        // the name is a label only, reduced to a safe base name
        assertThat(d.path("originalFilename").asText()).isEqualTo("btc.csv");
        assertThat(d.path("sha256").asText()).hasSize(64);
        assertThat(stored()).isEqualTo(before + 1);
        var content = operator.get("/api/datasets/" + d.path("id").asLong() + "/content");
        assertThat(content.text()).isEqualTo(csv);
        assertThat(content.raw().headers().firstValue("Content-Disposition").orElse(""))
                .contains("attachment");
    }

    @Test
    void aMalformedCsvIsRefusedWithFileLineAndColumnAndStoresNothing() {
        long before = stored();
        String bad = coinMetrics(5).replace("44941.160493571", "lots");
        var r = operator.post(PATH + "&filename=btc.csv", "text/csv", bad);
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().path("errors").findValuesAsText("path"))
                .anySatisfy(p -> assertThat(p).startsWith("btc.csv:3"));
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void anOversizedUploadIsRefusedAndStoresNothing() {
        long before = stored();
        String big = coinMetrics(2) + "x".repeat(70 * 1024);
        var r = operator.post(PATH, "text/csv", big);
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.json().path("detail").asText()).contains("limit is 65536");
        assertThat(stored()).isEqualTo(before);
    }

    /**
     * The 413 reaches the client every time: the server reads and drops a refused body (up to a bound) before it
     * answers, instead of closing the connection under a client that is still sending (which the client sees as a
     * reset with no response). 40 oversized uploads on loopback, each answered 413.
     */
    @Test
    void everyOversizedUploadGetsIts413() {
        String big = coinMetrics(2) + "y".repeat(200 * 1024);
        for (int i = 0; i < 40; i++) {
            var r = operator.post(PATH, "text/csv", big);
            assertThat(r.status()).as("upload %d", i).isEqualTo(413);
        }
    }

    @Test
    void binaryCompressedAndNonCsvUploadsAreRefused() throws IOException {
        long before = stored();
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(coinMetrics(3).getBytes(StandardCharsets.UTF_8));
        }
        var g = operator.postBytes(PATH, "text/csv", gz.toByteArray());
        assertThat(g.status()).isEqualTo(422);
        assertThat(g.json().path("errors").get(0).path("message").asText()).contains("gzip");
        var bin = operator.postBytes(PATH, "text/csv", new byte[] {'t', ',', 'x', '\n', 0, 1, 2, 3});
        assertThat(bin.status()).isEqualTo(422);
        assertThat(bin.json().path("errors").get(0).path("message").asText()).contains("binary");
        var html = operator.post(PATH, "text/csv", "<html><body>hi</body></html>\n");
        assertThat(html.status()).isEqualTo(422);
        var latin1 = operator.postBytes(PATH, "text/csv", new byte[] {'a', ',', 'b', '\n', (byte) 0xe9, ',', '1'});
        assertThat(latin1.status()).isEqualTo(400);
        var empty = operator.post(PATH, "text/csv", "");
        assertThat(empty.status()).isEqualTo(422);
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void uploadsNeedAnOperatorAndTheirParameters() {
        long before = stored();
        Client admin = new Client(server.port(), TestServers.ADMIN);
        String viewerToken = admin.postJson("/api/tokens", "{\"name\":\"v\",\"role\":\"viewer\"}")
                .json()
                .path("token")
                .asText();
        assertThat(admin.as(viewerToken).post(PATH, "text/csv", coinMetrics(3)).status())
                .isEqualTo(403);
        assertThat(admin.as(null).post(PATH, "text/csv", coinMetrics(3)).status())
                .isEqualTo(401);
        var noKind = operator.post("/api/datasets?name=x&source=y", "text/csv", coinMetrics(3));
        assertThat(noKind.status()).isEqualTo(400);
        assertThat(noKind.json().path("errors").findValuesAsText("path")).contains("kind");
        var badKind = operator.post("/api/datasets?name=x&source=y&kind=exe", "text/csv", coinMetrics(3));
        assertThat(badKind.status()).isEqualTo(400);
        var noPoint = operator.post("/api/datasets?name=x&source=y&kind=ercot-spp-csv", "text/csv", coinMetrics(3));
        assertThat(noPoint.json().path("errors").findValuesAsText("path")).contains("settlementPoint");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void timestampedCsvsAreReadWithTheirStepAndIrregularStepsRefused() {
        long before = stored();
        String path = "/api/datasets?kind=timeseries-csv&name=p&source=own%20meter&timeColumn=time&valueColumn=price";
        // synthetic test values, not market data
        String ok = "time,price\n2024-07-01T00:00:00Z,21.5\n2024-07-01T01:00:00Z,19\n2024-07-01T02:00:00Z,\n"
                + "2024-07-01T03:00:00Z,25\n";
        var r = operator.post(path + "&filename=meter.csv", "text/csv", ok);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        assertThat(r.json().path("rowCount").asInt()).isEqualTo(4);
        assertThat(r.json().path("lastTimeUtc").asText()).isEqualTo("2024-07-01T03:00:00Z");
        String irregular = "time,price\n2024-07-01T00:00:00Z,21.5\n2024-07-01T01:00:00Z,19\n2024-07-01T01:30:00Z,20\n"
                + "2024-07-01T02:10:00Z,25\n";
        var bad = operator.post(path + "&filename=meter.csv", "text/csv", irregular);
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().path("errors").findValuesAsText("path"))
                .anySatisfy(p -> assertThat(p).startsWith("meter.csv:"));
        assertThat(stored()).isEqualTo(before + 1);
    }

    @Test
    void fileNamesAreReducedToSafeBaseNames() {
        assertThat(DatasetRoutes.safeFileName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(DatasetRoutes.safeFileName("C:\\Users\\x\\prices 2024.csv")).isEqualTo("prices_2024.csv");
        assertThat(DatasetRoutes.safeFileName("..")).isEqualTo("upload.csv");
        assertThat(DatasetRoutes.safeFileName(".hidden")).isEqualTo("hidden");
    }
}
