package io.minerai.optimize;

import io.minerai.core.inputs.ScenarioInputs;
import io.minerai.core.scenario.CoincidentPeakProgram;
import io.minerai.core.scenario.MarketPrograms;
import io.minerai.core.scenario.OptimizeSettings;
import io.minerai.core.scenario.Scenario;
import io.minerai.core.site.Load;
import io.minerai.core.site.Site;
import io.minerai.core.time.TimeSeries;
import io.minerai.dispatch.MeritOrderPolicy;
import io.minerai.dispatch.PueProfile;
import io.minerai.dispatch.SettlementTerms;
import io.minerai.dispatch.ledger.Settler;
import io.minerai.dispatch.program.CoincidentPeakCharge;
import io.minerai.dispatch.program.CoincidentPeaks;
import io.minerai.dispatch.program.ImportLimitProgram;
import io.minerai.dispatch.program.MarketTerms;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Everything an optimisation run needs: the site, the resolved inputs, the market programs in force as settlement
 * terms (every program the settlement knows is also something the plan responds to: each {@link CoincidentPeakCharge}
 * is priced on its peaks, each {@link ImportLimitProgram} limits import), how the site takes part (reserve offers,
 * peak-alert rules) and the optimiser settings.
 *
 * @param site the site
 * @param inputs resolved inputs
 * @param terms the programs every policy is settled under
 * @param response reserve offers and peak-alert rules
 * @param settings forecast mode, rolling window, solver, fleet controls, deferrable jobs
 */
