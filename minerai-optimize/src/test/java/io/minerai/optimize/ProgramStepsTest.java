package io.minerai.optimize;

import static io.minerai.optimize.Fixtures.fleet;
import static io.minerai.optimize.Fixtures.grid;
import static io.minerai.optimize.Fixtures.inputs;
import static io.minerai.optimize.Fixtures.site;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.minerai.core.inputs.ScenarioInputs;
import io.minerai.core.site.Site;
import io.minerai.core.validation.ValidationException;
import io.minerai.dispatch.Dispatch;
import io.minerai.dispatch.DispatchResult;
import io.minerai.dispatch.MeritOrderPolicy;
import io.minerai.dispatch.Settlement;
import io.minerai.dispatch.SettlementTerms;
import io.minerai.dispatch.ledger.Direction;
import io.minerai.dispatch.ledger.LedgerBuilder;
import io.minerai.dispatch.ledger.SettlementContext;
import io.minerai.dispatch.ledger.Settler;
import io.minerai.dispatch.ledger.Stream;
import io.minerai.dispatch.program.CoincidentPeakCharge;
import io.minerai.dispatch.program.ImportLimitProgram;
import io.minerai.optimize.MarketResponse.ReserveLimit;
import io.minerai.optimize.MarketResponse.ReserveOffering;
import io.minerai.solver.LpModel;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Hand-checked cases for the steps that make the market programs of the settlement terms part of the plan: coincident
 * peaks with a minimum billing demand, reserves across products with limits of their own, and demand-response import
 * limits. Synthetic numbers; the standard fleet is 1 MW worth $50/MWh (see {@link Fixtures}); intervals are one hour.
 */
class ProgramStepsTest {
    static final Optimizer LP = FormulationStepsTest.LP;

    static OptimizationProblem problem(Site s, ScenarioInputs in, List<? extends Settler> programs, MarketResponse r) {
        return OptimizationProblem.of(s, in)
                .withTerms(SettlementTerms.of(programs))
                .withResponse(r);
    }

    @Nested
    class MinimumBillingDemand {
        static final Stream CHARGE =
                Stream.of("transmission_test", "Test peak charge", Direction.COST, "test-cp", "test charge");

        /** Peaks in intervals 1 and 2, two peaks per tag, $1,000 per MW of tag, minimum billing demand 0.6 MW. */
        static CoincidentPeakCharge charge(double minimumMw) {
            return new CoincidentPeakCharge(
                    "test-cp", CHARGE, "tagMw", 2, 1000, minimumMw, new boolean[] {false, true, true});
        }

        @Test
        void aBindingMinimumMakesCurtailingBelowItWorthNothing() {
            // fleet margin $20/h (price 30, worth 50). Each MW in a peak costs 1000 / 2 = $500, so without a minimum
            // the fleet runs only in interval 0: net 20. With a 0.6 MW minimum the charge is 1000 x max(tag, 0.6):
            // curtailing below a tag of 0.6 saves nothing, so the fleet runs until m1 + m2 = 1.2:
            // 20 + 20 x 1.2 - 600 = -556 (running fully: 60 - 1000 = -940; curtailing both peaks: 20 - 600 = -580).
            Site s = site(grid(10, 0), List.of(fleet("f", 1)));
            ScenarioInputs in = inputs(30, 30, 30).build();
            OptimizeResult none = LP.perfectForesight(problem(s, in, List.of(charge(0)), MarketResponse.NONE));
            assertThat(none.netUsd()).isCloseTo(20, within(1e-6));

            OptimizationProblem p = problem(s, in, List.of(charge(0.6)), MarketResponse.NONE);
            OptimizeResult r = LP.perfectForesight(p);
            Dispatch d = r.result().ledger().dispatch();
            assertThat(d.importMw()[1] + d.importMw()[2]).isCloseTo(1.2, within(1e-7));
            assertThat(r.netUsd()).isCloseTo(-556, within(1e-6));
            assertThat(r.report().objectiveUsd()).isCloseTo(r.netUsd(), within(1e-6));
            assertThat(r.result().summary().costUsd("transmission_test")).isCloseTo(600, within(1e-6));
            assertThat(r.result().summary().programFactOrZero("test-cp", "billedMw"))
                    .isCloseTo(0.6, within(1e-9));
            DispatchResult merit = Settlement.settle(s, in, new MeritOrderPolicy().decide(s, in), p.settlementTerms());
            assertThat(merit.summary().netUsd()).isCloseTo(60 - 1000, within(1e-6));
        }

