package io.minerai.optimize;

import static org.assertj.core.api.Assertions.assertThat;

import io.minerai.core.inputs.ScenarioInputs;
import io.minerai.core.scenario.AncillaryProgram;
import io.minerai.core.scenario.CoincidentPeakProgram;
import io.minerai.core.scenario.MarketPrograms;
import io.minerai.core.site.ColocationLease;
import io.minerai.core.site.Generator;
import io.minerai.core.site.GpuCloud;
import io.minerai.core.site.GridConnection;
import io.minerai.core.site.MinerFleet;
import io.minerai.core.site.Ppa;
import io.minerai.core.site.Site;
import io.minerai.core.site.SiteOpex;
import io.minerai.core.site.TariffAdder;
import io.minerai.dispatch.Dispatch;
import io.minerai.dispatch.DispatchResult;
import io.minerai.dispatch.MeritOrderPolicy;
import io.minerai.dispatch.Settlement;
import io.minerai.solver.OrToolsSolver;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * On random small sites with synthetic prices (negative prices and spikes included): the LP optimum, settled like every
 * policy, never earns less than the merit-order policy (which is feasible for the LP), and every constraint holds in
 * every interval of the optimal dispatch.
 */
class OptimalNeverWorseProperties {
    private static final Optimizer LP = new Optimizer(new OrToolsSolver(OrToolsSolver.Backend.HIGHS_LP));
    private static final double TOL = 1e-6;

    @Property(tries = 60)
    void optimalIsNeverWorseThanMeritOrderAndFeasibleEverywhere(@ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int n = 4 + r.nextInt(45);
        Site site = randomSite(r);
        Fixtures.Inputs in = new Fixtures.Inputs(Fixtures.hourly(n), prices(r, n));
        double[] value = new double[n];
        for (int t = 0; t < n; t++) {
            value[t] = r.nextDouble(10, 120);
        }
        in.minerValue(value);
        for (int g = 0; g < site.generators().size(); g++) {
            double[] cf = new double[n];
            for (int t = 0; t < n; t++) {
                cf[t] = r.nextDouble() < 0.3 ? 0 : r.nextDouble();
            }
            in.capacityFactor(cf);
        }
        double[] rrs = new double[n];
        for (int t = 0; t < n; t++) {
            rrs[t] = r.nextDouble() < 0.8 ? r.nextDouble(0, 40) : Double.NaN;
        }
        in.ancillary("RRS", rrs);
        ScenarioInputs inputs = in.build();
        boolean withReserves = r.nextBoolean();
        boolean with4cp = r.nextBoolean();
        List<Instant> peaks = new ArrayList<>();
        for (int k = 0; k < 4 && with4cp; k++) {
            peaks.add(Fixtures.T0.plusSeconds(3600L * r.nextInt(n)));
        }
        OptimizationProblem p = new OptimizationProblem(
                site,
                inputs,
                new MarketPrograms(
                        with4cp
                                ? Optional.of(new CoincidentPeakProgram(
                                        r.nextDouble(10, 150),
                                        new CoincidentPeakProgram.PeakSource.ErcotFuelMix(0),
                                        new CoincidentPeakProgram.PeakRule.Hindsight()))
                                : Optional.empty(),
                        withReserves
                                ? Optional.of(new AncillaryProgram(true, false, false, r.nextDouble(0.2, 1)))
                                : Optional.empty()),
                io.minerai.core.scenario.OptimizeSettings.DEFAULT,
                PeakSignals.ofPeaks(inputs.grid(), peaks));

        OptimizeResult opt = LP.perfectForesight(p);
        DispatchResult merit =
                Settlement.settle(site, inputs, new MeritOrderPolicy().decide(site, inputs), p.settlementTerms());
        double scale = 1 + Math.abs(merit.summary().netUsd());
        assertThat(opt.netUsd()).isGreaterThanOrEqualTo(merit.summary().netUsd() - TOL * scale);
        assertThat(opt.report().objectiveUsd())
                .isCloseTo(opt.netUsd(), org.assertj.core.api.Assertions.within(1e-5 * scale));
        everyConstraintHolds(
                site, opt.result().ledger().dispatch(), p.siteTerms().maxOfferFraction());
    }

