package io.minerai.optimize;

import static io.minerai.optimize.Fixtures.fleet;
import static io.minerai.optimize.Fixtures.grid;
import static io.minerai.optimize.Fixtures.inputs;
import static io.minerai.optimize.Fixtures.site;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.minerai.core.inputs.ScenarioInputs;
import io.minerai.core.scenario.AncillaryProgram;
import io.minerai.core.scenario.CoincidentPeakProgram;
import io.minerai.core.scenario.MarketPrograms;
import io.minerai.core.scenario.OptimizeSettings;
import io.minerai.core.scenario.OptimizeSettings.FleetControl;
import io.minerai.core.scenario.OptimizeSettings.ForecastMode;
import io.minerai.core.scenario.OptimizeSettings.GpuJob;
import io.minerai.core.site.Ppa;
import io.minerai.core.site.Site;
import io.minerai.core.validation.ValidationException;
import io.minerai.dispatch.Backtest;
import io.minerai.dispatch.Dispatch;
import io.minerai.dispatch.DispatchResult;
import io.minerai.dispatch.MeritOrderPolicy;
import io.minerai.dispatch.Settlement;
import io.minerai.dispatch.SettlementTerms;
import io.minerai.dispatch.program.CoincidentPeakCharge;
import io.minerai.dispatch.program.CoincidentPeaks;
import io.minerai.solver.LpModel;
import io.minerai.solver.OrToolsSolver;
import io.minerai.solver.SolveOptions;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * One hand-checked case (or a few) per named step of the formulation. Numbers are synthetic; the standard fleet is 1 MW
 * and earns $50/MWh unless set otherwise (see {@link Fixtures}); intervals are one hour.
 */
class FormulationStepsTest {
    static final Optimizer LP = new Optimizer(new OrToolsSolver(OrToolsSolver.Backend.HIGHS_LP));
    static final Optimizer MIP =
            new Optimizer(new OrToolsSolver(OrToolsSolver.Backend.SCIP), SolveOptions.DEFAULT, Formulation.full());

    static OptimizeResult solve(OptimizationProblem p) {
        return LP.perfectForesight(p);
    }

    static OptimizationProblem problem(Site site, ScenarioInputs in) {
        return OptimizationProblem.of(site, in);
    }

    static OptimizationProblem withSettings(OptimizationProblem p, List<FleetControl> fc, List<GpuJob> jobs) {
        return p.withSettings(new OptimizeSettings(ForecastMode.PERFECT, 48, 24, "highs_lp", fc, jobs));
    }

    @Nested
    class VariablesStep {
        @Test
        void makesColumnsOnlyWhereTheyCanBeUsed() {
            // interval 0: no generation -> import + fleet; interval 1: generation -> import, export, spill, fleet;
            // interval 2: no price -> skipped, no columns
            Site s = site(grid(10, 5), List.of(fleet("f", 1)));
            s = new Site(
                    "t",
                    s.grid(),
                    s.minerFleets(),
                    List.of(),
                    List.of(),
                    List.of(Fixtures.solar(2)),
                    Optional.empty(),
                    s.opex());
            ScenarioInputs in =
                    inputs(30, 30, Double.NaN).capacityFactor(0, 0.5, 0.5).build();
            LpModel m = Formulation.full()
                    .build(problem(s, in).actualData(), SiteTerms.of(s))
                    .model();
            assertThat(m.columnCount()).isEqualTo(2 + 4);
            assertThat(m.columnLabel(0)).isEqualTo("import[0]");
            assertThat(m.columnLabel(1)).isEqualTo("run f[0]");
            assertThat(m.columnLabel(3)).isEqualTo("export[1]");
        }
    }

