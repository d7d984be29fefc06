package io.minerai.dispatch.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.minerai.core.inputs.ScenarioInputs;
import io.minerai.core.site.Site;
import io.minerai.core.time.TimeSeries;
import io.minerai.dispatch.DeferrableWork;
import io.minerai.dispatch.Dispatch;
import io.minerai.dispatch.DispatchResult;
import io.minerai.dispatch.DispatchSummary;
import io.minerai.dispatch.LegacySummary;
import io.minerai.dispatch.MeritOrderPolicy;
import io.minerai.dispatch.MeritOrderPropertiesTest;
import io.minerai.dispatch.ReserveOffers;
import io.minerai.dispatch.Settlement;
import io.minerai.dispatch.SettlementTerms;
import io.minerai.dispatch.program.CoincidentPeakCharge;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The ledger's invariants on random sites and programs: in every interval the stream columns add up to the interval's
 * net; every stream's summary total is the sum of its interval amounts; the summary's net is the sum of the stream
 * totals; the legacy flat fields are the stream totals with costs positive. Synthetic sites and prices (labelled, not
 * market data).
 */
class LedgerPropertiesTest {

    /** A random site and inputs, programs in force, and reserve offers / deferrable work added to its dispatch. */
    record Case(Site site, ScenarioInputs inputs, SettlementTerms terms, Dispatch dispatch) {}

    @Provide
    Arbitrary<Case> cases() {
        return Combinators.combine(
                        MeritOrderPropertiesTest.casesForLedger(),
                        Arbitraries.integers().between(0, 4095),
                        Arbitraries.doubles().between(0, 200),
                        Arbitraries.doubles().between(0, 80),
                        Arbitraries.integers().between(0, 3),
                        Arbitraries.doubles().between(0, 1),
                        Arbitraries.doubles().between(-20, 300).list().ofSize(12))
                .as((c, peakBits, tariff, minBilling, products, offerShare, asPrices) -> {
                    int n = c.inputs().grid().count();
                    boolean[] peaks = new boolean[n];
                    for (int t = 0; t < n; t++) {
                        peaks[t] = ((peakBits >> t) & 1) == 1;
                    }
                    List<io.minerai.dispatch.ledger.Settler> programs = new ArrayList<>();
                    programs.add(CoincidentPeakCharge.ercot4cp(tariff, peaks));
                    programs.add(new CoincidentPeakCharge(
                            "what-if-12cp",
                            Stream.of("transmission_12cp", "12CP charge", Direction.COST, "what-if-12cp", "test"),
                            "tagMw",
                            12,
                            tariff * 1000,
                            minBilling,
                            peaks.clone()));
                    Dispatch d = new MeritOrderPolicy().decide(c.site(), c.inputs());
                    List<String> names = List.of("RRS", "ECRS", "NSPIN").subList(0, products);
                    double[] offers = new double[n * products];
                    Map<String, TimeSeries> asPriceSeries = new HashMap<>();
                    for (int k = 0; k < products; k++) {
                        double[] p = new double[n];
                        for (int t = 0; t < n; t++) {
                            p[t] = asPrices.get((t + k) % asPrices.size());
                            double curtailable = 0;
                            for (int l = 0; l < d.loads().size(); l++) {
                                if (!d.loads().get(l).firm()) {
                                    curtailable += d.loadMw(t, l);
                                }
                            }
                            offers[t * products + k] = curtailable * offerShare / Math.max(1, products);
                        }
                        asPriceSeries.put(names.get(k), TimeSeries.of(names.get(k), "USD/MW-h", d.grid(), p));
                    }
                    double[] jobMw = new double[n];
                    for (int t = 0; t < n; t++) {
                        jobMw[t] = d.dispatched()[t] ? offerShare : 0;
                    }
                    Dispatch withExtras = new Dispatch(
                            d.policyName(),
                            d.grid(),
                            d.loads(),
                            d.dispatched(),
                            d.runFraction(),
                            d.generationMw(),
                            d.importMw(),
                            d.exportMw(),
                            d.spillMw(),
                            new ReserveOffers(names, offers),
                            new DeferrableWork(List.of(new DeferrableWork.Job("job", 1, 400)), jobMw));
                    ScenarioInputs in = c.inputs();
                    ScenarioInputs withAs = new ScenarioInputs(
                            in.grid(),
                            in.priceUsdPerMwh(),
                            in.btcPerThDay(),
                            in.btcPriceUsd(),
                            in.generatorCapacityFactor(),
                            in.dayAheadPriceUsdPerMwh(),
                            asPriceSeries,
                            in.bitcoinDays());
                    return new Case(c.site(), withAs, SettlementTerms.of(programs), withExtras);
                });
    }

    @Property(tries = 300)
    void streamsAddUpToTheNetInEveryIntervalAndTheSummaryIsTheSumOfTheIntervals(@ForAll("cases") Case c) {
        DispatchResult r = Settlement.settle(c.site(), c.inputs(), c.dispatch(), c.terms());
        Ledger l = r.ledger();
        DispatchSummary s = r.summary();
        double sumOfNets = 0;
        for (int t = 0; t < l.size(); t++) {
            double sum = 0;
            for (Stream st : l.streams()) {
                double v = l.amounts(st)[t];
                assertThat(Double.isFinite(v)).as(st.id() + " at " + t).isTrue();
                sum += v;
            }
            assertThat(l.netUsd(t)).isCloseTo(sum, within(1e-9 * (1 + Math.abs(sum))));
            if (!l.dispatched(t)) {
                assertThat(l.netUsd(t)).isZero();
            }
            sumOfNets += l.netUsd(t);
        }
        assertThat(s.netUsd()).isCloseTo(sumOfNets, within(1e-9 * (1 + Math.abs(sumOfNets))));
        assertThat(s.streams()).hasSameSizeAs(l.streams());
        double streamTotals = 0;
        for (DispatchSummary.StreamTotal st : s.streams()) {
            double sum = 0;
            for (double v : l.amounts(st.stream())) {
                sum += v;
            }
            assertThat(st.totalUsd()).as(st.id()).isCloseTo(sum, within(1e-9 * (1 + Math.abs(sum))));
            assertThat(st.totalMarketCurrency()).as(st.id()).isCloseTo(sum, within(1e-9 * (1 + Math.abs(sum))));
            streamTotals += st.totalUsd();
            // costs never appear as revenue and vice versa in the legacy names
            st.stream()
                    .legacyName()
                    .ifPresent(name -> assertThat(LegacySummary.legacy(s, name))
                            .isCloseTo(st.stream().legacyValue(st.totalUsd()), within(1e-9)));
        }
        assertThat(s.netUsd()).isCloseTo(streamTotals, within(1e-9 * (1 + Math.abs(streamTotals))));
        assertThat(s.costs().netAfterOpexUsd()).isCloseTo(s.netUsd() - s.costs().siteOpexUsd(), within(1e-6));
        // the 4CP and 12CP charges, the reserve MW and the GPU job power are all in the ledger
        assertThat(l.stream("transmission_4cp")).isPresent();
        assertThat(l.stream("transmission_12cp")).isPresent();
        for (String product : c.dispatch().reserves().products()) {
            assertThat(l.measure("reserve_" + product.toLowerCase(java.util.Locale.ROOT) + "_mw"))
                    .isPresent();
        }
        assertThat(l.measure("gpu_job_job_mw")).isPresent();
        // a minimum billing demand never lowers the charge below the tag's
        double tag = s.programFact("what-if-12cp", "tagMw");
        double billed = s.programFact("what-if-12cp", "billedMw");
        assertThat(billed).isGreaterThanOrEqualTo(tag);
    }
}
