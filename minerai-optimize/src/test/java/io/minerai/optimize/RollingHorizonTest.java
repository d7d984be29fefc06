package io.minerai.optimize;

import static io.minerai.optimize.Fixtures.fleet;
import static io.minerai.optimize.Fixtures.grid;
import static io.minerai.optimize.Fixtures.site;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.minerai.core.inputs.ScenarioInputs;
import io.minerai.core.scenario.AncillaryProgram;
import io.minerai.core.scenario.MarketPrograms;
import io.minerai.core.scenario.OptimizeSettings;
import io.minerai.core.scenario.OptimizeSettings.ForecastMode;
import io.minerai.core.scenario.OptimizeSettings.GpuJob;
import io.minerai.core.site.Site;
import io.minerai.dispatch.Dispatch;
import io.minerai.solver.OrToolsSolver;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Rolling horizon: hand-checked two-day cases (hourly, synthetic prices) for each forecast mode. */
class RollingHorizonTest {
    static final Optimizer LP = new Optimizer(new OrToolsSolver(OrToolsSolver.Backend.HIGHS_LP));

    static OptimizationProblem problem(Site s, ScenarioInputs in, List<GpuJob> jobs, int windowHours, int commitHours) {
        return OptimizationProblem.of(s, in)
                .withSettings(new OptimizeSettings(
                        ForecastMode.PERFECT, windowHours, commitHours, "highs_lp", List.of(), jobs));
    }

    static double[] twoDays(double day1, double day2) {
        double[] p = new double[48];
        for (int t = 0; t < 48; t++) {
            p[t] = t < 24 ? day1 : day2;
        }
        return p;
    }

    @Test
    void perfectForecastRollingEqualsTheStackedOptimumWithoutCouplings() {
        // a fleet worth $50 and prices that cross it: decisions are independent per interval, so rolling day by day
        // with the real prices gives the stacked optimum
        double[] p = new double[48];
        for (int t = 0; t < 48; t++) {
            p[t] = 20 + 10 * (t % 7);
        }
        Site s = site(grid(10, 0), List.of(fleet("f", 1)));
        OptimizationProblem prob = problem(s, Fixtures.inputs(p).build(), List.of(), 24, 24);
        double stacked = LP.perfectForesight(prob).netUsd();
        double rolling = new RollingHorizon(LP).run(prob, ForecastMode.PERFECT).netUsd();
        assertThat(rolling).isCloseTo(stacked, within(1e-6));
    }

    @Test
    void dayAheadPlansReservesOnForecastsAndRealTimeDecidesEnergy() {
        // day 2's real-time price is $60 (fleet worth $50) but the day-ahead price said $30; RRS pays $5.
        // Day ahead commits 1 MW of RRS per hour (running looked profitable: 20 + 5). In real time running costs
        // -10 + 5 = -5 per hour but the committed offer must stay backed by running load: day 2 nets -5 x 24.
        // Perfect foresight on day 2 idles (reserve 5 < loss 10): 0. Day 1 ($30 real time and day ahead): 25 x 24.
        Site s = site(grid(10, 0), List.of(fleet("f", 1)));
        double[] rrs = new double[48];
        java.util.Arrays.fill(rrs, 5);
        ScenarioInputs in = Fixtures.inputs(twoDays(30, 60))
                .dayAhead(twoDays(30, 30))
                .ancillary("RRS", rrs)
                .build();
        OptimizationProblem prob = problem(s, in, List.of(), 24, 24)
                .withPrograms(
                        new MarketPrograms(Optional.empty(), Optional.of(new AncillaryProgram(true, false, false, 1))));
        OptimizeResult da = new RollingHorizon(LP).run(prob, ForecastMode.DAY_AHEAD);
        OptimizeResult perfect = LP.perfectForesight(prob);
        assertThat(perfect.netUsd()).isCloseTo(25 * 24, within(1e-6));
        assertThat(da.netUsd()).isCloseTo(25 * 24 - 5 * 24, within(1e-6));
        Dispatch d = da.result().ledger().dispatch();
        assertThat(d.reserves().offerMw(30, 0)).isCloseTo(1, within(1e-7));
        assertThat(d.fraction(30, 0)).isCloseTo(1, within(1e-7));
        assertThat(perfect.netUsd() - da.netUsd()).as("value of foresight").isCloseTo(120, within(1e-6));
    }