    @Nested
    class SiteBalanceStep {
        @Test
        void importCoversFirmAndRunningLoadLessGeneration() {
            // 2 MW firm lease + 1 MW fleet worth $50 > price $30; 0.5 MW of solar -> import 2.5 MW
            Site s = site(
                    grid(10, 0),
                    List.of(fleet("f", 1)),
                    List.of(),
                    List.of(Fixtures.lease(2, 0)),
                    List.of(Fixtures.solar(0.5)),
                    Optional.empty());
            ScenarioInputs in = inputs(30).capacityFactor(1).build();
            Dispatch d = solve(problem(s, in)).result().ledger().dispatch();
            assertThat(d.importMw()[0]).isCloseTo(2.5, within(1e-7));
            assertThat(d.fraction(0, 0)).isCloseTo(1, within(1e-9));
            assertThat(d.fraction(0, 1)).isEqualTo(1);
            assertThat(d.totalLoadMw(0) + d.exportMw()[0] + d.spillMw()[0])
                    .isCloseTo(d.importMw()[0] + d.generationMw()[0], within(1e-7));
        }
    }

    @Nested
    class ImportExportLimitsStep {
        @Test
        void importCapLimitsTheFleet() {
            // cap 2.5 MW, firm 2 MW -> the fleet can only run at 0.5
            Site s = site(
                    grid(2.5, 0),
                    List.of(fleet("f", 1)),
                    List.of(),
                    List.of(Fixtures.lease(2, 0)),
                    List.of(),
                    Optional.empty());
            Dispatch d = solve(problem(s, inputs(30).build())).result().ledger().dispatch();
            assertThat(d.fraction(0, 0)).isCloseTo(0.5, within(1e-7));
            assertThat(d.importMw()[0]).isCloseTo(2.5, within(1e-7));
        }

        @Test
        void exportCapSpillsTheRest() {
            // 5 MW solar, 1 MW fleet running on it, export cap 2 MW at a positive price -> export 2, spill 2
            Site s = site(
                    grid(10, 2),
                    List.of(fleet("f", 1)),
                    List.of(),
                    List.of(),
                    List.of(Fixtures.solar(5)),
                    Optional.empty());
            Dispatch d = solve(problem(s, inputs(30).capacityFactor(1).build()))
                    .result()
                    .ledger()
                    .dispatch();
            assertThat(d.importMw()[0]).isCloseTo(0, within(1e-7));
            assertThat(d.exportMw()[0]).isCloseTo(2, within(1e-7));
            assertThat(d.spillMw()[0]).isCloseTo(2, within(1e-7));
            assertThat(d.fraction(0, 0)).isCloseTo(1, within(1e-7));
        }
    }

    @Nested
    class FleetLimitsStep {
        @Test
        void blocksMakeTheFleetRunInWholeBlocks() {
            // 4 blocks of 0.25 MW, import cap 0.6 MW -> 2 blocks (0.5); the LP alone would run 0.6
            Site s = site(grid(0.6, 0), List.of(fleet("f", 1)));
            OptimizationProblem p =
                    withSettings(problem(s, inputs(30).build()), List.of(new FleetControl("f", 4, 0, 0, 0)), List.of());
            assertThat(solve(problem(s, inputs(30).build()))
                            .result()
                            .ledger()
                            .dispatch()
                            .fraction(0, 0))
                    .isCloseTo(0.6, within(1e-7));
            Dispatch d = MIP.perfectForesight(p).result().ledger().dispatch();
            assertThat(d.fraction(0, 0)).isCloseTo(0.5, within(1e-7));
        }

        @Test
        void minimumOffTimeKeepsAStoppedBlockOff() {
            // prices 5, 100, 10, 10 against a $50 fleet: continuous runs on, off, on, on (margin 45+0+40+40 = 125).
            // With one block and a minimum off time of 2 intervals the stop in interval 1 lasts into interval 2:
            // on, off, off, on = 85 beats off, off, on, on = 80 and staying on throughout = 45 - 50 + 40 + 40 = 75.
            Site s = site(grid(10, 0), List.of(fleet("f", 1)));
            OptimizationProblem p = withSettings(
                    problem(s, inputs(5, 100, 10, 10).build()), List.of(new FleetControl("f", 1, 1, 2, 0)), List.of());
            OptimizeResult r = MIP.perfectForesight(p);
            Dispatch d = r.result().ledger().dispatch();
            assertThat(new double[] {d.fraction(0, 0), d.fraction(1, 0), d.fraction(2, 0), d.fraction(3, 0)})
                    .containsExactly(new double[] {1, 0, 0, 1}, within(1e-7));
            assertThat(r.netUsd()).isCloseTo(85, within(1e-6));
        }

