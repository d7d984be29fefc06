package io.minerai.ops.emulator;

import io.minerai.ops.gpu.CommandRunner;
import io.minerai.ops.gpu.NvidiaSmi;
import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An emulated GPU server: answers nvidia-smi command lines as a {@link CommandRunner} (query CSV; {@code -i N -pl W}
 * with nvidia-smi's range check and message) and serves a DCGM-exporter-style {@code /metrics} page over a {@link
 * LoopbackServer}. Synthetic: each GPU draws its limit times its utilisation, plus idle power.
 */
public final class VirtualGpuNode implements CommandRunner, LoopbackServer.Handler, EmulatedDevice {
    private final String id;
    private final Quirks quirks = new Quirks();
    private final int count;
    private final double minW;
    private final double maxW;
    private final double defaultW;
    private final double idleW;
    private final double[] limitW;
    private final double utilization;
    private final String model;
    private @org.jspecify.annotations.Nullable String frozenCsv;

    /**
     * @param id node id
     * @param model GPU model name as nvidia-smi prints it
     * @param count GPUs in the node
     * @param minW lowest power limit per GPU
     * @param maxW highest (and default) power limit per GPU
     * @param idleW idle draw per GPU
     * @param utilization busy share 0..1
     */
    public VirtualGpuNode(
            String id, String model, int count, double minW, double maxW, double idleW, double utilization) {
        this.id = id;
        this.model = model;
        this.count = count;
        this.minW = minW;
        this.maxW = maxW;
        this.defaultW = maxW;
        this.idleW = idleW;
        this.utilization = utilization;
        this.limitW = new double[count];
        java.util.Arrays.fill(limitW, defaultW);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Quirks quirks() {
        return quirks;
    }

    /** Draw of every GPU at its default limit, W. */
    @Override
    public double ratedW() {
        return count * (idleW + (defaultW - idleW) * utilization);
    }

    /** Whether any GPU is capped above its minimum. */
    @Override
    public synchronized boolean trulyWorking() {
        for (double w : limitW) {
            if (w > minW + 0.5) {
                return true;
            }
        }
        return false;
    }

    public int gpuCount() {
        return count;
    }

    public synchronized double limitW(int gpu) {
        return limitW[gpu];
    }

    private double drawW(int i) {
        return idleW + (limitW[i] - idleW) * utilization;
    }

    /** Total GPU draw now, W. */
    @Override
    public synchronized double truePowerW() {
        double s = 0;
        for (int i = 0; i < count; i++) {
            s += drawW(i);
        }
        return s;
    }

    private String busId(int i) {
        return String.format(Locale.ROOT, "00000000:%02X:00.0", 0x06 + i);
    }

    @Override
    public synchronized Result run(List<String> argv, Duration timeout) throws IOException {
        if (quirks.dropConnections()) {
            throw new java.net.ConnectException(id + ": ssh: connect to host: Connection refused");
        }
        if (quirks.slowReply().compareTo(timeout) > 0) {
            throw new IOException(id + ": nvidia-smi did not finish within " + timeout);
        }
        if (argv.size() >= 2 && argv.get(1).startsWith("--query-gpu=")) {
            String csv = queryCsv();
            if (quirks.staleTelemetry()) {
                if (frozenCsv == null) {
                    frozenCsv = csv;
                }
                csv = frozenCsv;
            } else {
                frozenCsv = null;
            }
            return new Result(0, csv, "");
        }
        int i = argv.indexOf("-i");
        int pl = argv.indexOf("-pl");
        if (i > 0 && pl > 0 && pl + 1 < argv.size()) {
            int gpu = Integer.parseInt(argv.get(i + 1));
            double w = Double.parseDouble(argv.get(pl + 1));
            if (quirks.accessDenied()) {
                return new Result(
                        4,
                        "",
                        "Changing power management limit is not supported in current scope for GPU " + busId(gpu)
                                + ".\nInsufficient Permissions\n");
            }
            if (w < minW || w > maxW) {
                return new Result(
                        2,
                        String.format(
                                Locale.ROOT,
                                "Provided power limit %.2f W is not a valid power limit which should be between %.2f W"
                                        + " and %.2f W for GPU %s\n",
                                w,
                                minW,
                                maxW,
                                busId(gpu)),
                        "");
            }
            double before = limitW[gpu];
            if (!quirks.ignoreCommands()) {
                limitW[gpu] = w;
            }
            return new Result(
                    0,
                    String.format(
                            Locale.ROOT,
                            "Power limit for GPU %s was set to %.2f W from %.2f W.\nAll done.\n",
                            busId(gpu),
                            w,
                            before),
                    "");
        }
        return new Result(2, "", "Invalid combination of input arguments\n");
    }

    private String queryCsv() {
        StringBuilder b = new StringBuilder();
        for (int g = 0; g < count; g++) {
            List<String> cols = new ArrayList<>();
            for (String f : NvidiaSmi.FIELDS) {
                cols.add(
                        switch (f) {
                            case "index" -> Integer.toString(g);
                            case "uuid" ->
                                String.format(Locale.ROOT, "GPU-%08x-0000-0000-0000-%012d", id.hashCode(), g);
                            case "name" -> model;
                            case "power.draw" -> String.format(Locale.ROOT, "%.2f", drawW(g));
                            case "power.limit", "enforced.power.limit" -> String.format(Locale.ROOT, "%.2f", limitW[g]);
                            case "power.min_limit" -> String.format(Locale.ROOT, "%.2f", minW);
                            case "power.max_limit" -> String.format(Locale.ROOT, "%.2f", maxW);
                            case "power.default_limit" -> String.format(Locale.ROOT, "%.2f", defaultW);
                            case "utilization.gpu" -> Long.toString(Math.round(utilization * 100));
                            case "temperature.gpu" -> "[N/A]".equals(model) ? "[N/A]" : "54";
                            default -> "[N/A]";
                        });
            }
            b.append(String.join(", ", cols)).append('\n');
        }
        return b.toString();
    }

    /** Serves the DCGM exporter page: {@code GET /metrics}. */
    @Override
    public void handle(Socket s) throws IOException {
        MiniHttp.Request req = MiniHttp.read(s);
        if (quirks.dropConnections()) {
            return;
        }
        quirks.delay();
        if (!req.path().startsWith("/metrics")) {
            MiniHttp.write(s, 404, "text/plain", "not found\n", Map.of());
            return;
        }
        StringBuilder b = new StringBuilder();
        b.append("# HELP DCGM_FI_DEV_POWER_USAGE Power draw (in W).\n# TYPE DCGM_FI_DEV_POWER_USAGE gauge\n");
        b.append("# HELP DCGM_FI_DEV_GPU_UTIL GPU utilization (in %).\n# TYPE DCGM_FI_DEV_GPU_UTIL gauge\n");
        b.append("# HELP DCGM_FI_DEV_MEMORY_TEMP Memory temperature (in C).\n");
        b.append("# TYPE DCGM_FI_DEV_MEMORY_TEMP gauge\n");
        synchronized (this) {
            for (int g = 0; g < count; g++) {
                String labels = String.format(
                        Locale.ROOT,
                        "gpu=\"%d\", UUID=\"GPU-%08x-%d\", device=\"nvidia%d\", modelName=\"%s\", Hostname=\"%s\"",
                        g,
                        id.hashCode(),
                        g,
                        g,
                        model,
                        id);
                b.append(String.format(Locale.ROOT, "DCGM_FI_DEV_POWER_USAGE{%s} %.6f%n", labels, drawW(g)));
                b.append(String.format(
                        Locale.ROOT, "DCGM_FI_DEV_GPU_UTIL{%s} %d%n", labels, Math.round(utilization * 100)));
                // HBM temperature is "not supported" on many boards: DCGM's int64 blank value.
                b.append(String.format(
                        Locale.ROOT,
                        "DCGM_FI_DEV_MEMORY_TEMP{%s,container=\"\",pod=\"\"} 9223372036854775794%n",
                        labels));
            }
        }
        MiniHttp.write(s, 200, "text/plain; version=0.0.4; charset=utf-8", b.toString(), Map.of());
    }
}
