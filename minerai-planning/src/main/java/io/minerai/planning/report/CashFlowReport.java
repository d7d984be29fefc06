package io.minerai.planning.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.minerai.planning.engine.CashFlowTable;
import io.minerai.planning.engine.MonthRow;
import io.minerai.planning.model.Plan;
import io.minerai.planning.model.StrategyPlan;
import io.minerai.planning.montecarlo.PlanSimulation;
import io.minerai.planning.report.CashFlowColumns.Column;
import io.minerai.planning.run.CashFlowCase;
import io.minerai.report.csv.CsvFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The month-by-month cash flows of a plan run for a lender: for each strategy the deterministic case and the chosen
 * percentile paths, each evaluated line by line again ({@link CashFlowTable}) from its path index (path i's market
 * depends only on (seed, i), so the lines are those of the Monte Carlo: the discounted equity column of each table
 * sums to the NPV the run reported for that path, which {@link #of} checks). Written as one CSV per case and one HTML
 * page ({@link CashFlowPage}).
 *
 * @param plan the plan run
 * @param summary the run's result (the structure of {@code plan --format json}: the decision and each strategy's
 *     figures and cash-flow cases)
 * @param cases every case with its table, strategy by strategy
 */
public record CashFlowReport(Plan plan, JsonNode summary, List<CaseTable> cases) {
    /** The name of the HTML page in the output folder. */
    public static final String PAGE = "cashflows.html";

    /**
     * A case and its table.
     *
     * @param cashFlowCase the case
     * @param table its month-by-month lines
     * @param fileName the CSV file name (unique within the report)
     */
    public record CaseTable(CashFlowCase cashFlowCase, CashFlowTable table, String fileName) {}

    public CashFlowReport {
        cases = List.copyOf(cases);
    }

    /**
     * Evaluates the cases listed in {@code summary} ({@code strategies[].cashflowCases}) on {@code sim}, the
     * simulation of the plan that produced it.
     *
     * @throws IllegalStateException when a case's NPV differs from the one the run reported (the plan or the bundled
     *     data changed since)
     */
    public static CashFlowReport of(Plan plan, PlanSimulation sim, JsonNode summary) {
        List<CaseTable> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (JsonNode s : summary.path("strategies")) {
            String strategy = s.path("strategy").asText();
            StrategyPlan sp = plan.strategy(strategy)
                    .orElseThrow(() -> new IllegalStateException("no strategy '" + strategy + "' in the plan"));
            for (JsonNode c : s.path("cashflowCases")) {
                CashFlowCase cc = new CashFlowCase(
                        strategy,
                        c.path("case").asText(),
                        c.path("percentile").isNumber()
                                ? OptionalDouble.of(c.get("percentile").asDouble())
                                : OptionalDouble.empty(),
                        c.path("pathIndex").isNumber()
                                ? OptionalLong.of(c.get("pathIndex").asLong())
                                : OptionalLong.empty(),
                        c.path("npvUsd").asDouble(Double.NaN));
                CashFlowTable t = cc.isDeterministic()
                        ? sim.deterministicTable(sp)
                        : sim.pathTable(sp, cc.pathIndex().getAsLong());
                double npv = t.baselineOutcome().npvUsd();
                if (Double.isFinite(cc.npvUsd())
                        && Math.abs(npv - cc.npvUsd()) > 1e-6 * Math.max(1, Math.abs(cc.npvUsd()))) {
                    throw new IllegalStateException(String.format(
                            Locale.ROOT,
                            "%s %s: the cash flows give an NPV of %.2f but the run reported %.2f; the plan or the"
                                    + " bundled data changed since the run",
                            strategy,
                            cc.label(),
                            npv,
                            cc.npvUsd()));
                }
                out.add(new CaseTable(cc, t, uniqueFileName(strategy, cc.label(), names)));
            }
        }
        return new CashFlowReport(plan, summary, out);
    }

    private static String uniqueFileName(String strategy, String label, Set<String> taken) {
        String base = "cashflows-" + slug(strategy) + "-" + slug(label);
        String name = base + ".csv";
        for (int i = 2; !taken.add(name); i++) {
            name = base + "-" + i + ".csv";
        }
        return name;
    }

    /** Lower case letters, digits, dots and dashes. */
    static String slug(String s) {
        String out = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.]+", "-").replaceAll("^-+|-+$", "");
        return out.isEmpty() ? "x" : out;
    }

    /** The cases by strategy, in order. */
    public Map<String, List<CaseTable>> byStrategy() {
        Map<String, List<CaseTable>> m = new LinkedHashMap<>();
        for (CaseTable c : cases) {
            m.computeIfAbsent(c.cashFlowCase().strategy(), k -> new ArrayList<>())
                    .add(c);
        }
        return m;
    }

    /** The case of a strategy with this label. */
    public java.util.Optional<CaseTable> find(String strategy, String label) {
        return cases.stream()
                .filter(c -> c.cashFlowCase().strategy().equals(strategy)
                        && c.cashFlowCase().label().equals(label))
                .findFirst();
    }

    /** The CSV of one table: a header of {@link CashFlowColumns} and one row per month. */
    public static String csv(YearMonth start, CashFlowTable t) {
        List<Column> cols = CashFlowColumns.of(t.facilities());
        StringBuilder sb = new StringBuilder(64 * 1024);
        for (int c = 0; c < cols.size(); c++) {
            if (c > 0) {
                sb.append(',');
            }
            CsvFormat.appendField(sb, cols.get(c).name());
        }
        sb.append('\n');
        for (MonthRow r : t.rows()) {
            for (int c = 0; c < cols.size(); c++) {
                if (c > 0) {
                    sb.append(',');
                }
                CsvFormat.appendField(sb, cols.get(c).cell().of(start, r));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** The CSV of a case. */
    public String csv(CaseTable c) {
        return csv(plan.startMonth(), c.table());
    }

    /** The HTML page. */
    public String html() {
        return CashFlowPage.render(this);
    }

    /**
     * Writes one CSV per case and {@value #PAGE} into {@code dir} (created if missing).
     *
     * @return the files written, the page last
     */
    public List<Path> writeTo(Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> out = new ArrayList<>();
        for (CaseTable c : cases) {
            Path f = dir.resolve(c.fileName());
            Files.writeString(f, csv(c), StandardCharsets.UTF_8);
            out.add(f);
        }
        Path page = dir.resolve(PAGE);
        Files.writeString(page, html(), StandardCharsets.UTF_8);
        out.add(page);
        return out;
    }
}