        @Test
        void minimumOnTimeKeepsAStartedBlockOn() {
            // prices 100, 10, 100, 100: with a minimum on time of 2, starting in interval 1 means running in 2 too:
            // off, on, on, off = 40 - 50 = -10 < 0, so the fleet stays off throughout.
            Site s = site(grid(10, 0), List.of(fleet("f", 1)));
            OptimizationProblem p = withSettings(
                    problem(s, inputs(100, 10, 100, 100).build()),
                    List.of(new FleetControl("f", 1, 2, 1, 0)),
                    List.of());
            OptimizeResult r = MIP.perfectForesight(p);
            assertThat(r.netUsd()).isCloseTo(0, within(1e-6));
        }

        @Test
        void restoreLimitRampsTheFleetBackUp() {
            // price 1,000 then 10, 10, 10; at most 0.25 MW restored per interval -> 0, 0.25, 0.5, 0.75 (net 40 x 1.5).
            // Running at a in interval 0 would cost 950 a and gain only 40 x 3a later.
            Site s = site(grid(10, 0), List.of(fleet("f", 1)));
            OptimizationProblem p = withSettings(
                    problem(s, inputs(1000, 10, 10, 10).build()),
                    List.of(new FleetControl("f", 0, 0, 0, 0.25)),
                    List.of());
            Dispatch d = solve(p).result().ledger().dispatch();
            assertThat(new double[] {d.fraction(0, 0), d.fraction(1, 0), d.fraction(2, 0), d.fraction(3, 0)})
                    .containsExactly(new double[] {0, 0.25, 0.5, 0.75}, within(1e-7));
        }
    }

    @Nested
    class ReservesStep {
        static OptimizationProblem reserves(double offerFraction, double rrsPrice) {
            Site s = site(grid(10, 0), List.of(fleet("f", 1)));
            ScenarioInputs in = inputs(60).ancillary("RRS", rrsPrice).build();
            return problem(s, in)
                    .withPrograms(new MarketPrograms(
                            Optional.empty(), Optional.of(new AncillaryProgram(true, false, false, offerFraction))));
        }

        @Test
        void offeringReservesBeatsIdling() {
            // price $60 > fleet value $50: idle earns 0. Running and offering 1 MW of RRS at $20/MW-h earns
            // 50 - 60 + 20 = $10.
            OptimizeResult r = solve(reserves(1.0, 20));
            Dispatch d = r.result().ledger().dispatch();
            assertThat(d.fraction(0, 0)).isCloseTo(1, within(1e-7));
            assertThat(d.reserves().offerMw(0, 0)).isCloseTo(1, within(1e-7));
            assertThat(r.result().summary().streamTotalUsd("ancillary")).isCloseTo(20, within(1e-6));
            assertThat(r.netUsd()).isCloseTo(10, within(1e-6));
            assertThat(Backtest.meritOrder(
                                    reserves(1.0, 20).site(), reserves(1.0, 20).inputs())
                            .summary()
                            .netUsd())
                    .isCloseTo(0, within(1e-9));
        }

        @Test
        void offersNeverExceedTheCurtailableRunningLoad() {
            // only 40 % may be offered: 50 - 60 + 0.4 x 20 = -2 < 0 -> idle, nothing offered
            OptimizeResult r = solve(reserves(0.4, 20));
            Dispatch d = r.result().ledger().dispatch();
            assertThat(d.fraction(0, 0)).isCloseTo(0, within(1e-7));
            assertThat(d.reserves().offerMw(0, 0)).isCloseTo(0, within(1e-7));
            assertThat(r.netUsd()).isCloseTo(0, within(1e-6));
        }
    }

