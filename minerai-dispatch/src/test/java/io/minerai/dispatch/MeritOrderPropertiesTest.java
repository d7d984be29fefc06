package io.minerai.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.minerai.core.inputs.ScenarioInputs;
import io.minerai.core.site.ColocationLease;
import io.minerai.core.site.GpuCloud;
import io.minerai.core.site.Load;
import io.minerai.core.site.MinerFleet;
import io.minerai.core.site.Ppa;
import io.minerai.core.site.Site;
import io.minerai.core.time.TimeGrid;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;

/**
 * Properties of the merit-order policy on random sites and prices (synthetic data). The reference is a deliberately
 * plain re-implementation of the semantics with objects and sorting, compared with the allocation-free kernel.
 */
public class MeritOrderPropertiesTest {

    public record Case(Site site, ScenarioInputs inputs) {}

    /** Random sites for the ledger properties: with export and a PPA. */
    public static Arbitrary<Case> casesForLedger() {
        return cases(true);
    }

    @Provide
    Arbitrary<Case> cases() {
        return cases(true);
    }

    @Provide
    Arbitrary<Case> casesWithoutExportOrPpa() {
        return cases(false);
    }

    static Arbitrary<Case> cases(boolean exportAndPpa) {
        Arbitrary<MinerFleet> fleet = Combinators.combine(
                        Arbitraries.integers().between(1, 5000),
                        Arbitraries.doubles().between(10, 400),
                        Arbitraries.doubles().between(1000, 6000),
                        Arbitraries.doubles().between(1.0, 1.6),
                        Arbitraries.doubles().between(0, 0.05))
                .as((n, th, w, pue, fee) -> new MinerFleet("f", "m", n, th, w, pue, fee, 0, 3));
        Arbitrary<GpuCloud> gpu = Combinators.combine(
                        Arbitraries.integers().between(8, 4000),
                        Arbitraries.doubles().between(0.5, 2),
                        Arbitraries.doubles().between(0.5, 6),
                        Arbitraries.doubles().between(0, 1),
                        Arbitraries.of(true, false))
                .as((n, kw, price, util, firm) -> new GpuCloud("g", "H100", n, kw, 1.2, price, util, firm));
        Arbitrary<ColocationLease> colo = Arbitraries.doubles()
                .between(0.1, 5)
                .map(mw -> new ColocationLease("c", "t", mw, 120, 1.3, 1.0, false));
        return Combinators.combine(
                        fleet.list().ofMinSize(0).ofMaxSize(6),
                        gpu.list().ofMinSize(0).ofMaxSize(2),
                        colo.list().ofMinSize(0).ofMaxSize(2),
                        Arbitraries.doubles().between(0, 30).list().ofMinSize(0).ofMaxSize(2),
                        Arbitraries.doubles().between(1, 80),
                        Arbitraries.doubles().between(-50, 3000).list().ofSize(12),
                        Arbitraries.doubles().between(0, 1).list().ofSize(12),
                        Arbitraries.doubles().between(0, 15))
                .as((fleets, gpus, leases, solar, cap, prices, cf, adder) -> {
                    List<MinerFleet> fs = rename(fleets, "f");
                    List<GpuCloud> gs = new ArrayList<>();
                    for (int i = 0; i < gpus.size(); i++) {
                        GpuCloud g = gpus.get(i);
                        gs.add(new GpuCloud(
                                "g" + i,
                                g.gpuModel(),
                                g.gpuCount(),
                                g.itKwPerGpu(),
                                g.pue(),
                                g.priceUsdPerGpuHour(),
                                g.utilizationFraction(),
                                g.firm()));
                    }
                    List<ColocationLease> cs = new ArrayList<>();
                    for (int i = 0; i < leases.size(); i++) {
                        ColocationLease c = leases.get(i);
                        cs.add(new ColocationLease("c" + i, "t", c.criticalItMw(), 120, 1.3, 1.0, i % 2 == 0));
                    }
                    double firm = gs.stream()
                                    .filter(GpuCloud::firm)
                                    .mapToDouble(Load::facilityPowerMw)
                                    .sum()
                            + cs.stream().mapToDouble(Load::facilityPowerMw).sum();
                    double importCap = Math.max(cap, firm + 0.5);
                    if (fs.isEmpty() && gs.isEmpty() && cs.isEmpty()) {
                        fs = List.of(new MinerFleet("f0", "m", 100, 100, 3000, 1.1, 0, 0, 3));
                    }
                    Site site = Fixtures.site(
                            Fixtures.grid(importCap, exportAndPpa, exportAndPpa ? 10 : 0, adder),
                            fs,
                            gs,
                            cs,
                            solar,
                            exportAndPpa ? Optional.of(new Ppa(5, 35)) : Optional.empty());
                    double[] p =
                            prices.stream().mapToDouble(Double::doubleValue).toArray();
                    double[][] cfs = new double[solar.size()][];
                    for (int k = 0; k < solar.size(); k++) {
                        cfs[k] = cf.stream().mapToDouble(Double::doubleValue).toArray();
                    }
                    TimeGrid g = Fixtures.hourly(12);
                    return new Case(site, Fixtures.inputs(g, p, 5e-7, 60_000, cfs));
                });
    }

