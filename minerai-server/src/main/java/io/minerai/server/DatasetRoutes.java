package io.minerai.server;

import io.javalin.http.Context;
import io.minerai.core.audit.AuditEntry;
import io.minerai.core.validation.Problem;
import io.minerai.core.validation.ValidationException;
import io.minerai.data.bitcoin.BitcoinHistory;
import io.minerai.data.bitcoin.CoinMetricsReader;
import io.minerai.data.ercot.ErcotSppReportReader;
import io.minerai.data.ercot.SppSeries;
import io.minerai.data.series.TimestampedCsvReader;
import io.minerai.data.series.TimestampedData;
import io.minerai.store.DatasetInfo;
import io.minerai.store.NewDataset;
import io.minerai.store.Role;
import io.minerai.store.Store;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /api/datasets}: CSV uploads, validated by minerai-data's readers before anything is stored. The body is the
 * CSV text itself (not multipart); the file name is only a label, reduced to a safe base name, and never used as a
 * path. A dataset is stored in one transaction, so a refused upload stores nothing.
 */
final class DatasetRoutes {
    /** Accepted dataset formats. */
    static final List<String> KINDS = List.of("timeseries-csv", "ercot-spp-csv", "coinmetrics-csv");

    private final Store store;
    private final ServerConfig config;
    private final Clock clock;

    DatasetRoutes(Store store, ServerConfig config, Clock clock) {
        this.store = store;
        this.config = config;
        this.clock = clock;
    }

    List<Route> routes() {
        return List.of(
                Route.get("/api/datasets", Role.VIEWER, this::list),
                Route.post("/api/datasets", Role.OPERATOR, this::upload),
                Route.get("/api/datasets/{id}", Role.VIEWER, this::get),
                Route.get("/api/datasets/{id}/content", Role.VIEWER, this::content));
    }

    private void list(Context ctx, Principal who) {
        int limit = Http.intQuery(ctx, "limit", 100, 1, 1000);
        int offset = Http.intQuery(ctx, "offset", 0, 0, Integer.MAX_VALUE);
        Http.json(ctx, 200, Map.of("items", store.datasets().list(limit, offset), "limit", limit, "offset", offset));
    }

    private void get(Context ctx, Principal who) {
        long id = Http.pathId(ctx, "id");
        Http.json(ctx, 200, store.datasets().get(id).orElseThrow(() -> ApiException.notFound("dataset " + id)));
    }

    private void content(Context ctx, Principal who) {
        long id = Http.pathId(ctx, "id");
        String csv = store.datasets().content(id).orElseThrow(() -> ApiException.notFound("dataset " + id));
        // served as an attachment with a fixed name so browsers never render it
        ctx.header("Content-Disposition", "attachment; filename=\"dataset-" + id + ".csv\"");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.status(200).contentType("text/csv; charset=utf-8").result(csv);
    }

    private void upload(Context ctx, Principal who) {
        String name = required(ctx, "name");
        String kind = required(ctx, "kind").toLowerCase(Locale.ROOT);
        String source = required(ctx, "source");
        if (!KINDS.contains(kind)) {
            throw new ApiException(
                    400,
                    "Bad request",
                    "unknown dataset kind",
                    List.of(new Problem("kind", "must be one of " + KINDS + ", was '" + Http.shorten(kind) + "'")));
        }
        if (name.length() > 200 || source.length() > 2000) {
            throw ApiException.badRequest("name must be at most 200 characters and source at most 2000");
        }
        String fileName =
                safeFileName(Optional.ofNullable(Http.query(ctx, "filename")).orElse("upload.csv"));
        Http.requireContentType(ctx, List.of("text/csv", "text/plain"));
        byte[] body = Http.body(ctx, config.maxUploadBytes());
        String text = sniffCsv(body, fileName);
        Parsed parsed = switch (kind) {
            case "ercot-spp-csv" -> ercotSpp(body, fileName, required(ctx, "settlementPoint"));
            case "timeseries-csv" ->
                timeseries(body, fileName, required(ctx, "timeColumn"), required(ctx, "valueColumn"));
            default -> coinMetrics(body, fileName);
        };
        DatasetInfo d = store.datasets()
                .create(new NewDataset(
                        name, kind, fileName, source, who.name(), text, parsed.rows(), parsed.first(), parsed.last()));
        store.auditLog()
                .append(new AuditEntry(
                        0,
                        clock.instant(),
                        "api:" + who.name(),
                        "dataset:" + d.id(),
                        "upload",
                        "stored",
                        Map.of("kind", kind, "sha256", d.sha256(), "bytes", String.valueOf(d.sizeBytes()))));
        ctx.header("Location", "/api/datasets/" + d.id());
        Http.json(ctx, 201, d);
    }