    @Nested
    class CoincidentPeakStep {
        static OptimizationProblem fourCp(Site s, ScenarioInputs in, CoincidentPeakProgram.PeakRule rule) {
            CoincidentPeaks peaks = CoincidentPeaks.ofPeaks(
                    in.grid(), List.of(Fixtures.T0.plusSeconds(3600 + 900)), java.time.Duration.ofMinutes(15));
            if (rule instanceof CoincidentPeakProgram.PeakRule.Alert) {
                boolean[] alert = {false, true};
                peaks = peaks.withAlerts(alert);
            }
            MarketPrograms programs = new MarketPrograms(
                    Optional.of(
                            new CoincidentPeakProgram(50, new CoincidentPeakProgram.PeakSource.ErcotFuelMix(0), rule)),
                    Optional.empty());
            return new OptimizationProblem(
                    s,
                    in,
                    SettlementTerms.of(List.of(CoincidentPeakCharge.ercot4cp(50, peaks.peakInterval()))),
                    OptimizationProblem.responseOf(programs, peaks),
                    OptimizeSettings.DEFAULT);
        }

        @Test
        void curtailsInTheKnownPeak() {
            // $50/kW-yr -> $12,500 per MW imported in one of the four peaks; price 30, value 50: run in interval 0,
            // curtail in the peak interval 1. Net 20. Merit order runs both and pays 20 + 20 - 12,500.
            Site s = site(grid(10, 0), List.of(fleet("f", 1)));
            OptimizationProblem p = fourCp(s, inputs(30, 30).build(), new CoincidentPeakProgram.PeakRule.Hindsight());
            OptimizeResult r = solve(p);
            Dispatch d = r.result().ledger().dispatch();
            assertThat(d.fraction(0, 0)).isCloseTo(1, within(1e-7));
            assertThat(d.fraction(1, 0)).isCloseTo(0, within(1e-7));
            assertThat(r.netUsd()).isCloseTo(20, within(1e-6));
            DispatchResult merit =
                    Settlement.settle(s, p.inputs(), new MeritOrderPolicy().decide(s, p.inputs()), p.settlementTerms());
            assertThat(merit.summary().costUsd("transmission_4cp")).isCloseTo(12_500, within(1e-6));
            assertThat(merit.summary().programFactOrZero("ercot-4cp", "tagMw")).isCloseTo(0.25, within(1e-9));
            assertThat(merit.summary().netUsd()).isCloseTo(40 - 12_500, within(1e-6));
        }

        @Test
        void preCurtailingForThePeakPays() {
            // A 1 MWh GPU job (max 1 MW, $100/MWh) must run in one of two intervals; energy is cheaper in the peak
            // interval (20 vs 40). Without 4CP it runs in the peak: 100 - 20 = 80. With the peak known it runs
            // before it: 100 - 40 = 60 > 80 - 12,500.
            Site s = site(grid(10, 0), List.of());
            GpuJob job = new GpuJob("train", 1, 1, 0, 0, Fixtures.T0, Fixtures.T0.plusSeconds(7200), 100, true);
            ScenarioInputs in = inputs(40, 20).build();
            OptimizationProblem energyOnly = withSettings(problem(s, in), List.of(), List.of(job));
            Dispatch d0 = solve(energyOnly).result().ledger().dispatch();
            assertThat(d0.deferrable().powerMw(1, 0)).isCloseTo(1, within(1e-7));
            OptimizationProblem p = withSettings(
                    fourCp(s, in, new CoincidentPeakProgram.PeakRule.Hindsight()), List.of(), List.of(job));
            OptimizeResult r = solve(p);
            Dispatch d = r.result().ledger().dispatch();
            assertThat(d.deferrable().powerMw(0, 0)).isCloseTo(1, within(1e-7));
            assertThat(d.deferrable().powerMw(1, 0)).isCloseTo(0, within(1e-7));
            assertThat(r.netUsd()).isCloseTo(60, within(1e-6));
        }