    private static List<MinerFleet> rename(List<MinerFleet> fleets, String prefix) {
        List<MinerFleet> out = new ArrayList<>();
        for (int i = 0; i < fleets.size(); i++) {
            MinerFleet f = fleets.get(i);
            out.add(new MinerFleet(
                    prefix + i,
                    f.model(),
                    f.unitCount(),
                    f.unitHashrateThPerS(),
                    f.unitPowerW(),
                    f.pue(),
                    f.poolFeeFraction(),
                    0,
                    3));
        }
        return out;
    }

    @Property(tries = 300)
    void energyBalanceCapsAndFirmLoadsHoldInEveryInterval(@ForAll("cases") Case c) {
        Dispatch d = new MeritOrderPolicy().decide(c.site(), c.inputs());
        double cap = c.site().grid().importCapMw();
        double exportCap = c.site().grid().effectiveExportCapMw();
        for (int t = 0; t < d.grid().count(); t++) {
            double load = d.totalLoadMw(t);
            double supply = d.importMw()[t] + d.generationMw()[t];
            assertThat(load + d.exportMw()[t] + d.spillMw()[t]).isCloseTo(supply, within(1e-9 * (1 + supply)));
            assertThat(d.importMw()[t]).isBetween(-1e-9, cap + 1e-9);
            assertThat(d.exportMw()[t]).isBetween(0.0, exportCap + 1e-9);
            assertThat(d.spillMw()[t]).isGreaterThanOrEqualTo(-1e-9);
            for (int l = 0; l < d.loads().size(); l++) {
                assertThat(d.fraction(t, l)).isBetween(0.0, 1.0);
                if (d.loads().get(l).firm()) {
                    assertThat(d.fraction(t, l)).isEqualTo(1.0);
                }
            }
        }
    }

    @Property(tries = 300)
    void kernelMatchesThePlainReference(@ForAll("cases") Case c) {
        Dispatch d = new MeritOrderPolicy().decide(c.site(), c.inputs());
        for (int t = 0; t < d.grid().count(); t++) {
            double[] ref = Reference.fractions(c.site(), c.inputs(), t);
            for (int l = 0; l < ref.length; l++) {
                double[] got = new double[ref.length];
                for (int k = 0; k < ref.length; k++) {
                    got[k] = d.fraction(t, k);
                }
                assertThat(d.fraction(t, l))
                        .as(
                                "interval %d load %d price %s ref %s kernel %s",
                                t,
                                l,
                                c.inputs().priceUsdPerMwh().value(t),
                                java.util.Arrays.toString(ref),
                                java.util.Arrays.toString(got))
                        .isCloseTo(ref[l], within(1e-9));
            }
        }
    }

    @Property(tries = 300)
    void noCurtailableLoadRunsWhenItsValueIsBelowItsEnergyCost(@ForAll("cases") Case c) {
        Dispatch d = new MeritOrderPolicy().decide(c.site(), c.inputs());
        List<Load> loads = c.site().loads();
        double hp = c.inputs().hashpriceUsdPerThDay().value(0);
        for (int t = 0; t < d.grid().count(); t++) {
            double marginal = Reference.marginalCostOfCurtailables(c.site(), c.inputs(), t, d);
            for (int l = 0; l < loads.size(); l++) {
                if (!loads.get(l).firm() && d.fraction(t, l) > 0) {
                    assertThat(Reference.value(loads.get(l), hp)).isGreaterThan(marginal);
                }
            }
        }
    }

