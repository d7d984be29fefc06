package io.minerai.planning.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.minerai.planning.Fixtures;
import io.minerai.planning.PlanReader;
import io.minerai.planning.PlanResults;
import io.minerai.planning.engine.MarketData;
import io.minerai.planning.model.Plan;
import io.minerai.planning.model.Uncertainty;
import io.minerai.planning.run.PlanRun;
import io.minerai.planning.run.PlanRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The --cashflows output: a loan schedule checked on paper line by line, and discounted flows that sum to the NPV. */
class CashFlowReportTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** A CSV as rows of header -> cell (the files have no quoted fields here). */
    private static List<Map<String, String>> read(Path file) throws Exception {
        List<String> lines = Files.readAllLines(file);
        String[] header = lines.get(0).split(",", -1);
        List<Map<String, String>> out = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            assertThat(cells).hasSameSizeAs(header);
            Map<String, String> m = new HashMap<>();
            for (int i = 0; i < header.length; i++) {
                m.put(header[i], cells[i]);
            }
            out.add(m);
        }
        return out;
    }

    private static double d(Map<String, String> row, String column) {
        assertThat(row).containsKey(column);
        return Double.parseDouble(row.get(column));
    }

    private static double sumDiscounted(List<Map<String, String>> rows) {
        double s = 0;
        for (Map<String, String> r : rows) {
            s += d(r, "discountedEquityCashFlowUsd");
        }
        return s;
    }

    private static CashFlowReport report(Plan plan, MarketData data, List<Double> percentiles) {
        PlanRunner.Request d = PlanRunner.Request.defaults(plan);
        PlanRunner.Request req = new PlanRunner.Request(
                d.strategies(),
                d.measure(),
                false,
                false,
                0,
                java.util.Optional.empty(),
                percentiles,
                d.settings().withThreads(2));
        PlanRun run = PlanRunner.run(plan, data, req, n -> {});
        JsonNode summary = MAPPER.valueToTree(PlanResults.toMap(run, List.of()));
        return CashFlowReport.of(run.plan(), run.simulation(), summary);
    }

    @Test
    void theLoanScheduleOfTheCsvIsTheOneOnPaper(@TempDir Path dir) throws Exception {
        Plan plan = PlanReader.parse(Fixtures.lenderPlanYaml(), "lender");
        CashFlowReport report = report(plan, MarketData.none(), List.of(50.0));
        List<Path> files = report.writeTo(dir);
        assertThat(files)
                .extracting(p -> p.getFileName().toString())
                .contains("cashflows-lease-pf-deterministic.csv", "cashflows-lease-pf-p50.csv", "cashflows.html");
        List<Map<String, String>> rows = read(dir.resolve("cashflows-lease-pf-deterministic.csv"));
        assertThat(rows).hasSize(24);
        // hall capex $10 M over months 0 and 1; 60 % drawn as spent: $3,000,000 in each
        assertThat(d(rows.get(0), "capexUsd")).isEqualTo(5_000_000);
        assertThat(d(rows.get(0), "pf.drawUsd")).isEqualTo(3_000_000);
        assertThat(d(rows.get(1), "pf.drawUsd")).isEqualTo(3_000_000);
        assertThat(d(rows.get(2), "pf.drawUsd")).isZero();
        // month 0: nothing owed before the draw; month 1: 1 % of $3,000,000 = $30,000, capitalised
        assertThat(d(rows.get(0), "pf.interestAccruedUsd")).isZero();
        assertThat(d(rows.get(0), "pf.balanceUsd")).isEqualTo(3_000_000);
        assertThat(d(rows.get(1), "pf.interestAccruedUsd")).isEqualTo(30_000);
        assertThat(d(rows.get(1), "pf.interestCapitalisedUsd")).isEqualTo(30_000);
        assertThat(d(rows.get(1), "pf.interestPaidUsd")).isZero();
        assertThat(d(rows.get(1), "pf.balanceUsd")).isEqualTo(6_030_000);
        // month 2 (ready): service starts; annuity on $6,030,000 at 1 %/month over 12 months:
        // 6,030,000 x 0.01 / (1 - 1.01^-12) = $535,758.1957
        double payment = 6_030_000 * 0.01 / (1 - Math.pow(1.01, -12));
        assertThat(payment).isCloseTo(535_758.1957, within(1e-4));
        assertThat(d(rows.get(2), "pf.interestAccruedUsd")).isEqualTo(60_300);
        assertThat(d(rows.get(2), "pf.interestCapitalisedUsd")).isZero();
        assertThat(d(rows.get(2), "pf.interestPaidUsd")).isEqualTo(60_300);
        assertThat(d(rows.get(2), "pf.principalUsd")).isCloseTo(475_458.1957, within(1e-4));
        assertThat(d(rows.get(2), "pf.balanceUsd")).isCloseTo(5_554_541.8043, within(1e-4));
        assertThat(d(rows.get(2), "debtServiceUsd")).isCloseTo(payment, within(1e-4));
        // month 3: 1 % of $5,554,541.8043 = $55,545.4180 interest, the rest of the payment repays principal
        assertThat(d(rows.get(3), "pf.interestPaidUsd")).isCloseTo(55_545.4180, within(1e-4));
        assertThat(d(rows.get(3), "pf.principalUsd")).isCloseTo(480_212.7777, within(1e-4));
        assertThat(d(rows.get(3), "pf.balanceUsd")).isCloseTo(5_074_329.0266, within(1e-4));
        // twelve payments, months 2..13: repaid in month 13
        assertThat(d(rows.get(13), "pf.balanceUsd")).isCloseTo(0, within(1e-4));
        assertThat(d(rows.get(14), "debtServiceUsd")).isZero();
        // equity: month 0 = - capex 5,000,000 + draw 3,000,000; month 2 = rent 1,000,000 - payment
        assertThat(d(rows.get(0), "equityCashFlowUsd")).isEqualTo(-2_000_000);
        assertThat(d(rows.get(2), "equityCashFlowUsd")).isCloseTo(1_000_000 - payment, within(1e-4));
        assertThat(d(rows.get(2), "cfadsUsd")).isEqualTo(1_000_000);
        // the covenant from month 2: 1,000,000 / 535,758.1957 = 1.8665
        assertThat(rows.get(2).get("covenant")).isEqualTo("pass");
        assertThat(d(rows.get(2), "dscr")).isCloseTo(1_000_000 / payment, within(1e-6));
        assertThat(rows.get(1).get("covenant")).isEmpty();
        // the discounted column sums to the NPV the run reported
        double npv = report.summary()
                .path("strategies")
                .get(1)
                .path("deterministicNpvUsd")
                .asDouble();
        assertThat(sumDiscounted(rows)).isCloseTo(npv, within(0.01));
        // and the page shows the schedule and the tests
        String html = Files.readString(dir.resolve("cashflows.html"));
        assertThat(html).contains("Loan schedule: pf", "$535,758", "$6,030,000", "Covenant tests", "BREACH");
    }

    @Test
    void everyCaseSumsToTheNpvOfItsMonteCarloPath(@TempDir Path dir) throws Exception {
        Plan base = PlanReader.parse(Fixtures.smallPlanYaml(Fixtures.ERCOT), "small");
        Uncertainty u = base.uncertainty();
        Plan plan =
                base.withUncertainty(new Uncertainty(60, 9, 1.0, 30, u.historyFrom(), 0.05, 0.5, 0.1, true, 8, true));
        CashFlowReport report = report(plan, Fixtures.syntheticData(), List.of(10.0, 50.0, 90.0));
        report.writeTo(dir);
        assertThat(report.cases()).hasSize(3 * 4);
        for (CashFlowReport.CaseTable c : report.cases()) {
            List<Map<String, String>> rows = read(dir.resolve(c.fileName()));
            assertThat(sumDiscounted(rows))
                    .as(c.fileName())
                    .isCloseTo(
                            c.cashFlowCase().npvUsd(),
                            within(0.01 + 1e-9 * Math.abs(c.cashFlowCase().npvUsd())));
        }
        // percentile paths are ordered by NPV
        for (String s : List.of("mine", "gpu", "lease")) {
            double p10 = report.find(s, "p10").orElseThrow().cashFlowCase().npvUsd();
            double p50 = report.find(s, "p50").orElseThrow().cashFlowCase().npvUsd();
            double p90 = report.find(s, "p90").orElseThrow().cashFlowCase().npvUsd();
            assertThat(p10).isLessThanOrEqualTo(p50);
            assertThat(p50).isLessThanOrEqualTo(p90);
        }
        // the 'lease' strategy has three facilities: each has its own columns
        String header = Files.readAllLines(dir.resolve("cashflows-lease-deterministic.csv"))
                .get(0);
        assertThat(header).contains("pf.balanceUsd", "tl.balanceUsd", "notes.balanceUsd", "lossCarriedForwardUsd");
    }

    @Test
    void aReportOfAnotherPlanIsRefused() {
        Plan plan = PlanReader.parse(Fixtures.lenderPlanYaml(), "lender");
        CashFlowReport report = report(plan, MarketData.none(), List.of());
        Plan other =
                PlanReader.parse(Fixtures.lenderPlanYaml().replace("usdPerKwMonth: 100", "usdPerKwMonth: 90"), "x");
        var sim = new io.minerai.planning.montecarlo.PlanSimulation(other, MarketData.none());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CashFlowReport.of(other, sim, report.summary()))
                .hasMessageContaining("changed since the run");
    }
}
