package io.minerai.dispatch;

import static io.minerai.dispatch.Fixtures.grid;
import static io.minerai.dispatch.Fixtures.hourly;
import static io.minerai.dispatch.Fixtures.inputs;
import static io.minerai.dispatch.Fixtures.site;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.minerai.core.ai.Cooling;
import io.minerai.core.ai.GpuContract;
import io.minerai.core.ai.GpuGeneration;
import io.minerai.core.ai.GpuWorkload;
import io.minerai.core.ai.PowerCapping;
import io.minerai.core.inputs.GpuInputs;
import io.minerai.core.inputs.ScenarioInputs;
import io.minerai.core.site.GpuCloud;
import io.minerai.core.site.Site;
import io.minerai.data.specs.GpuCatalogueReader;
import io.minerai.dispatch.program.DemandReductionService;
import io.minerai.dispatch.program.FlexibleComputeContract;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Hand-computed cases of the flexible-compute contract (issue 15, item 3) and of contracted GPU capacity in the merit
 * order (issue 16, item 5), on synthetic sites and prices. The cloud: 1,000 H100 SXM at 1 kW IT, PUE 1 (1 MW), $2 per
 * GPU-hour, fully used ($2,000 an hour, $2,000 per MWh), capped from 60 % along the catalogue's curve (throughput 0.76
 * at 70 %). The contract figures are test values, not a real contract's.
 */
class FlexibleComputeTest {
    private static final GpuGeneration H100 =
            GpuCatalogueReader.bundled().find("H100 SXM").orElseThrow();
    /** $3,000 per MW-month = $3,000 x 12 / 8,760 per MW-h. */
    private static final double RATE = 3000 * 12 / 8760.0;

    private static GpuCloud cloud(PowerCapping capping) {
        return new GpuCloud("gpu", "H100 SXM", 1000, 1.0, 1.0, 2.0, 1.0, false)
                .with(Cooling.LIQUID, capping, GpuWorkload.RENTAL);
    }

    private static ScenarioInputs withCatalogue(Site s, ScenarioInputs in) {
        return in.withGpus(new GpuInputs(
                Map.of("gpu", GpuInputs.Profile.of(s.gpuClouds().get(0), Optional.of(H100))),
                GpuInputs.NONE.precision()));
    }

    private static Site siteWith(GpuCloud g) {
        return site(grid(10, false, 0, 0), List.of(), List.of(g), List.of(), List.of(), Optional.empty());
    }

    private static ScenarioInputs flat(Site s, double... prices) {
        return withCatalogue(s, inputs(hourly(prices.length), prices, 0, 0, new double[0][]));
    }

    /** 0.3 MW committed at $3,000/MW-month, firm level 0.7 MW, half the annual payment clawed back per missed event. */
    private static FlexibleComputeContract program(boolean... event) {
        return new FlexibleComputeContract(0.3, 0.7, RATE, 0.5, event);
    }

    @Test
    void anEventMetByCappingTheGpusTo70PercentIsPaidWithoutClawBack() {
        Site s = siteWith(cloud(new PowerCapping(0.6, Optional.empty())));
        ScenarioInputs in = flat(s, 30, 30, 30);
        SettlementTerms terms = SettlementTerms.of(List.of(program(false, true, false)));
        Dispatch d = MeritOrderPolicy.under(terms).decide(s, in);
        assertThat(d.fraction(0, 0)).isEqualTo(1.0);
        assertThat(d.fraction(1, 0)).isCloseTo(0.7, within(1e-12));
        assertThat(d.importMw()[1]).isCloseTo(0.7, within(1e-12));
        DispatchResult r = Settlement.settle(s, in, d, terms);
        // availability: 0.3 MW x $4.1096/MW-h x 3 h = $3.70; no claw-back; the GPUs earn 0.76 of $2,000 in the event
        assertThat(r.summary().streamTotalUsd("flexible_compute_availability")).isCloseTo(0.3 * RATE * 3, within(1e-9));
        assertThat(r.summary().streamTotalUsd("flexible_compute_availability")).isCloseTo(3.6986, within(1e-4));
        assertThat(r.summary().streamTotalUsd("flexible_compute_clawback")).isEqualTo(0.0);
        assertThat(r.summary().streamTotalUsd("ai_cloud")).isCloseTo(2000 + 1520 + 2000, within(1e-9));
        assertThat(r.summary().programFact("flexible-compute", "eventsCalled")).isEqualTo(1.0);
        assertThat(r.summary().programFact("flexible-compute", "eventsMissed")).isEqualTo(0.0);
        // the optimiser sees the same import limit (MarketTerms adds it to every policy): checked in minerai-optimize
    }