        @Test
        void alertRuleCurtailsInAlertIntervalsAndPaysOnActualPeaks() {
            Site s = site(grid(10, 0), List.of(fleet("f", 1)));
            OptimizationProblem p = fourCp(s, inputs(30, 30).build(), new CoincidentPeakProgram.PeakRule.Alert(0.03));
            OptimizeResult r = solve(p);
            assertThat(r.result().ledger().dispatch().fraction(1, 0)).isCloseTo(0, within(1e-7));
            assertThat(r.result().summary().costUsd("transmission_4cp")).isCloseTo(0, within(1e-6));
            assertThat(r.netUsd()).isCloseTo(20, within(1e-6));
        }
    }

    @Nested
    class PpaStep {
        @Test
        void ppaAddsItsHedgeAndLeavesDecisionsAlone() {
            // Q = 1 MW at K = $20, price $30, fleet worth $50 -> run; net = 50 - 30 + 1 x (30 - 20) = 30
            Site s = site(
                    grid(10, 0), List.of(fleet("f", 1)), List.of(), List.of(), List.of(), Optional.of(new Ppa(1, 20)));
            OptimizeResult r = solve(problem(s, inputs(30).build()));
            assertThat(r.result().ledger().dispatch().fraction(0, 0)).isCloseTo(1, within(1e-7));
            assertThat(r.netUsd()).isCloseTo(30, within(1e-6));
            assertThat(r.report().objectiveUsd()).isCloseTo(30, within(1e-6));
        }

        @Test
        void curtailingSellsThePpaEnergyBack() {
            // price spikes to $500: the fleet stops; the 1 MW PPA block is sold back: 500 - 20 = 480
            Site s = site(
                    grid(10, 0), List.of(fleet("f", 1)), List.of(), List.of(), List.of(), Optional.of(new Ppa(1, 20)));
            OptimizeResult r = solve(problem(s, inputs(500).build()));
            assertThat(r.result().ledger().dispatch().fraction(0, 0)).isCloseTo(0, within(1e-7));
            assertThat(r.result().summary().streamTotalUsd("ppa_sellback")).isCloseTo(500, within(1e-6));
            assertThat(r.netUsd()).isCloseTo(480, within(1e-6));
        }
    }

    @Nested
    class GpuWorkStep {
        @Test
        void interruptibleGpuRunsUnlessPowerIsWorthMore() {
            Site s = site(
                    grid(10, 0), List.of(), List.of(Fixtures.gpu(1200, false)), List.of(), List.of(), Optional.empty());
            Dispatch d = solve(problem(s, inputs(100, 2000).build()))
                    .result()
                    .ledger()
                    .dispatch();
            assertThat(d.fraction(0, 0)).isCloseTo(1, within(1e-7));
            assertThat(d.fraction(1, 0)).isCloseTo(0, within(1e-7));
        }

        @Test
        void requiredJobRunsInTheCheapestIntervalsOfItsWindow() {
            // 2 MWh due in hours 1..3 (window 01:00 - 04:00), max 1 MW, prices 5, 50, 10, 30, 5: runs in hours 2 and 3
            // (10 and 30), not in hour 0 or 4 (outside the window). Value $20/MWh: 40 - 40 = 0.
            Site s = site(grid(10, 0), List.of());
            GpuJob job = new GpuJob(
                    "batch",
                    1,
                    0,
                    2000,
                    1.0,
                    Fixtures.T0.plusSeconds(3600),
                    Fixtures.T0.plusSeconds(4 * 3600),
                    20,
                    true);
            OptimizeResult r =
                    solve(withSettings(problem(s, inputs(5, 50, 10, 30, 5).build()), List.of(), List.of(job)));
            Dispatch d = r.result().ledger().dispatch();
            double[] mw = new double[5];
            for (int t = 0; t < 5; t++) {
                mw[t] = d.deferrable().powerMw(t, 0);
            }
            assertThat(mw).containsExactly(new double[] {0, 0, 1, 1, 0}, within(1e-7));
            assertThat(r.netUsd()).isCloseTo(0, within(1e-6));
            assertThat(r.result().summary().energy().aiCloudEnergyMwh()).isCloseTo(2, within(1e-7));
        }

