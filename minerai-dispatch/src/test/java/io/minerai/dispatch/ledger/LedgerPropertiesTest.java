package io.minerai.dispatch.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.minerai.core.inputs.MarketInputs;
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
import io.minerai.dispatch.program.DemandReductionService;
import io.minerai.dispatch.program.FlexibleComputeContract;
import io.minerai.dispatch.program.RtcbAncillary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The ledger's invariants on random sites, markets (USD, AUD, EUR at a drawn exchange rate) and programs (4CP, 12CP with
 * a minimum billing demand, ancillary capacity or RTC+B with real-time deviations, SB 6 demand reduction, PJM capacity): in every interval the stream columns add up to the interval's
 * net; every stream's summary total is the sum of its interval amounts; the summary's net is the sum of the stream
 * totals; the legacy flat fields are the stream totals with costs positive. Synthetic sites and prices (labelled, not
 * market data).
 */
class LedgerPropertiesTest {

    /** A random site and inputs, programs in force, and reserve offers / deferrable work added to its dispatch. */
    record Case(Site site, ScenarioInputs inputs, SettlementTerms terms, Dispatch dispatch) {}

    /** Which programs a case adds beside the 4CP/12CP charges, and in which currency its market settles. */
    record Market(
            String currency,
            double usdPerUnit,
            boolean rtcb,
            boolean controllable,
            int rtcbStartAt,
            boolean demandReduction,
            boolean pjmCapacity,
            int eventBits) {}

    @Provide
    Arbitrary<Market> markets() {
        return Combinators.combine(
                        Arbitraries.of("USD", "AUD", "EUR"),
                        Arbitraries.doubles().between(0.5, 1.5),
                        Arbitraries.of(true, false),
                        Arbitraries.of(true, false),
                        Arbitraries.integers().between(0, 12),
                        Arbitraries.of(true, false),
                        Arbitraries.of(true, false),
                        Arbitraries.integers().between(0, 4095))
                .as(Market::new);
    }

    @Provide
    Arbitrary<Case> cases() {
        return Combinators.combine(cases(markets()), markets()).as((c, m) -> c);
    }

    private Arbitrary<Case> cases(Arbitrary<Market> market) {
        return Combinators.combine(base(), market).as(LedgerPropertiesTest::inMarket);
    }