        @Test
        void aMinimumBelowTheTagChangesNothing() {
            // with two sites' worth of firm load (a 1 MW lease) the tag is at least 1 MW > 0.6: the minimum never
            // binds and the fleet still curtails in the peaks (its import there costs $500/MW)
            Site s = site(
                    grid(10, 0),
                    List.of(fleet("f", 1)),
                    List.of(),
                    List.of(Fixtures.lease(1, 0)),
                    List.of(),
                    java.util.Optional.empty());
            ScenarioInputs in = inputs(30, 30, 30).build();
            OptimizeResult r = LP.perfectForesight(problem(s, in, List.of(charge(0.6)), MarketResponse.NONE));
            Dispatch d = r.result().ledger().dispatch();
            assertThat(d.fraction(1, 0)).isCloseTo(0, within(1e-7));
            assertThat(d.fraction(2, 0)).isCloseTo(0, within(1e-7));
            // fleet 20 in interval 0; lease energy 3 x 30 = -90; charge 1000 x 1 = -1000
            assertThat(r.netUsd()).isCloseTo(20 - 90 - 1000, within(1e-6));
        }

        @Test
        void twoChargesAddUp() {
            // the same peaks charged by two programs (e.g. a transmission and a capacity charge): $500 + $250 per MW
            Stream other = Stream.of("capacity_test", "Test capacity", Direction.COST, "test-cap", "test");
            CoincidentPeakCharge cap =
                    new CoincidentPeakCharge("test-cap", other, "plcMw", 4, 1000, 0, new boolean[] {true, false});
            CoincidentPeakCharge cp =
                    new CoincidentPeakCharge("test-cp", CHARGE, "tagMw", 2, 1000, 0, new boolean[] {true, false});
            // a GPU cloud worth $700/MWh at price 30: running in interval 0 earns 670, costs 500 + 250 -> curtail
            Site s = site(
                    grid(10, 0),
                    List.of(),
                    List.of(Fixtures.gpu(700, false)),
                    List.of(),
                    List.of(),
                    java.util.Optional.empty());
            ScenarioInputs in = inputs(30, 30).build();
            OptimizeResult one = LP.perfectForesight(problem(s, in, List.of(cp), MarketResponse.NONE));
            assertThat(one.result().ledger().dispatch().fraction(0, 0)).isCloseTo(1, within(1e-7));
            assertThat(one.netUsd()).isCloseTo(670 - 500 + 670, within(1e-6));
            OptimizeResult both = LP.perfectForesight(problem(s, in, List.of(cp, cap), MarketResponse.NONE));
            assertThat(both.result().ledger().dispatch().fraction(0, 0)).isCloseTo(0, within(1e-7));
            assertThat(both.netUsd()).isCloseTo(670, within(1e-6));
        }
    }

    @Nested
    class ReservesAcrossProducts {
        static OptimizationProblem reserves(Site s, ScenarioInputs in, double fraction, ReserveLimit... limits) {
            return problem(
                    s, in, List.of(), MarketResponse.NONE.withReserves(new ReserveOffering(fraction, List.of(limits))));
        }

        @Test
        void sharesSplitTheOfferInOrderOfPriceWithOneColumn() {
            // price 60 > worth 50: running loses 10/h. RRS $20 at most half the offer, ECRS $15: 0.5 x 20 + 0.5 x 15 =
            // 17.5 per MW offered -> run and offer all: net 7.5. One offer column (the exact reduction).
            Site s = site(grid(10, 0), List.of(fleet("f", 1)));
            ScenarioInputs in =
                    inputs(60).ancillary("RRS", 20).ancillary("ECRS", 15).build();
            OptimizationProblem p = reserves(
                    s,
                    in,
                    1.0,
                    new ReserveLimit("RRS", 0.5, Double.POSITIVE_INFINITY, List.of()),
                    ReserveLimit.unlimited("ECRS"));
            OptimizeResult r = LP.perfectForesight(p);
            Dispatch d = r.result().ledger().dispatch();
            assertThat(d.reserves().offerMw(0, 0)).isCloseTo(0.5, within(1e-7));
            assertThat(d.reserves().offerMw(0, 1)).isCloseTo(0.5, within(1e-7));
            assertThat(r.netUsd()).isCloseTo(7.5, within(1e-6));
            assertThat(r.result().summary().streamTotalUsd("ancillary")).isCloseTo(17.5, within(1e-6));
            LpModel m = Formulation.full().build(p.actualData(), p.siteTerms()).model();
            // import, fleet, one reserve column
            assertThat(m.columnCount()).isEqualTo(3);
        }