        @Test
        void optionalJobRunsOnlyWherePaying() {
            Site s = site(grid(10, 0), List.of());
            GpuJob job = new GpuJob("batch", 1, 3, 0, 0, Fixtures.T0, Fixtures.T0.plusSeconds(3 * 3600), 20, false);
            Dispatch d = solve(withSettings(problem(s, inputs(5, 50, 10).build()), List.of(), List.of(job)))
                    .result()
                    .ledger()
                    .dispatch();
            assertThat(d.deferrable().powerMw(0, 0) + d.deferrable().powerMw(2, 0))
                    .isCloseTo(2, within(1e-7));
            assertThat(d.deferrable().powerMw(1, 0)).isCloseTo(0, within(1e-7));
        }

        @Test
        void aJobThatCannotFitNamesTheConstraintAndTheInterval() {
            Site s = site(grid(10, 0), List.of());
            GpuJob job = new GpuJob("big", 1, 5, 0, 0, Fixtures.T0, Fixtures.T0.plusSeconds(2 * 3600), 20, true);
            assertThatThrownBy(() -> solve(withSettings(problem(s, inputs(5, 5).build()), List.of(), List.of(job))))
                    .isInstanceOf(ValidationException.class)
                    .hasMessageContaining("job energy due")
                    .hasMessageContaining("2024-07-01T01:00:00Z");
        }
    }

    @Nested
    class ObjectiveStep {
        @Test
        void objectiveEqualsTheSettledNet() {
            // fleet, interruptible GPU, firm lease with rent, solar with export, PPA, adders: the LP objective is the
            // net that Settlement computes for the chosen dispatch
            Site s = new Site(
                    "mixed",
                    new io.minerai.core.site.GridConnection(
                            "HB_WEST", 4, true, 1, List.of(new io.minerai.core.site.TariffAdder("tdsp", 3))),
                    List.of(fleet("a", 1), fleet("b", 0.5)),
                    List.of(Fixtures.gpu(80, false)),
                    List.of(Fixtures.lease(0.5, 100)),
                    List.of(Fixtures.solar(1)),
                    Optional.of(new Ppa(0.7, 25)),
                    io.minerai.core.site.SiteOpex.NONE);
            ScenarioInputs in = inputs(20, -5, 70, 45, 300, 35)
                    .minerValue(50, 50, 60, 60, 40, 40)
                    .capacityFactor(0, 0.3, 0.9, 1, 0.2, 0)
                    .build();
            OptimizeResult r = solve(problem(s, in));
            assertThat(r.report().objectiveUsd()).isCloseTo(r.netUsd(), within(1e-6));
            double merit = Backtest.meritOrder(s, in).summary().netUsd();
            assertThat(r.netUsd()).isGreaterThanOrEqualTo(merit - 1e-6);
        }

        @Test
        void minerRevenueFollowsHashprice() {
            // value $50/MWh at price 30 for 2 intervals: 2 x (50 - 30) = 40
            Site s = site(grid(10, 0), List.of(fleet("f", 1)));
            assertThat(solve(problem(s, inputs(30, 30).build())).netUsd()).isCloseTo(40, within(1e-6));
        }

        @Test
        void badlyScaledInputNamesTheFamilyAndInterval() {
            Site s = site(grid(10, 0), List.of(fleet("f", 1)));
            assertThatThrownBy(() -> solve(problem(s, inputs(30, 3e13).build())))
                    .isInstanceOf(ValidationException.class)
                    .hasMessageContaining("badly scaled")
                    .hasMessageContaining("import[1]");
        }

        @Test
        void firmLoadBeyondTheConnectionNamesSiteBalance() {
            Site s = site(grid(1, 0), List.of(), List.of(), List.of(Fixtures.lease(3, 0)), List.of(), Optional.empty());
            assertThatThrownBy(() -> solve(problem(s, inputs(30, 30).build())))
                    .isInstanceOf(ValidationException.class)
                    .hasMessageContaining("'site balance'")
                    .hasMessageContaining("2 intervals, first 2024-07-01T00:00:00Z");
        }
    }

    @Test
    void periodStartMatchesTheFixture() {
        assertThat(Fixtures.T0).isEqualTo(Instant.parse("2024-07-01T00:00:00Z"));
    }
}
