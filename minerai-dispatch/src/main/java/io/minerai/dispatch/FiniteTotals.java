package io.minerai.dispatch;

import io.minerai.core.validation.Problem;
import io.minerai.core.validation.ValidationException;
import io.minerai.dispatch.ledger.Ledger;
import io.minerai.dispatch.ledger.Measure;
import io.minerai.dispatch.ledger.Stream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The last guard against an overflow: every total of a settled run must be a finite number, never infinite and, for
 * the totals, never NaN (which JSON prints as {@code null}). Only the ratios that are undefined when there is nothing
 * to divide by (cost per BTC with no BTC mined, average prices with no interval dispatched) and program facts may be
 * NaN. The readers' ranges keep inputs far below overflow, so this fires only on an input they let through: the error
 * names each bad total and the first interval where the ledger stopped being finite (or its largest entry), with that
 * interval's price and hashprice.
 */
final class FiniteTotals {
    /** Ratios that are undefined (NaN, JSON null) when their denominator is zero. */
    static final Set<String> UNDEFINED_WHEN_EMPTY = Set.of(
            "energyCostPerBtcUsd",
            "cashCostPerBtcUsd",
            "allInCostPerBtcUsd",
            "btcPerMwh",
            "averagePriceUsdPerMwh",
            "averageHashpriceUsdPerPhDay");

    private FiniteTotals() {}

    /** Throws a {@link ValidationException} naming every total that is not a finite number. */
    static void require(DispatchSummary summary, Ledger ledger) {
        List<Problem> problems = new ArrayList<>();
        walk(summary, "", problems);
        if (problems.isEmpty()) {
            return;
        }
        problems.add(new Problem("ledger", firstBadInterval(ledger)));
        throw new ValidationException("the run's totals", problems);
    }

    private static void walk(Object o, String path, List<Problem> out) {
        if (o instanceof Record r) {
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                Object v = value(r, c);
                String p = path.isEmpty() ? c.getName() : path + "." + c.getName();
                if (v instanceof Double d) {
                    check(d, p, UNDEFINED_WHEN_EMPTY.contains(c.getName()), out);
                } else {
                    walk(v, p, out);
                }
            }
        } else if (o instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                walk(list.get(i), path + "[" + i + "]", out);
            }
        } else if (o instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                String p = path + "." + k;
                if (v instanceof Double d) {
                    check(d, p, true, out); // program facts may be undefined
                } else {
                    walk(v, p, out);
                }
            });
        }
    }

    private static void check(double v, String path, boolean nanAllowed, List<Problem> out) {
        if (!Double.isFinite(v) && !(nanAllowed && Double.isNaN(v))) {
            out.add(new Problem(
                    path,
                    "is " + v + ", not a finite number: an input is far beyond any real value (the readers' ranges"
                            + " should have refused it; please report this)"));
        }
    }

    private static Object value(Record r, RecordComponent c) {
        try {
            return c.getAccessor().invoke(r);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + c.getName() + " of " + r.getClass(), e);
        }
    }

    /**
     * Where the ledger first stops being finite, or, when every entry is finite and only the sums overflow, its largest
     * entry; with the interval's inputs.
     */
    static String firstBadInterval(Ledger ledger) {
        List<String> names = new ArrayList<>();
        List<double[]> columns = new ArrayList<>();
        for (Stream s : ledger.streams()) {
            names.add(s.id());
            columns.add(ledger.amounts(s));
        }
        for (Measure m : ledger.measures()) {
            names.add(m.id());
            columns.add(ledger.values(m));
        }
        int largest = -1;
        int largestAt = -1;
        double largestAbs = -1;
        for (int t = 0; t < ledger.size(); t++) {
            for (int c = 0; c < columns.size(); c++) {
                double v = columns.get(c)[t];
                if (!Double.isFinite(v)) {
                    return where(ledger, names.get(c), "is first " + v, t);
                }
                if (Math.abs(v) > largestAbs) {
                    largestAbs = Math.abs(v);
                    largest = c;
                    largestAt = t;
                }
            }
        }
        if (largest < 0) {
            return "the ledger is empty; the overflow is in the totals";
        }
        return where(ledger, names.get(largest), "reaches " + columns.get(largest)[largestAt], largestAt)
                + " (each interval is finite, their sum is not)";
    }

    private static String where(Ledger ledger, String column, String what, int t) {
        return String.format(
                Locale.ROOT,
                "%s %s at the interval starting %s, where the price is %s $/MWh and the hashprice %s $/PH-day",
                column,
                what,
                ledger.grid().start(t),
                num(ledger.valuesOrZero("price_usd_per_mwh")[t]),
                num(ledger.valuesOrZero("hashprice_usd_per_ph_day")[t]));
    }

    /** Six significant digits, plain below 1e15 (e.g. 49.99999999999999 -> 50). */
    private static String num(double v) {
        if (!Double.isFinite(v) || Math.abs(v) >= 1e15) {
            return Double.toString(v);
        }
        return new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }
}