        @Test
        void aMegawattCapSendsTheRestToTheNextProduct() {
            // RRS $20 at most half, ECRS $15 at most 0.3 MW, NSPIN $5: 10 + 4.5 + 0.2 x 5 = 15.5; net 15.5 - 10 = 5.5
            Site s = site(grid(10, 0), List.of(fleet("f", 1)));
            ScenarioInputs in = inputs(60)
                    .ancillary("RRS", 20)
                    .ancillary("ECRS", 15)
                    .ancillary("NSPIN", 5)
                    .build();
            OptimizeResult r = LP.perfectForesight(reserves(
                    s,
                    in,
                    1.0,
                    new ReserveLimit("RRS", 0.5, Double.POSITIVE_INFINITY, List.of()),
                    new ReserveLimit("ECRS", 1.0, 0.3, List.of()),
                    ReserveLimit.unlimited("NSPIN")));
            Dispatch d = r.result().ledger().dispatch();
            assertThat(new double[] {
                        d.reserves().offerMw(0, 0),
                        d.reserves().offerMw(0, 1),
                        d.reserves().offerMw(0, 2)
                    })
                    .containsExactly(new double[] {0.5, 0.3, 0.2}, within(1e-7));
            assertThat(r.netUsd()).isCloseTo(5.5, within(1e-6));
            assertThat(r.report().objectiveUsd()).isCloseTo(5.5, within(1e-6));
        }

        @Test
        void aLoadThatMayNotProvideAProductOffersAnotherOne() {
            // two 1 MW fleets at price 30 (each earns 20). REGUP pays $30 but fleet g may not provide it (a
            // non-controllable load resource); RRS pays $10. f offers 1 MW REGUP, g 1 MW RRS: 40 + 30 + 10 = 80.
            // Pooling the two fleets' capacity would (wrongly) offer 2 MW of REGUP: 100.
            Site s = site(grid(10, 0), List.of(fleet("f", 1), fleet("g", 1)));
            ScenarioInputs in =
                    inputs(30).ancillary("REGUP", 30).ancillary("RRS", 10).build();
            OptimizeResult r = LP.perfectForesight(reserves(
                    s,
                    in,
                    1.0,
                    new ReserveLimit("REGUP", 1.0, Double.POSITIVE_INFINITY, List.of("g")),
                    ReserveLimit.unlimited("RRS")));
            Dispatch d = r.result().ledger().dispatch();
            assertThat(d.reserves().offerMw(0, 0)).isCloseTo(1, within(1e-7));
            assertThat(d.reserves().offerMw(0, 1)).isCloseTo(1, within(1e-7));
            assertThat(r.netUsd()).isCloseTo(80, within(1e-6));
        }

        @Test
        void withoutLimitsEverythingGoesToTheBestPricedProduct() {
            // the reduction of the issue-4 model: RRS 12, ECRS 18, NSPIN 7 -> 1 MW ECRS
            Site s = site(grid(10, 0), List.of(fleet("f", 1)));
            ScenarioInputs in = inputs(30)
                    .ancillary("RRS", 12)
                    .ancillary("ECRS", 18)
                    .ancillary("NSPIN", 7)
                    .build();
            OptimizeResult r = LP.perfectForesight(problem(
                    s,
                    in,
                    List.of(),
                    MarketResponse.NONE.withReserves(ReserveOffering.of(List.of("RRS", "ECRS", "NSPIN"), 1.0))));
            Dispatch d = r.result().ledger().dispatch();
            assertThat(new double[] {
                        d.reserves().offerMw(0, 0),
                        d.reserves().offerMw(0, 1),
                        d.reserves().offerMw(0, 2)
                    })
                    .containsExactly(new double[] {0, 1, 0}, within(1e-7));
            assertThat(r.netUsd()).isCloseTo(20 + 18, within(1e-6));
        }
    }