public record OptimizationProblem(
        Site site, ScenarioInputs inputs, SettlementTerms terms, MarketResponse response, OptimizeSettings settings) {

    /**
     * A scenario's problem: its market programs as settlers by its market pack and the rules in force ({@link
     * MarketTerms}), its reserve offers and peak-alert rule, on the resolved inputs.
     */
    public static OptimizationProblem forScenario(Scenario s, ScenarioInputs inputs, OptimizeSettings settings) {
        MarketTerms mt = MarketTerms.of(s, inputs);
        CoincidentPeaks peaks = mt.peaks()
                .getOrDefault("ercot-4cp", mt.peaks().getOrDefault("ercot-12cp", CoincidentPeaks.none(inputs.grid())));
        return new OptimizationProblem(s.site(), inputs, mt.terms(), responseOf(s.markets(), peaks), settings);
    }

    /** Energy only, perfect foresight, default settings. */
    public static OptimizationProblem of(Site site, ScenarioInputs inputs) {
        return new OptimizationProblem(
                site, inputs, SettlementTerms.NONE, MarketResponse.NONE, OptimizeSettings.DEFAULT);
    }

    /** The settlement terms of a scenario's {@code markets} section: the 4CP charge on the peaks, if any. */
    public static SettlementTerms termsOf(MarketPrograms programs, CoincidentPeaks peaks) {
        return SettlementTerms.of(programs.coincidentPeak()
                .map(c -> List.of(CoincidentPeakCharge.ercot4cp(c.tariffUsdPerKwYear(), peaks.peakInterval())))
                .orElse(List.of()));
    }

    /** The response of a scenario's {@code markets} section: its ancillary offers and its 4CP rule. */
    public static MarketResponse responseOf(MarketPrograms programs, CoincidentPeaks peaks) {
        MarketResponse.ReserveOffering reserves = programs.ancillary()
                .map(a -> MarketResponse.ReserveOffering.of(a.products(), a.maxOfferFraction()))
                .orElse(MarketResponse.ReserveOffering.NONE);
        boolean alert = programs.coincidentPeak()
                .map(c -> c.rule() instanceof CoincidentPeakProgram.PeakRule.Alert)
                .orElse(false);
        return new MarketResponse(
                reserves, alert ? Map.of("ercot-4cp", peaks.alertInterval()) : Map.<String, boolean[]>of());
    }

    public OptimizationProblem withSite(Site s) {
        return new OptimizationProblem(s, inputs, terms, response, settings);
    }

    public OptimizationProblem withSettings(OptimizeSettings s) {
        return new OptimizationProblem(site, inputs, terms, response, s);
    }

    public OptimizationProblem withTerms(SettlementTerms t) {
        return new OptimizationProblem(site, inputs, t, response, settings);
    }

    public OptimizationProblem withResponse(MarketResponse r) {
        return new OptimizationProblem(site, inputs, terms, r, settings);
    }

    /** As the scenario's {@code markets} section would set them (legacy 4CP + ancillary, no peaks). */
    public OptimizationProblem withPrograms(MarketPrograms p) {
        CoincidentPeaks none = CoincidentPeaks.none(inputs.grid());
        return new OptimizationProblem(site, inputs, termsOf(p, none), responseOf(p, none), settings);
    }

    /** The terms every policy is settled under. */
    public SettlementTerms settlementTerms() {
        return terms;
    }

    /** The site as the formulation reads it. */
    public SiteTerms siteTerms() {
        return SiteTerms.of(
                        site,
                        inputs.gpus(),
                        settings.fleetControls(),
                        settings.gpuJobs(),
                        response.reserves().maxOfferFraction())
                .withPue(PueProfile.of(site, inputs));
    }

    /** Ancillary products offered. */
    public List<String> products() {
        return response.reserves().productIds();
    }

    /** Model data seeing the actual real-time prices (perfect foresight). */
    public ModelData actualData() {
        MeritOrderPolicy.PreparedInputs in = MeritOrderPolicy.PreparedInputs.of(site, inputs);
        int n = inputs.grid().count();
        boolean[] dispatched = in.dispatched();
        return new ModelData(
                inputs.grid(),
                in.priceUsdPerMwh(),
                in.hashpriceUsdPerThDay(),
                in.generationMw(),
                dispatched,
                reserveProducts(n),
                peakCharges(dispatched),
                curtailIntervals(n),
                importLimits(n));
    }

    private List<ModelData.ReserveProduct> reserveProducts(int n) {
        List<Load> loads = site.loads();
        List<ModelData.ReserveProduct> out = new ArrayList<>();
        for (MarketResponse.ReserveLimit limit : response.reserves().products()) {
            double[] price = new double[n];
            TimeSeries s = null;
            for (var e : inputs.ancillaryPricesUsdPerMwH().entrySet()) {
                if (e.getKey().equalsIgnoreCase(limit.product())) {
                    s = e.getValue();
                }
            }
            if (s != null) {
                for (int t = 0; t < n; t++) {
                    price[t] = s.valueOr(t, 0);
                }
            }
            boolean[] eligible = new boolean[loads.size()];
            for (int l = 0; l < loads.size(); l++) {
                eligible[l] = !limit.excludedLoads().contains(loads.get(l).name());
            }
            out.add(new ModelData.ReserveProduct(limit.product(), price, limit.maxShare(), limit.maxMw(), eligible));
        }
        return out;
    }

    private List<ModelData.PeakCharge> peakCharges(boolean[] dispatched) {
        List<ModelData.PeakCharge> out = new ArrayList<>();
        for (Settler s : terms.programs()) {
            if (s instanceof CoincidentPeakCharge c && !response.peakAlerts().containsKey(c.program())) {
                c.requireGrid(inputs.grid());
                int last = -1;
                for (int t = 0; t < dispatched.length; t++) {
                    if (dispatched[t] && c.isPeak(t)) {
                        last = t;
                    }
                }
                out.add(new ModelData.PeakCharge(c, last));
            }
        }
        return out;
    }

    private boolean[] curtailIntervals(int n) {
        if (response.peakAlerts().isEmpty()) {
            return new boolean[0];
        }
        boolean[] out = new boolean[n];
        for (boolean[] alert : response.peakAlerts().values()) {
            for (int t = 0; t < Math.min(n, alert.length); t++) {
                out[t] |= alert[t];
            }
        }
        return out;
    }

    private List<ModelData.ImportLimit> importLimits(int n) {
        List<ModelData.ImportLimit> out = new ArrayList<>();
        for (Settler s : terms.programs()) {
            if (s instanceof ImportLimitProgram p) {
                double[] max = new double[n];
                Arrays.fill(max, Double.POSITIVE_INFINITY);
                for (int t = 0; t < n; t++) {
                    max[t] = p.maxImportMw(t);
                }
                out.add(new ModelData.ImportLimit(p.program(), max));
            }
        }
        return out;
    }
}
