package io.minerai.planning.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.minerai.planning.engine.CashFlowTable;
import io.minerai.planning.engine.MonthRow;
import io.minerai.planning.engine.StrategySchedule.FacilityLine;
import io.minerai.planning.finance.LoanSchedule;
import io.minerai.planning.model.Facility;
import io.minerai.planning.model.FinancingPlan;
import io.minerai.planning.model.Plan;
import io.minerai.planning.report.CashFlowReport.CaseTable;
import io.minerai.report.html.HtmlReport;
import io.minerai.report.html.HtmlWriter;
import io.minerai.report.html.ReportSection;
import io.minerai.report.summary.Fmt;
import io.minerai.report.summary.TextTable;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The lender's page of a {@link CashFlowReport}: the decision and its breach rule, the covenant definition, then per
 * strategy its cases (NPV as reported and as summed from the discounted lines), its facilities with each loan's
 * schedule month by month, the covenant tests (monthly for the deterministic case, by year for every case) and the
 * yearly cash flows of every case. Self-contained (minerai-report's {@link HtmlReport}).
 */
final class CashFlowPage {
    private CashFlowPage() {}

    static String render(CashFlowReport r) {
        Plan plan = r.plan();
        JsonNode s = r.summary();
        HtmlReport.Builder b = HtmlReport.builder()
                .title("Cash flows and loan schedules: " + plan.name())
                .subtitle(String.format(
                        Locale.ROOT,
                        "%s, %s MW, %d months from %s; %s; NPV at %s/yr",
                        plan.site().name(),
                        Fmt.num(plan.site().gridMw(), 0),
                        plan.horizonMonths(),
                        plan.startMonth(),
                        s.path("deterministic").asBoolean()
                                ? "deterministic deck only"
                                : s.path("paths").asInt() + " Monte Carlo paths, seed "
                                        + s.path("seed").asLong(),
                        Fmt.pct(plan.valuation().discountRatePerYear())))
                .footer("minerai plan --cashflows: every table on this page is in the CSV files beside it, month by"
                        + " month (column reference: docs/PLANNING.md).");
        b.section(ReportSection.of("decision", "Decision", w -> decision(w, r)));
        b.section(ReportSection.of("covenant", "Covenant", w -> covenant(w, r)));
        if (hasCompute(s)) {
            b.section(ReportSection.of("compute", "Compute delivered", w -> compute(w, r)));
        }
        int i = 0;
        for (Map.Entry<String, List<CaseTable>> e : r.byStrategy().entrySet()) {
            String id = "s" + (i++) + "-" + CashFlowReport.slug(e.getKey()).replace('.', '-');
            b.section(ReportSection.of(id, "Strategy " + e.getKey(), w -> strategy(w, r, e.getValue())));
        }
        return b.build().render();
    }

    private static String musd(double usd) {
        return Double.isFinite(usd) ? Fmt.num(usd / 1e6, 3) : Fmt.NA;
    }

    private static String text(JsonNode n) {
        return n.isNull() || n.isMissingNode() ? Fmt.NA : n.asText();
    }

    private static void decision(HtmlWriter w, CashFlowReport r) {
        JsonNode s = r.summary();
        double limit = s.path("maxBreachProbability").asDouble(1);
        w.paragraph(String.format(
                Locale.ROOT,
                "Best by %s%s: %s.",
                s.path("riskMeasure").asText(),
                limit < 1 ? " among strategies breaching the covenant on at most " + Fmt.pct(limit) + " of paths" : "",
                s.path("bestStrategy").asText()));
        if (s.path("bestStrategyWarning").isTextual()) {
            w.paragraph("Flag: " + s.get("bestStrategyWarning").asText() + ".");
        }
        if (!s.path("bestStrategy")
                .asText()
                .equals(s.path("unconstrainedBestStrategy").asText())) {
            w.paragraph("Without the breach limit the best would be "
                    + s.path("unconstrainedBestStrategy").asText() + ".");
        }
        TextTable.Builder t = TextTable.builder(
                        "Strategies ($ million)",
                        "strategy",
                        "det. NPV",
                        "E[NPV]",
                        "P10 NPV",
                        "det. min DSCR",
                        "P10 min DSCR",
                        "P(breach)",
                        "flag")
                .textColumn(7);
        for (JsonNode st : s.path("strategies")) {
            String flag = !st.path("withinBreachLimit").asBoolean(true)
                    ? "over the breach limit"
                    : st.path("breachesInMostPaths").asBoolean() ? "breaches in most paths" : "";
            t.row(
                    st.path("strategy").asText() + (st.path("baseline").asBoolean() ? " (baseline)" : ""),
                    musd(st.path("deterministicNpvUsd").asDouble(Double.NaN)),
                    musd(st.path("meanNpvUsd").asDouble(Double.NaN)),
                    musd(st.path("p10NpvUsd").asDouble(Double.NaN)),
                    dscr(st.path("deterministicMinDscr")),
                    dscr(st.path("p10MinDscr")),
                    Fmt.pct(st.path("covenantBreachProbability").asDouble(Double.NaN)),
                    flag);
        }
        w.table(t.build());
    }

    private static boolean hasCompute(JsonNode s) {
        for (JsonNode st : s.path("strategies")) {
            if (st.has("gpuFleets")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The strategies' GPU fleets and, by plan year, the GPU-hours and exaFLOP-hours they deliver (expected over the
     * paths) beside the BTC mined on the deterministic deck: AI and mining output on one page.
     */
    private static void compute(HtmlWriter w, CashFlowReport r) {
        JsonNode s = r.summary();
        w.paragraph(
                "GPU-hours delivered: spot GPUs x utilisation x hours + contracted GPUs x availability x hours, less"
                        + " hours curtailed within a contract's allowance; exaFLOP-hours: those GPU-hours x the generation's dense"
                        + " BF16 TFLOPS (GPU catalogue) / 10^6; both expected over the Monte Carlo paths. BTC mined: the"
                        + " deterministic deck's mining revenue / BTC price, month by month.");
        TextTable.Builder f = TextTable.builder(
                        "GPU fleets",
                        "strategy",
                        "GPU cloud",
                        "generation",
                        "GPUs",
                        "live from",
                        "$ per GPU",
                        "kW per GPU at the meter",
                        "spot $/GPU-h at go-live",
                        "hall cooling",
                        "cooling conversion ($ M)")
                .textColumn(0)
                .textColumn(1)
                .textColumn(2)
                .textColumn(4)
                .textColumn(8);
        for (JsonNode st : s.path("strategies")) {
            for (JsonNode g : st.path("gpuFleets")) {
                f.row(
                        st.path("strategy").asText(),
                        g.path("gpuCloud").asText(),
                        g.path("generation").asText().isEmpty()
                                ? Fmt.NA
                                : g.path("generation").asText(),
                        Fmt.num(g.path("gpus").asDouble(), 0),
                        g.path("goLive").asText(),
                        Fmt.num(g.path("usdPerGpu").asDouble(), 0),
                        Fmt.num(g.path("facilityKwPerGpu").asDouble(), 3),
                        Fmt.num(g.path("spotPriceAtGoLiveUsdPerGpuHour").asDouble(), 2),
                        g.path("cooling").asText(),
                        musd(g.path("coolingConversionCapexUsd").asDouble()));
            }
        }
        w.table(f.build());
        YearMonth start = r.plan().startMonth();
        TextTable.Builder t = TextTable.builder(
                        "By plan year ("
                                + s.path("strategies")
                                        .path(0)
                                        .path("computePrecision")
                                        .asText() + ")",
                        "strategy",
                        "year from",
                        "GPU-hours (million)",
                        "exaFLOP-hours",
                        "BTC mined (det.)")
                .textColumn(0)
                .textColumn(1);
        for (JsonNode st : s.path("strategies")) {
            for (JsonNode y : st.path("computeByYear")) {
                t.row(
                        st.path("strategy").asText(),
                        start.plusMonths(y.path("month").asInt()).toString(),
                        Fmt.num(y.path("gpuHoursDelivered").asDouble() / 1e6, 1),
                        Fmt.num(y.path("computeDeliveredExaflopHours").asDouble(), 0),
                        Fmt.num(y.path("deterministicBtcMined").asDouble(), 1));
            }
        }
        w.table(t.build());
    }

    private static String dscr(JsonNode n) {
        return n.isNumber() ? Fmt.num(n.asDouble(), 2) : Fmt.NA;
    }

    private static void covenant(HtmlWriter w, CashFlowReport r) {
        FinancingPlan f = r.plan().financing();
        String window = switch (f.dscrDefinition()) {
            case TRAILING ->
                "the CFADS and debt service of the last " + f.dscrWindowMonths()
                        + " months, never reaching back before the first month of debt service";
            case FORWARD ->
                "the CFADS and debt service of this month and the next " + (f.dscrWindowMonths() - 1)
                        + " months as realised on the path (forward-looking), up to the horizon";
        };
        w.paragraph(String.format(
                Locale.ROOT,
                "DSCR = CFADS / debt service over %s; tested every month from the first month of debt service in"
                        + " which the window holds debt service; a test below %s is a breach. One pooled DSCR over all"
                        + " facilities of a strategy. A breach is recorded; it does not change the cash flows (no"
                        + " cash sweep or acceleration is modelled).",
                window,
                Fmt.num(f.minDscr(), 2)));
        w.paragraph("CFADS = EBITDA - tax; debt service = interest paid + principal repaid. Interest accrued before"
                + " a facility's service starts is capitalised (added to its balance); the balance still owed at the"
                + " horizon is repaid from the terminal value.");
    }

    private static void strategy(HtmlWriter w, CashFlowReport r, List<CaseTable> cases) {
        YearMonth start = r.plan().startMonth();
        CashFlowTable det = cases.get(0).table();
        TextTable.Builder c = TextTable.builder(
                        "Cases ($ million)",
                        "case",
                        "path",
                        "NPV reported",
                        "sum of discounted equity flows",
                        "min DSCR",
                        "tests",
                        "breaches",
                        "first breach",
                        "CSV")
                .textColumn(8);
        for (CaseTable ct : cases) {
            double sum = 0;
            int tests = 0;
            int breaches = 0;
            double min = Double.POSITIVE_INFINITY;
            String first = "";
            for (MonthRow m : ct.table().rows()) {
                sum += m.equity().discountedUsd();
                if (m.covenant().tested()) {
                    tests++;
                    min = Math.min(min, m.covenant().dscr());
                    if (m.covenant().breach()) {
                        if (breaches == 0) {
                            first = start.plusMonths(m.month()).toString();
                        }
                        breaches++;
                    }
                }
            }
            var cc = ct.cashFlowCase();
            c.row(
                    cc.label(),
                    cc.pathIndex().isPresent() ? Long.toString(cc.pathIndex().getAsLong()) : "-",
                    musd(cc.npvUsd()),
                    musd(sum),
                    tests > 0 ? Fmt.num(min, 2) : Fmt.NA,
                    Integer.toString(tests),
                    Integer.toString(breaches),
                    first.isEmpty() ? "-" : first,
                    ct.fileName());
        }
        w.table(c.build());
        if (det.facilities().isEmpty()) {
            w.paragraph("No debt: all equity, no covenant.");
        } else {
            facilities(w, det, start);
            for (FacilityLine f : det.facilities()) {
                w.table(loanSchedule(f, start, det.rows().size()));
            }
            w.table(covenantTests(cases.get(0), start));
        }
        for (CaseTable ct : cases) {
            w.table(yearly(ct, start));
        }
    }

    private static void facilities(HtmlWriter w, CashFlowTable t, YearMonth start) {
        TextTable.Builder b = TextTable.builder(
                        "Facilities ($ million)",
                        "facility",
                        "kind",
                        "terms",
                        "drawn",
                        "interest capitalised",
                        "service from",
                        "peak balance",
                        "owed at horizon")
                .textColumn(1)
                .textColumn(2)
                .textColumn(5);
        int n = t.rows().size();
        for (FacilityLine f : t.facilities()) {
            LoanSchedule s = f.schedule();
            double drawn = 0;
            double cap = 0;
            double peak = 0;
            int service = -1;
            for (int m = 0; m < n; m++) {
                drawn += s.drawUsd()[m];
                cap += s.interestUsd()[m] - s.interestPaidUsd()[m];
                peak = Math.max(peak, s.balanceUsd()[m]);
                if (service < 0 && s.debtServiceUsd(m) > 0) {
                    service = m;
                }
            }
            Facility fac = f.facility();
            String kind = switch (fac) {
                case Facility.TermLoan tl -> "term loan";
                case Facility.ProjectFinance pf ->
                    "project finance of " + pf.finances() + " at " + Fmt.pct(pf.loanToCost()) + " of cost";
                case Facility.LeaseBackedNotes ln ->
                    "notes on lease " + ln.lease() + " (" + Fmt.pct(ln.advanceFraction()) + " of PV)";
                case Facility.ContractBacked cb ->
                    "GPU loan on contract " + cb.contract() + " (sized at DSCR " + Fmt.num(cb.sizingDscr(), 2)
                            + ", at most " + Fmt.pct(cb.maxLoanToCost()) + " of cost; accelerated on default)";
            };
            String terms = String.format(
                    Locale.ROOT,
                    "%s/yr, %s over %d months%s",
                    Fmt.pct(fac.ratePerYear()),
                    fac.amortization().key(),
                    fac.tenorMonths(),
                    fac.interestOnlyMonths() > 0 ? " after " + fac.interestOnlyMonths() + " interest-only" : "");
            b.row(
                    fac.name(),
                    kind,
                    terms,
                    musd(drawn),
                    musd(cap),
                    service < 0 ? "-" : start.plusMonths(service) + " (month " + service + ")",
                    musd(peak),
                    musd(s.balanceUsd()[n - 1]));
        }
        w.table(b.build());
    }

    private static TextTable loanSchedule(FacilityLine f, YearMonth start, int n) {
        LoanSchedule s = f.schedule();
        TextTable.Builder b = TextTable.builder(
                "Loan schedule: " + f.facility().name() + " ($)",
                "month",
                "draw",
                "interest accrued",
                "capitalised",
                "interest paid",
                "principal",
                "debt service",
                "balance");
        for (int m = 0; m < n; m++) {
            double prev = m > 0 ? s.balanceUsd()[m - 1] : 0;
            if (s.drawUsd()[m] == 0 && prev == 0 && s.balanceUsd()[m] == 0) {
                continue;
            }
            b.row(
                    start.plusMonths(m) + " (" + m + ")",
                    Fmt.usd(s.drawUsd()[m]),
                    Fmt.usd(s.interestUsd()[m]),
                    Fmt.usd(s.interestUsd()[m] - s.interestPaidUsd()[m]),
                    Fmt.usd(s.interestPaidUsd()[m]),
                    Fmt.usd(s.principalUsd()[m]),
                    Fmt.usd(s.debtServiceUsd(m)),
                    Fmt.usd(s.balanceUsd()[m]));
        }
        return b.build();
    }

    private static TextTable covenantTests(CaseTable ct, YearMonth start) {
        TextTable.Builder b = TextTable.builder(
                        "Covenant tests, " + ct.cashFlowCase().label() + " case ($ million)",
                        "month",
                        "window",
                        "CFADS",
                        "debt service",
                        "DSCR",
                        "result")
                .textColumn(1)
                .textColumn(5);
        for (MonthRow m : ct.table().rows()) {
            MonthRow.Covenant c = m.covenant();
            if (!c.tested()) {
                continue;
            }
            b.row(
                    start.plusMonths(m.month()) + " (" + m.month() + ")",
                    c.windowFirstMonth() + ".." + c.windowLastMonth(),
                    musd(c.windowCfadsUsd()),
                    musd(c.windowServiceUsd()),
                    Fmt.num(c.dscr(), 3),
                    c.breach() ? "BREACH" : "pass");
        }
        return b.build();
    }

    private static TextTable yearly(CaseTable ct, YearMonth start) {
        var cc = ct.cashFlowCase();
        TextTable.Builder b = TextTable.builder(
                "Cash flows by plan year, " + cc.label() + " case"
                        + (cc.pathIndex().isPresent()
                                ? " (path " + cc.pathIndex().getAsLong() + ")"
                                : "")
                        + " ($ million)",
                "year from",
                "revenue",
                "costs",
                "EBITDA",
                "tax",
                "CFADS",
                "capex",
                "debt drawn",
                "debt service",
                "equity cash flow",
                "discounted",
                "min DSCR",
                "breaches");
        List<MonthRow> rows = ct.table().rows();
        double[] total = new double[10];
        for (int y = 0; y * 12 < rows.size(); y++) {
            double[] v = new double[10];
            double min = Double.POSITIVE_INFINITY;
            int breaches = 0;
            for (int m = y * 12; m < Math.min(rows.size(), y * 12 + 12); m++) {
                MonthRow r = rows.get(m);
                double[] line = {
                    r.revenue().totalUsd(),
                    r.costs().totalUsd(),
                    r.ebitdaUsd(),
                    r.tax().taxUsd(),
                    r.cfadsUsd(),
                    r.equity().capexUsd(),
                    r.debt().drawUsd(),
                    r.debt().serviceUsd(),
                    r.equity().cashFlowUsd(),
                    r.equity().discountedUsd()
                };
                for (int k = 0; k < line.length; k++) {
                    v[k] += line[k];
                    total[k] += line[k];
                }
                if (r.covenant().tested()) {
                    min = Math.min(min, r.covenant().dscr());
                    breaches += r.covenant().breach() ? 1 : 0;
                }
            }
            List<String> cells = new ArrayList<>();
            cells.add(start.plusMonths(12L * y).toString());
            for (double x : v) {
                cells.add(musd(x));
            }
            cells.add(min == Double.POSITIVE_INFINITY ? "-" : Fmt.num(min, 2));
            cells.add(Integer.toString(breaches));
            b.row(cells.toArray(String[]::new));
        }
        List<String> cells = new ArrayList<>();
        cells.add("total");
        for (double x : total) {
            cells.add(musd(x));
        }
        cells.add("");
        cells.add("");
        b.totalRow(cells.toArray(String[]::new));
        b.note("The last year's equity cash flow includes the terminal value less the debt still owed. The"
                + " discounted column sums to the NPV: " + musd(total[9]) + " $ million.");
        return b.build();
    }
}
