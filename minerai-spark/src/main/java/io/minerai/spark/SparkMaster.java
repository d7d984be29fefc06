package io.minerai.spark;

import io.minerai.core.validation.Problem;
import io.minerai.core.validation.ValidationException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A Spark master URL, checked before a session is started: its form, and for a standalone or Kubernetes master that
 * something answers on its host and port within the connect timeout (Spark itself would retry for about a minute and
 * then leave a half-started context).
 *
 * @param url the URL as given
 * @param local whether it runs in this JVM ({@code local}, {@code local[N]}, {@code local[*]}, {@code local[N,F]})
 */
record SparkMaster(String url, boolean local) {
    static final String OPTION = "--spark-master";

    /**
     * Parses {@code url} and, unless local or YARN, checks that a master answers within {@code timeout}.
     *
     * @throws ValidationException at path {@code --spark-master}
     */
    static SparkMaster check(String url, Duration timeout) {
        String u = url.strip();
        if (u.matches("local(\\[(\\*|[1-9][0-9]*)(,[1-9][0-9]*)?])?")) {
            return new SparkMaster(u, true);
        }
        if (u.equals("yarn")) {
            return new SparkMaster(u, false);
        }
        List<InetSocketAddress> endpoints = new ArrayList<>();
        if (u.startsWith("spark://")) {
            for (String hostPort : u.substring("spark://".length()).split(",")) {
                endpoints.add(endpoint(u, hostPort, 7077));
            }
        } else if (u.startsWith("k8s://")) {
            String rest = u.substring("k8s://".length());
            URI api = URI.create(rest.contains("://") ? rest : "https://" + rest);
            if (api.getHost() == null) {
                throw bad(u, "has no host");
            }
            endpoints.add(InetSocketAddress.createUnresolved(
                    api.getHost(), api.getPort() > 0 ? api.getPort() : "http".equals(api.getScheme()) ? 80 : 443));
        } else {
            throw bad(
                    u,
                    "is not a Spark master URL; use local[N], local[*], spark://HOST:PORT, k8s://https://HOST:PORT or yarn");
        }
        List<String> failures = new ArrayList<>();
        for (InetSocketAddress e : endpoints) {
            String why = reach(e, timeout);
            if (why.isEmpty()) {
                return new SparkMaster(u, false);
            }
            failures.add(e.getHostString() + ":" + e.getPort() + ": " + why);
        }
        throw bad(
                u,
                "cannot be reached (" + String.join("; ", failures)
                        + "); check the URL and that the master is running, nothing was written");
    }

    private static InetSocketAddress endpoint(String url, String hostPort, int defaultPort) {
        String hp = hostPort.strip();
        int colon = hp.lastIndexOf(':');
        if (hp.isEmpty() || colon == 0) {
            throw bad(url, "has no host");
        }
        if (colon < 0) {
            return InetSocketAddress.createUnresolved(hp, defaultPort);
        }
        try {
            int port = Integer.parseInt(hp.substring(colon + 1));
            if (port < 1 || port > 65535) {
                throw bad(url, "port must be 1-65535, was " + port);
            }
            return InetSocketAddress.createUnresolved(hp.substring(0, colon), port);
        } catch (NumberFormatException e) {
            throw bad(url, "port '" + hp.substring(colon + 1) + "' is not a number");
        }
    }

    /** Empty when a TCP connection opens within the timeout, else why not. */
    private static String reach(InetSocketAddress unresolved, Duration timeout) {
        InetSocketAddress address = new InetSocketAddress(unresolved.getHostString(), unresolved.getPort());
        if (address.isUnresolved()) {
            return "unknown host";
        }
        try (Socket s = new Socket()) {
            s.connect(address, (int) Math.max(1, timeout.toMillis()));
            return "";
        } catch (java.net.SocketTimeoutException e) {
            return String.format(Locale.ROOT, "no answer within %.1f s", timeout.toMillis() / 1000.0);
        } catch (IOException e) {
            return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
    }

    private static ValidationException bad(String url, String message) {
        return new ValidationException("Spark executor", new Problem(OPTION, "'" + url + "' " + message));
    }
}
