package io.minerai.cli.ops;

import io.minerai.ops.control.ControllerStatus;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * A live status view: on a terminal the same few lines are redrawn in place (ANSI cursor-up + clear); when stdout is
 * not a terminal (CI logs, pipes) one plain line is printed every {@code every} steps instead.
 */
final class StatusView {
    private final PrintWriter out;
    private final boolean tty;
    private final int every;
    private int drawnLines;
    private long steps;
    private List<io.minerai.ops.control.DeviceIssue> shownIssues = List.of();

    StatusView(PrintWriter out, boolean tty, int every) {
        this.out = out;
        this.tty = tty;
        this.every = Math.max(1, every);
    }

    static boolean stdoutIsTerminal() {
        // Java 21 API: a console exists only with a terminal on both ends (JDK 22+ may return one for pipes too,
        // so also require a usable TERM).
        String term = System.getenv("TERM");
        return System.console() != null && term != null && !term.isBlank() && !term.equals("dumb");
    }

    void update(ControllerStatus s) {
        steps++;
        if (tty) {
            List<String> lines = lines(s);
            if (drawnLines > 0) {
                out.print("\033[" + drawnLines + "A\033[J");
            }
            lines.forEach(out::println);
            drawnLines = lines.size();
            out.flush();
        } else {
            if (steps % every == 0) {
                out.println(oneLine(s));
            }
            if (!s.issues().equals(shownIssues)) {
                // a device that cannot be read, and why, is said at once (a dry run must not hide it)
                for (io.minerai.ops.control.DeviceIssue i : s.issues()) {
                    if (!shownIssues.contains(i)) {
                        out.println(issueLine(i));
                    }
                }
                for (io.minerai.ops.control.DeviceIssue i : shownIssues) {
                    if (s.issues().stream().noneMatch(x -> x.deviceId().equals(i.deviceId()))) {
                        out.println("  ok again: " + i.deviceId());
                    }
                }
                shownIssues = s.issues();
            }
            out.flush();
        }
    }

    static String issueLine(io.minerai.ops.control.DeviceIssue i) {
        return "  NOT READ / UNKNOWN: " + i.deviceId() + ": " + i.reason() + ": " + i.detail();
    }

    static List<String> lines(ControllerStatus s) {
        String price = s.priceUsdPerMwh().isPresent()
                ? String.format(Locale.ROOT, "%.2f $/MWh", s.priceUsdPerMwh().getAsDouble())
                : "none";
        List<String> out = new java.util.ArrayList<>(List.of(
                String.format(
                        Locale.ROOT,
                        "%s  %s  price %s",
                        s.nowUtc(),
                        s.warmingUp()
                                ? "READING DEVICES (no command before the first readings)"
                                : s.safe() ? "SAFE STATE" : "normal",
                        price),
                String.format(
                        Locale.ROOT,
                        "  site %.3f MW (%s)%s | devices %.3f MW measured, %.3f MW worst case | cap %.3f MW | allowed"
                                + " %.3f MW | target %.3f MW",
                        s.sitePowerMw(),
                        s.powerSource(),
                        Double.isNaN(s.meteredPowerMw())
                                ? ""
                                : String.format(Locale.ROOT, ", overhead %.3f MW", s.overheadMw()),
                        s.measuredPowerMw(),
                        s.worstCasePowerMw(),
                        s.capMw(),
                        s.ceilingMw(),
                        s.targetMw()),
                String.format(
                        Locale.ROOT,
                        "  devices: %d running, %d asleep, %d unknown, %d lost | hashrate %.1f PH/s | curtailed %.3f MW",
                        s.running(),
                        s.sleeping(),
                        s.unknown(),
                        s.lost(),
                        s.hashrateThPerS() / 1000,
                        s.curtailedMw()),
                String.format(
                        Locale.ROOT,
                        "  commands: %d this step, %d in flight, %d total, %d failed%s",
                        s.commandsSent(),
                        s.commandsInFlight(),
                        s.totalCommands(),
                        s.totalFailures(),
                        s.safe() ? " | safe because: " + String.join("; ", s.safeReasons()) : "")));
        int shown = 0;
        for (io.minerai.ops.control.DeviceIssue i : s.issues()) {
            if (shown++ == 5) {
                out.add("  ... and " + (s.issues().size() - 5) + " more devices not read or unknown");
                break;
            }
            out.add(issueLine(i));
        }
        return out;
    }

    static String oneLine(ControllerStatus s) {
        return String.format(
                Locale.ROOT,
                "%s %s price=%s site=%.3fMW(%s) load=%.3fMW worst=%.3fMW cap=%.3fMW allowed=%.3fMW run=%d sleep=%d"
                        + " unknown=%d lost=%d cmds=%d failed=%d",
                s.nowUtc(),
                s.warmingUp() ? "READING" : s.safe() ? "SAFE" : "ok",
                s.priceUsdPerMwh().isPresent()
                        ? String.format(Locale.ROOT, "%.2f", s.priceUsdPerMwh().getAsDouble())
                        : "-",
                s.sitePowerMw(),
                s.powerSource(),
                s.measuredPowerMw(),
                s.worstCasePowerMw(),
                s.capMw(),
                s.ceilingMw(),
                s.running(),
                s.sleeping(),
                s.unknown(),
                s.lost(),
                s.totalCommands(),
                s.totalFailures());
    }
}
