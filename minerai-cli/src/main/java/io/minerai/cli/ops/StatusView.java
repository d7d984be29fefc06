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
        } else if (steps % every == 0) {
            out.println(oneLine(s));
            out.flush();
        }
    }

    static List<String> lines(ControllerStatus s) {
        String price = s.priceUsdPerMwh().isPresent()
                ? String.format(Locale.ROOT, "%.2f $/MWh", s.priceUsdPerMwh().getAsDouble())
                : "none";
        return List.of(
                String.format(Locale.ROOT, "%s  %s  price %s", s.nowUtc(), s.safe() ? "SAFE STATE" : "normal", price),
                String.format(
                        Locale.ROOT,
                        "  load %.3f MW measured, %.3f MW worst case | cap %.3f MW | allowed %.3f MW | target %.3f MW",
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
                        s.safe() ? " | safe because: " + String.join("; ", s.safeReasons()) : ""));
    }

    static String oneLine(ControllerStatus s) {
        return String.format(
                Locale.ROOT,
                "%s %s price=%s load=%.3fMW worst=%.3fMW cap=%.3fMW allowed=%.3fMW run=%d sleep=%d unknown=%d lost=%d"
                        + " cmds=%d failed=%d",
                s.nowUtc(),
                s.safe() ? "SAFE" : "ok",
                s.priceUsdPerMwh().isPresent()
                        ? String.format(Locale.ROOT, "%.2f", s.priceUsdPerMwh().getAsDouble())
                        : "-",
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