    @Property(tries = 200)
    void withoutExportOrPpaLoweringEveryPriceNeverLowersNet(
            @ForAll("casesWithoutExportOrPpa") Case c, @ForAll @DoubleRange(min = 0, max = 500) double cut) {
        double before = Backtest.meritOrder(c.site(), c.inputs()).summary().netUsd();
        double[] lower = new double[c.inputs().grid().count()];
        for (int t = 0; t < lower.length; t++) {
            lower[t] = c.inputs().priceUsdPerMwh().value(t) - cut * ((t % 3) / 2.0);
        }
        double[][] cfs = new double[c.inputs().generatorCapacityFactor().size()][];
        for (int k = 0; k < cfs.length; k++) {
            cfs[k] = c.inputs().generatorCapacityFactor().get(k).copyValues();
        }
        ScenarioInputs cheaper = Fixtures.inputs(c.inputs().grid(), lower, 5e-7, 60_000, cfs);
        double after = Backtest.meritOrder(c.site(), cheaper).summary().netUsd();
        assertThat(after).isGreaterThanOrEqualTo(before - 1e-6 * (1 + Math.abs(before)));
    }

    /** A plain, slow statement of the semantics. */
    static final class Reference {
        record Offer(double cost, double mw, boolean isImport) {}

        static double value(Load l, double hashpriceUsdPerThDay) {
            return switch (l) {
                case MinerFleet f -> f.valueUsdPerMwh(hashpriceUsdPerThDay);
                case GpuCloud g -> g.valueUsdPerMwh();
                case ColocationLease c -> Double.POSITIVE_INFINITY;
            };
        }

        static List<Offer> offers(Site site, ScenarioInputs in, int t) {
            double p = in.priceUsdPerMwh().value(t);
            double gen = 0;
            for (int k = 0; k < site.generators().size(); k++) {
                gen += site.generators().get(k).nameplateMw()
                        * in.generatorCapacityFactor().get(k).value(t);
            }
            double e = site.grid().effectiveExportCapMw();
            List<Offer> offers = new ArrayList<>(List.of(
                    new Offer(0, Math.max(gen - e, 0), false),
                    new Offer(Math.max(p, 0), Math.min(gen, e), false),
                    new Offer(p + site.grid().totalAdderUsdPerMwh(), site.grid().importCapMw(), true)));
            offers.sort(Comparator.comparingDouble(Offer::cost));
            return offers;
        }

        static double[] fractions(Site site, ScenarioInputs in, int t) {
            List<Load> loads = site.loads();
            double hp = in.hashpriceUsdPerThDay().value(t);
            double[] left = offers(site, in, t).stream().mapToDouble(Offer::mw).toArray();
            double[] cost =
                    offers(site, in, t).stream().mapToDouble(Offer::cost).toArray();
            double[] x = new double[loads.size()];
            double firm = 0;
            for (int l = 0; l < loads.size(); l++) {
                if (loads.get(l).firm()) {
                    firm += loads.get(l).facilityPowerMw();
                    x[l] = 1;
                }
            }
            for (int i = 0; i < 3 && firm > 0; i++) {
                double take = Math.min(firm, left[i]);
                left[i] -= take;
                firm -= take;
            }
            List<Integer> order = new ArrayList<>();
            for (int l = 0; l < loads.size(); l++) {
                if (!loads.get(l).firm()) {
                    order.add(l);
                }
            }
            order.sort(Comparator.comparingDouble((Integer l) -> -value(loads.get(l), hp)));
            for (int l : order) {
                double v = value(loads.get(l), hp);
                double want = loads.get(l).facilityPowerMw();
                double got = 0;
                for (int i = 0; i < 3 && got < want; i++) {
                    if (v > cost[i] && left[i] > 0) {
                        double take = Math.min(want - got, left[i]);
                        left[i] -= take;
                        got += take;
                    }
                }
                x[l] = got / want;
            }
            return x;
        }

        /** Cost of the most expensive supply tier that curtailable loads drew from in interval t. */
        static double marginalCostOfCurtailables(Site site, ScenarioInputs in, int t, Dispatch d) {
            List<Offer> offers = offers(site, in, t);
            double firm = 0;
            double curt = 0;
            for (int l = 0; l < d.loads().size(); l++) {
                if (d.loads().get(l).firm()) {
                    firm += d.loadMw(t, l);
                } else {
                    curt += d.loadMw(t, l);
                }
            }
            double marginal = Double.NEGATIVE_INFINITY;
            double used = 0;
            for (Offer o : offers) {
                double from = used;
                used += o.mw();
                if (curt > 1e-12 && used > firm + 1e-12 && from < firm + curt - 1e-12) {
                    marginal = o.cost();
                }
            }
            return marginal;
        }
    }
}