    @Test
    void anEventMissedBecauseContractedCapacityMustRunPaysTheClawBackComputedByHand() {
        // 90 % of the cloud is sold under a contract without curtailment allowance: it runs through the event at
        // 0.9 MW, 0.2 MW above the 0.7 MW firm level for the whole 1-hour event. Claw-back = 0.5 x min(1, 0.2 / 0.3)
        // x annual payment (0.3 MW x $3,000 x 12 = $10,800) = 0.5 x 2/3 x 10,800 = $3,600.
        GpuContract contract = new GpuContract(0.9, 0, new GpuContract.ServiceCredit.PerMwh(100), 0.999);
        Site s = siteWith(cloud(new PowerCapping(0.6, Optional.empty())).withContract(contract));
        ScenarioInputs in = flat(s, 30, 30, 30);
        SettlementTerms terms = SettlementTerms.of(List.of(program(false, true, false)));
        Dispatch d = MeritOrderPolicy.under(terms).decide(s, in);
        assertThat(d.fraction(1, 0)).isCloseTo(0.9, within(1e-12));
        DispatchResult r = Settlement.settle(s, in, d, terms);
        assertThat(r.summary().streamTotalUsd("flexible_compute_clawback")).isCloseTo(-3600, within(1e-6));
        assertThat(r.summary().streamTotalUsd("ai_contract_service_credit")).isEqualTo(0.0);
        assertThat(r.summary().programFact("flexible-compute", "eventsMissed")).isEqualTo(1.0);
        // the claw-back of a year is at most the year's payment: a 1 MW shortfall in 3 events claws back 1.0 of it
        double[] imp = {1.0, 1.0, 1.0};
        FlexibleComputeContract heavy =
                new FlexibleComputeContract(0.3, 0.7, RATE, 0.5, new boolean[] {true, false, true});
        double clawed = Settlement.settle(s, in, withImport(s, d, imp), SettlementTerms.of(List.of(heavy)))
                .summary()
                .streamTotalUsd("flexible_compute_clawback");
        assertThat(clawed).isCloseTo(-10_800, within(1e-6)); // 0.5 x 1 x 10,800 twice
    }

    private static Dispatch withImport(Site s, Dispatch d, double[] imp) {
        int n = imp.length;
        double[] f = new double[n];
        for (int t = 0; t < n; t++) {
            f[t] = imp[t] / s.gpuClouds().get(0).facilityPowerMw();
        }
        boolean[] all = {true, true, true};
        return new Dispatch("by hand", d.grid(), d.loads(), all, f, new double[n], imp, new double[n], new double[n]);
    }

    @Test
    void aPriceSpikeAboveTheCloudsValueDoesNotCurtailTheContractedPart() {
        // $5,000 per MWh in hour 1, above the cloud's $2,000: the spot 40 % stops, the contracted 60 % runs
        GpuContract contract = new GpuContract(0.6, 10, new GpuContract.ServiceCredit.PerMwh(100), 0);
        Site s = siteWith(cloud(PowerCapping.NONE).withContract(contract));
        ScenarioInputs in = flat(s, 30, 5000, 30);
        Dispatch d = new MeritOrderPolicy().decide(s, in);
        assertThat(d.fraction(0, 0)).isEqualTo(1.0);
        assertThat(d.fraction(1, 0)).isCloseTo(0.6, within(1e-12));
        assertThat(d.fraction(2, 0)).isEqualTo(1.0);
        DispatchResult r = Settlement.settle(s, in, d, SettlementTerms.NONE);
        assertThat(r.summary().streamTotalUsd("ai_contract_service_credit")).isEqualTo(0.0);
        // without the contract the whole cloud stops
        Dispatch spot = new MeritOrderPolicy().decide(siteWith(cloud(PowerCapping.NONE)), in);
        assertThat(spot.fraction(1, 0)).isEqualTo(0.0);
    }

