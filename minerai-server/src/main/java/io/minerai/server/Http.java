package io.minerai.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.minerai.core.validation.Problem;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Request and response helpers: JSON bodies, problem+json errors, size-limited bodies, query parameters. */
final class Http {
    static final String PROBLEM_JSON = "application/problem+json";

    private Http() {}

    static void json(Context ctx, int status, Object body) {
        ctx.status(status).contentType("application/json").result(Json.write(body));
    }

    static void problem(Context ctx, ApiException e) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("type", "about:blank");
        n.put("title", e.title());
        n.put("status", e.status());
        n.put("detail", e.detail());
        n.put("instance", ctx.path());
        if (!e.errors().isEmpty()) {
            ArrayNode errors = n.putArray("errors");
            for (Problem p : e.errors()) {
                errors.addObject().put("path", p.path()).put("message", p.message());
            }
        }
        ctx.status(e.status()).contentType(PROBLEM_JSON).result(Json.write(n));
    }

    /** The request body, refused with 413 when larger than {@code maxBytes} (checked before and after reading). */
    static byte[] body(Context ctx, long maxBytes) {
        String len = ctx.header("Content-Length");
        if (len != null) {
            long n;
            try {
                n = Long.parseLong(len.trim());
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("Content-Length is not a number");
            }
            if (n > maxBytes) {
                drain(ctx, Math.min(n, DRAIN_LIMIT_BYTES));
                throw tooLarge(n, maxBytes);
            }
        }
        byte[] b;
        try {
            b = ctx.bodyAsBytes();
        } catch (RuntimeException e) {
            // a malformed chunked body, a client that went away: the request's fault, answered 400
            throw ApiException.badRequest(
                    "the request body could not be read: " + shorten(String.valueOf(e.getMessage())));
        }
        if (b.length > maxBytes) {
            throw tooLarge(b.length, maxBytes);
        }
        return b;
    }

    /**
     * How much of a refused body is read and dropped so the 413 reaches the client: a server that answers and closes
     * while the client is still sending resets the connection, and the client then sees no response at all. Bodies
     * larger than this are cut off (the connection is closed) rather than read.
     */
    static final long DRAIN_LIMIT_BYTES = 16L * 1024 * 1024;

    private static void drain(Context ctx, long upTo) {
        byte[] buf = new byte[16 * 1024];
        long left = upTo;
        try {
            java.io.InputStream in = ctx.req().getInputStream();
            int r;
            while (left > 0 && (r = in.read(buf, 0, (int) Math.min(buf.length, left))) > 0) {
                left -= r;
            }
        } catch (java.io.IOException e) {
            // the client went away; the 413 is written if it can be
        }
    }

    static ApiException tooLarge(long n, long max) {
        return new ApiException(413, "Content too large", "the request body has " + n + " bytes; the limit is " + max);
    }

    /** The body as strict UTF-8 text. */
    static String text(byte[] body, String what) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new ApiException(
                    400, "Bad request", what + " is not UTF-8 text", List.of(new Problem("body", "not UTF-8 text")));
        }
    }

    /**
     * Refuses (415) a body whose {@code Content-Type} is missing or not one of {@code accepted} (media types without
     * parameters, e.g. {@code application/json}).
     */
    static void requireContentType(Context ctx, List<String> accepted) {
        String given = ctx.header("Content-Type");
        String media = given == null ? "" : given.split(";", 2)[0].trim().toLowerCase(java.util.Locale.ROOT);
        if (!accepted.contains(media)) {
            throw new ApiException(
                    415,
                    "Unsupported media type",
                    "the body must be sent as " + String.join(" or ", accepted) + "; Content-Type was "
                            + (given == null ? "missing" : "'" + shorten(given) + "'"));
        }
    }

    /** A JSON object body (Content-Type application/json). */
    static JsonNode jsonObject(Context ctx, long maxBytes) {
        requireContentType(ctx, List.of("application/json"));
        String text = text(body(ctx, maxBytes), "the body");
        JsonNode n;
        try {
            n = Json.MAPPER.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            String where = e.getLocation() == null
                    ? "body"
                    : "body:" + e.getLocation().getLineNr() + ":"
                            + e.getLocation().getColumnNr();
            throw new ApiException(
                    400,
                    "Bad request",
                    "the body is not valid JSON",
                    List.of(new Problem(where, e.getOriginalMessage())));
        }
        if (n == null || !n.isObject()) {
            throw new ApiException(400, "Bad request", "the body must be a JSON object");
        }
        return n;
    }

    static long pathId(Context ctx, String name) {
        String v = ctx.pathParam(name);
        try {
            long id = Long.parseLong(v);
            if (id < 1) {
                throw new NumberFormatException();
            }
            return id;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name + " must be a positive whole number, was '" + shorten(v) + "'");
        }
    }

    static int intQuery(Context ctx, String name, int dflt, int min, int max) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        try {
            int i = Integer.parseInt(v.trim());
            if (i < min || i > max) {
                throw new NumberFormatException();
            }
            return i;
        } catch (NumberFormatException e) {
            throw new ApiException(
                    400,
                    "Bad request",
                    "query parameter " + name + " must be a whole number in " + min + ".." + max,
                    List.of(new Problem(
                            name, "must be a whole number in " + min + ".." + max + ", was '" + shorten(v) + "'")));
        }
    }

    static @Nullable String query(Context ctx, String name) {
        String v = ctx.queryParam(name);
        return v == null || v.isBlank() ? null : v.trim();
    }

    static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
