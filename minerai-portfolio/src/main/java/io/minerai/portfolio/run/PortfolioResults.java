package io.minerai.portfolio.run;

import io.minerai.planning.engine.SiteAllocation;
import io.minerai.planning.montecarlo.Stats;
import io.minerai.portfolio.engine.CandidateOutcome;
import io.minerai.portfolio.engine.MixSummary;
import io.minerai.portfolio.engine.PortfolioEvaluation;
import io.minerai.portfolio.engine.PortfolioEvaluation.AcceptedMove;
import io.minerai.portfolio.engine.PortfolioEvaluation.AcquisitionValue;
import io.minerai.portfolio.engine.PortfolioEvaluation.PricePoint;
import io.minerai.portfolio.engine.PortfolioEvaluation.SiteRecommendation;
import io.minerai.portfolio.engine.SiteModel;
import io.minerai.portfolio.model.Acquisition;
import io.minerai.portfolio.model.Portfolio;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A portfolio run as a map for JSON (the CLI's {@code --format json} and the server's run summary), money in USD and
 * every field name with its unit.
 */
public final class PortfolioResults {
    private PortfolioResults() {}

    public static Map<String, Object> toMap(PortfolioRun run) {
        Portfolio p = run.portfolio();
        PortfolioEvaluation.Result r = run.result();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("portfolio", p.name());
        m.put("source", run.source());
        m.put("start", p.startMonth().toString());
        m.put("horizonMonths", p.horizonMonths());
        m.put("paths", p.uncertainty().paths());
        m.put("seed", p.uncertainty().seed());
        m.put("riskMeasure", p.company().riskMeasure().key());
        m.put("maxBreachProbability", p.company().maxBreachProbability());
        m.put("btcHistory", run.btcHistory());
        m.put("siteTasks", r.tasks());
        m.put("sitePathEvaluations", r.evaluations());
        m.put("seconds", run.seconds());
        List<Map<String, Object>> mixes = new ArrayList<>();
        List<String> currentMix = new ArrayList<>();
        List<String> chosenMix = new ArrayList<>();
        for (SiteRecommendation s : r.recommendations()) {
            currentMix.add(s.site() + ": " + s.current().candidate().label());
            chosenMix.add(s.site() + ": " + s.chosen().candidate().label());
        }
        mixes.add(mix("current", currentMix, r.current().summary()));
        Map<String, Object> chosen = mix("chosen", chosenMix, r.chosen().summary());
        chosen.put("withinBreachLimit", r.choice().withinBreachLimit());
        chosen.put("exhaustiveSearch", r.choice().exhaustive());
        chosen.put("mixesEvaluated", r.choice().mixesEvaluated());
        mixes.add(chosen);
        m.put("mixes", mixes);
        m.put(
                "expectedNpvGainUsd",
                r.chosen().summary().meanNpvUsd() - r.current().summary().meanNpvUsd());
        List<Map<String, Object>> sites = new ArrayList<>();
        for (SiteRecommendation s : r.recommendations()) {
            sites.add(site(s, r.candidates().get(sites.size())));
        }
        m.put("sites", sites);
        m.put("fleetMoves", moves(r.moves()));
        List<Map<String, Object>> acqs = new ArrayList<>();
        for (AcquisitionValue a : r.acquisitions()) {
            acqs.add(acquisition(a, p.acquisition(a.name()).orElseThrow()));
        }
        m.put("acquisitions", acqs);
        return m;
    }

    static Map<String, Object> mix(String name, List<String> sites, MixSummary s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mix", name);
        m.put("sites", sites);
        m.putAll(summary(s));
        return m;
    }

    static Map<String, Object> summary(MixSummary s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("expectedNpvUsd", s.meanNpvUsd());
        m.put("p10NpvUsd", s.p10NpvUsd());
        m.put("p50NpvUsd", s.p50NpvUsd());
        m.put("p90NpvUsd", s.p90NpvUsd());
        m.put("cvarNpvUsd", s.cvarNpvUsd());
        m.put("probabilityNegativeNpv", s.probabilityNegative());
        m.put("breachProbability", s.breachProbability());
        m.put("meanDilution", s.meanDilution());
        return m;
    }

