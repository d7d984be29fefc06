package io.minerai.server;

import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line per API request: request id (also sent back in {@code X-Request-Id}), method, path without its query
 * string, status, time, and the id of the caller's token (never the token). As text, or as one JSON object per line
 * ({@code --log-format json}) for log collectors.
 */
final class RequestLog {
    static final String REQUEST_ID = "minerai.requestId";
    static final String TOKEN_ID = "minerai.tokenId";
    private static final Logger LOG = LoggerFactory.getLogger("io.minerai.server.requests");

    private RequestLog() {}

    static void log(Context ctx, float ms, boolean json) {
        if (!ctx.path().startsWith("/api/") && !ctx.path().equals("/metrics") && ctx.statusCode() < 400) {
            return; // dashboard files
        }
        Object id = ctx.attribute(REQUEST_ID);
        Object token = ctx.attribute(TOKEN_ID);
        String requestId = id == null ? "-" : id.toString();
        String tokenId = token == null || "0".equals(token.toString()) ? "-" : token.toString();
        long millis = Math.round(ms);
        if (json) {
            var n = Json.MAPPER.createObjectNode();
            n.put("type", "request");
            n.put("requestId", requestId);
            n.put("method", ctx.method().name());
            n.put("path", ctx.path());
            n.put("status", ctx.statusCode());
            n.put("durationMs", millis);
            n.put("tokenId", tokenId);
            LOG.info(Json.write(n));
        } else {
            LOG.info(
                    "request {} {} {} -> {} in {} ms token={}",
                    requestId,
                    ctx.method(),
                    ctx.path(),
                    ctx.statusCode(),
                    millis,
                    tokenId);
        }
    }
}
