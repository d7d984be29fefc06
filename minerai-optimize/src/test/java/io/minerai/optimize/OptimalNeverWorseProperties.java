package io.minerai.optimize;

import static org.assertj.core.api.Assertions.assertThat;

import io.minerai.core.inputs.ScenarioInputs;
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
import io.minerai.dispatch.SettlementTerms;
import io.minerai.dispatch.ledger.Direction;
import io.minerai.dispatch.ledger.Settler;
import io.minerai.dispatch.ledger.Stream;
import io.minerai.dispatch.program.CoincidentPeakCharge;
import io.minerai.dispatch.program.CoincidentPeaks;
import io.minerai.solver.OrToolsSolver;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * On random small sites with synthetic prices (negative prices and spikes included) and random market programs (a 4CP
 * charge, a coincident-peak charge with a minimum billing demand, up to four reserve products with random shares, MW
 * caps and excluded loads): the LP optimum, settled like every policy under the same terms, never earns less than the
 * merit-order policy (which is feasible for the LP), its objective is its settled net, and every constraint holds in
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
        List<String> products = List.of("RRS", "ECRS", "NSPIN", "REGUP");
        List<MarketResponse.ReserveLimit> limits = new ArrayList<>();
        for (String product : products) {
            double[] price = new double[n];
            for (int t = 0; t < n; t++) {
                price[t] = r.nextDouble() < 0.8 ? r.nextDouble(0, 40) : Double.NaN;
            }
            in.ancillary(product, price);
            if (r.nextBoolean()) {
                List<String> excluded = new ArrayList<>();
                for (MinerFleet f : site.minerFleets()) {
                    if (r.nextDouble() < 0.3) {
                        excluded.add(f.name());
                    }
                }
                limits.add(new MarketResponse.ReserveLimit(
                        product,
                        r.nextBoolean() ? 1.0 : r.nextDouble(0, 1),
                        r.nextBoolean() ? Double.POSITIVE_INFINITY : r.nextDouble(0, 3),
                        excluded));
            }
        }
        ScenarioInputs inputs = in.build();
        List<Settler> programs = new ArrayList<>();
        if (r.nextBoolean()) {
            List<Instant> peaks = new ArrayList<>();
            for (int k = 0; k < 4; k++) {
                peaks.add(Fixtures.T0.plusSeconds(3600L * r.nextInt(n)));
            }
            programs.add(CoincidentPeakCharge.ercot4cp(
                    r.nextDouble(10, 150),
                    CoincidentPeaks.ofPeaks(inputs.grid(), peaks, java.time.Duration.ofMinutes(15))
                            .peakInterval()));
        }
        if (r.nextBoolean()) {
            // a 12CP-like or five-peak charge with a minimum billing demand
            boolean[] mask = new boolean[n];
            int count = 1 + r.nextInt(5);
            for (int k = 0; k < count; k++) {
                mask[r.nextInt(n)] = true;
            }
            programs.add(new CoincidentPeakCharge(
                    "test-cp",
                    CHARGE,
                    "tagMw",
                    count,
                    r.nextDouble(1_000, 80_000),
                    r.nextBoolean() ? 0 : r.nextDouble(0, 10),
                    mask));
        }
        double fraction = r.nextDouble(0.2, 1);
        MarketResponse response = MarketResponse.NONE.withReserves(
                r.nextBoolean()
                        ? new MarketResponse.ReserveOffering(fraction, limits)
                        : MarketResponse.ReserveOffering.NONE);
        OptimizationProblem p = new OptimizationProblem(
                site,
                inputs,
                SettlementTerms.of(programs),
                response,
                io.minerai.core.scenario.OptimizeSettings.DEFAULT);

        OptimizeResult opt = LP.perfectForesight(p);
        DispatchResult merit =
                Settlement.settle(site, inputs, new MeritOrderPolicy().decide(site, inputs), p.settlementTerms());
        double scale = 1 + Math.abs(merit.summary().netUsd());
        assertThat(opt.netUsd()).isGreaterThanOrEqualTo(merit.summary().netUsd() - TOL * scale);
        assertThat(opt.report().objectiveUsd())
                .isCloseTo(opt.netUsd(), org.assertj.core.api.Assertions.within(1e-5 * scale));
        everyConstraintHolds(
                site, opt.result().ledger().dispatch(), p.siteTerms().maxOfferFraction());
        everyReserveLimitHolds(site, opt.result().ledger().dispatch(), response.reserves());
    }

    static final Stream CHARGE =
            Stream.of("transmission_test", "Test peak charge", Direction.COST, "test-cp", "synthetic test charge");

    /** Per product: at most its share of the offerable capacity and its MW cap; excluded loads provide nothing. */
    static void everyReserveLimitHolds(Site site, Dispatch d, MarketResponse.ReserveOffering offering) {
        List<String> products = d.reserves().products();
        for (int t = 0; t < d.grid().count(); t++) {
            double offerable = 0;
            for (int l = 0; l < d.loads().size(); l++) {
                if (!d.loads().get(l).firm()) {
                    offerable += offering.maxOfferFraction() * d.loadMw(t, l);
                }
            }
            for (MarketResponse.ReserveLimit limit : offering.products()) {
                int k = products.indexOf(limit.product());
                double mw = d.reserves().offerMw(t, k);
                String at = limit.product() + " interval " + t;
                assertThat(mw).as(at).isLessThanOrEqualTo(limit.maxShare() * offerable + 1e-5);
                assertThat(mw).as(at).isLessThanOrEqualTo(limit.maxMw() + 1e-6);
                double eligible = 0;
                for (int l = 0; l < d.loads().size(); l++) {
                    if (!d.loads().get(l).firm()
                            && !limit.excludedLoads().contains(d.loads().get(l).name())) {
                        eligible += offering.maxOfferFraction() * d.loadMw(t, l);
                    }
                }
                assertThat(mw).as("eligible " + at).isLessThanOrEqualTo(eligible + 1e-5);
            }
        }
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