    /**
     * The case settled in the given market: its prices converted at a constant exchange rate, and RTC+B ancillary
     * settlement (with synthetic real-time prices, labelled), an SB 6-style demand-reduction service and a PJM-style
     * capacity charge (five peaks per tag) added as drawn.
     */
    static Case inMarket(Case c, Market m) {
        int n = c.inputs().grid().count();
        List<io.minerai.dispatch.ledger.Settler> programs =
                new ArrayList<>(c.terms().programs());
        ScenarioInputs in = c.inputs();
        MarketInputs market = new MarketInputs(
                java.util.Currency.getInstance(m.currency()),
                TimeSeries.constant(
                        "fx", "USD/" + m.currency(), in.grid(), m.currency().equals("USD") ? 1 : m.usdPerUnit()),
                "synthetic",
                Optional.empty(),
                Map.of());
        if (m.rtcb() && !c.dispatch().reserves().products().isEmpty()) {
            Map<String, TimeSeries> rt = new HashMap<>();
            for (String p : c.dispatch().reserves().products()) {
                double[] v = new double[n];
                for (int t = 0; t < n; t++) {
                    v[t] = ((m.eventBits() >> (t % 12)) & 1) == 1 ? 40 + t : -5 + t; // synthetic RT MCPC, labelled
                }
                rt.put(p, TimeSeries.of(p, "USD/MW-h", in.grid(), v));
            }
            market = market.withRealTimeAncillaryPrices(rt);
            Instant start = in.grid().start(Math.min(m.rtcbStartAt(), n - 1));
            programs.add(new RtcbAncillary(c.dispatch().reserves().products(), m.controllable(), 1.0, start));
        }
        if (m.demandReduction()) {
            boolean[] inForce = new boolean[n];
            boolean[] event = new boolean[n];
            for (int t = 0; t < n; t++) {
                inForce[t] = t >= m.rtcbStartAt() % Math.max(1, n);
                event[t] = ((m.eventBits() >> (t % 12)) & 1) == 1;
            }
            programs.add(new DemandReductionService(5, 1, 8, 1000, inForce, event));
        }
        if (m.pjmCapacity()) {
            boolean[] peaks = new boolean[n];
            for (int t = 0; t < n; t++) {
                peaks[t] = ((m.eventBits() >> ((t + 3) % 12)) & 1) == 1;
            }
            programs.add(new CoincidentPeakCharge(
                    "pjm-capacity-dy2026",
                    Stream.of(
                            "capacity_obligation_dy2026",
                            "Capacity DY 2026",
                            Direction.COST,
                            "pjm-capacity-dy2026",
                            "test"),
                    "plcMw",
                    5,
                    329.17 * 365,
                    0,
                    peaks));
        }
        if (((m.eventBits() >> 11) & 1) == 1) {
            // a flexible-compute contract (Google / I&M style) with its own events; test figures
            boolean[] event = new boolean[n];
            for (int t = 0; t < n; t++) {
                event[t] = ((m.eventBits() >> ((t + 5) % 12)) & 1) == 1;
            }
            programs.add(new FlexibleComputeContract(3, 1, 4.1, 0.5, event));
        }
        io.minerai.core.site.Site site = c.site();
        if (((m.eventBits() >> 10) & 1) == 1 && !site.gpuClouds().isEmpty()) {
            // part of every GPU cloud under contract, with service credits (per MWh or per GPU-hour as drawn)
            List<io.minerai.core.site.GpuCloud> clouds = new ArrayList<>();
            for (io.minerai.core.site.GpuCloud g : site.gpuClouds()) {
                io.minerai.core.ai.GpuContract.ServiceCredit credit = m.controllable()
                        ? new io.minerai.core.ai.GpuContract.ServiceCredit.PerGpuHour(1.5)
                        : new io.minerai.core.ai.GpuContract.ServiceCredit.PerMwh(120);
                clouds.add(g.firm() ? g : g.withContract(new io.minerai.core.ai.GpuContract(0.5, 2, credit, 0)));
            }
            site = new io.minerai.core.site.Site(
                    site.name(),
                    site.grid(),
                    site.minerFleets(),
                    clouds,
                    site.colocationLeases(),
                    site.generators(),
                    site.ppa(),
                    site.opex());
        }
        return new Case(site, in.withMarket(market), SettlementTerms.of(programs), c.dispatch());
    }

    private Arbitrary<Case> base() {
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
            double fx = c.inputs().market().usdPerMarketUnit().value(0);
            assertThat(st.totalMarketCurrency())
                    .as(st.id())
                    .isCloseTo(sum / fx, within(1e-9 * (1 + Math.abs(sum / fx))));
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
        if (c.site().gpuClouds().stream().anyMatch(g -> g.contract().present())) {
            assertThat(l.stream("ai_contract_service_credit")).isPresent();
        }
        // every program in the terms has its streams in the ledger
        for (io.minerai.dispatch.ledger.Settler p : c.terms().programs()) {
            if (p instanceof DemandReductionService) {
                assertThat(l.stream(DemandReductionService.AVAILABILITY.id())).isPresent();
                assertThat(l.stream(DemandReductionService.PENALTY.id())).isPresent();
            }
            if (p instanceof FlexibleComputeContract) {
                assertThat(l.stream(FlexibleComputeContract.AVAILABILITY.id())).isPresent();
                assertThat(l.stream(FlexibleComputeContract.CLAWBACK.id())).isPresent();
            }
            if (p instanceof RtcbAncillary) {
                assertThat(l.stream(RtcbAncillary.DEVIATION.id())).isPresent();
            }
            if (p instanceof CoincidentPeakCharge cp) {
                assertThat(l.stream(cp.stream().id())).as(cp.program()).isPresent();
            }
        }
    }
}
