package io.minerai.core.ai;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Throughput of a GPU cluster as a function of its power cap: the points {@code (powerFraction, throughputFraction)}
 * are cap levels the dispatch may choose, as fractions of the cluster's full IT power and of its full throughput,
 * ascending, ending at {@code (1, 1)}. Between the origin and the lowest level a share of the GPUs runs at the lowest
 * cap and the rest is paused; between two levels every GPU runs, some at each cap. So the throughput of any power
 * fraction {@code x} in [0, 1] is the piecewise-linear function through {@code (0, 0)} and the points.
 *
 * <p>The curve must be concave (throughput per extra MW never rises with power), which is what capping does to a
 * GPU: its first watts are its most productive. Concavity is what lets the merit order take the levels in order and
 * the LP model them without integers: both see a GPU cluster as blocks of power of falling value per MWh.
 *
 * @param points cap levels, ascending in power, the last one {@code (1, 1)}
 */
public record PowerCapCurve(List<Point> points) {

    /**
     * One cap level.
     *
     * @param powerFraction IT power at this cap / full IT power, in (0, 1]
     * @param throughputFraction throughput at this cap / full throughput, in (0, 1]
     */
    public record Point(double powerFraction, double throughputFraction) {}

    /** Run or stop only: the single level (1, 1), throughput proportional to power. */
    public static final PowerCapCurve RUN_STOP = new PowerCapCurve(List.of(new Point(1, 1)));

    public PowerCapCurve {
        points = List.copyOf(points);
        List<String> p = problems(points);
        if (!p.isEmpty()) {
            throw new IllegalArgumentException("invalid power-cap curve: " + String.join("; ", p));
        }
    }

    /** What is wrong with these points as a curve (empty when they make a valid one). */
    public static List<String> problems(List<Point> points) {
        List<String> out = new ArrayList<>();
        if (points.isEmpty()) {
            out.add("needs at least the point (1, 1)");
            return out;
        }
        double prevX = 0;
        double prevY = 0;
        double prevSlope = Double.POSITIVE_INFINITY;
        for (int i = 0; i < points.size(); i++) {
            Point q = points.get(i);
            if (!(q.powerFraction() > prevX) || q.powerFraction() > 1) {
                out.add("point " + i + ": powerFraction must rise above " + fmt(prevX) + " and be <= 1, was "
                        + fmt(q.powerFraction()));
                return out;
            }
            if (!(q.throughputFraction() > prevY) || q.throughputFraction() > 1) {
                out.add("point " + i + ": throughputFraction must rise above " + fmt(prevY) + " and be <= 1, was "
                        + fmt(q.throughputFraction()));
                return out;
            }
            double slope = (q.throughputFraction() - prevY) / (q.powerFraction() - prevX);
            if (slope > prevSlope + 1e-9) {
                out.add("point " + i + ": not concave (throughput per extra power rises from " + fmt(prevSlope) + " to "
                        + fmt(slope) + ")");
            }
            prevSlope = slope;
            prevX = q.powerFraction();
            prevY = q.throughputFraction();
        }
        Point last = points.get(points.size() - 1);
        if (last.powerFraction() != 1 || last.throughputFraction() != 1) {
            out.add("the last point must be (1, 1), was (" + fmt(last.powerFraction()) + ", "
                    + fmt(last.throughputFraction()) + ")");
        }
        return out;
    }

    /** Throughput fraction at power fraction {@code x} in [0, 1] (linear through the origin and the points). */
    public double throughputFraction(double x) {
        double prevX = 0;
        double prevY = 0;
        for (Point q : points) {
            if (x <= q.powerFraction()) {
                return prevY + (x - prevX) * (q.throughputFraction() - prevY) / (q.powerFraction() - prevX);
            }
            prevX = q.powerFraction();
            prevY = q.throughputFraction();
        }
        return 1.0;
    }

    /**
     * Share of the GPUs running at power fraction {@code x}: below the lowest cap level only part of them runs (at
     * that cap); from the lowest level up, all of them.
     */
    public double runningShare(double x) {
        double lowest = points.get(0).powerFraction();
        return x >= lowest ? 1.0 : x / lowest;
    }

    /** The same curve without levels below {@code minPowerFraction} (capping allowed no lower than that). */
    public PowerCapCurve from(double minPowerFraction) {
        List<Point> kept = new ArrayList<>();
        for (Point q : points) {
            if (q.powerFraction() >= minPowerFraction - 1e-12) {
                kept.add(q);
            }
        }
        return new PowerCapCurve(kept);
    }

    /** Number of cap levels (blocks of power of falling value). */
    public int levels() {
        return points.size();
    }

    /** Width of block {@code k} in power fraction: from the previous level (or 0) to level k. */
    public double blockPowerFraction(int k) {
        return points.get(k).powerFraction() - (k == 0 ? 0 : points.get(k - 1).powerFraction());
    }

    /** Throughput per unit of power fraction in block {@code k} (falls with k: the curve is concave). */
    public double blockSlope(int k) {
        double y0 = k == 0 ? 0 : points.get(k - 1).throughputFraction();
        return (points.get(k).throughputFraction() - y0) / blockPowerFraction(k);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
