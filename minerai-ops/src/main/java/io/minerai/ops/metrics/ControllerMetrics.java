package io.minerai.ops.metrics;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.minerai.ops.control.ControllerObserver;
import io.minerai.ops.control.ControllerStatus;
import io.minerai.ops.control.DeviceCommand;
import io.minerai.ops.device.AckStatus;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;

/**
 * Prometheus metrics of the controller through Micrometer: fleet power, worst-case power, cap, ceiling, hashrate,
 * curtailed MW, price, safe state, device counts (gauges); commands by action and outcome, errors (counters); command
 * latency (timer, from sending to the outcome). {@link #serve(int)} exposes {@code /metrics} on loopback.
 */
public final class ControllerMetrics implements ControllerObserver, AutoCloseable {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private volatile @Nullable ControllerStatus last;
    private @Nullable HttpServer server;

    public ControllerMetrics() {
        gauge(
                "minerai_site_power_watts",
                "Measured power of the devices with fresh readings.",
                s -> s.measuredPowerMw() * 1e6);
        gauge(
                "minerai_site_worst_case_power_watts",
                "Worst-case device power (unknown devices at rated power).",
                s -> s.worstCasePowerMw() * 1e6);
        gauge("minerai_site_cap_watts", "Hard site cap.", s -> s.capMw() * 1e6);
        gauge(
                "minerai_site_ceiling_watts",
                "Load allowed now (target, signals, safe state).",
                s -> s.ceilingMw() * 1e6);
        gauge("minerai_fleet_hashrate_ths", "Measured hashrate, TH/s.", ControllerStatus::hashrateThPerS);
        gauge(
                "minerai_curtailed_watts",
                "Rated power taken off by sleep and power targets.",
                s -> s.curtailedMw() * 1e6);
        gauge(
                "minerai_grid_price_usd_per_mwh",
                "Latest fresh energy price.",
                s -> s.priceUsdPerMwh().isPresent() ? s.priceUsdPerMwh().getAsDouble() : Double.NaN);
        gauge("minerai_safe_state", "1 while the site is in its safe state.", s -> s.safe() ? 1 : 0);
        gauge("minerai_devices_running", "Devices known running.", ControllerStatus::running);
        gauge("minerai_devices_sleeping", "Devices known asleep.", ControllerStatus::sleeping);
        gauge("minerai_devices_unknown", "Devices without a fresh reading.", ControllerStatus::unknown);
        gauge("minerai_devices_lost", "Devices declared lost.", ControllerStatus::lost);
        gauge("minerai_commands_in_flight", "Commands sent and not yet resolved.", ControllerStatus::commandsInFlight);
    }

    private interface Field {
        double of(ControllerStatus s);
    }

    private void gauge(String name, String help, Field f) {
        Gauge.builder(name, this, m -> {
                    ControllerStatus s = m.last;
                    return s == null ? Double.NaN : f.of(s);
                })
                .description(help)
                .register(registry);
    }

    @Override
    public void onStep(ControllerStatus status) {
        last = status;
    }

    @Override
    public void onCommandFinished(DeviceCommand command, String outcome, Duration latency) {
        String action = command.desired().label().split(" ")[0];
        Counter.builder("minerai_commands")
                .description("Commands by action and outcome.")
                .tag("action", action)
                .tag("outcome", outcome)
                .register(registry)
                .increment();
        if (!outcome.equals("confirmed")) {
            Counter.builder("minerai_command_errors")
                    .description("Commands that ended in anything but confirmation.")
                    .tag("outcome", outcome)
                    .register(registry)
                    .increment();
        }
        Timer.builder("minerai_command_latency")
                .description("Time from sending a command to its outcome.")
                .tag("action", action)
                .register(registry)
                .record(latency);
    }

    @Override
    public void onAck(DeviceCommand command, AckStatus status, Duration latency) {}

    /** The Prometheus text exposition. */
    public String scrape() {
        return registry.scrape();
    }

    /** Serves {@code GET /metrics} on 127.0.0.1 (port 0 picks a free one); returns the port. */
    public synchronized int serve(int port) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 10);
        s.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        s.createContext("/metrics", x -> {
            byte[] b = scrape().getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
            x.sendResponseHeaders(200, b.length);
            try (OutputStream o = x.getResponseBody()) {
                o.write(b);
            }
        });
        s.start();
        server = s;
        return s.getAddress().getPort();
    }

    @Override
    public synchronized void close() {
        HttpServer s = server;
        if (s != null) {
            s.stop(0);
        }
        registry.close();
    }
}
