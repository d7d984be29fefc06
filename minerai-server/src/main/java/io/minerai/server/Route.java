package io.minerai.server;

import io.javalin.http.Context;
import io.minerai.store.Role;
import java.util.Optional;

/**
 * One API route: method, path (Javalin syntax, e.g. {@code /api/runs/{id}}), the role it needs (empty for public
 * routes) and its handler. The OpenAPI test checks that the description documents every route.
 *
 * @param method HTTP method
 * @param path path template
 * @param role least role allowed, empty when no token is needed
 * @param handler what it does
 */
public record Route(Method method, String path, Optional<Role> role, Handler handler) {
    /** HTTP methods the API uses. */
    public enum Method {
        GET,
        POST,
        PUT,
        DELETE,
        PATCH
    }

    /** A route handler that knows who is calling. */
    @FunctionalInterface
    public interface Handler {
        void handle(Context ctx, Principal who) throws Exception;
    }

    static Route get(String path, Role role, Handler h) {
        return new Route(Method.GET, path, Optional.of(role), h);
    }

    static Route post(String path, Role role, Handler h) {
        return new Route(Method.POST, path, Optional.of(role), h);
    }

    static Route put(String path, Role role, Handler h) {
        return new Route(Method.PUT, path, Optional.of(role), h);
    }

    static Route delete(String path, Role role, Handler h) {
        return new Route(Method.DELETE, path, Optional.of(role), h);
    }

    static Route open(Method m, String path, Handler h) {
        return new Route(m, path, Optional.empty(), h);
    }
}