    private static Map<String, Object> site(SiteRecommendation s, List<CandidateOutcome> candidates) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("site", s.site());
        m.put("currentStrategy", s.current().candidate().strategy());
        m.put("recommendedStrategy", s.chosen().candidate().strategy());
        m.put("recommendedDelayMonths", s.chosen().candidate().delayMonths());
        m.put("recommended", s.chosen().candidate().label());
        m.put("startMonth", s.startMonth().map(Object::toString).orElse(null));
        m.put("currentExpectedNpvUsd", s.current().meanNpvUsd());
        m.put("recommendedExpectedNpvUsd", s.chosen().meanNpvUsd());
        m.put("power", power(s.power()));
        List<Map<String, Object>> cs = new ArrayList<>();
        for (CandidateOutcome c : candidates) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("candidate", c.candidate().label());
            x.put("strategy", c.candidate().strategy());
            x.put("delayMonths", c.candidate().delayMonths());
            double[] sorted = Stats.sorted(c.npvUsd());
            x.put("expectedNpvUsd", Stats.mean(sorted));
            x.put("p10NpvUsd", Stats.quantile(sorted, 0.1));
            x.put("capexUsdByYear", c.facts().capexUsdByYear());
            x.put("gpuCapexUsd", c.facts().gpuCapexUsd());
            cs.add(x);
        }
        m.put("candidates", cs);
        m.put("allocationByYear", allocation(s.allocationByYear()));
        return m;
    }

    static List<Map<String, Object>> allocation(List<SiteAllocation> a) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (SiteAllocation x : a) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("month", x.month());
            m.put("miningMw", x.miningMw());
            m.put("hallMw", x.hallMw());
            m.put("gpuItMw", x.gpuItMw());
            m.put("leasedItMw", x.leasedItMw());
            m.put("idleMw", x.idleMw());
            out.add(m);
        }
        return out;
    }

    private static Map<String, Object> power(SiteModel.PowerInfo p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", p.label());
        m.put("days", p.days().size());
        m.put("meanAllInUsdPerMwh", p.meanAllInUsdPerMwh());
        p.dispatch().ifPresent(d -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("intervals", d.intervals());
            x.put("importMwh", d.importMwh());
            x.put("energyCostUsd", d.energyCostUsd());
            x.put("programChargesUsd", d.programChargesUsd());
            x.put("miningCurtailedShare", d.miningCurtailedShare());
            x.put("marketCurrency", d.currency());
            m.put("dispatch", x);
        });
        return m;
    }

    static List<Map<String, Object>> moves(List<AcceptedMove> moves) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (AcceptedMove a : moves) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("from", a.move().fromSite());
            m.put("to", a.move().toSite());
            m.put("leaveMonth", a.move().leaveMonth());
            m.put("arriveMonth", a.move().arriveMonth());
            m.put("machineMw", a.move().machineMw());
            m.put("hashrateEhPerS", a.move().hashrateEhPerS());
            m.put("costUsd", a.move().costUsd());
            m.put("expectedNpvGainUsd", a.valueUsd());
            out.add(m);
        }
        return out;
    }

    private static Map<String, Object> acquisition(AcquisitionValue a, Acquisition acq) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", a.name());
        m.put("closingDate", acq.closingDate().toString());
        m.put("closingMonth", a.closingMonth());
        m.put("askingPriceUsd", acq.askingPriceUsd());
        m.put("valueWithoutSynergiesUsd", a.valueWithoutSynergiesUsd());
        m.put("valueWithoutSynergiesP10Usd", a.valueWithoutSynergiesP10Usd());
        m.put("valueWithSynergiesUsd", a.valueWithSynergiesUsd());
        m.put("valueWithSynergiesP10Usd", a.valueWithSynergiesP10Usd());
        m.put("riskMeasure", a.riskMeasure().key());
        m.put("accretiveAtAsk", a.atAsk().accretive());
        m.put("maxPriceUsd", a.maxPriceUsd());
        m.put("atAsk", price(a.atAsk()));
        List<Map<String, Object>> st = new ArrayList<>();
        for (CandidateOutcome c : a.standalone()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("site", c.candidate().plan().site().name());
            x.put("strategy", c.candidate().label());
            x.put("expectedNpvUsd", c.meanNpvUsd());
            st.add(x);
        }
        m.put("standaloneSites", st);
        Map<String, Object> j = new LinkedHashMap<>(summary(a.jointSummary()));
        List<Map<String, Object>> js = new ArrayList<>();
        for (SiteRecommendation s : a.joint()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("site", s.site());
            x.put("recommended", s.chosen().candidate().label());
            x.put("startMonth", s.startMonth().map(Object::toString).orElse(null));
            x.put("expectedNpvUsd", s.chosen().meanNpvUsd());
            js.add(x);
        }
        j.put("sites", js);
        j.put("fleetMoves", moves(a.jointMoves()));
        m.put("combinedCompany", j);
        List<Map<String, Object>> curve = new ArrayList<>();
        for (PricePoint pp : a.curve()) {
            curve.add(price(pp));
        }
        m.put("valuePerShareByPrice", curve);
        return m;
    }

    private static Map<String, Object> price(PricePoint p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("priceUsd", p.priceUsd());
        m.put("valuePerShareBeforeUsd", p.valuePerShareBeforeUsd());
        m.put("valuePerShareAfterUsd", p.valuePerShareAfterUsd());
        m.put("breachProbability", p.breachProbability());
        m.put("newShares", p.newShares());
        m.put("accretive", p.accretive());
        return m;
    }
}
