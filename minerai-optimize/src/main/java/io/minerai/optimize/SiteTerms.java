package io.minerai.optimize;

import io.minerai.core.inputs.GpuInputs;
import io.minerai.core.scenario.OptimizeSettings.FleetControl;
import io.minerai.core.scenario.OptimizeSettings.GpuJob;
import io.minerai.core.site.ColocationLease;
import io.minerai.core.site.GpuCloud;
import io.minerai.core.site.Load;
import io.minerai.core.site.MinerFleet;
import io.minerai.core.site.Ppa;
import io.minerai.core.site.Site;
import io.minerai.dispatch.GpuModel;
import io.minerai.dispatch.LoadInfo;
import io.minerai.dispatch.PueProfile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The site as the formulation reads it: per load its full power, whether it is firm, and how its revenue follows from
 * the inputs; the grid connection; the PPA; fleet controls by load index; deferrable jobs with their windows.
 *
 * @param site the site
 * @param loads the site's loads in {@link Site#loads()} order
 * @param maxMw facility power of each load when fully running
 * @param firm whether each load is firm
 * @param minerThPerSAfterFee per load: hashrate after pool fee (TH/s) for miner fleets, 0 otherwise; revenue per hour
 *     at full power = this x hashprice (USD/TH/s/day) / 24
 * @param usdPerHour per load: revenue per hour at full power of GPU clouds, 0 otherwise
 * @param firmMw power of firm loads
 * @param importCapMw import cap
 * @param exportCapMw usable export cap
 * @param adderUsdPerMwh tariff adders per imported MWh
 * @param ppa fixed-price PPA, if any
 * @param controls per load: the fleet's control limits, or empty
 * @param jobs deferrable GPU jobs
 * @param maxOfferFraction share of curtailable running load that may be offered as reserve
 * @param gpuModels per load: an interruptible GPU cloud with cap levels or a job class (training, inference), whose
 *     revenue the {@link Steps.GpuCapLevels} step models (its {@code usdPerHour} is then 0); empty otherwise
 * @param pue each load's PUE per interval ({@link PueProfile#NONE} when every PUE is constant): load l fully running
 *     draws {@link #mw(int, int)} in interval t
 */
public record SiteTerms(
        Site site,
        List<LoadInfo> loads,
        double[] maxMw,
        boolean[] firm,
        double[] minerThPerSAfterFee,
        double[] usdPerHour,
        double firmMw,
        double importCapMw,
        double exportCapMw,
        double adderUsdPerMwh,
        Optional<Ppa> ppa,
        List<Optional<FleetControl>> controls,
        List<GpuJob> jobs,
        double maxOfferFraction,
        List<Optional<GpuModel>> gpuModels,
        PueProfile pue) {

    public SiteTerms {
        loads = List.copyOf(loads);
        controls = List.copyOf(controls);
        jobs = List.copyOf(jobs);
        gpuModels = List.copyOf(gpuModels);
    }

    /** Terms of a site with fleet controls and jobs, its GPU clouds run or stop only. */
    public static SiteTerms of(
            Site site, List<FleetControl> fleetControls, List<GpuJob> jobs, double maxOfferFraction) {
        return of(site, GpuInputs.NONE, fleetControls, jobs, maxOfferFraction);
    }

    /**
     * Terms of a site with the GPU catalogue's information, fleet controls and jobs (unknown fleet names are rejected by
     * the scenario validator).
     */
    public static SiteTerms of(
            Site site, GpuInputs gpus, List<FleetControl> fleetControls, List<GpuJob> jobs, double maxOfferFraction) {
        List<Optional<GpuModel>> models = new ArrayList<>();
        List<Load> ls = site.loads();
        int n = ls.size();
        double[] maxMw = new double[n];
        boolean[] firm = new boolean[n];
        double[] th = new double[n];
        double[] usd = new double[n];
        List<Optional<FleetControl>> controls = new ArrayList<>();
        double firmMw = 0;
        for (int l = 0; l < n; l++) {
            Load load = ls.get(l);
            maxMw[l] = load.facilityPowerMw();
            firm[l] = load.firm();
            if (firm[l]) {
                firmMw += maxMw[l];
            }
            Optional<FleetControl> control = Optional.empty();
            Optional<GpuModel> model = Optional.empty();
            switch (load) {
                case MinerFleet f -> {
                    th[l] = f.fleetHashrateThPerS() * (1 - f.poolFeeFraction());
                    for (FleetControl c : fleetControls) {
                        if (c.fleet().equals(f.name())) {
                            control = Optional.of(c);
                        }
                    }
                }
                case GpuCloud g -> {
                    GpuModel m = GpuModel.of(g, gpus);
                    if (!g.firm() && !m.isPlain()) {
                        model = Optional.of(m);
                    } else {
                        usd[l] = g.outputUsdPerHour();
                    }
                }
                case ColocationLease c -> usd[l] = 0;
            }
            controls.add(control);
            models.add(model);
        }
        return new SiteTerms(
                site,
                LoadInfo.of(site),
                maxMw,
                firm,
                th,
                usd,
                firmMw,
                site.grid().importCapMw(),
                site.grid().effectiveExportCapMw(),
                site.grid().totalAdderUsdPerMwh(),
                site.ppa(),
                controls,
                jobs,
                maxOfferFraction,
                models,
                PueProfile.NONE);
    }

    /** The same terms with each load's PUE per interval. */
    public SiteTerms withPue(PueProfile profile) {
        return new SiteTerms(
                site,
                loads,
                maxMw,
                firm,
                minerThPerSAfterFee,
                usdPerHour,
                firmMw,
                importCapMw,
                exportCapMw,
                adderUsdPerMwh,
                ppa,
                controls,
                jobs,
                maxOfferFraction,
                gpuModels,
                profile);
    }

    /** Facility power of load {@code l} fully running in interval {@code t} (its maxMw at a constant PUE). */
    public double mw(int t, int l) {
        return pue.active() ? maxMw[l] * pue.scale(t, l) : maxMw[l];
    }

    /** Power of the firm loads in interval {@code t} ({@link #firmMw()} at a constant PUE). */
    public double firmMw(int t) {
        if (!pue.active()) {
            return firmMw;
        }
        double s = 0;
        for (int l = 0; l < maxMw.length; l++) {
            if (firm[l]) {
                s += mw(t, l);
            }
        }
        return s;
    }

    /** Terms of a site alone: continuous fleets, no jobs, all curtailable load may be offered. */
    public static SiteTerms of(Site site) {
        return of(site, List.of(), List.of(), 1.0);
    }

    public int loadCount() {
        return maxMw.length;
    }

    /** First interval index of the grid a job may run in (inclusive). */
    public static int jobFirstInterval(GpuJob job, io.minerai.core.time.TimeGrid grid) {
        long s = Duration.between(grid.startUtc(), job.windowStartUtc()).toSeconds();
        long step = grid.stepSeconds();
        long i = s <= 0 ? 0 : (s + step - 1) / step;
        return (int) Math.min(i, grid.count());
    }

    /** Interval index after the last interval a job may run in (exclusive): intervals must end by the deadline. */
    public static int jobEndInterval(GpuJob job, io.minerai.core.time.TimeGrid grid) {
        long s = Duration.between(grid.startUtc(), job.deadlineUtc()).toSeconds();
        if (s <= 0) {
            return 0;
        }
        return (int) Math.min(s / grid.stepSeconds(), grid.count());
    }
}
