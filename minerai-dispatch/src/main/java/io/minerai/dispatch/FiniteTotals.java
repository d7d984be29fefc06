package io.minerai.dispatch;

import io.minerai.core.validation.Problem;
import io.minerai.core.validation.ValidationException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The last guard against an overflow: every total of a settled run must be a finite number, never infinite and, for
 * the totals, never NaN (which JSON would print as {@code null}). Only the ratios that are undefined when there is
 * nothing to divide by (cost per BTC with no BTC mined, average prices with no interval dispatched) may be NaN. The
 * readers' ranges keep inputs far below overflow, so this fires only on an input they let through: the error names
 * each bad total and the first interval where its ledger column stopped being finite, with that interval's inputs.
 */
final class FiniteTotals {
    /** Ratios that are undefined (NaN, JSON null) when their denominator is zero. */
    static final Set<String> UNDEFINED_WHEN_EMPTY = Set.of(
            "energyCostPerBtcUsd",
            "cashCostPerBtcUsd",
            "allInCostPerBtcUsd",
            "averagePriceUsdPerMwh",
            "averageHashpriceUsdPerPhDay");

    private FiniteTotals() {}

    /** Throws a {@link ValidationException} naming every total that is not a finite number. */
    static void require(DispatchSummary summary, DispatchLedger ledger) {
        List<Problem> problems = new ArrayList<>();
        check(summary, "", problems);
        for (int i = 0; i < summary.loads().size(); i++) {
            check(summary.loads().get(i), "loads[" + i + "].", problems);
        }
        if (problems.isEmpty()) {
            return;
        }
        problems.add(new Problem("", firstBadInterval(ledger)));
        throw new ValidationException("the run's totals", problems);
    }

    private static void check(Record r, String prefix, List<Problem> out) {
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            if (c.getType() != double.class) {
                continue;
            }
            double v = value(r, c);
            boolean undefinedOk = Double.isNaN(v) && prefix.isEmpty() && UNDEFINED_WHEN_EMPTY.contains(c.getName());
            if (!Double.isFinite(v) && !undefinedOk) {
                out.add(new Problem(
                        prefix + c.getName(),
                        "is " + v + ", not a finite number: an input is far beyond any real value (the readers'"
                                + " ranges should have refused it; please report this)"));
            }
        }
    }

    private static double value(Record r, RecordComponent c) {
        try {
            return (double) c.getAccessor().invoke(r);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + c.getName() + " of " + r.getClass(), e);
        }
    }

    /**
     * Where the ledger first stops being finite, or, when every entry is finite and only the sums overflow, its largest
     * entry; with the interval's inputs.
     */
    static String firstBadInterval(DispatchLedger ledger) {
        String largest = "";
        int largestAt = -1;
        double largestAbs = -1;
        for (int t = 0; t < ledger.size(); t++) {
            for (RecordComponent c : DispatchLedger.class.getRecordComponents()) {
                if (c.getType() != double[].class) {
                    continue;
                }
                double v = column(ledger, c)[t];
                if (!Double.isFinite(v)) {
                    return where(ledger, "is first " + v, c.getName(), t);
                }
                if (Math.abs(v) > largestAbs) {
                    largestAbs = Math.abs(v);
                    largest = c.getName();
                    largestAt = t;
                }
            }
        }
        if (largestAt < 0) {
            return "the ledger is empty; the overflow is in the totals";
        }
        return where(ledger, "reaches " + column(ledger, largest)[largestAt], largest, largestAt)
                + " (each interval is finite, their sum is not)";
    }

    private static String where(DispatchLedger ledger, String what, String column, int t) {
        return String.format(
                Locale.ROOT,
                "the ledger's %s %s at the interval starting %s, where the price is %s $/MWh and the hashprice %s"
                        + " $/PH-day",
                column,
                what,
                ledger.grid().start(t),
                num(ledger.priceUsdPerMwh()[t]),
                num(ledger.hashpriceUsdPerPhDay()[t]));
    }

    /** Six significant digits, plain below 1e15 (e.g. 49.99999999999999 -> 50). */
    private static String num(double v) {
        if (!Double.isFinite(v) || Math.abs(v) >= 1e15) {
            return Double.toString(v);
        }
        return new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }

    private static double[] column(DispatchLedger ledger, String name) {
        for (RecordComponent c : DispatchLedger.class.getRecordComponents()) {
            if (c.getName().equals(name)) {
                return column(ledger, c);
            }
        }
        throw new IllegalArgumentException(name);
    }

    private static double[] column(DispatchLedger ledger, RecordComponent c) {
        try {
            return (double[]) c.getAccessor().invoke(ledger);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + c.getName() + " of the ledger", e);
        }
    }
}
