package io.minerai.planning;

import io.minerai.planning.decision.AllocationSearch;
import io.minerai.planning.decision.DecisionRule;
import io.minerai.planning.decision.Tornado;
import io.minerai.planning.engine.CashFlowTable;
import io.minerai.planning.engine.GpuBook;
import io.minerai.planning.engine.PathOutcome;
import io.minerai.planning.engine.SiteAllocation;
import io.minerai.planning.finance.Irr;
import io.minerai.planning.model.Facility;
import io.minerai.planning.model.GpuContract;
import io.minerai.planning.model.Plan;
import io.minerai.planning.montecarlo.DscrYear;
import io.minerai.planning.montecarlo.MonteCarloResult;
import io.minerai.planning.montecarlo.StrategySummary;
import io.minerai.planning.run.CashFlowCase;
import io.minerai.planning.run.ComputeDelivered;
import io.minerai.planning.run.PlanRun;
import io.minerai.planning.run.VariantComparison;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The result of a planning run as a JSON-ready map (field names carry units; non-finite figures become null): the
 * plan and its settings, the decision (best strategy under the rule, its flag), each strategy's deterministic and
 * Monte Carlo figures with its yearly MW allocation and its cash-flow cases, and the search and tornado when they
 * ran. Figures measured against the baseline (IRR, payback, incremental NPV) are null for the baseline itself. The
 * CLI's {@code plan --format json} and the server's {@code plan} run kind print the same structure
 * (docs/PLANNING.md).
 */
public final class PlanResults {
    private PlanResults() {}