    @Test
    void anEventWithinTheAllowanceCurtailsTheContractedPartThenTheExhaustedAllowanceKeepsItRunning() {
        // contract: 90 %, 1 hour of curtailment a year, $100 per MWh short. SB 6-style events in hours 1 and 3, firm
        // service level 0.7 MW, $5,000 per MWh above it. Event 1 (within the allowance): capped to 70 %, credit =
        // (0.9 - 0.7) x 1 MW x 1 h x $100 = $20. Event 2 (allowance used up): the contracted 90 % runs; 0.2 MWh above
        // the firm level costs 0.2 x $5,000 = $1,000.
        GpuContract contract = new GpuContract(0.9, 1, new GpuContract.ServiceCredit.PerMwh(100), 0);
        Site s = siteWith(cloud(new PowerCapping(0.6, Optional.empty())).withContract(contract));
        ScenarioInputs in = flat(s, 30, 30, 30, 30);
        DemandReductionService sb6 = new DemandReductionService(
                0.3, 0.7, 0, 5000, new boolean[] {true, true, true, true}, new boolean[] {false, true, false, true});
        SettlementTerms terms = SettlementTerms.of(List.of(sb6));
        Dispatch d = MeritOrderPolicy.under(terms).decide(s, in);
        assertThat(d.fraction(0, 0)).isEqualTo(1.0);
        assertThat(d.fraction(1, 0)).isCloseTo(0.7, within(1e-12));
        assertThat(d.fraction(2, 0)).isEqualTo(1.0);
        assertThat(d.fraction(3, 0)).isCloseTo(0.9, within(1e-12));
        DispatchResult r = Settlement.settle(s, in, d, terms);
        assertThat(r.summary().streamTotalUsd("ai_contract_service_credit")).isCloseTo(-20, within(1e-9));
        assertThat(r.summary().streamTotalUsd("demand_reduction_penalty")).isCloseTo(-1000, within(1e-9));
        assertThat(r.summary().programFact("gpu-contract-gpu", "contractedShortHours"))
                .isCloseTo(0.2 / 0.9, within(1e-12));
        // the allowance mask itself: the first event hour only
        assertThat(ContractAllowance.curtailable(
                        new double[] {Double.POSITIVE_INFINITY, 0.7, Double.POSITIVE_INFINITY, 0.7},
                        hourly(4),
                        new boolean[] {true, true, true, true},
                        contract))
                .containsExactly(false, true, false, false);
    }

    @Test
    void perGpuHourCreditsCountContractedGpuHoursShort() {
        // $1.50 per GPU-hour short: 1,000 GPUs x (0.9 - 0.7) x 1 h x $1.50 = $300
        GpuContract contract = new GpuContract(0.9, 8760, new GpuContract.ServiceCredit.PerGpuHour(1.5), 0);
        assertThat(contract.creditUsdPerShortfallHour(1.0, 1000) * 0.2).isCloseTo(300, within(1e-9));
        Site s = siteWith(cloud(new PowerCapping(0.6, Optional.empty())).withContract(contract));
        ScenarioInputs in = flat(s, 30, 30);
        DemandReductionService sb6 =
                new DemandReductionService(0.3, 0.7, 0, 5000, new boolean[] {true, true}, new boolean[] {false, true});
        SettlementTerms terms = SettlementTerms.of(List.of(sb6));
        DispatchResult r =
                Settlement.settle(s, in, MeritOrderPolicy.under(terms).decide(s, in), terms);
        assertThat(r.summary().streamTotalUsd("ai_contract_service_credit")).isCloseTo(-300, within(1e-9));
    }

    @Test
    void aBatchJobNamingItsGpuModelCountsFlopsAtTheCataloguesThroughput() {
        // a 1 MW batch job on H100s at 1.53 facility kW per GPU (1.275 kW IT x PUE 1.2) runs 2 hours: 2 MWh / 1.53 kW =
        // 1,307.19 GPU-hours, x 989.4 dense BF16 TFLOPS / 1e6 = 1.2933 EFLOP-h; FP8 doubles it (1,978.9 TFLOPS)
        Site s = site(grid(10, false, 0, 0), List.of(), List.of(), List.of(), List.of(), Optional.empty());
        ScenarioInputs in = inputs(hourly(2), new double[] {30, 30}, 0, 0, new double[0][]);
        boolean[] all = {true, true};
        Dispatch d = new Dispatch(
                "by hand",
                hourly(2),
                LoadInfo.of(s),
                all,
                new double[0],
                new double[2],
                new double[] {1, 1},
                new double[2],
                new double[2],
                ReserveOffers.none(),
                new DeferrableWork(List.of(new DeferrableWork.Job("batch", 1, 500, 1.53)), new double[] {1, 1}));
        double gpuHours = 2000 / 1.53;
        for (io.minerai.core.ai.ComputePrecision p : io.minerai.core.ai.ComputePrecision.values()) {
            GpuInputs gpus = new GpuInputs(Map.of(), p, Map.of("batch", H100));
            DispatchResult r = Settlement.settle(s, in.withGpus(gpus), d);
            assertThat(r.summary().gpu().gpuHoursDelivered()).isCloseTo(gpuHours, within(1e-9));
            assertThat(r.summary().gpu().computeDeliveredExaflopHours())
                    .isCloseTo(gpuHours * H100.denseTflops(p) / 1e6, within(1e-12));
        }
        assertThat(gpuHours * 989.4 / 1e6).isCloseTo(1.2933, within(1e-4));
        // without a model it counts GPU-hours only
        DispatchResult none = Settlement.settle(s, in, d);
        assertThat(none.summary().gpu().computeDeliveredExaflopHours()).isEqualTo(0.0);
    }
}