    /** A demand-response program with a fixed import limit per interval (a test double of an SB 6-like service). */
    record EventLimit(double[] maxMw) implements Settler, ImportLimitProgram {
        @Override
        public String program() {
            return "test-dr";
        }

        @Override
        public double maxImportMw(int t) {
            return maxMw[t];
        }

        @Override
        public List<Stream> streams() {
            return List.of();
        }

        @Override
        public void settle(SettlementContext context, LedgerBuilder out) {}
    }

    @Nested
    class ImportLimitsStep {
        @Test
        void anEventWindowForcesCurtailment() {
            // fleet margin 20/h; an event in interval 1 limits import to 0.4 MW: 20 + 0.4 x 20 + 20 = 48
            Site s = site(grid(10, 0), List.of(fleet("f", 1)));
            double inf = Double.POSITIVE_INFINITY;
            OptimizeResult r = LP.perfectForesight(problem(
                    s,
                    inputs(30, 30, 30).build(),
                    List.of(new EventLimit(new double[] {inf, 0.4, inf})),
                    MarketResponse.NONE));
            Dispatch d = r.result().ledger().dispatch();
            assertThat(new double[] {d.fraction(0, 0), d.fraction(1, 0), d.fraction(2, 0)})
                    .containsExactly(new double[] {1, 0.4, 1}, within(1e-7));
            assertThat(r.netUsd()).isCloseTo(48, within(1e-6));
        }

        @Test
        void reservesFollowTheCurtailedLoad() {
            // the event leaves 0.4 MW running, so at most 0.4 MW can be offered: 20 + 0.4 x (20 + 10) = 32 with RRS $10
            Site s = site(grid(10, 0), List.of(fleet("f", 1)));
            double inf = Double.POSITIVE_INFINITY;
            OptimizeResult r = LP.perfectForesight(problem(
                    s,
                    inputs(30, 30).ancillary("RRS", 10, 10).build(),
                    List.of(new EventLimit(new double[] {inf, 0.4})),
                    MarketResponse.NONE.withReserves(ReserveOffering.of(List.of("RRS"), 1.0))));
            assertThat(r.result().ledger().dispatch().reserves().offerMw(1, 0)).isCloseTo(0.4, within(1e-7));
            assertThat(r.netUsd()).isCloseTo(30 + 0.4 * 30, within(1e-6));
        }

        @Test
        void anEventBelowTheFirmLoadNamesTheProgramAndTheInterval() {
            Site s = site(
                    grid(10, 0),
                    List.of(),
                    List.of(),
                    List.of(Fixtures.lease(2, 0)),
                    List.of(),
                    java.util.Optional.empty());
            double[] limit = new double[3];
            Arrays.fill(limit, Double.POSITIVE_INFINITY);
            limit[2] = 1;
            assertThatThrownBy(() -> LP.perfectForesight(problem(
                            s, inputs(30, 30, 30).build(), List.of(new EventLimit(limit)), MarketResponse.NONE)))
                    .isInstanceOf(ValidationException.class)
                    .hasMessageContaining("import limit test-dr")
                    .hasMessageContaining("first 2024-07-01T02:00:00Z");
        }
    }

    @Test
    void anAlertRuleCurtailsOnlyInItsIntervalsAndLeavesTheChargeToSettlement() {
        // the 4CP charge is not priced under the alert rule; the alert in interval 0 stops the fleet there
        Site s = site(grid(10, 0), List.of(fleet("f", 1)));
        CoincidentPeakCharge cp = CoincidentPeakCharge.ercot4cp(50, new boolean[] {false, true});
        OptimizeResult r = LP.perfectForesight(problem(
                s,
                inputs(30, 30).build(),
                List.of(cp),
                new MarketResponse(ReserveOffering.NONE, Map.of("ercot-4cp", new boolean[] {true, false}))));
        Dispatch d = r.result().ledger().dispatch();
        assertThat(d.fraction(0, 0)).isCloseTo(0, within(1e-7));
        assertThat(d.fraction(1, 0)).isCloseTo(1, within(1e-7));
        // 20 in interval 1, 4CP: 1 MW x 50 x 1000 / 4 = 12,500
        assertThat(r.netUsd()).isCloseTo(20 - 12_500, within(1e-6));
    }
}
