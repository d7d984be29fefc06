package io.minerai.core.ai;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A hall's power usage effectiveness (facility power / IT power) as a function of the ambient dry-bulb temperature: a
 * piecewise-linear table through the points, constant below the first and above the last point. PUE rises with the
 * outdoor temperature because heat rejection (economisers, dry coolers, chillers) works harder the hotter it is
 * outside (docs/AI_COMPUTE.md, section Cooling).
 *
 * @param points table points, temperatures strictly ascending, each PUE in [1, 3]
 */
public record PueCurve(List<Point> points) {

    /** Lowest and highest PUE a curve may give, as for the loads' constant {@code pue}. */
    public static final double MIN_PUE = 1.0;

    public static final double MAX_PUE = 3.0;

    /** Temperatures outside this range (the Earth's recorded extremes are -89.2 and 56.7 C) are errors. */
    public static final double MIN_TEMPERATURE_C = -90;

    public static final double MAX_TEMPERATURE_C = 60;

    /**
     * One point of the table.
     *
     * @param temperatureC ambient dry-bulb temperature, degrees Celsius
     * @param pue the hall's PUE at that temperature
     */
    public record Point(double temperatureC, double pue) {}

    public PueCurve {
        points = List.copyOf(points);
        List<String> p = problems(points);
        if (!p.isEmpty()) {
            throw new IllegalArgumentException("invalid PUE curve: " + String.join("; ", p));
        }
    }

    /** A curve giving the same PUE at every temperature. */
    public static PueCurve flat(double pue) {
        return new PueCurve(List.of(new Point(0, pue)));
    }

    /** What is wrong with these points as a curve (empty when they make a valid one). */
    public static List<String> problems(List<Point> points) {
        List<String> out = new ArrayList<>();
        if (points.isEmpty()) {
            out.add("needs at least one point");
            return out;
        }
        double prev = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < points.size(); i++) {
            Point q = points.get(i);
            if (!(q.temperatureC() >= MIN_TEMPERATURE_C && q.temperatureC() <= MAX_TEMPERATURE_C)) {
                out.add("point " + i + ": temperatureC must be within " + fmt(MIN_TEMPERATURE_C) + " .. "
                        + fmt(MAX_TEMPERATURE_C) + ", was " + fmt(q.temperatureC()));
            } else if (!(q.temperatureC() > prev)) {
                out.add("point " + i + ": temperatureC must rise above " + fmt(prev) + ", was "
                        + fmt(q.temperatureC()));
            }
            if (!(q.pue() >= MIN_PUE && q.pue() <= MAX_PUE)) {
                out.add("point " + i + ": pue must be within 1 .. 3, was " + fmt(q.pue()));
            }
            prev = q.temperatureC();
        }
        return out;
    }

    /** The PUE at an ambient temperature (linear between points, constant beyond the ends). */
    public double pueAt(double temperatureC) {
        Point first = points.get(0);
        if (temperatureC <= first.temperatureC()) {
            return first.pue();
        }
        for (int i = 1; i < points.size(); i++) {
            Point b = points.get(i);
            if (temperatureC <= b.temperatureC()) {
                Point a = points.get(i - 1);
                double w = (temperatureC - a.temperatureC()) / (b.temperatureC() - a.temperatureC());
                return a.pue() + w * (b.pue() - a.pue());
            }
        }
        return points.get(points.size() - 1).pue();
    }

    /** The highest PUE the curve gives at any temperature. */
    public double maxPue() {
        double m = 0;
        for (Point q : points) {
            m = Math.max(m, q.pue());
        }
        return m;
    }

    /** Whether the curve gives one PUE at every temperature. */
    public boolean isFlat() {
        for (Point q : points) {
            if (q.pue() != points.get(0).pue()) {
                return false;
            }
        }
        return true;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15
                ? String.valueOf((long) v)
                : String.format(Locale.ROOT, "%.6g", v);
    }
}