    static void everyConstraintHolds(Site site, Dispatch d, double maxOfferFraction) {
        double cap = site.grid().importCapMw();
        double exportCap = site.grid().effectiveExportCapMw();
        for (int t = 0; t < d.grid().count(); t++) {
            if (!d.dispatched()[t]) {
                assertThat(d.totalLoadMw(t) + d.importMw()[t])
                        .as("skipped interval " + t)
                        .isEqualTo(0);
                continue;
            }
            double imp = d.importMw()[t];
            double exp = d.exportMw()[t];
            double spill = d.spillMw()[t];
            double gen = d.generationMw()[t];
            String at = "interval " + t;
            assertThat(imp).as(at).isBetween(-TOL, cap + TOL);
            assertThat(exp).as(at).isBetween(-TOL, exportCap + TOL);
            assertThat(spill).as(at).isBetween(-TOL, gen + TOL);
            assertThat(d.totalLoadMw(t) + exp + spill)
                    .as("balance " + at)
                    .isCloseTo(imp + gen, org.assertj.core.api.Assertions.within(1e-5));
            double curtailableRunning = 0;
            for (int l = 0; l < d.loads().size(); l++) {
                double x = d.fraction(t, l);
                assertThat(x).as(at).isBetween(-TOL, 1 + TOL);
                if (d.loads().get(l).firm()) {
                    assertThat(x).as("firm " + at).isEqualTo(1);
                } else {
                    curtailableRunning += d.loadMw(t, l);
                }
            }
            assertThat(d.reserves().products().isEmpty() ? 0 : d.reserves().totalMw(t))
                    .as("reserves " + at)
                    .isLessThanOrEqualTo(maxOfferFraction * curtailableRunning + 1e-5);
        }
    }

    static double[] prices(SplittableRandom r, int n) {
        double[] p = new double[n];
        for (int t = 0; t < n; t++) {
            double u = r.nextDouble();
            p[t] = u < 0.1 ? r.nextDouble(-30, 0) : u < 0.9 ? r.nextDouble(5, 90) : r.nextDouble(200, 3000);
        }
        return p;
    }

    static Site randomSite(SplittableRandom r) {
        List<MinerFleet> fleets = new ArrayList<>();
        int nf = 1 + r.nextInt(3);
        for (int i = 0; i < nf; i++) {
            fleets.add(new MinerFleet(
                    "f" + i,
                    "m",
                    100 + r.nextInt(3000),
                    r.nextDouble(50, 300),
                    r.nextDouble(2000, 5000),
                    r.nextDouble(1, 1.3),
                    r.nextDouble(0, 0.03),
                    0,
                    3));
        }
        List<GpuCloud> gpus = new ArrayList<>();
        if (r.nextBoolean()) {
            gpus.add(new GpuCloud(
                    "g",
                    "H100",
                    100 + r.nextInt(2000),
                    1.275,
                    1.3,
                    r.nextDouble(0.5, 3),
                    r.nextDouble(0.3, 1),
                    r.nextBoolean()));
        }
        List<ColocationLease> leases = new ArrayList<>();
        if (r.nextBoolean()) {
            leases.add(new ColocationLease("c", "t", r.nextDouble(0.5, 3), r.nextDouble(50, 150), 1.3, 1, false));
        }
        List<Generator> gens = new ArrayList<>();
        if (r.nextBoolean()) {
            gens.add(Fixtures.solar(r.nextDouble(1, 10)));
        }
        double firm = 0;
        for (GpuCloud g : gpus) {
            firm += g.firm() ? g.facilityPowerMw() : 0;
        }
        for (ColocationLease c : leases) {
            firm += c.facilityPowerMw();
        }
        double exportCap = r.nextBoolean() ? r.nextDouble(0, 5) : 0;
        GridConnection grid = new GridConnection(
                "HB_WEST",
                firm + r.nextDouble(0.5, 15),
                exportCap > 0,
                exportCap,
                r.nextBoolean() ? List.of(new TariffAdder("tdsp", r.nextDouble(0, 8))) : List.of());
        Optional<Ppa> ppa =
                r.nextBoolean() ? Optional.of(new Ppa(r.nextDouble(0.5, 10), r.nextDouble(20, 50))) : Optional.empty();
        return new Site("random", grid, fleets, gpus, leases, gens, ppa, SiteOpex.NONE);
    }
}
