package io.minerai.optimize;

import io.minerai.core.inputs.ScenarioInputs;
import io.minerai.core.scenario.AncillaryProgram;
import io.minerai.core.scenario.CoincidentPeakProgram;
import io.minerai.core.scenario.MarketPrograms;
import io.minerai.core.scenario.OptimizeSettings;
import io.minerai.core.site.Site;
import io.minerai.core.time.TimeSeries;
import io.minerai.dispatch.MeritOrderPolicy;
import io.minerai.dispatch.SettlementTerms;
import io.minerai.dispatch.program.CoincidentPeakCharge;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything an optimisation run needs: the site, the resolved inputs, the market programs (4CP, ancillary), the
 * optimiser settings and the 4CP signals on the run's grid.
 *
 * @param site the site
 * @param inputs resolved inputs
 * @param programs 4CP and ancillary programs
 * @param settings forecast mode, rolling window, solver, fleet controls, deferrable jobs
 * @param peaks 4CP peak and alert intervals ({@link PeakSignals#none} without a 4CP program)
 */
public record OptimizationProblem(
        Site site, ScenarioInputs inputs, MarketPrograms programs, OptimizeSettings settings, PeakSignals peaks) {

    /** Energy only, perfect foresight, default settings. */
    public static OptimizationProblem of(Site site, ScenarioInputs inputs) {
        return new OptimizationProblem(
                site, inputs, MarketPrograms.NONE, OptimizeSettings.DEFAULT, PeakSignals.none(inputs.grid()));
    }

    public OptimizationProblem withSite(Site s) {
        return new OptimizationProblem(s, inputs, programs, settings, peaks);
    }

    public OptimizationProblem withSettings(OptimizeSettings s) {
        return new OptimizationProblem(site, inputs, programs, s, peaks);
    }

    public OptimizationProblem withPrograms(MarketPrograms p) {
        return new OptimizationProblem(site, inputs, p, settings, peaks);
    }

    /** The terms every policy is settled under (the 4CP charge on the actual peaks). */
    public SettlementTerms settlementTerms() {
        return SettlementTerms.of(programs.coincidentPeak()
                .map(c -> List.of(CoincidentPeakCharge.ercot4cp(c.tariffUsdPerKwYear(), peaks.peakInterval())))
                .orElse(List.of()));
    }

    /** The site as the formulation reads it. */
    public SiteTerms siteTerms() {
        double phi =
                programs.ancillary().map(AncillaryProgram::maxOfferFraction).orElse(1.0);
        return SiteTerms.of(site, settings.fleetControls(), settings.gpuJobs(), phi);
    }

    /** Ancillary products offered. */
    public List<String> products() {
        return programs.ancillary().map(AncillaryProgram::products).orElse(List.of());
    }

    /** Model data seeing the actual real-time prices (perfect foresight). */
    public ModelData actualData() {
        MeritOrderPolicy.PreparedInputs in = MeritOrderPolicy.PreparedInputs.of(site, inputs);
        int n = inputs.grid().count();
        List<String> products = products();
        List<double[]> reservePrices = new ArrayList<>();
        for (String p : products) {
            double[] a = new double[n];
            TimeSeries s = null;
            for (var e : inputs.ancillaryPricesUsdPerMwH().entrySet()) {
                if (e.getKey().equalsIgnoreCase(p)) {
                    s = e.getValue();
                }
            }
            if (s != null) {
                for (int t = 0; t < n; t++) {
                    a[t] = s.valueOr(t, 0);
                }
            }
            reservePrices.add(a);
        }
        Optional<CoincidentPeakProgram> cp = programs.coincidentPeak();
        boolean hindsight = cp.isPresent() && cp.get().rule() instanceof CoincidentPeakProgram.PeakRule.Hindsight;
        boolean alert = cp.isPresent() && cp.get().rule() instanceof CoincidentPeakProgram.PeakRule.Alert;
        double perMw = hindsight ? cp.get().tariffUsdPerKwYear() * 1000.0 / 4 : 0;
        return new ModelData(
                inputs.grid(),
                in.priceUsdPerMwh(),
                in.hashpriceUsdPerThDay(),
                in.generationMw(),
                in.dispatched(),
                products,
                reservePrices,
                hindsight ? peaks.peakInterval() : new boolean[0],
                perMw,
                alert ? peaks.alertInterval() : new boolean[0]);
    }
}