    @Test
    void persistenceRepeatsYesterdayAndLosesWhenTheWeatherTurns() {
        // day 1 cheap ($10), day 2 expensive ($80) in real time; the first window has no history and plans on the
        // first price. Without reserves or jobs the real-time stage decides energy on the actual price, so
        // persistence loses nothing here: forecasts only matter through commitments.
        Site s = site(grid(10, 0), List.of(fleet("f", 1)));
        OptimizationProblem prob = problem(s, Fixtures.inputs(twoDays(10, 80)).build(), List.of(), 48, 24);
        double perfect = LP.perfectForesight(prob).netUsd();
        double persistence =
                new RollingHorizon(LP).run(prob, ForecastMode.PERSISTENCE).netUsd();
        assertThat(perfect).isCloseTo(40 * 24, within(1e-6));
        assertThat(persistence).isCloseTo(perfect, within(1e-6));
    }

    @Test
    void jobsCarryTheirProgressAcrossWindowsAndMeetTheDeadline() {
        // 30 MWh due over both days at most 1 MW: day 1 must do at least 6 MWh (only 24 fit on day 2). Day-ahead
        // prices say day 2 is cheap (5 vs 50) so the plan does the minimum on day 1; real time: day 2 costs 5.
        Site s = site(grid(10, 0), List.of());
        GpuJob job = new GpuJob("train", 1, 30, 0, 0, Fixtures.T0, Fixtures.T0.plusSeconds(48 * 3600), 100, true);
        ScenarioInputs in =
                Fixtures.inputs(twoDays(50, 5)).dayAhead(twoDays(50, 5)).build();
        OptimizationProblem prob = problem(s, in, List.of(job), 48, 24);
        OptimizeResult r = new RollingHorizon(LP).run(prob, ForecastMode.DAY_AHEAD);
        Dispatch d = r.result().ledger().dispatch();
        double day1 = 0;
        double day2 = 0;
        for (int t = 0; t < 48; t++) {
            if (t < 24) {
                day1 += d.deferrable().powerMw(t, 0);
            } else {
                day2 += d.deferrable().powerMw(t, 0);
            }
        }
        assertThat(day1).isCloseTo(6, within(1e-6));
        assertThat(day2).isCloseTo(24, within(1e-6));
        assertThat(r.netUsd()).isCloseTo(30 * 100 - 6 * 50 - 24 * 5, within(1e-6));
    }

    @Test
    void progressIsToldAfterEachCommittedDayAndMayStopTheRun() {
        Site s = site(grid(10, 0), List.of());
        ScenarioInputs in =
                Fixtures.inputs(twoDays(50, 5)).dayAhead(twoDays(50, 5)).build();
        OptimizationProblem prob = problem(s, in, List.of(), 48, 24);
        List<Integer> told = new java.util.ArrayList<>();
        new RollingHorizon(LP).run(prob, ForecastMode.DAY_AHEAD, (done, total) -> {
            assertThat(total).isEqualTo(48);
            told.add(done);
        });
        assertThat(told).containsExactly(24, 48);

        List<Integer> before = new java.util.ArrayList<>();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new RollingHorizon(LP)
                        .run(prob, ForecastMode.DAY_AHEAD, (done, total) -> {
                            before.add(done);
                            throw new IllegalStateException("cancelled at " + done);
                        }))
                .hasMessage("cancelled at 24");
        assertThat(before).containsExactly(24);
    }
}
