package io.minerai.planning;

import io.minerai.planning.decision.AllocationSearch;
import io.minerai.planning.decision.Tornado;
import io.minerai.planning.engine.CashFlowTable;
import io.minerai.planning.engine.PathOutcome;
import io.minerai.planning.engine.SiteAllocation;
import io.minerai.planning.model.Plan;
import io.minerai.planning.model.RiskMeasure;
import io.minerai.planning.montecarlo.MonteCarloResult;
import io.minerai.planning.montecarlo.PlanSimulation;
import io.minerai.planning.montecarlo.StrategySummary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The result of a planning run as a JSON-ready map (field names carry units; non-finite figures become null): the
 * plan and its settings, each strategy's deterministic and Monte Carlo figures with its yearly MW allocation, the best
 * strategy by the risk measure, and the search and tornado when they ran. The CLI's {@code plan --format json} and
 * the server's {@code plan} run kind print the same structure (docs/PLANNING.md).
 */
public final class PlanResults {
    private PlanResults() {}

    /** The best strategy by the measure, the baseline included. */
    public static StrategySummary best(MonteCarloResult mc, RiskMeasure m) {
        return mc.summaries().stream()
                .max(Comparator.comparingDouble(s -> s.score(m)))
                .orElseThrow();
    }

    /** The best strategy by the measure other than the baseline (the decision is whether to change). */
    public static StrategySummary bestChange(MonteCarloResult mc, RiskMeasure m) {
        return mc.summaries().stream()
                .skip(mc.summaries().size() > 1 ? 1 : 0)
                .max(Comparator.comparingDouble(s -> s.score(m)))
                .orElseThrow();
    }

    /** Deterministic cash-flow tables of each strategy, by name, in the result's order. */
    public static Map<String, CashFlowTable> deterministic(PlanSimulation sim, Plan plan, MonteCarloResult mc) {
        Map<String, CashFlowTable> out = new LinkedHashMap<>();
        for (StrategySummary s : mc.summaries()) {
            out.put(
                    s.strategy(),
                    sim.deterministicTable(plan.strategy(s.strategy()).orElseThrow()));
        }
        return out;
    }

    /**
     * The result map.
     *
     * @param det deterministic table of each strategy by name ({@link #deterministic})
     * @param baseline the baseline strategy's deterministic table (IRR and payback are incremental to it)
     * @param sr the allocation search, when it ran
     * @param tornado the tornado sensitivity, when it ran
     * @param charts paths of charts written, as text
     * @param seconds wall time of the run
     */
    public static Map<String, Object> toMap(
            PlanSimulation sim,
            Plan plan,
            MonteCarloResult mc,
            RiskMeasure measure,
            StrategySummary best,
            Map<String, CashFlowTable> det,
            CashFlowTable baseline,
            AllocationSearch.@Nullable Result sr,
            Tornado.@Nullable Result tornado,
            List<String> charts,
            double seconds) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("plan", plan.name());
        root.put("site", plan.site().name());
        root.put("gridMw", plan.site().gridMw());
        root.put("startMonth", plan.startMonth().toString());
        root.put("horizonMonths", plan.horizonMonths());
        root.put("paths", mc.paths().get(0).paths());
        root.put("seed", mc.seed());
        root.put("btcHistory", mc.btcHistoryLabel());
        root.put("power", mc.powerLabel());
        root.put("discountRatePerYear", plan.valuation().discountRatePerYear());
        root.put("baselineStrategy", mc.summaries().get(0).strategy());
        root.put("riskMeasure", measure.key());
        root.put("bestStrategy", best.strategy());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (StrategySummary s : mc.summaries()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("strategy", s.strategy());
            CashFlowTable d = java.util.Objects.requireNonNull(det.get(s.strategy()));
            PathOutcome dOut =
                    s.strategy().equals(mc.summaries().get(0).strategy()) ? d.outcome() : d.outcomeVersus(baseline);
            r.put("deterministicNpvUsd", finite(dOut.npvUsd()));
            r.put(
                    "deterministicIrrPerYear",
                    dOut.irrPerYear().isPresent() ? dOut.irrPerYear().getAsDouble() : null);
            r.put(
                    "deterministicPaybackMonth",
                    dOut.paybackMonth().isPresent() ? dOut.paybackMonth().getAsInt() : null);
            r.put(
                    "deterministicMinDscr",
                    dOut.minDscr().isPresent() ? finite(dOut.minDscr().getAsDouble()) : null);
            r.put("meanNpvUsd", finite(s.meanNpvUsd()));
            r.put("p10NpvUsd", finite(s.p10NpvUsd()));
            r.put("p50NpvUsd", finite(s.p50NpvUsd()));
            r.put("p90NpvUsd", finite(s.p90NpvUsd()));
            r.put("cvarNpvUsd", finite(s.cvarNpvUsd()));
            r.put("cvarAlpha", s.cvarAlpha());
            r.put("probabilityNpvNegative", s.probabilityNpvNegative());
            r.put("meanIncrementalNpvUsd", finite(s.meanIncrementalNpvUsd()));
            r.put("probabilityBeatsBaseline", s.probabilityBeatsBaseline());
            r.put("medianIrrPerYear", finite(s.medianIrrPerYear()));
            r.put("irrDefinedShare", s.irrDefinedShare());
            r.put("medianPaybackMonth", finite(s.medianPaybackMonth()));
            r.put("paybackShare", s.paybackShare());
            r.put("p10MinDscr", finite(s.p10MinDscr()));
            r.put("covenantBreachProbability", s.covenantBreachProbability());
            r.put("meanPeakEquityNeedUsd", finite(s.meanPeakEquityNeedUsd()));
            r.put("meanPureEquityDilution", finite(s.meanPureEquityDilution()));
            r.put("meanUnleveredNpvUsd", finite(s.meanUnleveredNpvUsd()));
            List<Map<String, Object>> alloc = new ArrayList<>();
            for (SiteAllocation a :
                    sim.yearlyAllocation(plan.strategy(s.strategy()).orElseThrow())) {
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
            rows.add(r);
        }
        root.put("strategies", rows);
        if (sr != null) {
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
                r.put("startMonth", c.startMonth());
                r.put("score", finite(c.score()));
                r.put("meanNpvUsd", finite(c.summary().meanNpvUsd()));
                r.put("p10NpvUsd", finite(c.summary().p10NpvUsd()));
                r.put("cvarNpvUsd", finite(c.summary().cvarNpvUsd()));
                r.put("covenantBreachProbability", c.summary().covenantBreachProbability());
                cands.add(r);
            }
            s.put("candidates", cands);
            root.put("search", s);
        }
        if (tornado != null) {
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
            root.put("tornado", t);
        }
        root.put("charts", charts);
        root.put("seconds", seconds);
        return root;
    }

    private static @Nullable Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
