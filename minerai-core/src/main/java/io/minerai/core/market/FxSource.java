package io.minerai.core.market;

import io.minerai.core.validation.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where the exchange rate between a market's currency and the reporting currency comes from: a stated constant or a
 * CSV of daily rates. A rate is units of {@code toCurrency} per one unit of {@code fromCurrency} (e.g. AUD -> USD 0.65
 * means 1 AUD = 0.65 USD). minerai-data resolves it onto a run's grid; no file is opened here.
 */
public sealed interface FxSource {

    /** Currency converted from (ISO 4217 code as written). */
    String fromCurrency();

    /** Currency converted to (ISO 4217 code as written). */
    String toCurrency();

    /** Every problem of the declared fields under {@code path} (e.g. {@code site.reporting.fx}). */
    List<Problem> problems(String path);

    /**
     * One rate for the whole run.
     *
     * @param rate units of {@code toCurrency} per unit of {@code fromCurrency}, finite and > 0
     */
    record Constant(String fromCurrency, String toCurrency, double rate) implements FxSource {
        public Constant {
            Objects.requireNonNull(fromCurrency, "fromCurrency");
            Objects.requireNonNull(toCurrency, "toCurrency");
        }

        @Override
        public List<Problem> problems(String path) {
            List<Problem> out = currencyProblems(path, fromCurrency, toCurrency);
            if (!Double.isFinite(rate) || rate <= 0) {
                out.add(new Problem(path + ".rate", "must be a finite number > 0, was " + rate));
            }
            return out;
        }
    }

    /**
     * A CSV of daily rates: a date column ({@code yyyy-MM-dd}) and a rate column.
     *
     * @param path CSV path; relative paths resolve against the scenario file's folder
     * @param dateColumn the date column
     * @param rateColumn the rate column (units of {@code toCurrency} per unit of {@code fromCurrency})
     */
    record DailyCsv(String path, String fromCurrency, String toCurrency, String dateColumn, String rateColumn)
            implements FxSource {
        public DailyCsv {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(fromCurrency, "fromCurrency");
            Objects.requireNonNull(toCurrency, "toCurrency");
            Objects.requireNonNull(dateColumn, "dateColumn");
            Objects.requireNonNull(rateColumn, "rateColumn");
        }

        @Override
        public List<Problem> problems(String p) {
            List<Problem> out = currencyProblems(p, fromCurrency, toCurrency);
            if (path.isBlank()) {
                out.add(new Problem(p + ".path", "must name a file"));
            }
            if (dateColumn.isBlank()) {
                out.add(new Problem(p + ".dateColumn", "must name the date column"));
            }
            if (rateColumn.isBlank()) {
                out.add(new Problem(p + ".rateColumn", "must name the rate column"));
            }
            return out;
        }
    }

    private static List<Problem> currencyProblems(String path, String from, String to) {
        List<Problem> out = new ArrayList<>();
        MarketFields.currencyProblem(from).ifPresent(m -> out.add(new Problem(path + ".fromCurrency", m)));
        MarketFields.currencyProblem(to).ifPresent(m -> out.add(new Problem(path + ".toCurrency", m)));
        if (out.isEmpty() && MarketFields.currency(from).equals(MarketFields.currency(to))) {
            out.add(new Problem(path + ".toCurrency", "is the same currency as fromCurrency (" + from + ")"));
        }
        return out;
    }
}