    private record Parsed(int rows, Optional<Instant> first, Optional<Instant> last) {}

    private static Parsed ercotSpp(byte[] body, String fileName, String settlementPoint) {
        SppSeries s = ErcotSppReportReader.read(new ByteArrayInputStream(body), fileName, settlementPoint);
        var grid = s.priceUsdPerMwh().grid();
        return new Parsed(grid.count(), Optional.of(grid.startUtc()), Optional.of(grid.start(grid.count() - 1)));
    }

    private static Parsed timeseries(byte[] body, String fileName, String timeColumn, String valueColumn) {
        TimestampedData d = TimestampedCsvReader.read(
                new ByteArrayInputStream(body), fileName, TimestampedCsvReader.Spec.of(timeColumn, valueColumn));
        var grid = d.grid();
        return new Parsed(grid.count(), Optional.of(grid.startUtc()), Optional.of(grid.start(grid.count() - 1)));
    }

    private static Parsed coinMetrics(byte[] body, String fileName) {
        BitcoinHistory h = CoinMetricsReader.read(new ByteArrayInputStream(body), fileName);
        var range = h.coverage();
        return new Parsed(
                h.days().size(),
                Optional.of(range.first().atStartOfDay().toInstant(ZoneOffset.UTC)),
                Optional.of(range.last().atStartOfDay().toInstant(ZoneOffset.UTC)));
    }

    /**
     * Checks that the bytes are CSV text: not empty, no compressed or binary content (NUL or control bytes), strict
     * UTF-8, and a header line with at least two comma-separated columns.
     */
    static String sniffCsv(byte[] body, String fileName) {
        if (body.length == 0) {
            throw invalid(fileName, "the file is empty");
        }
        if (body.length >= 2 && (body[0] & 0xff) == 0x1f && (body[1] & 0xff) == 0x8b) {
            throw invalid(fileName, "the file is gzip-compressed; upload the CSV text");
        }
        if (body.length >= 4 && body[0] == 'P' && body[1] == 'K' && body[2] == 3 && body[3] == 4) {
            throw invalid(fileName, "the file is a ZIP archive; upload the CSV text");
        }
        int line = 1;
        for (byte b : body) {
            int c = b & 0xff;
            if (c == '\n') {
                line++;
            } else if (c < 0x20 && c != '\r' && c != '\t') {
                throw invalid(
                        fileName + ":" + line,
                        "binary content (control byte 0x" + Integer.toHexString(c) + "); a CSV file is text");
            }
        }
        String text = Http.text(body, fileName);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        int eol = text.indexOf('\n');
        String header = (eol < 0 ? text : text.substring(0, eol)).trim();
        if (header.startsWith("<") || header.startsWith("{") || header.startsWith("[")) {
            throw invalid(fileName + ":1", "this looks like HTML/XML/JSON, not CSV");
        }
        if (!header.contains(",")) {
            throw invalid(fileName + ":1", "the first line must be a comma-separated header with at least two columns");
        }
        return text;
    }

    private static ValidationException invalid(String path, String message) {
        return new ValidationException("upload", new Problem(path, message));
    }

    /** The base name of an uploaded file, reduced to letters, digits, dot, dash and underscore. */
    static String safeFileName(String raw) {
        String base = raw.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        StringBuilder sb = new StringBuilder();
        for (char c : base.toCharArray()) {
            sb.append(Character.isLetterOrDigit(c) && c < 128 || c == '.' || c == '-' || c == '_' ? c : '_');
        }
        String s = sb.toString().replaceAll("^\\.+", "");
        if (s.isEmpty()) {
            s = "upload.csv";
        }
        return s.length() > 100 ? s.substring(s.length() - 100) : s;
    }

    private static String required(Context ctx, String name) {
        String v = Http.query(ctx, name);
        if (v == null) {
            throw new ApiException(
                    400,
                    "Bad request",
                    "query parameter " + name + " is required",
                    List.of(new Problem(name, "required")));
        }
        return v;
    }
}