    /**
     * The result map.
     *
     * @param run the finished run
     * @param charts paths of charts written, as text
     */
    public static Map<String, Object> toMap(PlanRun run, List<String> charts) {
        Plan plan = run.plan();
        MonteCarloResult mc = run.monteCarlo();
        DecisionRule.Choice choice = run.choice();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("plan", plan.name());
        root.put("site", plan.site().name());
        root.put("gridMw", plan.site().gridMw());
        root.put("startMonth", plan.startMonth().toString());
        root.put("horizonMonths", plan.horizonMonths());
        root.put("deterministic", run.deterministicOnly());
        root.put("paths", mc.paths().get(0).paths());
        root.put("seed", mc.seed());
        root.put("btcHistory", mc.btcHistoryLabel());
        root.put("power", mc.powerLabel());
        root.put("discountRatePerYear", plan.valuation().discountRatePerYear());
        root.put("minDscr", plan.financing().minDscr());
        root.put("dscrWindowMonths", plan.financing().dscrWindowMonths());
        root.put("dscrDefinition", plan.financing().dscrDefinition().key());
        root.put("baselineStrategy", mc.summaries().get(0).strategy());
        root.put("riskMeasure", choice.rule().measure().key());
        root.put("maxBreachProbability", choice.rule().maxBreachProbability());
        root.put("bestStrategy", choice.best().strategy());
        root.put("bestStrategyWithinBreachLimit", choice.withinLimit());
        root.put("bestStrategyWarning", choice.warning().orElse(null));
        root.put("unconstrainedBestStrategy", choice.unconstrainedBest().strategy());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < mc.summaries().size(); i++) {
            StrategySummary s = mc.summaries().get(i);
            PathOutcome d = run.deterministic().paths().get(i).outcome(0);
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("strategy", s.strategy());
            r.put("baseline", s.baseline());
            r.put("deterministicNpvUsd", finite(d.npvUsd()));
            r.put("deterministicUnleveredNpvUsd", finite(d.unleveredNpvUsd()));
            r.put(
                    "deterministicIrrPerYear",
                    d.irrPerYear().isPresent() ? finite(d.irrPerYear().getAsDouble()) : null);
            r.put(
                    "deterministicPaybackMonth",
                    d.paybackMonth().isPresent() ? d.paybackMonth().getAsInt() : null);
            r.put(
                    "deterministicMinDscr",
                    d.minDscr().isPresent() ? finite(d.minDscr().getAsDouble()) : null);
            r.put("deterministicCovenantBreached", d.covenantBreached());
            r.put("deterministicPeakEquityNeedUsd", finite(d.peakEquityNeedUsd()));
            r.put("deterministicPureEquityDilution", finite(d.pureEquityDilution()));
            r.put("meanNpvUsd", finite(s.meanNpvUsd()));
            r.put("p10NpvUsd", finite(s.p10NpvUsd()));
            r.put("p50NpvUsd", finite(s.p50NpvUsd()));
            r.put("p90NpvUsd", finite(s.p90NpvUsd()));
            r.put("cvarNpvUsd", finite(s.cvarNpvUsd()));
            r.put("cvarAlpha", s.cvarAlpha());
            r.put("probabilityNpvNegative", s.probabilityNpvNegative());
            r.put("meanIncrementalNpvUsd", finite(s.meanIncrementalNpvUsd()));
            r.put("probabilityBeatsBaseline", finite(s.probabilityBeatsBaseline()));
            r.put("medianIrrPerYear", finite(s.medianIrrPerYear()));
            r.put("irrDefinedShare", finite(s.irrDefinedShare()));
            r.put("medianPaybackMonth", finite(s.medianPaybackMonth()));
            r.put("paybackShare", finite(s.paybackShare()));
            r.put("p10MinDscr", finite(s.p10MinDscr()));
            r.put("covenantBreachProbability", s.covenantBreachProbability());
            r.put("withinBreachLimit", choice.rule().withinLimit(s));
            r.put("breachesInMostPaths", DecisionRule.breachesInMostPaths(s));
            r.put("meanPeakEquityNeedUsd", finite(s.meanPeakEquityNeedUsd()));
            r.put("meanPureEquityDilution", finite(s.meanPureEquityDilution()));
            r.put("meanUnleveredNpvUsd", finite(s.meanUnleveredNpvUsd()));
            r.put("meanSpotGpuRevenueUsd", finite(s.meanSpotGpuRevenueUsd()));
            r.put("meanContractRevenueUsd", finite(s.meanContractRevenueUsd()));
            r.put("computePrecision", ComputeDelivered.PRECISION);
            List<Map<String, Object>> compute = new ArrayList<>();
            for (ComputeDelivered c : ComputeDelivered.of(run, s)) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("year", c.year());
                m.put("month", c.month());
                m.put("gpuHoursDelivered", finite(c.gpuHoursDelivered()));
                m.put("computeDeliveredExaflopHours", finite(c.computeDeliveredExaflopHours()));
                m.put("deterministicBtcMined", finite(c.deterministicBtcMined()));
                compute.add(m);
            }
            r.put("computeByYear", compute);
            r.put("meanCurtailedContractGpuHours", finite(s.meanCurtailedGpuHours()));
            for (VariantComparison c : run.comparisonsOf(s.strategy())) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("meanNpvDifferenceUsd", finite(c.meanNpvDifferenceUsd()));
                m.put("probabilityPositive", c.probabilityPositive());
                m.put("deterministicNpvDifferenceUsd", finite(c.deterministicNpvDifferenceUsd()));
                r.put(
                        c.kind() == VariantComparison.Kind.CONTRACT_VS_SPOT
                                ? "contractValueVsSpot"
                                : "refreshValueVsSell",
                        m);
            }
            CashFlowTable dt = run.table(run.casesOf(s.strategy()).get(0));
            List<Object> dscrByYear = new ArrayList<>();
            for (int y = 0; y * 12 < dt.rows().size(); y++) {
                double min = Double.POSITIVE_INFINITY;
                for (int m = y * 12; m < Math.min(dt.rows().size(), y * 12 + 12); m++) {
                    if (dt.rows().get(m).covenant().tested()) {
                        min = Math.min(min, dt.rows().get(m).covenant().dscr());
                    }
                }
                dscrByYear.add(finite(min));
            }
            r.put("deterministicMinDscrByYear", dscrByYear);
            List<Map<String, Object>> bands = new ArrayList<>();
            for (DscrYear y : s.minDscrByYear()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("year", y.year());
                m.put("p10", finite(y.p10()));
                m.put("p50", finite(y.p50()));
                m.put("p90", finite(y.p90()));
                m.put("testedShare", y.testedShare());
                bands.add(m);
            }
            r.put("minDscrByYear", bands);
            GpuBook book = dt.schedule().gpus();
            List<Map<String, Object>> fleets = new ArrayList<>();
            for (GpuBook.Fleet f : book.fleets()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("gpuCloud", f.gpuCloud());
                m.put("generation", f.generation());
                m.put("gpus", f.gpus());
                m.put("goLiveMonth", f.goLiveMonth());
                m.put("goLive", plan.startMonth().plusMonths(f.goLiveMonth()).toString());
                m.put("retireMonth", f.retireMonth());
                m.put("usdPerGpu", finite(f.usdPerGpu()));
                m.put("capexUsd", finite(f.usdPerGpu() * f.gpus()));
                m.put("itKwPerGpu", finite(f.itKwPerGpu()));
                m.put("facilityKwPerGpu", finite(f.facilityKwPerGpu()));
                m.put("spotPriceAtGoLiveUsdPerGpuHour", finite(f.spotPriceAtGoLiveUsdPerGpuHour()));
                m.put("priceDeclinePerYear", finite(f.priceDeclinePerYear()));
                m.put("cooling", f.cooling().key());
                m.put("coolingConversionCapexUsd", finite(f.coolingConversionCapexUsd()));
                m.put("bf16DenseTflopsPerGpu", finite(f.bf16DenseTflopsPerGpu()));
                fleets.add(m);
            }
            if (!fleets.isEmpty()) {
                r.put("gpuFleets", fleets);
            }
            List<Map<String, Object>> contracts = new ArrayList<>();
            for (int j = 0; j < book.contractNames().size(); j++) {
                String name = book.contractNames().get(j);
                GpuContract gc = plan.contract(name).orElseThrow();
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", name);
                m.put("customer", gc.customer());
                m.put("gpuCloud", gc.gpuCloud());
                m.put("gpus", gc.gpuCount());
                m.put("termMonths", gc.termMonths());
                m.put("priceUsdPerGpuHour", finite(book.contractPriceUsdPerGpuHour(j)));
                m.put("totalValueUsd", finite(book.contractTotalValueUsd(j)));
                m.put("prepaymentUsd", finite(book.contractPrepaymentUsd(j)));
                double irr = Irr.yearly(
                        dt.contractEquipmentFlowsUsd().get(j), dt.rows().size());
                m.put("deterministicEquipmentIrrPerYear", finite(irr));
                double debt = 0;
                for (var f : dt.facilities()) {
                    if (f.facility() instanceof Facility.ContractBacked cb
                            && cb.contract().equals(name)) {
                        for (double x : f.schedule().drawUsd()) {
                            debt += x;
                        }
                    }
                }
                m.put("contractBackedDebtUsd", debt);
                m.put("endOfTerm", gc.endOfTerm().key());
                contracts.add(m);
            }
            if (!contracts.isEmpty()) {
                r.put("contracts", contracts);
            }
            List<Map<String, Object>> alloc = new ArrayList<>();
            for (SiteAllocation a : run.simulation()
                    .yearlyAllocation(plan.strategy(s.strategy()).orElseThrow())) {
                Map<String, Object> y = new LinkedHashMap<>();
                y.put("month", a.month());
                y.put("miningMw", a.miningMw());
                y.put("hallMw", a.hallMw());
                y.put("gpuItMw", a.gpuItMw());
                y.put("leasedItMw", a.leasedItMw());
                y.put("idleMw", a.idleMw());
                alloc.add(y);
            }
            r.put("allocationByYear", alloc);
            List<Map<String, Object>> cases = new ArrayList<>();
            for (CashFlowCase c : run.casesOf(s.strategy())) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("case", c.label());
                m.put("percentile", c.percentile().isPresent() ? c.percentile().getAsDouble() : null);
                m.put("pathIndex", c.pathIndex().isPresent() ? c.pathIndex().getAsLong() : null);
                m.put("npvUsd", finite(c.npvUsd()));
                cases.add(m);
            }
            r.put("cashflowCases", cases);
            rows.add(r);
        }
        root.put("strategies", rows);
        run.search().ifPresent(sr -> root.put("search", search(sr)));
        run.tornado().ifPresent(t -> root.put("tornado", tornado(t)));
        root.put("charts", charts);
        root.put("seconds", run.seconds());
        return root;
    }

    private static Map<String, Object> search(AllocationSearch.Result sr) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("riskMeasure", sr.search().riskMeasure().key());
        s.put("pathsPerCandidate", sr.search().paths());
        List<Map<String, Object>> cands = new ArrayList<>();
        for (AllocationSearch.Candidate c : sr.candidates()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("name", c.strategy().name());
            r.put("description", c.strategy().description());
            r.put("buildFraction", c.buildFraction());
            r.put("gpuShare", c.gpuShare());
            r.put("contractShare", c.contractShare());
            r.put("gpuCloud", c.gpuCloud());
            r.put("startMonth", c.startMonth());
            r.put("score", finite(c.score()));
            r.put("meanNpvUsd", finite(c.summary().meanNpvUsd()));
            r.put("p10NpvUsd", finite(c.summary().p10NpvUsd()));
            r.put("cvarNpvUsd", finite(c.summary().cvarNpvUsd()));
            r.put("covenantBreachProbability", c.summary().covenantBreachProbability());
            r.put("withinBreachLimit", c.withinBreachLimit());
            cands.add(r);
        }
        s.put("candidates", cands);
        return s;
    }

    private static Map<String, Object> tornado(Tornado.Result tornado) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("strategy", tornado.strategy());
        t.put("baseMeanNpvUsd", finite(tornado.baseNpvUsd()));
        t.put("pathsPerSetting", tornado.paths());
        List<Map<String, Object>> bars = new ArrayList<>();
        for (Tornado.Bar b : tornado.bars()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("input", b.input());
            r.put("low", b.lowLabel());
            r.put("lowMeanNpvUsd", finite(b.lowNpvUsd()));
            r.put("high", b.highLabel());
            r.put("highMeanNpvUsd", finite(b.highNpvUsd()));
            r.put("swingUsd", finite(b.swingUsd()));
            bars.add(r);
        }
        t.put("bars", bars);
        return t;
    }

    private static @Nullable Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
